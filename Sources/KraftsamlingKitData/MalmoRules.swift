import KraftsamlingKit

extension RuleSet {
  /// The name of Malmö's set of STK-2024-1374's four criteria.
  package static let stk2024_1374Name = "stk-2024-1374"
  /// The name of Malmö's set with the optional rules as well.
  package static let stk2024_1374FullName = "stk-2024-1374-full"

  /// STK-2024-1374's criteria for an insats: a valid effect logic reaching
  /// the goal measured by UVAS (`effektlogik` with
  /// `Effektlogikkedja.ValidationOptions.stk2024_1374`), at least two
  /// distinct actors (`flera-aktorer`), at least 1 000 000 kr
  /// (`minsta-belopp`), a preventive focus (`forebyggande-fokus`).
  ///
  /// ```swift
  /// let rules = RuleSet.stk2024_1374()
  ///   .adding(.period(within: 2026...2030))
  ///   .removing("forebyggande-fokus")
  /// rules.rules.map(\.id)   // ["effektlogik", "flera-aktorer", "minsta-belopp", "period"]
  /// let verdict = rules.evaluate(insats, in: EligibilityContext(catalogue: .malmö))
  /// ```
  ///
  /// - Parameters:
  ///   - minimumBudget: The smallest total (default 1 000 000 kr).
  ///   - actorScope: Which actors count (default all).
  public static func stk2024_1374(minimumBudget: Belopp = .enMiljon, actorScope: BuiltInRule.ActorScope = .all) -> RuleSet {
    RuleSet(
      name: stk2024_1374Name,
      rules: [
        EffectLogicRule(options: .stk2024_1374), DistinctActorsRule(scope: actorScope),
        MinimumBudgetRule(minimum: minimumBudget), PreventiveFocusRule(),
      ])
  }

  /// ``stk2024_1374(minimumBudget:actorScope:)`` plus the optional rules
  /// with their defaults: `valt-delomrade` (the twelve delområden of
  /// the initial selection, `PublishedSelection.stk2024_1374`),
  /// `period` (2025–2035), `ingen-overlapp`.
  public static func stk2024_1374Full() -> RuleSet {
    var set = stk2024_1374()
    set.name = stk2024_1374FullName
    return set.adding(SelectedAreaRule.stk2024_1374).adding(PeriodRule()).adding(NoOverlapRule())
  }
}

extension Registry where Value == RuleSet, Domain == InsatsDomain {
  /// Malmö's rule sets by name: `stk-2024-1374` (the four criteria, the
  /// default of `kraftctl check`) and `stk-2024-1374-full` (with the
  /// optional rules).
  ///
  /// ```swift
  /// try RuleSetRegistry.malmö.make("STK-2024-1374").name   // "stk-2024-1374"
  /// RuleSetRegistry.malmö.names   // ["stk-2024-1374", "stk-2024-1374-full"]
  /// // a rule-set file whose "base" is one of them, with the Malmö defaults of each rule:
  /// let reader = RuleSetReader(areas: MalmöData.hierarchy, bases: .malmö, defaults: .stk2024_1374Full())
  /// ```
  public static var malmö: RuleSetRegistry {
    var r = RuleSetRegistry()
    r.register(RuleSet.stk2024_1374Name, summary: "the four criteria of STK-2024-1374", value: RuleSet.stk2024_1374())
    r.register(
      RuleSet.stk2024_1374FullName,
      summary: "the four criteria plus the initial selection, the period 2025–2035 and no overlap",
      value: RuleSet.stk2024_1374Full())
    return r
  }
}

extension Effektlogikkedja.ValidationOptions {
  /// The checks of STK-2024-1374: everything, and the goal measured by
  /// UVAS 16–29 (`uvas_16_29`), the programme's goal indicator.
  ///
  /// ```swift
  /// let findings = chain.validate(options: .stk2024_1374)
  /// ```
  public static let stk2024_1374 = Effektlogikkedja.ValidationOptions(goalIndicator: "uvas_16_29")
}
