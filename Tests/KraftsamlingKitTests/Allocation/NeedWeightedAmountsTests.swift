import KraftsamlingKit
import Testing

/// The fast path of the allocation robustness analysis's rounds: the
/// need-weighted model's amounts without the problem or explanations must
/// equal `distribute(_:)`'s amounts exactly.
@Suite("NeedWeightedModel: amounts without explanations equal distribute's")
struct NeedWeightedAmountsTests {
  /// Seeded random items: caps, needs and populations, some missing.
  static func items(_ count: Int, _ g: inout SeededGenerator) -> [AllocationItem] {
    (0..<count).map { i in
      AllocationItem(
        insatsID: "i\(i / 2)", förvaltningID: "f\(i % 5)", cap: Int64(g.uniform(below: 400)),
        needMillionths: g.uniform() < 0.1 ? nil : Int64(g.uniform(below: 100_000_000)),
        targetPopulation: g.uniform() < 0.1 ? nil : Int64(g.uniform(below: 5_000)))
    }
  }

  @Test("random items, subsets, budgets, missing-need rules, roundings and tie policies")
  func sameAmounts() throws {
    var g = SeededGenerator(seed: 40_417)
    var compared = 0
    for trial in 0..<300 {
      let items = Self.items(1 + Int(g.uniform(below: 60)), &g)
      let free = items.indices.filter { _ in g.uniform() < 0.8 }
      guard !free.isEmpty else { continue }
      let total = free.reduce(Int64(0)) { $0 + items[$1].cap }
      let budget = Int64(g.uniform(below: Int(max(1, total + total / 4))))
      let rounding: any ApportionmentMethod = trial % 3 == 0 ? DivisorMethod(.dhondt) : LargestRemainder()
      let ties: TiePolicy = trial % 2 == 0 ? .inputOrder : .seeded(UInt64(trial))
      let model = NeedWeightedModel(missingNeed: trial % 4 == 0 ? .zero : .average, rounding: rounding)
      let problem = AllocationProblem(budget: budget, items: free.map { items[$0] }, ties: ties, explain: false)
      let slow = Result { () throws(AllocationError) in try model.distribute(problem).map(\.amount) }
      let fast = Result { () throws(AllocationError) in try model.amounts(items, free: free, budget: budget, ties: ties) }
      switch (slow, fast) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "trial \(trial)")
        compared += 1
      case (.failure(let a), .failure(let b)): #expect(a.code == b.code && a.message == b.message, "trial \(trial)")
      default: Issue.record("trial \(trial): one path failed, the other did not")
      }
    }
    #expect(compared >= 250)
  }
}
