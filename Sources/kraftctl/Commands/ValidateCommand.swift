import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl validate`: checks a statistics file (and its match with a geometry).
enum ValidateCommand: Command {
  static let name = "validate"
  static let abstract = "Check a statistics file against the indicator catalogue and, optionally, the geometry."
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
  static let format = CommonOptions.format([.table, .json])
  static let options: [any OptionDeclaration] =
    CommonOptions.dataInput + [
      CommonOptions.definition.help(
        "Check the columns of this index definition's indicators (default: the bundled catalogue)."),
      CommonOptions.geometry, CommonOptions.idProperty, format,
    ]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    // A file with errors still gives the table of what could be read, so
    // that its problems and those of the check are reported in one run.
    let statistics = try Inputs.statisticsToCheck(args)
    var layer: AreaLayer? = nil
    if let table = statistics.table {
      let found = try Inputs.layer(for: table, isBundled: statistics.isBundled, args)
      layer = found.layer
      if found.origin == .malmöCodes { io.note(Inputs.malmöCodesNote) }
    }
    let definition = try IndexOptions.load(args[CommonOptions.definition] ?? IndexDefinitionRegistry.defaultName)
    let check = StatisticsCheck(
      table: statistics.table, readDiagnostics: statistics.diagnostics, definition: definition, geometry: layer)
    if args[format] == .json {
      io.print(json: json(check))
    } else {
      for d in check.diagnostics { io.print(d.description) }
      io.print(check.summary)
    }
    if check.containsErrors { throw CommandFailure(code: .dataError, message: nil) }
  }

  static func json(_ check: StatisticsCheck) -> JSON {
    let diagnostics = check.diagnostics.map { d -> JSON in
      [
        "severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue), "message": .string(d.message),
        "file": JSON(d.location.file), "line": JSON(d.location.line), "column": JSON(d.location.column),
        "field": JSON(d.location.field), "hint": JSON(d.hint),
      ]
    }
    return [
      "areas": JSON(check.table?.count), "errors": JSON(check.errorCount), "warnings": JSON(check.warningCount),
      "diagnostics": .array(diagnostics),
    ]
  }
}
