import KraftsamlingCore

/// The insats runs within a span of years (optional; by default 2025–2035,
/// the programme's horizon with follow-up in 2030 and 2035).
///
/// Both ends are inclusive: 2025–2035 passes, 2024–2026 and 2034–2036 fail.
///
/// ```swift
/// let horizon: BuiltInRule = .period()                    // within 2025–2035
/// let shorter: BuiltInRule = .period(within: 2026...2030)
/// ```
///
/// Rule-set file: `{"id": "period", "enabled": true, "from": 2025, "to": 2035}`.
///
/// - Complexity: O(1).
package struct PeriodRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `period`.
  package static let ruleID = "period"
  /// `period`.
  package var id: String { Self.ruleID }
  /// The allowed years.
  package var years: ClosedRange<Int>

  /// Creates the rule.
  ///
  /// - Parameter years: The allowed years (default 2025...2035).
  package init(years: ClosedRange<Int> = 2025...2035) {
    self.years = years
  }

  /// "Period within 2025–2035".
  package var title: String { "Period within \(years.lowerBound)–\(years.upperBound)" }

  /// "Perioden ligger inom 2025–2035".
  package var swedishTitle: String { "Perioden ligger inom \(years.lowerBound)–\(years.upperBound)" }

  /// Passes when the whole period lies within ``years``.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let p = insats.period
    let span = "\(years.lowerBound)–\(years.upperBound)"
    if p.to < p.from {
      return fail("The period \(p.from)–\(p.to) ends before it starts.", swedish: "Perioden \(p.from)–\(p.to) slutar innan den börjar.")
    }
    if years.contains(p.from) && years.contains(p.to) {
      return pass("The period \(p) lies within \(span).", swedish: "Perioden \(p) ligger inom \(span).")
    }
    return fail("The period \(p) is not within \(span).", swedish: "Perioden \(p) ligger inte inom \(span).")
  }
}

extension EligibilityRule where Self == BuiltInRule {
  /// The insats runs within the given years (`period`), both ends inclusive.
  ///
  /// - Parameter years: The allowed years (default 2025...2035).
  public static func period(within years: ClosedRange<Int> = 2025...2035) -> BuiltInRule {
    BuiltInRule(PeriodRule(years: years))
  }
}
