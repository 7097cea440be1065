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

@Suite("Eligibility rules at and around their boundaries")
struct EligibilityRuleTests {
  let ctx = InsatsFixtures.context

  @Test("minsta-belopp: 999 999 kr fails, 1 000 000 and 1 000 001 kr pass", arguments: [
    (Int64(999_999), RuleOutcome.fail), (1_000_000, .pass), (1_000_001, .pass), (0, .fail),
  ])
  func minimumBudget(_ kronor: Int64, _ expected: RuleOutcome) {
    let r = MinimumBudgetRule().evaluate(InsatsFixtures.insats(kronor: kronor), in: ctx)
    #expect(r.outcome == expected)
    #expect(r.ruleID == "minsta-belopp")
  }

  @Test("minsta-belopp says how much is missing, in both languages")
  func minimumBudgetReason() {
    let r = MinimumBudgetRule().evaluate(InsatsFixtures.insats(kronor: 999_999), in: ctx)
    #expect(r.reason == "The total budget is 999 999 kr, 1 kr short of the minimum 1 000 000 kr (STK-2024-1374: at least 1 million kr).")
    #expect(r.reason(in: .sv).hasPrefix("Insatsens totala budget är 999 999 kr, 1 kr under det lägsta beloppet 1 000 000 kr"))
  }

  @Test("minsta-belopp is configurable: minimum and source")
  func minimumBudgetParameters() throws {
    var i = InsatsFixtures.insats(kronor: 1_600_000)  // GRF 800 000 + FRF 800 000
    i.budget[1].source = .egna
    // Requested money only: 800 000 kr < 1 000 000 kr.
    #expect(MinimumBudgetRule(source: .sökta).evaluate(i, in: ctx).outcome == .fail)
    #expect(MinimumBudgetRule(minimum: try .tkr(800), source: .sökta).evaluate(i, in: ctx).outcome == .pass)
    #expect(MinimumBudgetRule(minimum: try .msek(2)).evaluate(i, in: ctx).outcome == .fail)
  }

  @Test("minsta-belopp fails, does not trap, when the budget overflows")
  func minimumBudgetOverflow() {
    var i = InsatsFixtures.insats()
    i.budget = [.init(actor: "GRF", year: 2026, amount: Belopp(kronor: .max)), .init(actor: "FRF", year: 2026, amount: Belopp(kronor: 1))]
    let r = MinimumBudgetRule().evaluate(i, in: ctx)
    #expect(r.outcome == .fail && r.reason.hasPrefix("The budget lines do not add up"))
  }

  @Test("flera-aktorer: one actor fails, two pass", arguments: [
    ([Insats.Participant](), RuleOutcome.fail),
    ([.init(actor: "FRF")], .pass),
    ([.init(actor: "FRF"), .init(actor: "KF")], .pass),
  ])
  func distinctActors(_ participants: [Insats.Participant], _ expected: RuleOutcome) {
    let r = DistinctActorsRule().evaluate(InsatsFixtures.insats(participants: participants), in: ctx)
    #expect(r.outcome == expected)
  }

  @Test("flera-aktorer: the same actor twice, or a nämnd and its förvaltning, count once")
  func sameActorTwice() {
    let rule = DistinctActorsRule()
    let twice = InsatsFixtures.insats(participants: [.init(actor: "GRF"), .init(actor: "GRF")])
    #expect(rule.countedActors(twice, in: ctx).counted == ["GRF"])
    #expect(rule.evaluate(twice, in: ctx).outcome == .fail)
    let nämnd = InsatsFixtures.insats(participants: [.init(actor: "GRN")])  // Grundskolenämnden = GRF's nämnd
    let r = rule.evaluate(nämnd, in: ctx)
    #expect(r.outcome == .fail)
    #expect(r.reason.contains("Not counted: Grundskolenämnden (same organisation as Grundskoleförvaltningen)"))
  }

  @Test("flera-aktorer: roles that do not carry out are not counted")
  func roles() {
    let i = InsatsFixtures.insats(participants: [.init(actor: "GVF", role: .kunskapsresurs), .init(actor: "MKB", role: .medfinansiär)])
    #expect(DistinctActorsRule().evaluate(i, in: ctx).outcome == .fail)
    #expect(DistinctActorsRule(roles: Set(Insats.Role.allCases)).evaluate(i, in: ctx).outcome == .pass)
  }

  @Test("flera-aktorer: scope municipal does not count external partners")
  func scope() {
    let i = InsatsFixtures.insats(participants: [.init(actor: "POLIS")])
    #expect(DistinctActorsRule(scope: .all).evaluate(i, in: ctx).outcome == .pass)
    #expect(DistinctActorsRule(scope: .municipal).evaluate(i, in: ctx).outcome == .fail)
    let bolag = InsatsFixtures.insats(participants: [.init(actor: "MKB")])
    #expect(DistinctActorsRule(scope: .municipal).evaluate(bolag, in: ctx).outcome == .pass)
    // Unknown actors are not counted.
    let unknown = InsatsFixtures.insats(participants: [.init(actor: "XYZ")])
    #expect(DistinctActorsRule().evaluate(unknown, in: ctx).reason.contains("XYZ (not in the actor catalogue)"))
    // Three required: two fail, three pass.
    #expect(DistinctActorsRule(minimum: 3).evaluate(i, in: ctx).outcome == .fail)
  }

  @Test("forebyggande-fokus: preventive passes, promoting alone warns (configurable), remedial fails", arguments: [
    ([Insats.Inriktning.förebyggande], RuleOutcome.pass),
    ([.främjande, .förebyggande], .pass),
    ([.främjande], .warning),
    ([.åtgärdande], .fail),
    ([.åtgärdande, .förebyggande], .pass),
    ([], .fail),
  ])
  func preventive(_ focus: [Insats.Inriktning], _ expected: RuleOutcome) {
    #expect(PreventiveFocusRule().evaluate(InsatsFixtures.insats(focus: focus), in: ctx).outcome == expected)
  }

