import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl uppfoljning`: the UVAS follow-up against user-set targets.
enum UppfoljningCommand: Command {
  static let name = "uppfoljning"
  static let abstract = "Follow UVAS up: baseline, user-set targets, selected areas vs the rest of the city, chart."
  static let discussion = """
    Follows UVAS 16–29 (young people neither working nor studying) up from the 2023
    baseline published in STK-2024-1374 (Malmö about 9.5 %, Sweden about 6.8 %).
    The proposal sets no target values, so none is assumed: give your own with
    --target YEAR:PERCENT (e.g. --target 2030:8,5 --target 2035:7,5). For each target
    the report shows the remaining gap and the required yearly change (linear in
    percentage points), judged on the published city values; add later published
    values with --published YEAR:PERCENT (and --nation YEAR:PERCENT).

    The series (default: the bundled ILLUSTRATIVE series 2019–2023 per delområde;
    --series FILE for a long CSV with kod, ar, unga_16_29, uvas_16_29 and optionally
    kon) gives the areas: --areas selected (default) follows the twelve delområden
    and five clusters of STK-2024-1374's initial selection, all every area, or a
    comma-separated list of names or codes. Each is compared with the rest of the
    city (difference in change, with a 95 % interval and its caveats). Large shifts
    between years (|z| > k binomial standard errors, default k = 3), missing years,
    the series break in 2015 and when the next value is due are shown.

    --out FILE.svg writes a line chart of the series with the targets marked.

    Disclosure control: a share over fewer than --min-denominator people (default
    10) is shown as '..' in the tables and JSON and left out of the chart, and
    counts below --min-count (default 5) are shown as '..'; comparisons and
    large-shift flags that would reveal a hidden share are left out. The city
    sums and comparisons are computed from the full data first.
    """
  static let examples: [(command: String, comment: String)] = [
    ("uppfoljning", "Baseline and the selected areas, no targets"),
    ("uppfoljning --target 2030:8,5 --target 2035:7,5 --out uvas.svg", "With targets and a chart"),
    ("uppfoljning --areas Holma,Hermodsdal --format markdown", "Two areas, as Markdown"),
    (
      "uppfoljning --series uvas.csv --published 2024:9,2 --as-of 2026-01-15",
      "Your own series and a newer published value"
    ),
  ]
  static let series = Option<String>("--series", "FILE", "UVAS series CSV (default: the bundled illustrative series).")
  static let numerator = Option<String>("--numerator", "COL", "Numerator column of --series (default uvas_16_29).")
  static let denominator = Option<String>(
    "--denominator", "COL", "Denominator column of --series (default unga_16_29).")
  static let published = Option<ReferenceValue>(
    "--published", "YEAR:PCT", "A published Malmö value besides 2023's 9.5 % (repeatable)."
  ) { try ReferenceValue(parsing: $0, source: "angivet med --published") }.repeatable
  static let nation = Option<ReferenceValue>(
    "--nation", "YEAR:PCT", "A published national value besides 2023's 6.8 % (repeatable)."
  ) { try ReferenceValue(parsing: $0, source: "angivet med --nation") }.repeatable
  static let targetOn = Option<Uppföljning.TargetSeries>.choice(
    "--target-on", "SERIES", "Judge targets on 'published' values (default) or the 'series' city total.",
    [("published", .published), ("series", .areaAggregate)])
  static let areas = Option<String>("--areas", "WHICH", "selected (default), all, or NAME,… (names or codes).")
  static let from = Option.integer(
    "--from", "YEAR", "First year of the comparison with the rest of the city (default: first in the data).",
    in: 1900...2200)
  static let to = Option.integer(
    "--to", "YEAR", "Last year of the comparison (default: last in the data).", in: 1900...2200)
  static let k = Option.number(
    "--k", "K", "Large shift: |z| above K binomial standard errors (default 3).", "must be positive", where: { $0 > 0 })
  static let asOf = Option<CalendarDate>(
    "--as-of", "DATE", "Date of the follow-up (YYYY-MM-DD): lists values that should be out but are missing."
  ) { text throws(UsageError) in
    guard let date = try? CalendarDate(iso: text) else {
      throw UsageError("--as-of must be a date YYYY-MM-DD, got '\(text)'")
    }
    return date
  }
  static let language = CommonOptions.language.help("Report language: sv (default) or en.")
  static let format = CommonOptions.format([.table, .json, .markdown])
  static let out = CommonOptions.outFile.help("Write the line chart as SVG.")
  static let options: [any OptionDeclaration] =
    [
      series, numerator, denominator, CommonOptions.target, published, nation, targetOn, areas, from, to, k, asOf,
      language, format, out,
    ]
    + [CommonOptions.delimiter, CommonOptions.encoding] + CommonOptions.disclosure

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let language = args[Self.language] ?? .sv
    var options = try followUpOptions(args)
    let (panel, bundled) = try loadSeries(args, &io)
    if bundled {
      options.dataLabel = language == .sv ? MalmöData.illustrativeLabel : MalmöData.illustrativeLabelEnglish
    }
    let groups = try areaGroups(args[areas] ?? "selected", panel: panel)
    let followUp = try Uppföljning(panel: panel, groups: groups, options: options).disclosed(
      by: Inputs.disclosure(args))
    switch args[format] ?? .table {
    case .json: try io.print(encoded: followUp)
    case .markdown: io.print(followUp.markdown(language: language), terminator: "")
    default:
      io.print(followUp.status(language: language))
      io.print()
      io.print(followUp.text(language: language), terminator: "")
    }
    if let out = args[out] {
      try OutputFile.write(followUp.chart(language: language).svg(), to: out)
      io.note("wrote \(out)")
    }
  }

  /// The follow-up's options: targets, published values, the shift rule, the comparison years.
  static func followUpOptions(_ args: ParsedArguments) throws(UsageError) -> Uppföljning.Options {
    var options = Uppföljning.Options.malmö
    options.targets = args.all(CommonOptions.target)
    options.publishedCity += args.all(published)
    options.publishedNation += args.all(nation)
    options.targetSeries = args[targetOn] ?? .published
    if let threshold = args[k] { options.shiftRule = .binomial(k: threshold) }
    options.asOf = args[asOf]
    if args[from] != nil || args[to] != nil {
      guard let first = args[from], let last = args[to] else { throw UsageError("give both --from and --to") }
      options.comparisonYears = (first, last)
    }
    return options
  }

  /// The series: `--series FILE` or the bundled illustrative one.
  static func loadSeries(_ args: ParsedArguments, _ io: inout Output) throws -> (IndicatorPanel, Bool) {
    var read = PanelReadOptions.uvas
    if let n = args[numerator] { read.numerator = n }
    if let d = args[denominator] { read.denominator = d }
    guard let path = args[series] else {
      if args[numerator] != nil || args[denominator] != nil {
        throw UsageError("--numerator and --denominator need --series")
      }
      let file = MalmöData.uvasSeriesCSV
      return (try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel, true)
    }
    let (panel, diagnostics) = try IndicatorPanel.read(path: path, dialect: Inputs.dialect(args), options: read)
    io.report(diagnostics)
    return (panel, false)
  }

  /// The groups of `--areas`: the published selection, every area, or a list.
  static func areaGroups(_ which: String, panel: IndicatorPanel) throws -> [AreaGroup] {
    switch which.lowercased() {
    case "selected":
      return try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
    case "all":
      return panel.codes.map { code in
        AreaGroup(
          id: code, name: MalmöData.hierarchy.area(code: code, level: .delområde)?.name ?? panel.name(of: code),
          kind: .delområde, codes: [code])
      }
    default:
      var groups: [AreaGroup] = []
      for raw in which.split(separator: ",") {
        let name = raw.trimmingCharacters(in: .whitespaces)
        if panel.contains(code: name) {
          groups.append(
            AreaGroup(
              id: name, name: MalmöData.hierarchy.area(code: name, level: .delområde)?.name ?? panel.name(of: name),
              kind: .delområde, codes: [name]))
        } else {
          let area = try MalmöData.hierarchy.resolve(name, level: .delområde, at: SourceLocation(field: "--areas"))
          groups.append(AreaGroup(id: area.code, name: area.name, kind: .delområde, codes: [area.code]))
        }
      }
      if groups.count > 1 {
        groups.append(AreaGroup(id: "valda", name: "Valda områden", kind: .selection, codes: groups.flatMap(\.codes)))
      }
      return groups
    }
  }
}
