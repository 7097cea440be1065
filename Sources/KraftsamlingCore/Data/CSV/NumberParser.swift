/// Parses numbers as people and spreadsheets write them.
///
/// Accepts an optional sign (`-`, `+` or the minus sign `−`), digits grouped
/// with spaces (`1 234`, also no-break and thin spaces), a decimal point or
/// comma according to the separator asked for, and an exponent (`1.5e3`).
/// Rejects everything else — including `nan`, `inf` and hexadecimal that
/// Swift's `Double(_:)` would accept — so that a typo is reported rather than
/// silently read.
///
/// ```swift
/// NumberParser.parse("12,5", decimal: .comma)   // 12.5
/// NumberParser.parse("1 234", decimal: .auto)   // 1234
/// NumberParser.parse("tolv", decimal: .auto)    // nil
/// ```
package enum NumberParser {
  /// The number in `text`, or `nil` if it is not one.
  ///
  /// - Parameters:
  ///   - text: The cell.
  ///   - decimal: `.point`, `.comma`, or `.auto` for either.
  package static func parse(_ text: String, decimal: DecimalSeparator) -> Double? {
    if let v = fastPath(text, decimal: decimal) { return v }
    let chars = Array(text.trimmingWhitespace().unicodeScalars)
    let n = chars.count
    var i = 0
    var out = ""
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    func isGroupSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}" }
    if i < n, chars[i] == "-" || chars[i] == "+" || chars[i] == "\u{2212}" {
      if chars[i] != "+" { out.append("-") }
      i += 1
    }
    // Integer part, optionally grouped in threes by spaces.
    var groups: [Int] = []
    var current = 0
    var integerDigits = 0
    while i < n {
      if isDigit(chars[i]) {
        out.unicodeScalars.append(chars[i])
        current += 1
        integerDigits += 1
      } else if isGroupSpace(chars[i]) {
        guard current > 0 else { return nil }
        groups.append(current)
        current = 0
      } else {
        break
      }
      i += 1
    }
    if !groups.isEmpty {
      groups.append(current)
      guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
    }
    // Fraction.
    var fractionDigits = 0
    if i < n, chars[i] == "." || chars[i] == "," {
      let isComma = chars[i] == ","
      if decimal == .point && isComma { return nil }
      if decimal == .comma && !isComma { return nil }
      out.append(".")
      i += 1
      while i < n, isDigit(chars[i]) {
        out.unicodeScalars.append(chars[i])
        fractionDigits += 1
        i += 1
      }
    }
    guard integerDigits + fractionDigits > 0 else { return nil }
    // Exponent.
    if i < n, chars[i] == "e" || chars[i] == "E" {
      out.append("e")
      i += 1
      if i < n, chars[i] == "-" || chars[i] == "+" {
        out.unicodeScalars.append(chars[i])
        i += 1
      }
      var exponentDigits = 0
      while i < n, isDigit(chars[i]) {
        out.unicodeScalars.append(chars[i])
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard i == n, let v = Double(out), v.isFinite else { return nil }
    return v
  }

  /// Plain `[-]digits[sep digits]` with at most 15 significant digits, parsed
  /// without allocating. Exact: the mantissa and 10^k are exact doubles
  /// (< 2^53 and ≤ 10^22), so their quotient is the correctly rounded value —
  /// the same as `Double(String)` gives (Clinger's fast path).
  @inline(__always)
  static func fastPath(_ text: String, decimal: DecimalSeparator) -> Double? {
    var mantissa: Int64 = 0
    var digits = 0
    var fraction = 0
    var negative = false
    var seenSeparator = false
    var index = 0
    var ok = true
    text.utf8.withContiguousStorageIfAvailable { bytes in
      for b in bytes {
        defer { index += 1 }
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          mantissa = mantissa &* 10 &+ Int64(b &- 48)
          digits += 1
          if seenSeparator { fraction += 1 }
        case UInt8(ascii: "-") where index == 0:
          negative = true
        case UInt8(ascii: ".") where !seenSeparator && decimal != .comma:
          seenSeparator = true
        case UInt8(ascii: ",") where !seenSeparator && decimal != .point:
          seenSeparator = true
        default:
          ok = false
          return
        }
      }
    } ?? { ok = false }()
    guard ok, digits > 0, digits <= 15, !(seenSeparator && fraction == 0) else { return nil }
    var value = Double(mantissa)
    if fraction > 0 { value /= powersOfTen[fraction] }
    return negative ? -value : value
  }

  private static let powersOfTen: [Double] = (0...22).map { k in
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }
}
