/// The number format of a workbook column, from the table's
/// ``ReportTable/ColumnKind``.
///
/// Formats are stored in the en-US syntax of the file format (`,` groups
/// thousands, `.` is the decimal point) and Excel and LibreOffice show them
/// in the reader's locale: `#,##0" kr"` reads `1 234 567 kr` in Swedish.
/// Formats Excel has built in are referred to by their number.
///
/// | kind | code | id |
/// |---|---|---|
/// | `.number(places: nil)` | General | 0 |
/// | `.number(places: 0)`, `2`, other *p* | `0`, `0.00`, `0.000`… | 1, 2, custom |
/// | `.integer` | `#,##0` | 3 |
/// | `.percent(places: 0)`, `2`, other *p* | `0%`, `0.00%`, `0.0%`… | 9, 10, custom |
/// | `.kronor` | `#,##0" kr"` | custom |
package struct NumberFormat: Sendable, Hashable {
  /// Excel's number of a built-in format, or nil for a custom one.
  package var builtInID: Int?
  /// The format code.
  package var code: String

  /// General: as many digits as fit.
  package static let general = NumberFormat(builtInID: 0, code: "General")

  /// The format of a column of `kind`; nil for text.
  package init?(_ kind: ReportTable.ColumnKind) {
    switch kind {
    case .text: return nil
    case .number(places: nil): self = .general
    case .number(places: let p?):
      let places = min(max(p, 0), 15)
      self.init(builtInID: [0: 1, 2: 2][places], code: Self.decimals(places))
    case .integer: self.init(builtInID: 3, code: "#,##0")
    case .percent(let p):
      let places = min(max(p, 0), 15)
      self.init(builtInID: [0: 9, 2: 10][places], code: Self.decimals(places) + "%")
    case .kronor: self.init(builtInID: nil, code: "#,##0\" kr\"")
    }
  }

  private init(builtInID: Int?, code: String) {
    self.builtInID = builtInID
    self.code = code
  }

  /// `0`, `0.0`, `0.00` … with `places` decimals.
  private static func decimals(_ places: Int) -> String {
    places == 0 ? "0" : "0." + String(repeating: "0", count: places)
  }

  /// About how many characters a value takes when shown in this format,
  /// for the column's width.
  package func displayWidth(of value: Double, text: String) -> Int {
    if builtInID == 0 { return min(text.count, 11) }
    let percent = code.hasSuffix("%")
    let places = code.split(separator: ".").dropFirst().first.map { $0.filter { $0 == "0" }.count } ?? 0
    let whole = abs(percent ? value * 100 : value).rounded(.down)
    let digits = whole < 1e15 ? String(Int64(whole)).count : 16
    let grouped = code.hasPrefix("#,##0") ? (digits - 1) / 3 : 0
    let suffix = percent ? 1 : (code.hasSuffix("kr\"") ? 3 : 0)
    return (value < 0 ? 1 : 0) + digits + grouped + (places > 0 ? places + 1 : 0) + suffix
  }
}
