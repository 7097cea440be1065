import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Seeded synthetic allocation problems for tests, benchmarks and demos.
///
/// The same seed and parameters always give the same instance (all
/// randomness from ``SeededGenerator``).
///
/// ```swift
/// let input = SyntheticAllocation.input(insatser: 1_000, förvaltningar: 20, seed: 1)
/// input.requests.count          // about 3 000 (2–4 förvaltningar per insats)
/// try ProRataModel().allocate(input).distributed
/// ```
package enum SyntheticAllocation {
  /// A synthetic ``AllocationInput``.
  ///
  /// Each insats `I0001…` gets 2–4 distinct förvaltningar `F01…` (at least
  /// two actors, as the programme requires), each requesting 300 000 –
  /// 3 000 000 kr (whole thousands) split over `years` consecutive years
  /// from 2026; a need score 0.500–3.000, a target population 100–5 000 and
  /// a styrgrupp rank (a random permutation). The budget is
  /// `budgetShare` of the total requested, rounded down to whole tkr.
  ///
  /// - Parameters:
  ///   - insatser: Number of insatser.
  ///   - förvaltningar: Number of förvaltningar (at least 2).
  ///   - years: Years per request (1 = no year).
  ///   - budgetShare: Budget as a share of the total requested, in percent.
  ///   - seed: The seed.
  /// - Complexity: O(*insatser* · *years*).
  package static func input(
    insatser: Int, förvaltningar: Int, years: Int = 1, budgetShare: Int = 60, seed: UInt64
  ) -> AllocationInput {
    precondition(förvaltningar >= 2 && insatser >= 0 && years >= 1, "need ≥ 2 förvaltningar and ≥ 1 year")
    var g = SeededGenerator(seed: seed)
    let fIDs = (1...förvaltningar).map { f in f < 10 ? "F0\(f)" : "F\(f)" }
    var ranks = Array(1...max(1, insatser))
    g.shuffle(&ranks)
    var requests: [FundingRequest] = []
    var total: Int64 = 0
    for i in 0..<insatser {
      let digits = String(i + 1)
      let id = "I" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
      let k = min(förvaltningar, 2 + g.uniform(below: 3))
      var pool = fIDs
      g.shuffle(&pool)
      let need = Double(500 + g.uniform(below: 2_501)) / 1000
      let population = 100 + g.uniform(below: 4_901)
      for f in pool.prefix(k).sorted() {
        for y in 0..<years {
          let kr = Int64(300 + g.uniform(below: 2_701)) * 1000 / Int64(years) / 1000 * 1000
          total += kr
          requests.append(
            FundingRequest(
              insatsID: id, förvaltningID: f, year: years > 1 ? 2026 + y : nil, requested: Belopp(kronor: kr),
              need: need, targetPopulation: population, priority: ranks[i]))
        }
      }
    }
    let budget = total * Int64(budgetShare) / 100 / 1000 * 1000
    return AllocationInput(budget: Belopp(kronor: budget), requests: requests)
  }
}
