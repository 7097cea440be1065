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

  /// A number with fixed decimals in this language.
  package func number(_ value: Double, places: Int) -> String {
    DecimalFormatting.fixed(value, places: places, separator: decimalSeparator)
  }
}
