import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl validate`: checks a statistics file (and its match with a geometry).
enum ValidateCommand: Command {
  static let name = "validate"
  static let abstract = "Check a statistics file against the indicator catalogue and, optionally, the geometry."
  static let usage = "[--data FILE] [--definition NAME|FILE] [--geometry FILE] [--id-property NAME] [--format table|json]"
  static let discussion = """
    Reads the statistics CSV (comma or semicolon, decimal point or comma, UTF-8 or
    Latin-1 are detected) and checks the numerator and denominator columns of the
    bundled indicators (the four of STK-2024-1374 and UVAS), or of the indicators
    of --definition: every count must be a whole, non-negative number and no
    numerator may exceed its denominator. With --geometry, every area code must
    exist in the geometry.

    Every problem is printed with FILE:LINE and the column. Errors make the exit
    status 65; warnings (a missing value such as SCB's '..', a zero denominator,
    an area of the geometry without data) are printed but do not fail.
    """
  static let examples: [(command: String, comment: String)] = [
    ("validate --data statistik.csv", "Check your own export"),
    ("validate --data scb.csv --encoding latin1 --delimiter ';'", "An SCB file in the Swedish dialect"),
    ("validate --data deso.csv --geometry deso.geojson --id-property deso", "Check codes against a DeSO layer"),
    ("validate --data egen.csv --definition egen-index.json", "Check the columns your own index definition reads"),
  ]
  static let options: [OptionSpec] = CommonOptions.dataInput + [
    .option("--definition", "NAME|FILE", "Check the columns of this index definition's indicators (default: the bundled catalogue)."),
    CommonOptions.geometry, CommonOptions.idProperty,
    .option("--format", "FORMAT", "table (default) or json."),
  ]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args, allowed: [.table, .json])
    let statistics: Inputs.Statistics
    do {
      statistics = try Inputs.statistics(args)
    } catch let e as DataError where e.kind == .invalid {
      // A file that cannot be turned into a table: print its problems as the report.
      try emit(e.diagnostics, areas: nil, format: format, &io)
      throw CommandFailure(code: .dataError, message: nil)
    }
    var layer: AreaLayer? = nil
    if args.value("--geometry") != nil || statistics.isBundled { layer = try Inputs.layer(args).layer }
    let indicators = try args.value("--definition").map { try IndexOptions.load($0).indicators.map(\.indicator) }
      ?? IndicatorCatalogue.stadskontoret2025.all
    let found = StatisticsValidator(indicators: indicators).validate(statistics.table, geometry: layer)
    let all = (statistics.diagnostics + found).sortedForReport()
    try emit(all, areas: statistics.table.count, format: format, &io)
    if all.containsErrors { throw CommandFailure(code: .dataError, message: nil) }
  }

  static func emit(_ diagnostics: [Diagnostic], areas: Int?, format: OutputFormat, _ io: inout Output) throws {
    let errors = diagnostics.errors.count
    let warnings = diagnostics.warnings.count
    switch format {
    case .json:
      io.print(
        JSONOutput.string(
          .object(
            JSONOutput.Object([
              ("areas", areas.map { .integer(Int64($0)) } ?? .null),
              ("errors", .integer(Int64(errors))), ("warnings", .integer(Int64(warnings))),
              (
                "diagnostics",
                .array(
                  diagnostics.map { d in
                    .object(
                      JSONOutput.Object([
                        ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
                        ("message", .string(d.message)), ("file", d.location.file.map { .string($0) } ?? .null),
                        ("line", d.location.line.map { .integer(Int64($0)) } ?? .null),
                        ("column", d.location.column.map { .integer(Int64($0)) } ?? .null),
                        ("field", d.location.field.map { .string($0) } ?? .null),
                        ("hint", d.hint.map { .string($0) } ?? .null),
                      ]))
                  })
              ),
            ]))), terminator: "")
    default:
      for d in diagnostics { io.print(d.description) }
      let checked = areas.map { "\($0) areas checked: " } ?? ""
      io.print("\(checked)\(errors) error(s), \(warnings) warning(s)")
    }
  }
}
