import KraftsamlingCore

/// Rule sets known by name, for `kraftctl check --rules`, the `base` of a
/// rule-set file (``RuleSetReader/bases``) and configuration files.
///
/// The stage knows no municipality's rules: the registry starts empty and
/// a municipality registers its own sets. Malmö's (`stk-2024-1374` and
/// `stk-2024-1374-full`) are `RuleSetRegistry.malmö` in KraftsamlingKitData.
///
/// ```swift
/// var registry = RuleSetRegistry()
/// registry.register("lund-2026", summary: "Lund's criteria",
///   value: RuleSet(name: "lund-2026", rules: [DistinctActorsRule(), MinimumBudgetRule(minimum: .enMiljon)]))
/// try registry.make("LUND-2026").name   // "lund-2026"
/// try registry.make("lund-2025")
/// // throws rules.unknown-set (hint: did you mean lund-2026?)
/// ```
public typealias RuleSetRegistry = Registry<RuleSet, InsatsDomain>

extension Registry where Value == RuleSet, Domain == InsatsDomain {
  /// An empty registry of rule sets.
  public init() { self.init(noun: "rule set", unknownCode: .unknownRuleSet) }
}