  @Test("forebyggande-fokus: promoting alone may pass or fail by configuration")
  func promotingConfigurable() {
    let i = InsatsFixtures.insats(focus: [.främjande])
    #expect(PreventiveFocusRule(promotingAlone: .pass).evaluate(i, in: ctx).outcome == .pass)
    #expect(PreventiveFocusRule(promotingAlone: .fail).evaluate(i, in: ctx).outcome == .fail)
  }

  @Test("effektlogik: a valid chain passes, warnings warn (or fail), errors fail")
  func effectLogic() {
    let rule = EffectLogicRule(options: .stk2024_1374)
    var i = InsatsFixtures.insats()
    #expect(rule.evaluate(i, in: ctx).outcome == .pass)
    i.effektlogik.links[0].rationale = nil
    #expect(rule.evaluate(i, in: ctx).outcome == .warning)
    #expect(EffectLogicRule(options: .stk2024_1374, warningsFail: true).evaluate(i, in: ctx).outcome == .fail)
    i.effektlogik.links.removeLast()  // e3 → g: nothing reaches the goal
    let r = rule.evaluate(i, in: ctx)
    #expect(r.outcome == .fail)
    #expect(r.reason.hasPrefix("The effect logic has 1 error(s): aktivitet 'a' (Läxhjälp) does not lead to the slutmål"))
  }

  @Test("effektlogik: the goal must be measured by UVAS unless configured otherwise")
  func uvasGoal() {
    var i = InsatsFixtures.insats()
    i.effektlogik.nodes[6].indicators = [InsatsFixtures.indicator("Egen enkät")]
    #expect(EffectLogicRule(options: .stk2024_1374).evaluate(i, in: ctx).outcome == .fail)
    #expect(EffectLogicRule(options: .init(goalIndicator: nil)).evaluate(i, in: ctx).outcome == .pass)
  }

  @Test("valt-delomrade: inside passes, outside fails, thematic warns")
  func selectedArea() {
    let rule = SelectedAreaRule.stk2024_1374
    #expect(rule.evaluate(InsatsFixtures.insats(areas: ["25611"]), in: ctx).outcome == .pass)  // Holma
    #expect(rule.evaluate(InsatsFixtures.insats(areas: ["10101", "25611"]), in: ctx).outcome == .pass)
    #expect(rule.evaluate(InsatsFixtures.insats(areas: ["10101"]), in: ctx).outcome == .fail)  // Västra Hamnen
    #expect(rule.evaluate(InsatsFixtures.insats(areas: []), in: ctx).outcome == .warning)
    #expect(SelectedAreaRule.stk2024_1374InitialSelection.count == 12)
  }

  @Test("period: both ends inclusive", arguments: [
    (2025, 2035, RuleOutcome.pass), (2024, 2026, .fail), (2034, 2036, .fail), (2030, 2030, .pass), (2027, 2026, .fail),
  ])
  func period(_ from: Int, _ to: Int, _ expected: RuleOutcome) {
    let i = InsatsFixtures.insats(period: .init(from: from, to: to))
    #expect(PeriodRule().evaluate(i, in: ctx).outcome == expected)
  }

  @Test("ingen-overlapp: same area, theme and years of another owner's ongoing insats")
  func overlap() {
    let mine = InsatsFixtures.insats(id: "A", themes: ["Skola"])
    let other = InsatsFixtures.insats(id: "B", owner: "FRF", participants: [.init(actor: "KF")], themes: ["skola"], status: .pågående)
    var context = EligibilityContext(catalogue: .malmö, otherInsatser: [mine, other])
    let r = NoOverlapRule().evaluate(mine, in: context)
    #expect(r.outcome == .fail)
    #expect(r.reason.contains("B 'Testinsats B' (Fritidsförvaltningen, pågående) in 25611 on Skola 2026–2027"))
    #expect(NoOverlapRule(outcome: .warning).evaluate(mine, in: context).outcome == .warning)
    // Not ongoing, another theme, other years, same owner organisation: no overlap.
    for changed in [
      InsatsFixtures.insats(id: "B", owner: "FRF", status: .inlämnad),
      InsatsFixtures.insats(id: "B", owner: "FRF", themes: ["fritid"], status: .pågående),
      InsatsFixtures.insats(id: "B", owner: "FRF", period: .init(from: 2028, to: 2029), status: .pågående),
      InsatsFixtures.insats(id: "B", owner: "GRN", status: .pågående),
    ] {
      context.otherInsatser = [mine, changed]
      #expect(NoOverlapRule().evaluate(mine, in: context).outcome == .pass)
    }
  }

  @Test("a custom rule conforms to the protocol and is used like the built-ins")
  func customRule() {
    struct Teenagers: EligibilityRule {
      var id: String { "tonaringar" }
      var title: String { "Target group includes 13–19" }
      func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
        guard let ages = insats.targetGroup?.ages else { return warning("no target group") }
        return ages.from <= 19 && (ages.to ?? .max) >= 13 ? pass("includes teenagers") : fail("no teenagers")
      }
    }
    let set = RuleSet.stk2024_1374().adding(Teenagers())
    let v = set.evaluate(InsatsFixtures.insats(), in: ctx)  // ages 10–16
    #expect(v.results.map(\.ruleID) == ["effektlogik", "flera-aktorer", "minsta-belopp", "forebyggande-fokus", "tonaringar"])
    #expect(v.isEligible && v.outcome == .pass)
  }
}
