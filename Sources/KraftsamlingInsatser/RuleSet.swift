import KraftsamlingCore

/// An ordered set of ``EligibilityRule``s with a name, judging insatser.
///
/// Rule sets compose: add a rule (replacing one with the same id) or remove
/// one. A municipality's named sets live in a
/// ``RuleSetRegistry`` (Malmö's criteria of STK-2024-1374 are
/// `RuleSet.stk2024_1374()` in KraftsamlingKitData). A rule-set file
/// (``RuleSetReader``) toggles and parameterises the built-in rules.
///
/// ```swift
/// let rules = RuleSet(name: "lund-2026", rules: [BuiltInRule.minimumBudget()])
///   .adding(.distinctActors(minimum: 2))
///   .adding(.period(within: 2026...2030))
///   .removing("minsta-belopp")
/// rules.rules.map(\.id)   // ["flera-aktorer", "period"]
/// let verdict = rules.evaluate(insats, in: EligibilityContext(catalogue: catalogue))
/// verdict.isEligible
/// ```
///
/// - Complexity: ``evaluate(_:in:)`` is the sum of its rules' costs.
public struct RuleSet: Sendable {
  /// The set's name, e.g. `stk-2024-1374`, shown in verdicts and reports.
  public var name: String
  /// The rules, in the order they are evaluated and reported.
  public private(set) var rules: [any EligibilityRule]

  /// Creates a rule set.
  ///
  /// - Parameters:
  ///   - name: The set's name.
  ///   - rules: The rules.
  /// - Precondition: rule ids are unique (programmer misuse otherwise; use
  ///   ``adding(_:)`` to replace a rule).
  public init(name: String, rules: [any EligibilityRule]) {
    var seen = Set<String>()
    for r in rules { precondition(seen.insert(r.id).inserted, "two rules share the id \(r.id)") }
    self.name = name
    self.rules = rules.map(\.unwrapped)
  }

  /// The rule with an id, or `nil`.
  ///
  /// - Parameter id: A rule id.
  public func rule(id: String) -> (any EligibilityRule)? { rules.first { $0.id == id } }

  /// A copy with a rule added at the end, or replacing the rule with the
  /// same id in place.
  ///
  /// - Parameter rule: The rule.
  public func adding<R: EligibilityRule>(_ rule: R) -> RuleSet { adding(existential: rule) }

  /// A copy with a rule added at the end, or replacing the rule with the
  /// same id in place.
  ///
  /// - Parameter rule: The rule.
  package func adding(existential rule: any EligibilityRule) -> RuleSet {
    let rule = rule.unwrapped
    var copy = self
    if let i = copy.rules.firstIndex(where: { $0.id == rule.id }) {
      copy.rules[i] = rule
    } else {
      copy.rules.append(rule)
    }
    return copy
  }

  /// A copy without the rule with an id (unchanged if there is none).
  ///
  /// - Parameter id: The rule id.
  public func removing(_ id: String) -> RuleSet {
    var copy = self
    copy.rules.removeAll { $0.id == id }
    return copy
  }

  /// The rules of this set followed by those of `other`; a rule of `other`
  /// replaces one of this set with the same id.
  ///
  /// - Parameters:
  ///   - other: The set to merge in.
  ///   - name: The new name (default `A+B`).
  package func merging(_ other: RuleSet, name: String? = nil) -> RuleSet {
    var copy = self
    for r in other.rules { copy = copy.adding(existential: r) }
    copy.name = name ?? "\(self.name)+\(other.name)"
    return copy
  }

  /// Judges one insats by every rule.
  ///
  /// - Parameters:
  ///   - insats: The insats.
  ///   - context: The catalogue, areas and other insatser.
  /// - Returns: Every rule's result.
  public func evaluate(_ insats: Insats, in context: EligibilityContext) -> EligibilityVerdict {
    EligibilityVerdict(
      insatsID: insats.id, title: insats.title, ruleSet: name, results: rules.map { $0.evaluate(insats, in: context) })
  }

  /// Judges several insatser, each against the others (the context's
  /// ``EligibilityContext/otherInsatser`` is set to `insatser` when empty).
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - context: The catalogue and areas.
  /// - Returns: One verdict per insats, in order.
  public func evaluate(_ insatser: [Insats], in context: EligibilityContext) -> [EligibilityVerdict] {
    var ctx = context
    if ctx.otherInsatser.isEmpty { ctx.otherInsatser = insatser }
    return insatser.map { evaluate($0, in: ctx) }
  }
}
