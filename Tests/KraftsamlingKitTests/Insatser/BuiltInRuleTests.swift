import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingInsatser

@Suite("BuiltInRule: the factories' one public type")
struct BuiltInRuleTests {
  @Test("each factory wraps its rule: same id, titles and verdict as the rule itself")
  func forwards() throws {
    let pairs: [(BuiltInRule, any EligibilityRule)] = [
      (.minimumBudget(try .msek(2), source: .sökta), MinimumBudgetRule(minimum: try .msek(2), source: .sökta)),
      (.distinctActors(minimum: 3, scope: .municipal), DistinctActorsRule(minimum: 3, scope: .municipal)),
      (.period(within: 2026...2027), PeriodRule(years: 2026...2027)),
      (.selectedArea(["25611"], name: "Holma"), SelectedAreaRule(areas: ["25611"], name: "Holma")),
    ]
    let insats = InsatsFixtures.insats(kronor: 1_500_000, areas: ["13340"])
    for (wrapped, rule) in pairs {
      #expect(wrapped.id == rule.id)
      #expect(wrapped.title == rule.title)
      #expect(wrapped.swedishTitle == rule.swedishTitle)
      #expect(wrapped.evaluate(insats, in: InsatsFixtures.context) == rule.evaluate(insats, in: InsatsFixtures.context))
    }
    #expect(pairs.map(\.0.id) == ["minsta-belopp", "flera-aktorer", "period", "valt-delomrade"])
  }

  @Test("the verdicts are the rules' own: 1.5 MSEK of 2 MSEK fails, a name reaches the reason")
  func verdicts() throws {
    let insats = InsatsFixtures.insats(kronor: 1_500_000, areas: ["13340"])
    let budget = BuiltInRule.minimumBudget(try .msek(2)).evaluate(insats, in: InsatsFixtures.context)
    #expect(budget.outcome == .fail)
    #expect(budget.reason.contains("500 000 kr short of the minimum 2 000 000 kr"))
    let area = BuiltInRule.selectedArea(["25611"], name: "Holma").evaluate(insats, in: InsatsFixtures.context)
    #expect(area.outcome == .fail)
    #expect(area.reason.hasSuffix("none of the 1 delområden of Holma."))
    #expect(BuiltInRule.period().evaluate(insats, in: InsatsFixtures.context).outcome == .pass)
  }

  @Test("a rule set stores the rule itself, whether built by init or adding")
  func unwrapsInRuleSet() throws {
    let set = RuleSet(name: "t", rules: [BuiltInRule.period(within: 2026...2030)]).adding(.minimumBudget(.zero))
    #expect(set.rules.map(\.id) == ["period", "minsta-belopp"])
    #expect((set.rule(id: "period") as? PeriodRule)?.years == 2026...2030)
    #expect((set.rule(id: "minsta-belopp") as? MinimumBudgetRule)?.minimum == .zero)
    #expect(!set.rules.contains { $0 is BuiltInRule })
  }
}
