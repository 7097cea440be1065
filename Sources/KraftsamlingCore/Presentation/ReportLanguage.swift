/// The language of a report: Swedish (the default, for Swedish civil
/// servants) or English.
public enum ReportLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  /// Svenska.
  case sv
  /// English.
  case en

  /// Picks the Swedish or the English text.
  ///
  /// ```swift
  /// ReportLanguage.sv.pick("Metod", "Method")   // "Metod"
  /// ```
  package func pick(_ swedish: String, _ english: String) -> String { self == .sv ? swedish : english }

  /// The decimal separator used in running text: `,` in Swedish, `.` in English.
  package var decimalSeparator: Character { self == .sv ? "," : "." }

  /// A proportion as a percentage in this language, e.g. `"9,5 %"` / `"9.5 %"`.
  package func percent(_ proportion: Double, places: Int = 1) -> String {
    DecimalFormatting.percent(proportion, places: places, separator: decimalSeparator) + " %"
  }

  /// A number with fixed decimals in this language, thousands grouped:
  /// `"1 398"`, `"2,54"` in Swedish; `"1,398"`, `"2.54"` in English.
  package func number(_ value: Double, places: Int) -> String {
    let text = DecimalFormatting.fixed(value, places: places, separator: decimalSeparator)
    let sign = text.hasPrefix("-") ? "-" : ""
    let unsigned = text.dropFirst(sign.count)
    let whole = unsigned.prefix { $0 != decimalSeparator }
    return sign + integer(digits: String(whole)) + unsigned.dropFirst(whole.count)
  }

  /// A whole number in this language, thousands grouped: `"1 398"` / `"1,398"`.
  package func integer(_ value: some BinaryInteger) -> String {
    let digits = String(value.magnitude)
    return (value < 0 ? "-" : "") + integer(digits: digits)
  }

  /// An amount of money in this language: `"1 380 000 kr"` / `"1,380,000 kr"`.
  package func money(_ amount: Belopp) -> String {
    amount.formatted(.kr, style: self == .sv ? .swedish : .english)
  }

  private func integer(digits: String) -> String {
    Belopp.group(digits, style: self == .sv ? .swedish : .english)
  }
}
