/// Formats numbers with a fixed number of decimals, without Foundation's
/// locale machinery: `.` for CSV/JSON, `,` for Swedish text.
///
/// ```swift
/// DecimalFormatting.fixed(0.12345, places: 3)                 // "0.123"
/// DecimalFormatting.fixed(12.5, places: 1, separator: ",")    // "12,5"
/// DecimalFormatting.percent(0.0951, places: 1)                // "9.5"
/// ```
package enum DecimalFormatting {
  /// `value` rounded half away from zero to `places` decimals.
  ///
  /// Non-finite values are written `NaN`, `inf` or `-inf` (they never occur
  /// in KraftsamlingKit's outputs, which use explicit missing values).
  package static func fixed(_ value: Double, places: Int, separator: Character = ".") -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    let p = max(0, min(places, 15))
    var scale = 1.0
    for _ in 0..<p { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.0e18 else { return String(value) }
    let n = UInt64(scaled)
    let negative = value < 0 && n > 0
    var digits = String(n)
    if p > 0 {
      while digits.count <= p { digits = "0" + digits }
      let cut = digits.index(digits.endIndex, offsetBy: -p)
      digits = digits[..<cut] + String(separator) + digits[cut...]
    }
    return (negative ? "-" : "") + digits
  }

  /// A proportion as a percentage with `places` decimals, without the `%` sign.
  package static func percent(_ proportion: Double, places: Int = 1, separator: Character = ".") -> String {
    fixed(proportion * 100, places: places, separator: separator)
  }

  /// The shortest text that reads back as the same `Double` (Swift's
  /// description), but never in exponent form for values between 1e-6 and
  /// 1e15: for CSV cells that spreadsheets must read.
  package static func shortest(_ value: Double) -> String {
    guard value.isFinite else { return fixed(value, places: 0) }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    let s = String(value)
    if !s.contains("e") { return s }
    for places in 1...17 {
      let t = fixed(value, places: places)
      if Double(t) == value { return t }
    }
    return s
  }
}
