/// The cell styles of a workbook and its `xl/styles.xml`.
///
/// Style 0 is the default, style 1 the bold header; each number format a
/// sheet uses gets the next style, the first time it is asked for, so the
/// styles of sheets already written keep their numbers. Custom formats are
/// numbered from 164, the first number Excel leaves free.
///
/// ```swift
/// var styles = WorkbookStyles()
/// styles.index(of: NumberFormat(.kronor)!)   // 2
/// styles.xml()                                // numFmts, fonts, fills, borders, cellXfs
/// ```
package struct WorkbookStyles: Sendable {
  /// The style of header cells: bold.
  package static let header = 1
  /// The first number of a custom format.
  private static let firstCustomID = 164

  /// The number formats of the styles from 2 on.
  private var formats: [NumberFormat] = []

  /// Only the default and header styles.
  package init() {}

  /// The style of cells in `format`, added if new.
  package mutating func index(of format: NumberFormat) -> Int {
    if let i = formats.firstIndex(of: format) { return i + 2 }
    formats.append(format)
    return formats.count + 1
  }

  /// The format's number: built in, or its place among the custom ones.
  private func id(of format: NumberFormat) -> Int {
    if let id = format.builtInID { return id }
    let custom = formats.filter { $0.builtInID == nil }
    return Self.firstCustomID + (custom.firstIndex(of: format) ?? 0)
  }

  /// The `xl/styles.xml` part.
  package func xml() -> String {
    let custom = formats.filter { $0.builtInID == nil }
    var s = WorkbookParts.declaration
    s += "<styleSheet xmlns=\"\(WorkbookParts.mainNamespace)\">"
    if !custom.isEmpty {
      s += "<numFmts count=\"\(custom.count)\">"
      for f in custom { s += "<numFmt numFmtId=\"\(id(of: f))\" formatCode=\"\(XMLText.escaped(f.code))\"/>" }
      s += "</numFmts>"
    }
    s += "<fonts count=\"2\">"
    s += "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    s += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
    s += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    s += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    s += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    s += "<cellXfs count=\"\(formats.count + 2)\">"
    s += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    s += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    for f in formats {
      s += "<xf numFmtId=\"\(id(of: f))\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    }
    s += "</cellXfs>"
    s += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    return s + "</styleSheet>"
  }
}
