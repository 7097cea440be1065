import KraftsamlingCore

/// The judgement of a change between two years of a series.
public struct ShiftAssessment: Sendable, Hashable, Codable {
  /// The change in the share (later − earlier), as a proportion (0.01 = 1 percentage point).
  package var change: Double
  /// The test statistic (e.g. the two-proportion z), when the rule computes one.
  public package(set) var statistic: Double?
  /// Whether the change is large by the rule.
  public package(set) var isLarge: Bool
  /// Whether the counts are too small for the rule to be reliable.
  package var smallNumbers: Bool

  /// Creates an assessment.
  ///
  /// - Parameters:
  ///   - change: The change in the share.
  ///   - statistic: The test statistic.
  ///   - isLarge: Whether it is large.
  ///   - smallNumbers: Whether the counts are too small to rely on.
  public init(change: Double, statistic: Double?, isLarge: Bool, smallNumbers: Bool = false) {
    self.change = change
    self.statistic = statistic
    self.isLarge = isLarge
    self.smallNumbers = smallNumbers
  }
}

/// A rule that decides whether the change between two years of a series
/// is a *large shift* worth a look.
///
/// Built-in rules: ``BinomialShiftRule`` (`.binomial(k:)`, the default,
/// for counts) and ``AbsoluteShiftRule`` (`.absolute(percentagePoints:)`,
/// for series with values only). Conform your own type to plug in another.
///
/// ```swift
/// let rule: any ShiftRule = .binomial(k: 3)
/// rule.assess(from: a, to: b)?.isLarge
/// ```
public protocol ShiftRule: Sendable {
  /// The rule in words, for reports.
  var summary: String { get }
  /// Judges the change from `earlier` to `later`, or returns `nil` when
  /// the rule cannot judge it (a value missing; counts missing for a
  /// count-based rule).
  ///
  /// - Parameters:
  ///   - earlier: The earlier point.
  ///   - later: The later point.
  func assess(from earlier: IndicatorSeries.Point, to later: IndicatorSeries.Point) -> ShiftAssessment?
}

/// A change is large when it exceeds `k` binomial standard errors: the
/// two-proportion z-test with pooled variance.
///
/// With x₁ of n₁ and x₂ of n₂, p̂ = (x₁ + x₂)/(n₁ + n₂) and
/// z = (x₂/n₂ − x₁/n₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)); the change is large when
/// |z| > k. When p̂ is 0 or 1 nothing changed and z = 0.
///
/// The default k = 3 (two-sided p ≈ 0.003 under the normal approximation)
/// is deliberately strict: a follow-up looks at about 136 areas × several
/// year pairs, and at k = 2 about one pair in twenty would be flagged by
/// chance alone. Treating the two years as independent samples is
/// conservative: the same young people appear in consecutive years, which
/// makes the true standard error of the change smaller. Below
/// `minimumDenominator` people in either year the normal approximation is
/// poor, and the assessment is marked `smallNumbers`.
///
/// ```swift
/// // 50 of 1000 → 80 of 1000: p̂ = 0.065, SE = √(0.065·0.935·0.002) = 0.01102, z = 0.03/0.01102 = 2.72
/// BinomialShiftRule(k: 3).assess(from: a, to: b)?.isLarge   // false (2.72 < 3)
/// BinomialShiftRule(k: 2).assess(from: a, to: b)?.isLarge   // true
/// ```
///
/// - Complexity: O(1).
/// - SeeAlso: Agresti, *Statistical Methods for the Social Sciences*,
///   the large-sample test comparing two proportions.
public struct BinomialShiftRule: ShiftRule, Hashable {
  /// The number of standard errors a change must exceed.
  package var k: Double
  /// Below this denominator in either year the assessment is marked small numbers.
  package var minimumDenominator: Double

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - k: Standard errors (default 3).
  ///   - minimumDenominator: The small-numbers limit (default 30).
  package init(k: Double = 3, minimumDenominator: Double = 30) {
    self.k = k
    self.minimumDenominator = minimumDenominator
  }

