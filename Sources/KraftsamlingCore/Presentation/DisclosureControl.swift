/// Statistical disclosure control (*röjandekontroll*) for outputs that show
/// counts or rates of small groups.
///
/// Statistics about small areas can reveal facts about individuals: that
/// the two children of a small area live in overcrowded housing, say. Every
/// KraftsamlingKit output that shows counts or rates passes them through a
/// `DisclosureControl`, which replaces
///
/// - a count below ``minimumCount`` (default 5) by the marker, and
/// - a rate whose denominator is below ``minimumDenominator`` (default 10)
///   by the marker,
///
/// the marker being SCB's `..` ("uppgift inte tillgänglig eller för osäker
/// för att anges"). A count of 0 is shown (it reveals nothing about a
/// person) unless ``suppressZero`` is set. Computations (the index, the
/// follow-up) always use the unsuppressed numbers; suppression applies only
/// to what is *shown*.
///
/// ```swift
/// let dc = DisclosureControl()
/// dc.count(3)                                 // ".."
/// dc.count(12)                                // "12"
/// dc.rate(numerator: 4, denominator: 40)      // "0.10"
/// dc.rate(numerator: 6, denominator: 40)      // "0.15"
/// dc.rate(numerator: 1, denominator: 8)       // ".." (8 < 10)
/// DisclosureControl.off.count(3)              // "3"
/// ```
///
/// The thresholds follow common Swedish practice for register statistics
/// on small areas (SCB suppresses cells based on fewer than a handful of
/// individuals); set your own to match your data provider's rules.
public struct DisclosureControl: Sendable, Hashable, Codable {
  /// Counts below this are suppressed. Default 5.
  package var minimumCount: Int
  /// Rates whose denominator is below this are suppressed. Default 10.
  package var minimumDenominator: Int
  /// Whether a count of zero is suppressed too. Default `false`.
  package var suppressZero: Bool
  /// The text shown instead of a suppressed value. Default `..`.
  package var marker: String

  /// Creates a policy.
  public init(minimumCount: Int = 5, minimumDenominator: Int = 10, suppressZero: Bool = false, marker: String = "..") {
    self.minimumCount = minimumCount
    self.minimumDenominator = minimumDenominator
    self.suppressZero = suppressZero
    self.marker = marker
  }

  /// No suppression at all (for internal work files; never for publication).
  package static let off = DisclosureControl(minimumCount: 0, minimumDenominator: 0, suppressZero: false)

  /// Whether a count must be hidden.
  package func suppresses(count: Double) -> Bool {
    if count == 0 { return suppressZero }
    return count < Double(minimumCount)
  }

  /// Whether a rate must be hidden: its denominator is below the minimum.
  /// (A rate over a large enough population does not single anyone out,
  /// however small its numerator; the numerator *count*, if shown, is
  /// suppressed separately by ``count(_:)``.)
  package func suppresses(rateWithDenominator denominator: Double) -> Bool {
    denominator < Double(minimumDenominator)
  }

  /// A count as text, or the marker.
  package func count(_ value: Double?) -> String {
    guard let value else { return marker }
    return suppresses(count: value) ? marker : DecimalFormatting.shortest(value)
  }

  /// A rate (as a proportion, or in percent with `percent: true`) as text,
  /// or the marker.
  ///
  /// - Parameters:
  ///   - numerator: The count of the condition.
  ///   - denominator: The population.
  ///   - places: Decimals shown.
  ///   - percent: Whether to show percent instead of a proportion.
  package func rate(numerator: Double?, denominator: Double?, places: Int = 2, percent: Bool = false) -> String {
    guard let n = numerator, let d = denominator, d > 0 else { return marker }
    if suppresses(rateWithDenominator: d) { return marker }
    return percent ? DecimalFormatting.percent(n / d, places: places) : DecimalFormatting.fixed(n / d, places: places)
  }
}
