import KraftsamlingKit

/// `kraftctl px`: reads a PC-Axis file and prints its cells or its area table.
enum PXCommand: Command {
  static let name = "px"
  static let abstract = "Read a PC-Axis (.px) file from SCB's Statistikdatabasen: its cells, or a table per area."
  static let discussion = """
    Reads a PC-Axis file as PxWeb exports it (CHARSET="ANSI" is Windows-1252,
    otherwise UTF-8; the [lang] texts of a multilingual file with --lang).
    --select DIM=VALUE keeps a value of a dimension, named by its code or its
    text in any language (repeat it to keep several values of one dimension).

    Without --area: one row per cell, and for each dimension two columns,
    <dimension>.code and <dimension>.text, then value (empty when missing) and
    symbol (the missing symbol as written: '..', '.', '-', …).
    With --area DIM: one row per value of DIM (its code as the area code, its
    text as the name) and one column per combination of the values of the
    other dimensions that still have several, named by their codes joined
    with '_'; a missing cell is written '..'. That CSV is what --data reads,
    and --data FILE.px --area DIM --select … reads the file directly.

    Exit status 64 for an unknown dimension or value; 65 for a file that is
    not valid PC-Axis (every problem with FILE:LINE and a hint); 66 for a
    file that cannot be read.
    """
  static let examples: [(command: String, comment: String)] = [
    ("px BE0101N1.px", "Every cell of a cube, as CSV"),
    ("px deso.px --lang en --format json", "The English texts, as JSON"),
    ("px deso.px --area region --select år=2023 --select kön=totalt", "A table per DeSO for 2023"),
    ("index --data deso.px --area region --select år=2023", "Rank the areas straight from the cube"),
  ]
  static let format = CommonOptions.format([.csv, .json, .xlsx])
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] = [
    CommonOptions.pxLanguage, CommonOptions.select, CommonOptions.area, format, out,
    CommonOptions.csvDialect,
  ]
  static let file = Positional("FILE")
  static let positional: Positional? = file

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    guard let path = args[file] else { throw UsageError("px needs a FILE", hint: "kraftctl px FILE.px") }
    let cube = try PXInputs.cube(path, args)
    let language = args[CommonOptions.pxLanguage]
    if let language, language != cube.language, !cube.languages.contains(language) {
      let known = ([cube.language].compactMap { $0 } + cube.languages).uniqued
      throw UsageError(
        "--lang: the file has no language '\(language)'",
        hint: known.isEmpty ? "the file declares no LANGUAGES" : "its languages are \(known.joined(separator: ", "))")
    }
    let format = args[Self.format] ?? .csv
    let workbook = try WorkbookOutput.path(format: format, out: args[out])
    if args[CommonOptions.area] != nil {
      let table = try PXInputs.table(path, args, language: language)
      if let workbook { return try WorkbookOutput.write([("areas", areaTable(table))], to: workbook, &io) }
      format == .json ? try io.print(encoded: table) : io.print(areaTable(table), as: .csv)
    } else {
      let table = cells(cube, language: language)
      if let workbook { return try WorkbookOutput.write([("cells", table)], to: workbook, &io) }
      format == .json ? io.print(json: cellsJSON(table)) : io.print(table, as: .csv)
    }
  }

  /// One row per cell: code and text of each dimension, value, symbol.
  static func cells(_ cube: PXCube, language: String?) -> ReportTable {
    let names = cube.dimensions.map { $0.name(language: language) }
    let columns = names.flatMap { ["\($0).code", "\($0).text"] } + ["value", "symbol"]
    var table = ReportTable(columns: columns, alignments: columns.map { $0 == "value" ? .right : .left })
    let texts = cube.dimensions.map { $0.valueTexts(language: language) }
    for cell in 0..<cube.count {
      let indices = cube.valueIndices(ofCell: cell)
      var row: [String] = []
      for (d, k) in indices.enumerated() { row += [cube.dimensions[d].valueCodes[k], texts[d][k]] }
      row.append(cube.values[cell].map(DecimalFormatting.shortest) ?? "")
      row.append(cube.symbols[cell] ?? "")
      table.append(row)
    }
    return table
  }

  /// The cells as an array of objects, value a number or null, symbol a string or null.
  static func cellsJSON(_ table: ReportTable) -> JSON {
    .array(
      table.rows.map { row in
        .object(
          zip(table.columns, row).map { column, cell in
            switch column {
            case "value": (column, cell.isEmpty ? .null : JSON(Double(cell)))
            case "symbol": (column, cell.isEmpty ? .null : .string(cell))
            default: (column, .string(cell))
            }
          })
      })
  }

  /// The area table as the statistics CSV `--data` reads: code, name, columns; missing '..'.
  static func areaTable(_ table: AreaTable) -> ReportTable {
    var out = ReportTable(
      columns: ["code", "name"] + table.columnNames, alignments: [.left, .left] + table.columnNames.map { _ in .right })
    for row in 0..<table.count {
      out.append(
        [table.codes[row], table.displayName(row: row)]
          + table.columnNames.map { table.value($0, row: row).map(DecimalFormatting.shortest) ?? ".." })
    }
    return out
  }
}

extension Array where Element: Hashable {
  /// The elements without repetitions, the first of each kept.
  fileprivate var uniqued: [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
