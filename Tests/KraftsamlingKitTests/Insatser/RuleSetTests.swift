import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("RuleSet: composition, built-in sets and rule-set files")
struct RuleSetTests {
  @Test("the built-in sets")
  func builtIn() {
    #expect(RuleSet.stk2024_1374().rules.map(\.id) == ["effektlogik", "flera-aktorer", "minsta-belopp", "forebyggande-fokus"])
    #expect(
      RuleSet.stk2024_1374Full().rules.map(\.id)
        == ["effektlogik", "flera-aktorer", "minsta-belopp", "forebyggande-fokus", "valt-delomrade", "period", "ingen-overlapp"])
    #expect(RuleSet.named("STK-2024-1374")?.name == "stk-2024-1374")
    #expect(RuleSet.named("nope") == nil)
  }

  @Test("adding replaces in place, removing drops, merging combines")
  func compose() throws {
    let base = RuleSet.stk2024_1374()
    let higher = base.adding(.minimumBudget(try .msek(2)))
    #expect(higher.rules.map(\.id) == base.rules.map(\.id))
    #expect((higher.rule(id: "minsta-belopp") as? MinimumBudgetRule)?.minimum == Belopp(kronor: 2_000_000))
    #expect(base.removing("forebyggande-fokus").rules.count == 3)
    let extra = RuleSet(name: "extra", rules: [PeriodRule(), MinimumBudgetRule(minimum: .zero)])
    let merged = base.merging(extra)
    #expect(merged.name == "stk-2024-1374+extra")
    #expect(merged.rules.map(\.id) == ["effektlogik", "flera-aktorer", "minsta-belopp", "forebyggande-fokus", "period"])
    #expect((merged.rule(id: "minsta-belopp") as? MinimumBudgetRule)?.minimum == .zero)
  }

  @Test("a verdict is eligible when no rule fails; warnings do not make it ineligible")
  func verdict() {
    let ctx = InsatsFixtures.context
    let ok = RuleSet.stk2024_1374().evaluate(InsatsFixtures.insats(focus: [.främjande]), in: ctx)
    #expect(ok.isEligible && ok.outcome == .warning && ok.warnings.map(\.ruleID) == ["forebyggande-fokus"])
    let bad = RuleSet.stk2024_1374().evaluate(InsatsFixtures.insats(kronor: 999_999, participants: []), in: ctx)
    #expect(!bad.isEligible && bad.failures.map(\.ruleID) == ["flera-aktorer", "minsta-belopp"])
  }

  @Test("evaluating a list judges each insats against the others")
  func list() {
    let a = InsatsFixtures.insats(id: "A")
    let b = InsatsFixtures.insats(id: "B", owner: "FRF", participants: [.init(actor: "KF")], status: .pågående)
    let verdicts = RuleSet.stk2024_1374Full().evaluate([a, b], in: InsatsFixtures.context)
    #expect(verdicts.map { $0.failures.map(\.ruleID) } == [["ingen-overlapp"], []])
  }

  @Test("a rule-set file toggles and parameterises built-ins, starting from a base")
  func readFile() throws {
    let text = """
      {
        "format": "kraftsamlingkit.rule-set", "version": 1, "name": "malmo-2026", "base": "stk-2024-1374",
        "rules": [
          {"id": "minsta-belopp", "minimum": 1500000, "source": "sökta"},
          {"id": "flera-aktorer", "scope": "municipal", "minimum": 3, "roles": ["agare", "medgenomforare", "kunskapsresurs"]},
          {"id": "forebyggande-fokus", "enabled": false},
          {"id": "effektlogik", "goalIndicator": null, "warningsFail": true, "minimumOwners": 0},
          {"id": "valt-delomrade", "areas": ["Holma", "36105"]},
          {"id": "period", "from": 2026, "to": 2030},
          {"id": "ingen-overlapp", "outcome": "warning", "statuses": ["pågående"]}
        ]
      }
      """
    let (set, diagnostics) = try RuleSetReader(areas: nil).parse(text, file: "r.json")
    #expect(diagnostics.isEmpty)
    #expect(set.name == "malmo-2026")
    #expect(set.rules.map(\.id) == ["effektlogik", "flera-aktorer", "minsta-belopp", "valt-delomrade", "period", "ingen-overlapp"])
    let budget = try #require(set.rule(id: "minsta-belopp") as? MinimumBudgetRule)
    #expect(budget.minimum == Belopp(kronor: 1_500_000) && budget.source == .sökta)
    let actors = try #require(set.rule(id: "flera-aktorer") as? DistinctActorsRule)
    #expect(actors.scope == .municipal && actors.minimum == 3 && actors.roles == [.ägare, .medgenomförare, .kunskapsresurs])
    let logic = try #require(set.rule(id: "effektlogik") as? EffectLogicRule)
    #expect(logic.options.goalIndicator == nil && logic.warningsFail && logic.options.minimumOwners == 0)
    #expect((set.rule(id: "valt-delomrade") as? SelectedAreaRule)?.areas == ["Holma", "36105"])  // unchecked without areas
    #expect((set.rule(id: "period") as? PeriodRule)?.years == 2026...2030)
    let overlap = try #require(set.rule(id: "ingen-overlapp") as? NoOverlapRule)
    #expect(overlap.outcome == .warning && overlap.statuses == [.pågående])
  }

  @Test("a custom rule can be switched on by id")
  func customByID() throws {
    struct Always: EligibilityRule {
      var id: String { "alltid" }
      var title: String { "always" }
      func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult { pass("ok") }
    }
    let (set, _) = try RuleSetReader(customRules: [Always()]).parse(#"{"rules": [{"id": "alltid"}, {"id": "period"}]}"#)
    #expect(set.rules.map(\.id) == ["alltid", "period"])
  }

  @Test("a bad rule-set file reports every problem with its path and line")
  func badFile() {
    let text = """
      {
        "base": "stk-2025",
        "rules": [
          {"id": "minsta-belop"},
          {"id": "minsta-belopp", "minimum": -1},
          {"id": "period", "from": 2030, "to": 2026},
          {"id": "flera-aktorer", "scope": "kommunal", "minimun": 2}
        ]
      }
      """
    do {
      _ = try RuleSetReader().parse(text, file: "r.json")
      Issue.record("expected an error")
    } catch {
      let d = error.diagnostics
      #expect(d.errors.map(\.code.rawValue) == ["rules.unknown-base", "rules.unknown-rule", "insats.negative-amount", "rules.period", "json.unknown-value"])
      #expect(d.errors[1].location.line == 4 && d.errors[1].hint?.hasPrefix("did you mean minsta-belopp?") == true)
      #expect(d.errors[2].location.field == "rules[1].minimum")
      #expect(d.warnings.map(\.message) == ["unknown field 'minimun' in rule flera-aktorer is ignored"])
      #expect(d.warnings[0].hint == "did you mean minimum?")
    }
  }
}

@Suite("The example rule-set file")
struct ExampleRuleSetFileTests {
  @Test("Examples/data/regelverk-exempel.json reads cleanly and names the twelve delområden")
  func example() throws {
    let path = Fixtures.directory + "/../../../Examples/data/regelverk-exempel.json"
    let (set, diagnostics) = try RuleSetReader(areas: MalmöData.hierarchy).read(path: path)
    #expect(diagnostics.isEmpty)
    #expect(set.rules.count == 7)
    #expect((set.rule(id: "valt-delomrade") as? SelectedAreaRule)?.areas == SelectedAreaRule.stk2024_1374InitialSelection)
    let verdicts = set.evaluate(SampleInsatser.insatser, in: EligibilityContext(areas: MalmöData.hierarchy))
    // Municipal actors only: EX-2026-08 (FRF, ASF, POLIS) still has two; EX-2026-02 (FSKF, ASF, Region Skåne) too.
    #expect(verdicts.filter(\.isEligible).map(\.insatsID) == ["EX-2026-01", "EX-2026-02", "EX-2026-07", "EX-2026-08"])
    #expect(verdicts[7].warnings.map(\.ruleID) == ["ingen-overlapp"])
  }
}
