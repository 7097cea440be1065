import KraftsamlingCore

/// What a ``RuleSet`` said about one insats: every rule's result, and
/// whether the insats is eligible (no rule failed).
///
/// ```swift
/// let verdict = RuleSet.stk2024_1374().evaluate(insats, in: context)
/// verdict.isEligible            // false
/// verdict.failures.map(\.ruleID) // ["minsta-belopp"]
/// ```
public struct EligibilityVerdict: Sendable, Hashable, Codable {
  /// The insats's id.
  public package(set) var insatsID: String
  /// The insats's title.
  public package(set) var title: String
  /// The rule set's name.
  package var ruleSet: String
  /// Every rule's result, in the rule set's order.
  public package(set) var results: [RuleResult]

  /// Creates a verdict.
  ///
  /// - Parameters:
  ///   - insatsID: The insats's id.
  ///   - title: Its title.
  ///   - ruleSet: The rule set's name.
  ///   - results: Every rule's result.
  package init(insatsID: String, title: String, ruleSet: String, results: [RuleResult]) {
    self.insatsID = insatsID
    self.title = title
    self.ruleSet = ruleSet
    self.results = results
  }

  /// Whether no rule failed.
  public var isEligible: Bool { !results.contains { $0.outcome == .fail } }
  /// The failed rules' results.
  public var failures: [RuleResult] { results.filter { $0.outcome == .fail } }
  /// The warnings.
  package var warnings: [RuleResult] { results.filter { $0.outcome == .warning } }
  /// The worst outcome (pass for an empty rule set).
  public var outcome: RuleOutcome { results.map(\.outcome).max() ?? .pass }
}
