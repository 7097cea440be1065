import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl audit`: the statistical audit of an index (correlations,
/// Cronbach's alpha, principal components, effective importance).
enum AuditCommand: Command {
  static let name = "audit"
  static let abstract = "Audit the index: correlations, Cronbach's alpha, PCA, nominal vs effective importance."
  static let discussion = """
    Over the areas the index ranks, and the values its aggregation combines
    (after imputation, outlier treatment and normalisation, every indicator
    oriented so that higher = more vulnerable): Pearson and Spearman
    correlations with two-sided p-values and the number of areas, between
    indicators, their dimensions and the index; Cronbach's alpha (raw and
    standardised) per dimension and for all indicators; the principal
    components of the indicators' correlation matrix; and each indicator's
    weight share beside its effective importance (its squared correlation with
    the index, normalised to sum to 1). Flags: indicator pairs with |r| ≥
    --threshold (default 0.9), negative correlations within a dimension, and
    effective importance over twice or under half the weight share. The text
    and Markdown formats give every part and JSON the whole audit; CSV (and
    JSON with --part) give the one --part names (default correlations). --svg writes a heat map of the Pearson matrix.
    See Documentation/IndexAudit.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("audit", "The audit of the default index on the bundled data"),
    ("audit --threshold 0.8 --svg korrelation.svg", "Flag |r| ≥ 0.8 and draw the heat map"),
    ("audit --format csv --part importance", "Nominal and effective importance as CSV"),
  ]

  /// The parts of the audit, in the order the text output prints them.
  static let parts = ["correlations", "alpha", "pca", "importance", "flags"]

  static let threshold = Option.number(
    "--threshold", "R", "Flag indicator pairs with |r| at or above R (default 0.9).", "must be above 0 and at most 1",
    where: { $0 > 0 && $0 <= 1 })
  static let part = Option<String>.choice(
    "--part", "PART", "Only one part: \(parts.spokenList) (CSV: default correlations).", parts.map { ($0, $0) })
  static let svg = Option<String>("--svg", "FILE", "Also write a heat map of the Pearson correlations (SVG) here.")
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    CommonOptions.dataInput + CommonOptions.indexOptions
    + [threshold, part, format, out, CommonOptions.csvDialect, svg, CommonOptions.language]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let outputFormat = args[format] ?? .table
    let workbook = try WorkbookOutput.path(format: outputFormat, out: args[out])
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let audit = try IndexAudit(
      definition, on: statistics.table, hierarchy: MalmöData.hierarchy, threshold: args[threshold] ?? 0.9)
    if let file = args[svg] {
      var map = CorrelationHeatMap(audit, language: args[CommonOptions.language] ?? .sv)
      map.footnotes = [definition.label] + (statistics.isBundled ? [Inputs.illustrative] : [])
      let text = map.svg()
      try OutputFile.write(text, to: file)
      io.note("wrote \(file) (\(text.utf8.count) bytes)")
    }
    if let workbook {
      let sheets = (args[part].map { [$0] } ?? parts).map { ($0, table($0, of: audit, numbers: .exact)) }
      return try WorkbookOutput.write(sheets, to: workbook, &io)
    }
    if outputFormat == .json && args[part] == nil {
      try io.print(encoded: audit)
      return
    }
    let chosen = args[part].map { [$0] } ?? (outputFormat == .csv ? ["correlations"] : parts)
    let numbers = outputFormat.numbers
    for (k, p) in chosen.enumerated() {
      if chosen.count > 1 { io.print((k > 0 ? "\n" : "") + (outputFormat == .markdown ? "## " : "") + p) }
      io.print(table(p, of: audit, numbers: numbers), as: outputFormat)
    }
    if statistics.isBundled && (outputFormat == .table || outputFormat == .markdown) { io.print(Inputs.illustrative) }
  }

  /// One part of the audit as a table.
  static func table(_ part: String, of audit: IndexAudit, numbers: ReportTable.Numbers) -> ReportTable {
    switch part {
    case "alpha": audit.reliabilityTable(numbers: numbers)
    case "pca": audit.componentTable(numbers: numbers)
    case "importance": audit.importanceTable(numbers: numbers)
    case "flags": audit.flagTable(numbers: numbers)
    default: audit.correlationTable(numbers: numbers)
    }
  }
}
