import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl index`: compute a composite index and rank the areas.
enum IndexCommand: Command {
  static let name = "index"
  static let abstract = "Compute the utsatthetsindex (or another definition) and rank the areas."
  static let discussion = """
    Runs an index definition (default stadskontoret-2025: the four indicators of
    STK-2024-1374 as z-scores, equal weights, arithmetic mean) on the bundled
    illustrative statistics or --data FILE. Rank 1 is the most vulnerable area;
    tied scores share the lowest rank (1-2-2-4); decile = ceil(10·rank/N).
    Options override the definition's choices and are recorded in the output.

    CSV columns: code,name,score,rank,decile,flags, then for each indicator <id>
    (the rate as a proportion; '..' when its denominator is below
    --min-denominator, disclosure control) and <id>.contribution. Areas that
    are not ranked follow the ranked ones with an empty rank and the reason in
    flags (excluded:<reason>;<flag>:<indicator>…); an area with a rate hidden
    by disclosure control carries suppressed:<indicator>. --min-denominator N
    both makes rates over fewer than N people missing in the computation
    (default: the definition's small-number limit) and hides them (default
    10); the JSON shows denominators below --min-count (default 5) as '..'.
    Scores and ranks are always shown. --by geso prints the
    population-weighted mean score of each GeSO instead.

    --panel FILE runs the index on every year of a long CSV (the year in
    --year-column, default år) with the normalisation's parameters fixed at
    --reference YEAR, so the years' scores are on one scale. It prints
    code,name,year,score,rank,decile,selected (selected: rank <= --top,
    default 12) and, except in CSV, the mobility between consecutive years
    (areas entering and leaving the selection, mean absolute rank change,
    Spearman). --code-map FILE (columns old,new) maps changed area codes:
    merged areas' counts are summed, a split area's earlier rows are left
    out, each with a warning. A --reference year not in the panel exits 64.
    A definition file that does not fit the data (unknown column, zero
    weight, geometric mean over values ≤ 0) exits with status 65; an unknown
    --definition name or --weights that do not fit exit with status 64.
    """
  static let examples: [(command: String, comment: String)] = [
    ("index --top 13", "The 13 most vulnerable delområden by the default index"),
    ("index --normalization rank --aggregation geometric --format csv", "Another normalisation and aggregation"),
    ("index --weights 2,1,1,1", "Double weight on year-9 eligibility"),
    ("index --definition min-definition.json --data statistik.csv", "Your own definition and data"),
    ("index --by geso", "Scores of the 14 GeSO"),
    ("index --format xlsx --out index.xlsx", "The table as an Excel workbook, numbers as numbers"),
    ("index --panel statistik-panel.csv --year-column år --reference 2023", "The index of several years on 2023's scale"),
  ]

  static let top = Option.integer(
    "--top", "N", "Show only the areas ranked N or better (ties included); with --panel: the selection size (default 12).",
    in: 1...1_000_000)
  static let by = Option<IndexLevel>.choice(
    "--by", "LEVEL", "Aggregate scores to a parent level: geso.", [("geso", .geso)])
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    CommonOptions.dataInput + [
      CommonOptions.definition, CommonOptions.normalization, CommonOptions.aggregation, CommonOptions.weights,
      CommonOptions.minDenominator, CommonOptions.minCount, CommonOptions.missing, top, by, format, out,
      CommonOptions.csvDialect, panel, yearColumn, reference, codeMap,
    ]

  /// The parent levels of `--by`.
  enum IndexLevel: Sendable { case geso }

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    if let path = args[panel] { return try runPanel(path, args, &io) }
    try refusePanelOptions(args)
    let format = args[Self.format] ?? .table
    let workbook = try WorkbookOutput.path(format: format, out: args[out])
    let definition = try IndexOptions.definition(args)
    let disclosure = Inputs.disclosure(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let result = try definition.run(on: statistics.table, hierarchy: MalmöData.hierarchy).disclosed(by: disclosure)
    io.report(result.warnings)
    let output = Rendering(result: result, disclosure: disclosure, bundled: statistics.isBundled, top: args[top])
    var sheet = (name: "index", table: result.table(disclosure: disclosure, numbers: .exact, top: args[top]))
    if args[by] != nil {
      guard let population = statistics.table.column("befolkning") else {
        throw UsageError(
          "--by geso needs a 'befolkning' column to weight by", hint: "add the population column to the data")
      }
      let geso = result.aggregated(to: .geso, hierarchy: MalmöData.hierarchy, population: population)
      if geso.rows.isEmpty {
        throw UsageError(
          "--by geso: no area of the data is a Malmö delområde", hint: "--by geso works with Malmö's area codes")
      }
      sheet = ("geso", geso.table(disclosure: disclosure, numbers: .exact, top: args[top]))
      if workbook == nil { output.print(geso, format: format, &io) }
    } else if workbook == nil {
      output.print(format: format, &io)
    }
    if let workbook { try WorkbookOutput.write([sheet], to: workbook, &io) }
  }
}
