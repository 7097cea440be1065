/// A table cell read as a number for a workbook, and written back as the
/// shortest text that gives the same `Double`.
///
/// Only plain decimal numbers count — an optional sign, digits, an
/// optional fraction and exponent (`12`, `-0.5`, `+3`, `1e-07`); `..`,
/// `–`, `inf`, `0x10`, `1 000` and the empty cell do not, and stay text.
///
/// ```swift
/// CellNumber("0.30000000000000004")?.xml   // "0.30000000000000004"
/// CellNumber("1374")?.xml                  // "1374"
/// CellNumber("..")                         // nil
/// ```
package struct CellNumber: Sendable, Hashable {
  /// The value.
  package var value: Double
  /// The value as the `<v>` element writes it.
  package var xml: String

  /// The number a cell holds, or nil when it is not a plain decimal number.
  package init?(_ text: String) {
    guard Self.isDecimal(text) else { return nil }
    let digits = text.first == "+" ? String(text.dropFirst()) : text
    if let n = Int64(digits), n.magnitude <= 1 << 53 {
      value = Double(n)
      xml = String(n)
      return
    }
    guard let x = Double(digits), x.isFinite else { return nil }
    value = x
    xml = x == x.rounded() && abs(x) <= 0x1p53 ? String(Int64(x)) : x.description
  }

  /// Whether `text` is `[+-]?digits(.digits)?([eE][+-]?digits)?`.
  static func isDecimal(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
      let n = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      bytes = bytes.dropFirst(n)
      return n
    }
    func sign() { if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() } }
    sign()
    guard digits() > 0 else { return false }
    if bytes.first == 0x2E {
      bytes = bytes.dropFirst()
      guard digits() > 0 else { return false }
    }
    if bytes.first == 0x65 || bytes.first == 0x45 {
      bytes = bytes.dropFirst()
      sign()
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
