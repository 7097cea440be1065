/// The language of a generated report: Swedish by default, English on
/// request.
///
/// ```swift
/// summary.markdown(language: .english)
/// ```
public enum ReportLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  /// Svenska (the default: reports are attached to Swedish ärenden).
  case swedish = "sv"
  /// English.
  case english = "en"
}
