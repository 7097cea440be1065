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
    #expect((try? RuleSetRegistry.malmö.make("STK-2024-1374"))?.name == "stk-2024-1374")
    #expect((try? RuleSetRegistry.malmö.make("nope")) == nil)
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
    let reader = RuleSetReader(areas: nil, bases: .malmö, defaults: .stk2024_1374Full())
    let (set, diagnostics) = try reader.parse(text, file: "r.json")
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

@Suite("RuleSetRegistry and the reader's bases and defaults")
struct RuleSetRegistryTests {
  @Test("Malmö's registry knows its two sets, case-insensitively; an unknown name suggests the nearest")
  func malmö() {
    #expect(RuleSetRegistry.malmö.names == ["stk-2024-1374", "stk-2024-1374-full"])
    #expect((try? RuleSetRegistry.malmö.make("STK-2024-1374-FULL"))?.rules.count == 7)
    do {
      _ = try RuleSetRegistry.malmö.make("stk-2024-1374-ful")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownRuleSet)
      #expect(error.hint == "did you mean stk-2024-1374-full?")
    }
  }

  @Test("a registry of one's own: empty at first, registering replaces a name")
  func ownRegistry() throws {
    #expect(RuleSetRegistry().names.isEmpty)
    #expect(throws: InsatsError.self) { try RuleSetRegistry().make("stk-2024-1374") }
    let lund = RuleSetRegistry()
      .registering("Lund-2026", summary: "one rule") { _ in RuleSet(name: "lund-2026", rules: [PeriodRule()]) }
      .registering("lund-2026", summary: "two rules") { _ in RuleSet(name: "lund-2026", rules: [PeriodRule(), NoOverlapRule()]) }
    #expect(lund.names == ["lund-2026"])
    #expect(try lund.make("LUND-2026").rules.map(\.id) == ["period", "ingen-overlapp"])
  }

  @Test("without bases a file's base is unknown; without defaults rules start from their own defaults")
  func neutralReader() throws {
    do {
      _ = try RuleSetReader().parse(#"{"base": "stk-2024-1374", "rules": []}"#)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.errors.map(\.code.rawValue) == ["rules.unknown-base"])
    }
    let (set, _) = try RuleSetReader().parse(#"{"rules": [{"id": "effektlogik"}, {"id": "valt-delomrade", "areas": ["25611"]}]}"#)
    #expect((set.rule(id: "effektlogik") as? EffectLogicRule)?.options.goalIndicator == nil)
    #expect((set.rule(id: "valt-delomrade") as? SelectedAreaRule)?.name == "the selected delområden")
    let malmö = RuleSetReader(bases: .malmö, defaults: .stk2024_1374Full())
    let (m, _) = try malmö.parse(#"{"rules": [{"id": "effektlogik"}, {"id": "valt-delomrade"}, {"id": "period", "to": 2030}]}"#)
    #expect((m.rule(id: "effektlogik") as? EffectLogicRule)?.options.goalIndicator == "uvas_16_29")
    #expect((m.rule(id: "valt-delomrade") as? SelectedAreaRule)?.areas == SelectedAreaRule.stk2024_1374InitialSelection)
    #expect((m.rule(id: "period") as? PeriodRule)?.years == 2025...2030)
  }

  @Test("valt-delomrade with no areas and no default is an error, unless it is switched off")
  func selectedAreaNeedsAreas() throws {
    do {
      _ = try RuleSetReader().parse(#"{"rules": [{"id": "valt-delomrade", "name": "x"}]}"#, file: "r.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.errors.map(\.code.rawValue) == ["rules.no-areas"])
      #expect(error.diagnostics.errors[0].location.field == "rules[0]")
    }
    let (set, _) = try RuleSetReader(bases: .malmö).parse(
      #"{"base": "stk-2024-1374-full", "rules": [{"id": "valt-delomrade", "enabled": false}]}"#)
    #expect(set.rule(id: "valt-delomrade") == nil && set.rules.count == 6)
  }
}

@Suite("The example rule-set file")
struct ExampleRuleSetFileTests {
  @Test("Examples/data/regelverk-exempel.json reads cleanly and names the twelve delområden")
  func example() throws {
    let path = Fixtures.directory + "/../../../Examples/data/regelverk-exempel.json"
    let reader = RuleSetReader(areas: MalmöData.hierarchy, bases: .malmö, defaults: .stk2024_1374Full())
    let (set, diagnostics) = try reader.read(path: path)
    #expect(diagnostics.isEmpty)
    #expect(set.rules.count == 7)
    #expect((set.rule(id: "valt-delomrade") as? SelectedAreaRule)?.areas == SelectedAreaRule.stk2024_1374InitialSelection)
    let verdicts = set.evaluate(SampleInsatser.insatser, in: EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy))
    // Municipal actors only: EX-2026-08 (FRF, ASF, POLIS) still has two; EX-2026-02 (FSKF, ASF, Region Skåne) too.
    #expect(verdicts.filter(\.isEligible).map(\.insatsID) == ["EX-2026-01", "EX-2026-02", "EX-2026-07", "EX-2026-08"])
    #expect(verdicts[7].warnings.map(\.ruleID) == ["ingen-overlapp"])
  }
}