  /// The rule in words.
  public var summary: String {
    "|z| > \(DecimalFormatting.shortest(k)) (two-proportion z-test, pooled binomial standard error)"
  }

  /// The rule in Swedish, for Swedish reports.
  package var swedishSummary: String {
    "|z| > \(swedishNumber(k)) (test av skillnad mellan två andelar med poolat binomialt standardfel)"
  }

  /// Judges a change; `nil` unless both points have counts with positive denominators.
  public func assess(from earlier: IndicatorSeries.Point, to later: IndicatorSeries.Point) -> ShiftAssessment? {
    guard let x1 = earlier.numerator, let n1 = earlier.denominator, let x2 = later.numerator, let n2 = later.denominator,
      n1 > 0, n2 > 0
    else { return nil }
    let change = x2 / n2 - x1 / n1
    let p = (x1 + x2) / (n1 + n2)
    let se = (p * (1 - p) * (1 / n1 + 1 / n2)).squareRoot()
    let z = se > 0 ? change / se : 0
    return ShiftAssessment(
      change: change, statistic: z, isLarge: abs(z) > k, smallNumbers: n1 < minimumDenominator || n2 < minimumDenominator)
  }
}

extension ShiftRule where Self == BinomialShiftRule {
  /// Large when |z| > k binomial standard errors (default k = 3).
  public static func binomial(k: Double = 3, minimumDenominator: Double = 30) -> BinomialShiftRule {
    BinomialShiftRule(k: k, minimumDenominator: minimumDenominator)
  }
}

/// A change is large when it exceeds a fixed number of percentage points:
/// for series published as values without counts.
///
/// ```swift
/// AbsoluteShiftRule(percentagePoints: 1).assess(from: a, to: b)?.isLarge   // |Δ| > 1 pp
/// ```
public struct AbsoluteShiftRule: ShiftRule, Hashable {
  /// The threshold in percentage points.
  package var percentagePoints: Double

  /// Creates the rule.
  ///
  /// - Parameter percentagePoints: The threshold, e.g. 1.
  package init(percentagePoints: Double) { self.percentagePoints = percentagePoints }

  /// The rule in words.
  public var summary: String { "|change| > \(DecimalFormatting.shortest(percentagePoints)) percentage points" }

  /// The rule in Swedish, for Swedish reports.
  package var swedishSummary: String {
    "|förändring| > \(swedishNumber(percentagePoints)) procentenheter"
  }

  /// Judges a change; `nil` when a value is missing.
  public func assess(from earlier: IndicatorSeries.Point, to later: IndicatorSeries.Point) -> ShiftAssessment? {
    guard let a = earlier.value, let b = later.value else { return nil }
    return ShiftAssessment(change: b - a, statistic: nil, isLarge: abs(b - a) * 100 > percentagePoints)
  }
}

extension ShiftRule where Self == AbsoluteShiftRule {
  /// Large when the change exceeds a number of percentage points.
  public static func absolute(percentagePoints: Double) -> AbsoluteShiftRule {
    AbsoluteShiftRule(percentagePoints: percentagePoints)
  }
}

/// `2.5` → `2,5`: a rule's threshold in Swedish.
private func swedishNumber(_ x: Double) -> String {
  String(DecimalFormatting.shortest(x).map { $0 == "." ? "," : $0 })
}

/// A shift rule's summary in a report's language: the built-in rules'
/// Swedish wording for `.sv`; a rule of your own by its ``ShiftRule/summary``.
///
/// ```swift
/// localizedShiftRuleSummary(BinomialShiftRule(k: 3), .sv)   // "|z| > 3 (test av skillnad mellan två andelar …)"
/// ```
package func localizedShiftRuleSummary(_ rule: any ShiftRule, _ language: ReportLanguage) -> String {
  guard language == .sv else { return rule.summary }
  if let b = rule as? BinomialShiftRule { return b.swedishSummary }
  if let a = rule as? AbsoluteShiftRule { return a.swedishSummary }
  return rule.summary
}
