// CustomEligibilityRule — write your own eligibility rule and use it beside
// the built-in rules of STK-2024-1374.
//
// Run it with:   swift run CustomEligibilityRule
//
// STK-2024-1374 funds a kraftsamlande insats only if it has a clear effect
// logic towards the goal, at least two actors, at least 1 000 000 kr and a
// preventive focus. KraftsamlingKitData, Malmö's data module, ships those four
// criteria as the rule set `stk-2024-1374` (`RuleSet.stk2024_1374()`); the
// stages know no municipality's rules, so another city composes its own from
// the same building blocks. A municipality often wants more: here we add a
// rule of our own — "the insats is linked to an ongoing programme such as CTC
// or SSPF", which the 2023 remissvar asked for to avoid parallel processes —
// and a stricter parameter for a built-in rule.

import KraftsamlingKit
import KraftsamlingKitData

// 1. A rule is a struct conforming to `EligibilityRule`: an id (ASCII, used
//    in rule-set files and reports), a title, and `evaluate`, which returns
//    pass, warning or fail with a reason a case officer can read. The helpers
//    `pass(_:swedish:)`, `warning(_:swedish:)` and `fail(_:swedish:)` fill in
//    the rule's id and title.
struct StrengthensOngoingProgramme: EligibilityRule {
  /// Programmes that count; by default the well-known ones.
  var programmes: Set<Insats.Programme> = Set(Insats.Programme.wellKnown)

  var id: String { "pagaende-program" }
  var title: String { "Strengthens an ongoing programme (CTC, SSPF, Ung i Sommar…)" }

  func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let hits = insats.programmes.filter(programmes.contains)
    if !hits.isEmpty {
      let names = hits.map(\.rawValue).joined(separator: ", ")
      return pass("The insats strengthens \(names).", swedish: "Insatsen förstärker \(names).")
    }
    // Not a hard criterion of STK-2024-1374: a warning, not a failure.
    return warning(
      "The insats names no ongoing programme; check that it does not duplicate one.",
      swedish: "Insatsen anger inget pågående program; kontrollera att den inte dubblerar något.")
  }
}

// 2. Compose a rule set: the built-in criteria, a higher minimum for the
//    budget (replacing the built-in rule with the same id), and our rule.
let rules = RuleSet.stk2024_1374()
  .adding(.minimumBudget(Belopp(kronor: 1_500_000)))
  .adding(StrengthensOngoingProgramme())
print("Rule set \(rules.name): \(rules.rules.map(\.id).joined(separator: ", "))")

// 3. Judge the bundled sample insatser (invented examples). The context gives
//    rules the actor catalogue, the area names and the other insatser.
let insatser = SampleInsatser.insatser
let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: insatser)
print("(\(SampleInsatser.exampleLabelEnglish))\n")
for verdict in rules.evaluate(insatser, in: context) {
  let word = verdict.isEligible ? "eligible" : "NOT eligible"
  print("\(verdict.insatsID) \(verdict.title): \(word)")
  for result in verdict.results where result.outcome != .pass {
    print("  \(result.outcome.rawValue) \(result.ruleID): \(result.reason)")
  }
}

// 4. The same configuration as a rule-set file, for people who do not write
//    Swift: built-in rules are toggled and parameterised by id; your own rules
//    can be switched on and off by id when you hand them to the reader. The
//    reader knows the named sets you give it as `bases` (Malmö's,
//    `stk-2024-1374` and `stk-2024-1374-full`) and starts each rule from
//    the parameters in `defaults` (here Malmö's, e.g. the goal UVAS).
let file = """
  {
    "format": "kraftsamlingkit.rule-set", "version": 1, "name": "malmo-exempel",
    "base": "stk-2024-1374",
    "rules": [
      {"id": "minsta-belopp", "minimum": 1500000},
      {"id": "pagaende-program"}
    ]
  }
  """
do {
  let reader = RuleSetReader(
    areas: MalmöData.hierarchy, bases: .malmö, defaults: .stk2024_1374Full(), customRules: [StrengthensOngoingProgramme()])
  let (fromFile, _) = try reader.parse(file, file: "regler.json")
  print("\nFrom the file: \(fromFile.name): \(fromFile.rules.map(\.id).joined(separator: ", "))")
} catch {
  // A broken file lists every problem with its line and JSON path.
  print(error)
}
