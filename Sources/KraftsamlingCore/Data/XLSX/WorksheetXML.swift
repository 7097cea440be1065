/// One sheet of a workbook as SpreadsheetML: the table's header in bold on
/// the first row, frozen so it stays in view, then one row per table row.
///
/// A cell of a numeric column that holds a plain decimal number is written
/// as a number (`<v>`) in the column's format; any other cell (a code,
/// `..`, `–`) as an inline string; an empty cell is left out. Column widths
/// fit the longest header or value shown, within 6 to 80 characters.
struct WorksheetXML {
  /// The table.
  let table: ReportTable
  /// The style of each column's numbers (nil for text columns).
  let styles: [Int?]
  /// The number format of each column.
  let formats: [NumberFormat?]

  /// Prepares a sheet, adding the formats of its columns to `workbookStyles`.
  init(_ table: ReportTable, styles workbookStyles: inout WorkbookStyles) {
    self.table = table
    formats = table.kinds.map(NumberFormat.init)
    styles = formats.map { $0.map { workbookStyles.index(of: $0) } }
  }

  /// The part's text; `selected` marks the sheet shown when the file opens.
  func xml(selected: Bool) -> String {
    var widths = table.columns.map { $0.count + 2 }
    var data = "<sheetData>" + headerRow()
    for (i, row) in table.rows.enumerated() { data += self.row(row, number: i + 2, widths: &widths) }
    data += "</sheetData>"
    let last = Self.column(max(table.columns.count, 1) - 1) + String(table.rows.count + 1)
    var s = WorkbookParts.declaration
    s += "<worksheet xmlns=\"\(WorkbookParts.mainNamespace)\" xmlns:r=\"\(WorkbookParts.relationshipNamespace)\">"
    s += "<dimension ref=\"A1:\(last)\"/>"
    s += "<sheetViews><sheetView \(selected ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">"
    s += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    s += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
    s += "<sheetFormatPr defaultRowHeight=\"15\"/>"
    if !widths.isEmpty {
      s += "<cols>"
      for (i, w) in widths.enumerated() {
        s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(max(w, 6), 80))\" customWidth=\"1\"/>"
      }
      s += "</cols>"
    }
    return s + data + "</worksheet>"
  }

  /// The header row: every column name in bold.
  private func headerRow() -> String {
    var s = "<row r=\"1\">"
    for (i, name) in table.columns.enumerated() {
      s += Self.text(name, at: Self.column(i) + "1", style: WorkbookStyles.header)
    }
    return s + "</row>"
  }

  /// One table row as row `number`, widening `widths` to fit its cells.
  private func row(_ cells: [String], number: Int, widths: inout [Int]) -> String {
    var s = "<row r=\"\(number)\">"
    for (i, cell) in cells.enumerated() where !cell.isEmpty {
      let reference = Self.column(i) + String(number)
      if let format = formats[i], let style = styles[i], let n = CellNumber(cell) {
        s += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(n.xml)</v></c>"
        widths[i] = max(widths[i], format.displayWidth(of: n.value, text: n.xml) + 2)
      } else {
        s += Self.text(cell, at: reference, style: nil)
        let longest = cell.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
        widths[i] = max(widths[i], longest + 2)
      }
    }
    return s + "</row>"
  }

  /// A text cell as an inline string.
  private static func text(_ text: String, at reference: String, style: Int?) -> String {
    let space = XMLText.needsPreservedSpace(text) ? " xml:space=\"preserve\"" : ""
    let s = style.map { " s=\"\($0)\"" } ?? ""
    return "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t\(space)>\(XMLText.escaped(text))</t></is></c>"
  }

  /// The letters of column `index` (from 0): `A` … `Z`, `AA` … `XFD`.
  static func column(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(letters)
  }
}
