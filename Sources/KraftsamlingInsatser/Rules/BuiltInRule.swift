import KraftsamlingCore

/// One of the eligibility rules KraftsamlingKit ships, as made by its
/// factory: ``EligibilityRule/minimumBudget(_:source:)``,
/// ``EligibilityRule/distinctActors(minimum:scope:)``,
/// ``EligibilityRule/period(within:)`` or ``EligibilityRule/selectedArea(_:)``.
///
/// The rules' own types are not part of the API: a rule is reached by its
/// factory (in code) or its id (in a rule-set file, see
/// `Documentation/EligibilityRules.md`), and judged through
/// ``evaluate(_:in:)`` like a rule of your own. A ``RuleSet`` stores the rule
/// itself, so `rules.rule(id:)` finds it by id either way.
///
/// ```swift
/// let rule: BuiltInRule = .minimumBudget(try .msek(2), source: .sökta)
/// rule.id                                    // "minsta-belopp"
/// rule.evaluate(insats, in: context).outcome // .fail below 2 000 000 kr requested
/// ```
public struct BuiltInRule: EligibilityRule {
  /// Which actors count for ``EligibilityRule/distinctActors(minimum:scope:)``.
  public enum ActorScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every actor: förvaltningar, companies and external partners.
    case all
    /// Municipal actors only (nämnder, förvaltningar, companies).
    case municipal
  }

  /// The rule itself.
  package let base: any EligibilityRule

  /// Wraps a built-in rule.
  package init(_ base: some EligibilityRule) { self.base = base }

  /// The rule's stable id, e.g. `minsta-belopp`.
  public var id: String { base.id }
  /// The rule's title, e.g. "Total budget at least 1 000 000 kr".
  public var title: String { base.title }
  /// The rule's title in Swedish, e.g. "Budget på minst 1 000 000 kr".
  public var swedishTitle: String { base.swedishTitle }

  /// Judges one insats by the rule.
  ///
  /// - Parameters:
  ///   - insats: The insats.
  ///   - context: The catalogue, areas and other insatser.
  /// - Returns: The outcome with its reason in English and Swedish.
  public func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    base.evaluate(insats, in: context)
  }
}

extension EligibilityRule {
  /// The rule a ``RuleSet`` stores: a ``BuiltInRule``'s own rule, anything
  /// else as it is.
  var unwrapped: any EligibilityRule { (self as? BuiltInRule)?.base ?? self }
}
