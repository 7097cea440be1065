/// The fixed parts of a workbook's package: the content types, the
/// relationships, the workbook part listing the sheets, and the document
/// properties. Sheets are `xl/worksheets/sheet1.xml` … in order.
package enum WorkbookParts {
  /// The XML declaration every part starts with.
  package static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  /// The SpreadsheetML namespace.
  package static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The namespace of relationship ids in parts.
  package static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
  private static let officeType = "application/vnd.openxmlformats-officedocument"

  /// The path of the `n`th sheet (from 1).
  package static func sheetPath(_ n: Int) -> String { "xl/worksheets/sheet\(n).xml" }

  /// `[Content_Types].xml`: the type of every part.
  package static func contentTypes(sheets: Int) -> String {
    var s = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    s += override("/xl/workbook.xml", "\(officeType).spreadsheetml.sheet.main+xml")
    for n in 1...max(sheets, 1) { s += override("/" + sheetPath(n), "\(officeType).spreadsheetml.worksheet+xml") }
    s += override("/xl/styles.xml", "\(officeType).spreadsheetml.styles+xml")
    s += override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
    s += override("/docProps/app.xml", "\(officeType).extended-properties+xml")
    return s + "</Types>"
  }

  private static func override(_ part: String, _ type: String) -> String {
    "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
  }

  /// `_rels/.rels`: where the workbook and the properties are.
  package static let rootRelationships =
    declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"\(packageRelationships)/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  /// `xl/workbook.xml`: the sheets by name, the first one shown.
  package static func workbook(sheetNames: [String]) -> String {
    var s = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
    s += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (i, name) in sheetNames.enumerated() {
      s += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return s + "</sheets></workbook>"
  }

  /// `xl/_rels/workbook.xml.rels`: the sheets (`rId1` …) and the styles.
  package static func workbookRelationships(sheets: Int) -> String {
    var s = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
    for n in 1...max(sheets, 1) {
      s += "<Relationship Id=\"rId\(n)\" Type=\"\(relationshipNamespace)/worksheet\" "
        + "Target=\"worksheets/sheet\(n).xml\"/>"
    }
    s += "<Relationship Id=\"rId\(max(sheets, 1) + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    return s + "</Relationships>"
  }

  /// `docProps/core.xml`: the author; no dates, so a workbook's bytes
  /// depend only on its content.
  package static let coreProperties =
    declaration
    + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>KraftsamlingKit</dc:creator></cp:coreProperties>"

  /// `docProps/app.xml`: the application that wrote the file.
  package static let appProperties =
    declaration
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    + "<Application>KraftsamlingKit</Application></Properties>"
}
