import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl weights`: weights derived by a method (budget allocation, AHP,
/// PCA, optimised, regression) instead of set by hand.
enum WeightsCommand: Command {
  static let name = "weights"
  static let abstract = "Derive weights: budget allocation, AHP, PCA, optimised or regression."
  static let discussion = """
    Derives the weights of the indicators (or, with --level dimensions, of the
    dimensions) by a method of the OECD/JRC Handbook (§6) and prints them with
    what the method found, and the --weights option to pass to 'kraftctl index'.
    budget and ahp read experts' judgements from --input FILE (CSV or JSON, one
    column per item): budget the points each expert gives out of 100 (one row
    per expert), ahp a pairwise comparison matrix on Saaty's 1–9 scale, refused
    when its consistency ratio is above 0.1 unless --force. pca keeps the
    components with an eigenvalue above 1 that each explain more than 10 % and
    weights by varimax-rotated loadings; optimised finds the weights whose
    effective importance (squared correlation with the index, normalised) is
    closest to equal, or to --target; regression weights by the non-negative
    least-squares coefficients of --outcome on the normalised indicators.
    --out FILE writes the weighted definition as JSON (it also carries
    dimension weights, which --weights cannot). See Documentation/Weighting.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("weights --method ahp --input jamforelser.csv", "Weights from a pairwise comparison matrix"),
    ("weights --method optimised", "Weights giving every indicator the same effective importance"),
    ("weights --method regression --outcome uvas_16_29/unga_16_29", "Weights from a regression on the UVAS share"),
    ("weights --method pca --format json", "PCA weights with the whole record as JSON"),
  ]

  static let method = Option<String>.choice(
    "--method", "METHOD", "budget, ahp, pca, optimised or regression.",
    ["budget", "ahp", "pca", "optimised", "regression"].map { ($0, $0) }, aliases: [("optimized", "optimised")]
  ).required(hint: "e.g. --method optimised")
  static let input = Option<String>("--input", "FILE", "budget/ahp: the experts' points or the comparison matrix (CSV or JSON).")
  static let outcome = Option<String>(
    "--outcome", "COLUMN[/DENOMINATOR]", "regression: the outcome column, or a rate of two columns.")
  static let target = Option<[Double]>.list(
    "--target", "T1,T2,…", "optimised: the effective importance wanted, in item order (default equal).") { text in
    guard let x = Double(text), x > 0 else {
      throw UsageError("--target must be positive numbers separated by commas, got '\(text)'", hint: "e.g. --target 2,1,1,1")
    }
    return x
  }
  static let level = Option<WeightingLevel>.choice(
    "--level", "LEVEL", "indicators (default) or dimensions.", WeightingLevel.allCases.map { ($0.rawValue, $0) })
  static let randomIndex = Option<AHPRandomIndex>.choice(
    "--random-index", "TABLE", "ahp: saaty (default) or dd (Donegan–Dodd, as ahpy's default).",
    [("saaty", .saaty), ("dd", .doneganDodd)])
  static let minEigenvalue = Option.number(
    "--min-eigenvalue", "X", "pca: keep components with an eigenvalue above X (default 1).", "must be ≥ 0", where: { $0 >= 0 })
  static let minShare = Option.number(
    "--min-share", "S", "pca: … each explaining more than S of the variance (default 0.1).", "must be in [0, 1)",
    where: { $0 >= 0 && $0 < 1 })
  static let force = Flag("--force", "ahp: accept a consistency ratio above 0.1.")
  static let out = Option<String>("--out", "FILE", "Also write the weighted definition (JSON) here.")
  static let options: [any OptionDeclaration] =
    [method, input, outcome, target, level, randomIndex, minEigenvalue, minShare, force]
    + CommonOptions.dataInput + [CommonOptions.definition, CommonOptions.minDenominator, CommonOptions.missing]
    + [CommonOptions.format, CommonOptions.csvDialect, out]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let request = try WeightsRequest(args, definition: definition)
    let record = try request.derive(on: statistics.table)
    if let file = args[out] {
      let weighted = try definition.applying(record)
      try OutputFile.write(try JSONCoding.encodeString(weighted), to: file)
      io.note("wrote \(file)")
    }
    let format = args[CommonOptions.format] ?? .table
    guard format != .json else { return try io.print(encoded: record) }
    io.print(WeightsReport.table(record), as: format)
    guard format == .table || format == .markdown else { return }
    for line in WeightsReport.summary(record, definition: definition) { io.print(line) }
    if statistics.isBundled && record.method.needsData { io.print(Inputs.illustrative) }
  }
}
