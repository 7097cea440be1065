import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Base amount plus need-based top-up: every insats first gets a base
/// amount (by default the 1 million kr minimum, or its request if smaller),
/// and what is left is divided by need × population, capped at what each
/// request still lacks.
///
/// If the bases do not fit in the budget, the budget is split equally per
/// insats instead (capped at each base). Within an insats the base is
/// divided over its förvaltningar pro rata to their requests. The top-up
/// is ``NeedWeightedModel``'s rule on the remaining requests.
///
/// *When a city would choose it*: to guarantee that every approved insats
/// can start (the minimum) while still steering the rest of the money by
/// need — a compromise the 2023 remissvar asked for between equal treatment
/// and the index.
///
/// ```swift
/// // budget 10, base 3; insats A (request 6, need weight 1), B (request 6, weight 3)
/// // bases 3 + 3 = 6; top-up 4 by weights 1, 3 → 1, 3 → A 4, B 6
/// ```
///
/// - Complexity: O(*r*·*n* log *n*) for *n* items and *r* capping rounds.
package struct BasePlusNeedModel: Fördelningsmodell {
  /// The base amount per insats.
  package var base: Belopp
  /// What a request without need data weighs in the top-up.
  package var missingNeed: NeedWeightedModel.MissingNeed
  /// How quotas become whole units.
  package var rounding: any ApportionmentMethod

  /// Creates the model.
  package init(
    base: Belopp = .enMiljon, missingNeed: NeedWeightedModel.MissingNeed = .average,
    rounding: any ApportionmentMethod = LargestRemainder()
  ) {
    self.base = base
    self.missingNeed = missingNeed
    self.rounding = rounding
  }

  /// `base-plus-need`.
  package var name: String { "base-plus-need" }

  /// Gives bases, then need-weighted top-ups.
  package func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    let groups = p.insatser
    let baseUnits = max(0, base.kronor / p.unit.kronor)
    let costs = groups.map { g in g.items.reduce(Int64(0)) { $0 + p.items[$1].cap } }
    let stage1 = try waterFill(
      budget: p.budget, weights: groups.map { _ in 1 }, caps: costs.map { min($0, baseUnits) }, method: rounding,
      ties: p.ties, explain: p.explain)
    var baseAmounts = [Int64](repeating: 0, count: p.items.count)
    var notes = [[String]](repeating: [], count: p.items.count)
    for (k, g) in groups.enumerated() {
      let wf = try waterFill(
        budget: stage1.amounts[k], weights: g.items.map { p.items[$0].cap }, caps: g.items.map { p.items[$0].cap },
        method: rounding, ties: p.ties, explain: p.explain)
      for (j, i) in g.items.enumerated() {
        baseAmounts[i] = wf.amounts[j]
        if p.explain { notes[i].append("base: the insats gets \(stage1.amounts[k]) \(p.unit.symbol), this request \(wf.amounts[j]) of it (pro rata)") }
      }
    }
    let spent = baseAmounts.reduce(0, +)
    let rest = p.budget - spent
    let remainingCaps = p.items.indices.map { p.items[$0].cap - baseAmounts[$0] }
    var topUp = WaterFill(
      amounts: Array(repeating: 0, count: p.items.count), quotas: Array(repeating: nil, count: p.items.count),
      weights: Array(repeating: 0, count: p.items.count), notes: Array(repeating: [], count: p.items.count),
      rounding: Array(repeating: nil, count: p.items.count))
    if rest > 0 && remainingCaps.contains(where: { $0 > 0 }) {
      let w = try p.needWeights(missing: missingNeed)
      topUp = try waterFill(
        budget: rest, weights: w, caps: remainingCaps, method: rounding, ties: p.ties, explain: p.explain)
    }
    if !p.explain {
      return p.items.indices.map { AllocationShare(amount: baseAmounts[$0] + topUp.amounts[$0], explanation: AllocationExplanation()) }
    }
    return p.items.indices.map { i in
      AllocationShare(
        amount: baseAmounts[i] + topUp.amounts[i],
        explanation: AllocationExplanation(
          weight: ExactFraction(topUp.weights[i]), weightBasis: "need × population, for the top-up",
          quota: topUp.quotas[i].map { ExactFraction(baseAmounts[i]) + $0 },
          rounding: topUp.rounding[i].map { "top-up \($0)" },
          constraints: notes[i] + topUp.notes[i].map { "top-up: \($0)" },
          note: "base \(baseAmounts[i]) + top-up \(topUp.amounts[i]) \(p.unit.symbol)"))
    }
  }
}

extension Fördelningsmodell where Self == BasePlusNeedModel {
  /// A 1 million kr base per insats plus a need-weighted top-up.
  package static var basePlusNeed: BasePlusNeedModel { BasePlusNeedModel() }
}
