import KraftsamlingCore

/// A respondent's overall stance to a proposal (*ställningstagande*).
///
/// The JSON values are the English codes in parentheses.
///
/// ```swift
/// Ställningstagande(rawValue: "positive-with-reservations")   // .positivMedInvändningar
/// Ställningstagande.positiv.label(.sv)                   // "positiv"
/// ```
public enum Ställningstagande: String, Sendable, Hashable, Codable, CaseIterable {
  /// Positive, supports the proposal (`positive`).
  case positiv = "positive"
  /// Positive, but with reservations or demands for clarification (`positive-with-reservations`).
  case positivMedInvändningar = "positive-with-reservations"
  /// Neither for nor against (`neutral`).
  case neutral
  /// Critical of important parts (`critical`).
  case kritisk = "critical"
  /// Against the proposal (`negative`).
  case negativ = "negative"
  /// Takes no position (`no-position`).
  case ingenStällning = "no-position"

  /// A short label for reports.
  ///
  /// - Parameter language: Swedish (default) or English.
  package func label(_ language: ReportLanguage = .sv) -> String {
    switch (self, language) {
    case (.positiv, .sv): "positiv"
    case (.positiv, .en): "positive"
    case (.positivMedInvändningar, .sv): "positiv med invändningar"
    case (.positivMedInvändningar, .en): "positive with reservations"
    case (.neutral, _): "neutral"
    case (.kritisk, .sv): "kritisk"
    case (.kritisk, .en): "critical"
    case (.negativ, .sv): "negativ"
    case (.negativ, .en): "negative"
    case (.ingenStällning, .sv): "tar inte ställning"
    case (.ingenStällning, .en): "no position"
    }
  }
}
