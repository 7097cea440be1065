// CustomAllocationModel — write your own fördelningsmodell, run it beside the
// built-in ones, and read the explanation of every krona.
//
// Run with:  swift run CustomAllocationModel
//
// The story: the styrgrupp has approved three kraftsamlande insatser in the
// clusters the index pointed to. Each insats is planned by at least two
// förvaltningar, each asking for its part. The kommunstyrelse has 9 MSEK.
// How should it be divided?

import KraftsamlingKit
import KraftsamlingKitData  // Malmö's actor catalogue, AktörKatalog.malmö

// 1. The requests. One `FundingRequest` per (insats, förvaltning): the amount
//    asked for (exact kronor), the need score of the insats's target
//    delområden (here on a 0–100 scale), the target population and the
//    styrgrupp's rank. Förvaltningar are named by their Aktör id; the Malmö
//    catalogue (KraftsamlingKitData) resolves names, with "did you mean"
//    help for typos. Another municipality builds its own `AktörKatalog`.
let katalog = AktörKatalog.malmö
let grf = try katalog.resolve("Grundskoleförvaltningen").id
let frf = try katalog.resolve("Fritidsförvaltningen").id
let asf = try katalog.resolve("Arbetsmarknads- och socialförvaltningen").id
let fskf = try katalog.resolve("Förskoleförvaltningen").id

let requests: [FundingRequest] = [
  // Augustenborg, Heleneholm, Södra Sofielund: school and leisure together.
  FundingRequest(insatsID: "K1-läxhjälp", förvaltningID: grf, requested: try .tkr(2_400), need: 78.5,
                 targetPopulation: 1_900, priority: 2),
  FundingRequest(insatsID: "K1-läxhjälp", förvaltningID: frf, requested: try .tkr(1_100), need: 78.5,
                 targetPopulation: 1_900, priority: 2),
  // Holma: early support for families.
  FundingRequest(insatsID: "K4-familj", förvaltningID: fskf, requested: try .tkr(1_800), need: 91.0,
                 targetPopulation: 1_200, priority: 1),
  FundingRequest(insatsID: "K4-familj", förvaltningID: asf, requested: try .tkr(2_200), need: 91.0,
                 targetPopulation: 1_200, priority: 1),
  // Herrgården, Kryddgården, …: summer jobs and leisure.
  FundingRequest(insatsID: "K3-sommar", förvaltningID: asf, requested: try .tkr(3_000), need: 64.0,
                 targetPopulation: 2_600, priority: 3),
  FundingRequest(insatsID: "K3-sommar", förvaltningID: frf, requested: try .tkr(1_500), need: 64.0,
                 targetPopulation: 2_600, priority: 3),
]

// 2. The input: budget, requests, constraints. By default an insats funded
//    below 1 000 000 kr is dropped and its money redistributed (the
//    programme's minimum). Here we allocate in whole tkr.
var input = AllocationInput(budget: try .msek(9), requests: requests, unit: .tkr)

// 3. A custom model. A model only decides the core division: whole units
//    (here tkr) for each item, never above the item's cap (its request),
//    together at most the budget. Everything else — validation, order,
//    years, floors and caps, the minimum, invariants — is done for it.
//
//    This one is "need-weighted with a priority bonus": weight = need ×
//    population, doubled for the styrgrupp's top two insatser. The helper
//    `cappedProportional` divides exactly in proportion to integer weights,
//    caps every item at its request, redistributes the surplus, rounds with
//    the largest remainder method and explains every amount.
struct PriorityBonusModel: Fördelningsmodell {
  var bonusRanks = 2

  var name: String { "priority-bonus" }

  func distribute(_ problem: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    // Exact need weights (need in millionths × population); requests without
    // need data get the average, as in the built-in need-weighted model.
    let base = try problem.needWeights(missing: .average)
    let weights = problem.items.indices.map { i -> Int64 in
      let rank = problem.items[i].priority ?? Int.max
      return rank <= bonusRanks ? base[i] * 2 : base[i]
    }
    return try problem.cappedProportional(weights: weights, basis: "need × population, ×2 for the top \(bonusRanks)")
  }
}

// 4. Run it, and read the result. Every row has an exact amount and an
//    explanation: the weight, the exact quota (a fraction of tkr), the
//    rounding step and the constraints applied.
let custom = try PriorityBonusModel().allocate(input)
print("== \(custom.model): \(custom.distributed.formatted(.tkr)) of \(custom.budget.formatted(.tkr))")
for row in custom.rows {
  print("  \(row.insatsID) \(row.förvaltningID): \(row.amount.formatted(.tkr)) of \(row.requested.formatted(.tkr))")
  print("      \(row.explanation)")
}

// 5. Compare with every built-in model, total per förvaltning. Register the
//    custom model so that it can be chosen by name like the others (e.g. from
//    a configuration file).
var registry = FördelningsmodellRegistry.standard
registry.register("priority-bonus", summary: "need × population, doubled for the top two", value: PriorityBonusModel())
func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
print("\n== per förvaltning (tkr)")
let förvaltningar = Array(Set(requests.map(\.förvaltningID))).sorted()
print(pad("model", 24) + förvaltningar.map { pad($0, 8) }.joined())
for name in registry.names {
  let f = try registry.make(name).allocate(input)
  let cells = förvaltningar.map { pad(String(f.total(förvaltning: $0).kronor / 1_000), 8) }
  print(pad(name, 24) + cells.joined())
}

// 6. Constraints apply to custom models too: cap Arbetsmarknads- och
//    socialförvaltningen at 2.5 MSEK and see the money move.
input.constraints.caps[asf] = try .tkr(2_500)
let capped = try PriorityBonusModel().allocate(input)
print("\n== with \(asf) capped at 2 500 tkr")
for (f, amount) in capped.totalsByFörvaltning { print("  \(f): \(amount.formatted(.tkr))") }
for line in capped.log { print("  log: \(line)") }

// 7. Mistakes get clear errors with a hint.
do {
  _ = try registry.make("need-weigted")
} catch {
  print("\n\(error)")   // unknown fördelningsmodell 'need-weigted' (hint: did you mean need-weighted?)
}
