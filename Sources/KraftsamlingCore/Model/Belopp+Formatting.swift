extension Belopp {
  /// How to write numbers: Swedish (`1 250 000,5`) or English (`1,250,000.5`).
  public enum NumberStyle: String, Sendable, Hashable, Codable {
    /// Space as thousands separator, comma as decimal separator.
    case swedish
    /// Comma as thousands separator, point as decimal separator.
    case english
    /// No grouping, point as decimal separator: for CSV and JSON.
    case plain
  }

  /// The amount written in `unit`, with the decimals needed to be exact
  /// (at most 3 for tkr, 6 for MSEK), e.g. `"1 250 tkr"`, `"1,25 MSEK"`.
  ///
  /// - Parameters:
  ///   - unit: The display unit.
  ///   - style: Swedish (default), English or plain number style.
  public func formatted(_ unit: MoneyUnit, style: NumberStyle = .swedish) -> String {
    let negative = kronor < 0
    let magnitude = kronor.magnitude
    let per = UInt64(unit.kronor)
    let whole = magnitude / per
    var fraction = magnitude % per
    var digits = unit == .kr ? 0 : (unit == .tkr ? 3 : 6)
    while digits > 0 && fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var text = Self.group(String(whole), style: style)
    if digits > 0 {
      var f = String(fraction)
      while f.count < digits { f = "0" + f }
      text += (style == .swedish ? "," : ".") + f
    }
    return (negative ? "−" : "") + text + " " + unit.symbol
  }

  static func group(_ digits: String, style: NumberStyle) -> String {
    let separator: Character
    switch style {
    case .swedish: separator = " "
    case .english: separator = ","
    case .plain: return digits
    }
    var out: [Character] = []
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(separator) }
      out.append(c)
    }
    return String(out.reversed())
  }

  /// Parses an amount written by a person: `"1000000"`, `"1 000 000 kr"`,
  /// `"1250 tkr"`, `"1,5 MSEK"`, `"2.5 msek"`, `"1_000_000"`.
  ///
  /// A unit suffix (`kr`, `tkr`, `MSEK`, `mnkr`, case-insensitive) scales
  /// the number; spaces and underscores group digits; `,` or `.` is a
  /// decimal separator when followed by fewer or more than three digits or
  /// when a unit larger than kr is given. The result must be a whole number
  /// of kronor.
  ///
  /// - Throws: ``MoneyError`` (`.invalidFormat`, `.notWhole`, `.overflow`).
  public init(parsing text: String) throws(MoneyError) {
    var s = text.trimmingWhitespace().lowercased()
    var unit = MoneyUnit.kr
    for (suffix, u) in [("msek", MoneyUnit.msek), ("mnkr", .msek), ("mkr", .msek), ("tkr", .tkr), ("kr", .kr), ("sek", .kr)]
    where s.hasSuffix(suffix) {
      unit = u
      s = String(s.dropLast(suffix.count)).trimmingWhitespace()
      break
    }
    var negative = false
    if let first = s.first, first == "-" || first == "−" {
      negative = true
      s.removeFirst()
    }
    let cleaned = s.filter { $0 != " " && $0 != "_" && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    guard !cleaned.isEmpty else {
      throw MoneyError(.invalidFormat, "'\(text)' is not an amount; write e.g. 1000000, 1 000 000 kr, 1250 tkr or 1,5 MSEK")
    }
    var integerPart = cleaned
    var fractionPart = ""
    let separators = cleaned.filter { $0 == "," || $0 == "." }
    if separators.count > 1 {
      throw MoneyError(.invalidFormat, "'\(text)' has more than one decimal separator; group digits with spaces, e.g. 1 000 000")
    }
    if let sepIndex = cleaned.firstIndex(where: { $0 == "," || $0 == "." }) {
      let after = cleaned[cleaned.index(after: sepIndex)...]
      if unit == .kr && after.count == 3 {
        throw MoneyError(
          .invalidFormat,
          "'\(text)' is ambiguous: '\(cleaned[sepIndex])' could group thousands or mark decimals; write 1000000 or 1 000 000")
      }
      integerPart = String(cleaned[..<sepIndex])
      fractionPart = String(after)
    }
    guard !integerPart.isEmpty || !fractionPart.isEmpty,
      integerPart.allSatisfy(\.isASCIIDigit), fractionPart.allSatisfy(\.isASCIIDigit)
    else {
      throw MoneyError(.invalidFormat, "'\(text)' is not an amount; write e.g. 1000000, 1 000 000 kr, 1250 tkr or 1,5 MSEK")
    }
    let scaleDigits = unit == .kr ? 0 : (unit == .tkr ? 3 : 6)
    let significantFraction = fractionPart.reversed().drop(while: { $0 == "0" }).reversed()
    if significantFraction.count > scaleDigits {
      throw MoneyError(.notWhole, "'\(text)' is not a whole number of kronor")
    }
    var fractionDigits = String(significantFraction)
    while fractionDigits.count < scaleDigits { fractionDigits += "0" }
    let allDigits = (integerPart.isEmpty ? "0" : integerPart) + fractionDigits
    var value: Int64 = 0
    for c in allDigits {
      let d = Int64(c.asciiValue! - 48)
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { throw MoneyError(.overflow, "'\(text)' is too large (more than 9.2 · 10¹⁸ kronor)") }
      value = a
    }
    self.kronor = negative ? -value : value
  }
}

extension Character {
  package var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  package func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace }
    while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return String(String.UnicodeScalarView(scalars[start..<end]))
  }
}
