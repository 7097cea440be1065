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
    indicators of the index definition (default stadskontoret-2025: the four of
    STK-2024-1374), or of --definition, and of UVAS when the file has its
    columns: every count must be a whole, non-negative number and no numerator
    may exceed its denominator. With --geometry (or when the codes are Malmö's
    delområden: the bundled geometry), every area code must exist in the
    geometry.

    Every problem of the file is printed in one run, once, with FILE:LINE and the
    column: CSV errors, cells that are not numbers, repeated area codes and
    missing columns together. Errors make the exit status 65; warnings (a missing
    value such as SCB's '..', a zero denominator, an area of the geometry without
    data) are printed but do not fail. 'report' and 'demo' count the same way.
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
    // A file with errors still gives the table of what could be read, so
    // that its problems and those of the check are reported in one run.
    let statistics = try Inputs.statisticsToCheck(args)
    var layer: AreaLayer? = nil
    if let table = statistics.table {
      let found = try Inputs.layer(for: table, isBundled: statistics.isBundled, args)
      layer = found.layer
      if found.origin == .malmöCodes { io.note(Inputs.malmöCodesNote) }
    }
    let definition = try IndexOptions.load(args.value("--definition") ?? IndexDefinitionRegistry.defaultName)
    let check = StatisticsCheck(
      table: statistics.table, readDiagnostics: statistics.diagnostics, definition: definition, geometry: layer)
    emit(check, format: format, &io)
    if check.containsErrors { throw CommandFailure(code: .dataError, message: nil) }
  }

  static func emit(_ check: StatisticsCheck, format: OutputFormat, _ io: inout Output) {
    let diagnostics = check.diagnostics
    let areas = check.table?.count
    switch format {
    case .json:
      io.print(
        JSONOutput.string(
          .object(
            JSONOutput.Object([
              ("areas", areas.map { .integer(Int64($0)) } ?? .null),
              ("errors", .integer(Int64(check.errorCount))), ("warnings", .integer(Int64(check.warningCount))),
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
      io.print(check.summary)
    }
  }
}
