import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl index`: compute a composite index and rank the areas.
enum IndexCommand: Command {
  static let name = "index"
  static let abstract = "Compute the utsatthetsindex (or another definition) and rank the areas."
  static let usage = """
    [--data FILE] [--definition NAME|FILE] [--normalization zscore|minmax|rank|percentile|imd-exp|distance] \
    [--aggregation arithmetic|geometric|harmonic|minimum|count] [--weights W1,W2,…] [--min-denominator N] \
    [--min-count N] [--missing exclude|mean|median|reweight] [--top N] [--by geso] [--format table|csv|json|markdown]
    """
  static let discussion = """
    Runs an index definition (default stadskontoret-2025: the four indicators of
    STK-2024-1374 as z-scores, equal weights, arithmetic mean) on the bundled
    illustrative statistics or --data FILE. Rank 1 is the most vulnerable area;
    tied scores share the lowest rank (1-2-2-4); decile = ceil(10·rank/N).
    Options override the definition's choices and are recorded in the output.

    CSV columns: code,name,score,rank,decile,flags, then for each indicator <id>
    (the rate as a proportion; '..' when the denominator is below the
    small-number limit or below --min-denominator, disclosure control) and
    <id>.contribution. Areas that are not ranked follow the ranked ones with an
    empty rank and the reason in flags (excluded:<reason>;<flag>:<indicator>…);
    an area with a rate hidden by disclosure control carries
    suppressed:<indicator>. --min-denominator N (default: the definition's, 10)
    both makes rates over fewer than N people missing in the computation and
    hides them; the JSON shows denominators below --min-count (default 5) as
    '..'. Scores and ranks are always shown. --by geso prints the
    population-weighted mean score of each GeSO instead.
    A definition that does not fit the data (unknown column, zero weight,
    geometric mean over values ≤ 0) exits with status 65.
    """
  static let examples: [(command: String, comment: String)] = [
    ("index --top 13", "The 13 most vulnerable delområden by the default index"),
    ("index --normalization rank --aggregation geometric --format csv", "Another normalisation and aggregation"),
    ("index --weights 2,1,1,1", "Double weight on year-9 eligibility"),
    ("index --definition min-definition.json --data statistik.csv", "Your own definition and data"),
    ("index --by geso", "Scores of the 14 GeSO"),
  ]
  static let options: [OptionSpec] =
    CommonOptions.dataInput + [
      IndexOptions.definition, IndexOptions.normalization, IndexOptions.aggregation, IndexOptions.weights,
      .option(
        "--min-denominator", "N",
        "Rates over fewer than N people count as missing and are shown as '..' (default: the definition's, 10; 0 = off)."),
      .option("--min-count", "N", "Show denominators below N as '..' in JSON (disclosure control; default 5, 0 = off)."),
      IndexOptions.missing,
      .option("--top", "N", "Show only the areas ranked N or better (ties included)."),
      .option("--by", "LEVEL", "Aggregate scores to a parent level: geso."),
      CommonOptions.format,
    ]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let definition = try IndexOptions.definition(args)
    let top = try args.int("--top", in: 1...1_000_000)
    let by: String? = try args.choice("--by", [("geso", "geso")])
    let disclosure = try Self.disclosure(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let result = try definition.run(on: statistics.table, hierarchy: MalmöData.hierarchy).disclosed(by: disclosure)
    io.report(result.warnings)

    if by != nil {
      guard let population = statistics.table.column("befolkning") else {
        throw UsageError("--by geso needs a 'befolkning' column to weight by", hint: "add the population column to the data")
      }
      let geso = result.aggregated(to: .geso, hierarchy: MalmöData.hierarchy, population: population)
      if geso.rows.isEmpty {
        throw UsageError("--by geso: no area of the data is a Malmö delområde", hint: "--by geso works with Malmö's area codes")
      }
      printGeso(geso, top: top, definition: definition, bundled: statistics.isBundled, format: format, disclosure: disclosure, &io)
      return
    }

    var rows = result.rows
    if let top { rows = rows.filter { ($0.rank ?? .max) <= top } }
    switch format {
    case .json:
      io.print(JSONOutput.string(json(result, rows: rows, bundled: statistics.isBundled, disclosure: disclosure)), terminator: "")
    case .csv:
      io.print(table(result, rows: rows, exact: true, disclosure: disclosure).csv(), terminator: "")
    case .table, .markdown:
      let t = table(result, rows: rows, exact: false, disclosure: disclosure)
      io.print(format == .table ? t.text() : t.markdown(), terminator: "")
      io.print(
        "\(result.rankedCount) areas ranked, \(result.excluded.count) not ranked; definition \(result.definition.label)")
      if statistics.isBundled { io.print(Inputs.illustrative) }
    }
  }

  /// The disclosure control of `--min-count` and `--min-denominator` (the
  /// latter may be fractional, as the index's small-number limit).
  static func disclosure(_ args: Arguments) throws(UsageError) -> DisclosureControl {
    var d = DisclosureControl()
    if let n = try args.int("--min-count", in: 0...1_000_000) { d.minimumCount = n }
    if let x = try args.double("--min-denominator") {
      guard x >= 0, x <= 1_000_000 else { throw UsageError("--min-denominator must be between 0 and 1000000, got \(x)") }
      d.minimumDenominator = Int(x.rounded(.up))
    }
    return d
  }

  /// Whether a cell's rate is shown as `..`: below the small-number limit or
  /// hidden by disclosure control.
  static func hidesRate(_ c: IndexResult.IndicatorCell) -> Bool {
    c.rate != nil && (c.flags.contains(.smallDenominator) || c.flags.contains(.suppressed))
  }

  /// The result as a table with the documented columns.
  static func table(
    _ result: IndexResult, rows: [IndexResult.AreaRow], exact: Bool, disclosure: DisclosureControl = DisclosureControl()
  ) -> ReportTable {
    var columns = ["code", "name", "score", "rank", "decile", "flags"]
    for id in result.indicatorIDs { columns += [id, id + ".contribution"] }
    var t = ReportTable(
      columns: columns, alignments: [.left, .left, .right, .right, .right, .left] + result.indicatorIDs.flatMap { _ in [.right, .right] })
    func number(_ x: Double?) -> String { exact ? IndexOptions.exact(x) : IndexOptions.fixed(x) }
    for r in rows {
      var cells = [
        r.code, r.name, number(r.score), r.rank.map(String.init) ?? "", r.decile.map(String.init) ?? "",
        r.flags.joined(separator: ";"),
      ]
      for c in r.indicators {
        cells.append(hidesRate(c) ? disclosure.marker : number(c.rate))
        cells.append(number(c.contribution))
      }
      t.append(cells)
    }
    return t
  }

  static func json(
    _ result: IndexResult, rows: [IndexResult.AreaRow], bundled: Bool, disclosure: DisclosureControl = DisclosureControl()
  ) -> JSONOutput.Value {
    func num(_ x: Double?) -> JSONOutput.Value { x.map { .number($0) } ?? .null }
    func int(_ x: Int?) -> JSONOutput.Value { x.map { .integer(Int64($0)) } ?? .null }
    let d = result.definition
    let areas: [JSONOutput.Value] = rows.map { r in
      .object(
        JSONOutput.Object([
          ("code", .string(r.code)), ("name", .string(r.name)), ("score", num(r.score)), ("rank", int(r.rank)),
          ("decile", int(r.decile)), ("class", int(r.class)), ("flags", .array(r.flags.map { .string($0) })),
          ("suppressed", .bool(r.isDisclosureControlled)),
          ("excluded", r.exclusion.map { .string($0.description) } ?? .null),
          (
            "indicators",
            .object(
              JSONOutput.Object(
                r.indicators.map { c in
                  (
                    c.id,
                    .object(
                      JSONOutput.Object([
                        ("rate", hidesRate(c) ? .null : num(c.rate)),
                        (
                          "denominator",
                          c.denominator.map { disclosure.suppresses(count: $0) ? .string(disclosure.marker) : .number($0) } ?? .null
                        ),
                        ("normalized", num(c.normalized)),
                        ("contribution", num(c.contribution)),
                      ]))
                  )
                }))
          ),
        ]))
    }
    let allSummaries = result.summaries + result.breakdownByKön.map(\.summary)
    let summaries: [JSONOutput.Value] = allSummaries.map { s in
      .object(
        JSONOutput.Object([
          ("id", .string(s.id)), ("count", .integer(Int64(s.count))), ("missing", .integer(Int64(s.missing))),
          ("mean", num(s.mean)), ("sd", num(s.standardDeviation)), ("min", num(s.minimum)), ("q1", num(s.q1)),
          ("median", num(s.median)), ("q3", num(s.q3)), ("max", num(s.maximum)), ("pooled", num(s.pooled)),
        ]))
    }
    return .object(
      JSONOutput.Object([
        ("definition", .string(d.id)), ("version", .string(d.version)),
        ("modifications", .array(d.modifications.map { .string($0) })),
        ("normalization", .string(d.normalization.specification.description)),
        ("aggregation", .string(d.aggregation.specification.description)),
        ("ranked", .integer(Int64(result.rankedCount))),
        ("data", .string(bundled ? Inputs.illustrative : "user data")),
        (
          "disclosure",
          .object(
            JSONOutput.Object([
              ("min_count", .integer(Int64(disclosure.minimumCount))),
              ("min_denominator", .integer(Int64(disclosure.minimumDenominator))), ("marker", .string(disclosure.marker)),
            ]))
        ),
        ("areas", .array(areas)), ("indicators", .array(summaries)),
        ("warnings", .array(result.warnings.map { .string($0.locatedMessage) })),
      ]))
  }

  static func printGeso(
    _ geso: IndexResult.ParentAggregate, top: Int?, definition: IndexDefinition, bundled: Bool, format: OutputFormat,
    disclosure: DisclosureControl, _ io: inout Output
  ) {
    var rows = geso.rows
    if let top { rows = rows.filter { ($0.rank ?? .max) <= top } }
    if format == .json {
      io.print(
        JSONOutput.string(
          rows.map { r in
            JSONOutput.Object([
              ("code", .string(r.code)), ("name", .string(r.name)), ("score", r.score.map { .number($0) } ?? .null),
              ("rank", r.rank.map { .integer(Int64($0)) } ?? .null),
              ("population", disclosure.suppresses(count: r.population) ? .string(disclosure.marker) : .number(r.population)),
              ("areas", .integer(Int64(r.areas))), ("ranked_areas", .integer(Int64(r.rankedAreas))),
            ])
          }), terminator: "")
      return
    }
    var t = ReportTable(
      columns: ["code", "name", "score", "rank", "population", "areas", "ranked_areas"],
      alignments: [.right, .left, .right, .right, .right, .right, .right])
    for r in rows {
      t.append([
        r.code, r.name, format == .csv ? IndexOptions.exact(r.score) : IndexOptions.fixed(r.score),
        r.rank.map(String.init) ?? "", disclosure.count(r.population), String(r.areas), String(r.rankedAreas),
      ])
    }
    io.print(format.render(t), terminator: "")
    if format == .table {
      io.print("Population-weighted mean of the delområden's scores; definition \(definition.label)")
      if bundled { io.print(Inputs.illustrative) }
    }
  }
}
