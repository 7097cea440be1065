extension ReportTable {
  /// The two ways ``csv(_:)`` writes a table.
  ///
  /// ```swift
  /// var t = ReportTable(columns: ["kod", "andel"], alignments: [.left, .right])
  /// t.append(["0180", "0.125"])
  /// t.csv(.rfc4180)        // "kod,andel\n0180,0.125\n"
  /// t.csv(.excelSwedish)   // "\u{FEFF}kod;andel\r\n0180;0,125\r\n"
  /// ```
  ///
  /// Both are read back unchanged by ``CSVReader`` with its default
  /// dialect, which detects the delimiter and skips the byte-order mark.
  package enum CSVStyle: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180 as every program reads it: comma-separated, `.` as the
    /// decimal point, UTF-8 without a byte-order mark, lines ending in `\n`.
    case rfc4180
    /// What Excel with Swedish settings opens by double-click: `;`-separated,
    /// a decimal comma in numeric columns, UTF-8 with a byte-order mark (so
    /// that å, ä and ö survive), lines ending in `\r\n`.
    case excelSwedish = "excel-sv"
  }

  /// The table as CSV in `style`, header first.
  ///
  /// A cell is quoted when it contains the delimiter, a quote, a line
  /// break or a leading or trailing space (a quote inside is doubled). In
  /// ``CSVStyle/excelSwedish`` a cell of a numeric column (see
  /// ``ColumnKind``) that is a number gets `,` for its `.`, exponent forms
  /// included (`1,5e-07`); other cells, such as area codes and `..`, are
  /// written as they are, and a text cell with a comma is quoted so that no
  /// program mistakes the comma for the delimiter.
  ///
  /// - Complexity: O(total size).
  package func csv(_ style: CSVStyle) -> String {
    let writer = CSVCellWriter(style: style)
    var out = style == .excelSwedish ? "\u{FEFF}" : ""
    out += writer.line(columns.map { writer.cell($0, numeric: false) })
    for row in rows {
      out += writer.line(row.enumerated().map { i, cell in writer.cell(cell, numeric: i < kinds.count && kinds[i].isNumeric) })
    }
    return out
  }
}

/// Writes the cells and lines of one ``ReportTable/CSVStyle``.
struct CSVCellWriter {
  let style: ReportTable.CSVStyle

  /// The delimiter between cells.
  var delimiter: Character { style == .rfc4180 ? "," : ";" }

  /// One line of cells with its line end.
  func line(_ cells: [String]) -> String {
    cells.joined(separator: String(delimiter)) + (style == .rfc4180 ? "\n" : "\r\n")
  }

  /// One cell, with a decimal comma when it is a number in a numeric
  /// column of the Swedish style, quoted if it needs quotes.
  func cell(_ text: String, numeric: Bool) -> String {
    if style == .excelSwedish && numeric && text.contains(".") && NumberParser.parse(text, decimal: .point) != nil {
      return quoted(text.replacingAll(".", with: ","), numeric: true)
    }
    return quoted(text, numeric: false)
  }

  /// The cell in quotes when it needs them.
  private func quoted(_ s: String, numeric: Bool) -> String {
    let commaInText = style == .excelSwedish && !numeric && s.contains(",")
    let needsQuotes =
      commaInText || s.first == " " || s.last == " "
      || s.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return s }
    return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
  }
}
