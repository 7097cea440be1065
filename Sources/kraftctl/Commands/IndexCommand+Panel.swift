import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl index --panel FILE`: the index over several years on the
/// reference year's scale, with the rank mobility between years.
extension IndexCommand {
  static let panel = Option<String>(
    "--panel", "FILE", "A long CSV of several years (one row per area and year): the index over time.")
  static let yearColumn = Option<String>("--year-column", "NAME", "With --panel: the column holding the year (default: år).")
  static let reference = Option.integer(
    "--reference", "YEAR", "With --panel: the year whose normalisation parameters all years use (default: the first).",
    in: 0...9999)
  static let codeMap = Option<String>(
    "--code-map", "FILE", "With --panel: a CSV old,new of area codes that changed (merges summed, splits left out).")
  /// The selection size of an index over time when `--top` is not given.
  static let defaultPanelTop = 12

  /// Refuses the panel's options without `--panel`.
  static func refusePanelOptions(_ args: ParsedArguments) throws {
    let given = [args[yearColumn].map { _ in yearColumn.name }, args[reference].map { _ in reference.name },
                 args[codeMap].map { _ in codeMap.name }].compactMap { $0 }
    if let name = given.first { throw UsageError("\(name) needs --panel FILE", hint: "give the panel of several years") }
  }

  /// The panel of `--panel FILE` with `--year-column`, `--reference` (a
  /// year not in the panel is a usage error) and `--code-map` (shared with
  /// `report`).
  static func panelInput(_ path: String, _ args: ParsedArguments, _ io: inout Output) throws -> IndexPanelInput {
    let options = AreaTableReadOptions(idColumn: args[CommonOptions.idColumn])
    let (tables, diagnostics) = try AreaTable.readPanel(
      path: path, yearColumn: args[yearColumn] ?? "år", dialect: Inputs.dialect(args), options: options)
    io.report(diagnostics.filter { $0.severity == .note })
    let years = tables.keys.sorted()
    let referenceYear = args[reference] ?? years[0]
    guard tables[referenceYear] != nil else {
      throw UsageError(
        "--reference \(referenceYear): the panel has no such year",
        hint: "its years are \(years.map(String.init).joined(separator: ", "))")
    }
    let map = try args[codeMap].map { p throws(DataError) in try AreaCodeMap.read(path: p, dialect: Inputs.dialect(args)) }
    return IndexPanelInput(tables: tables, reference: referenceYear, codeMap: map)
  }

  /// Runs the index over time and prints (or writes) its tables.
  static func runPanel(_ path: String, _ args: ParsedArguments, _ io: inout Output) throws {
    guard args[by] == nil, args[CommonOptions.data] == nil else {
      throw UsageError("--panel cannot be combined with --data or --by", hint: "the panel holds the data of every year")
    }
    let format = args[Self.format] ?? .table
    let workbook = try WorkbookOutput.path(format: format, out: args[out])
    let definition = try IndexOptions.definition(args)
    let input = try panelInput(path, args, &io)
    let result = try definition.run(
      on: input.tables, reference: input.reference, top: args[top] ?? defaultPanelTop, codeMap: input.codeMap,
      hierarchy: MalmöData.hierarchy)
    io.report(result.warnings)
    let sheets = [("index-over-time", result.table(numbers: .exact)), ("mobility", result.mobilityTable(numbers: .exact))]
    if let workbook { return try WorkbookOutput.write(sheets, to: workbook, &io) }
    printPanel(result, definition: definition, format: format, &io)
  }

  /// The area-year table (CSV: only it), then the mobility table and a summary line.
  static func printPanel(_ result: IndexTimeResult, definition: IndexDefinition, format: OutputFormat, _ io: inout Output) {
    switch format {
    case .json:
      io.print(
        json: [
          "definition": .string(definition.label), "reference": JSON(result.reference), "years": .array(result.years.map { JSON($0) }),
          "top": JSON(result.top), "areas": .array(result.rows.map(json)), "mobility": .array(result.mobility.map(json)),
          "warnings": JSON(result.warnings.map(\.locatedMessage)),
        ])
    case .csv, .xlsx:
      io.print(result.table(numbers: .exact), as: .csv)
    case .table, .markdown:
      io.print(result.table(numbers: .rounded), as: format)
      io.print()
      io.print(result.mobilityTable(numbers: .rounded), as: format)
      io.print(
        "\(result.years.count) years, scores on the scale of \(result.reference); selection: rank ≤ \(result.top); definition \(definition.label)"
      )
    }
  }

  /// One area and year in JSON.
  static func json(_ r: IndexTimeResult.Row) -> JSON {
    [
      "code": .string(r.code), "name": .string(r.name), "year": JSON(r.year), "score": JSON(r.score),
      "rank": JSON(r.rank), "decile": JSON(r.decile), "selected": JSON(r.selected),
    ]
  }

  /// The mobility between two years in JSON.
  static func json(_ m: IndexTimeResult.Mobility) -> JSON {
    let c = m.comparison
    return [
      "from": JSON(m.from), "to": JSON(m.to), "areas": JSON(c.rows.filter { $0.shift != nil }.count),
      "entering": JSON(c.entering.map(\.code)), "leaving": JSON(c.leaving.map(\.code)),
      "mean_abs_rank_change": JSON(c.meanAbsoluteShift), "max_abs_rank_change": JSON(c.maximumAbsoluteShift),
      "spearman": JSON(c.spearman),
    ]
  }
}
