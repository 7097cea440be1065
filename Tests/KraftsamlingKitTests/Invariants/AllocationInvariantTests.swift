import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Allocation invariants under *constraints*, over thousands of seeded
/// random instances. `Allocation/FordelningsmodellTests` already checks
/// sum, non-negativity, ≤ request, the minimum, determinism and input-order
/// independence without caps or floors (1,500 instances) and caps and floors
/// on one hand-computed case; this suite adds random caps per förvaltning,
/// random floors, the minimum rule together with them, yearly budgets and
/// budgets in tkr, for every registered model.
@Suite("Allocation invariants with caps, floors and yearly budgets")
struct AllocationInvariantTests {
  /// Random caps (on some förvaltningar, 20–120 % of what they ask) and,
  /// on about a third of the instances, floors (10–60 % of what they ask,
  /// in whole tkr); sometimes no minimum.
  static func addConstraints(_ input: inout AllocationInput, _ g: inout SeededGenerator) {
    var asked: [String: Int64] = [:]
    for r in input.requests { asked[r.förvaltningID, default: 0] += r.requested.kronor }
    for f in asked.keys.sorted() {
      let total = asked[f]!
      if g.uniform(below: 3) == 0 {
        input.constraints.caps[f] = Belopp(kronor: total * Int64(20 + g.uniform(below: 101)) / 100 / 1000 * 1000)
      } else if g.uniform(below: 3) == 0 {
        input.constraints.floors[f] = Belopp(kronor: total * Int64(10 + g.uniform(below: 51)) / 100 / 1000 * 1000)
      }
    }
    input.constraints.minimumRule = g.uniform(below: 2) == 0 ? .lowestFirst : .allAtOnce
    if g.uniform(below: 3) == 0 { input.constraints.minimumPerInsats = .zero }
  }

  static let models: [any Fördelningsmodell] = FördelningsmodellRegistry.standard.entries.map { try! $0.make(StrategySpecification($0.name)) } + [
    ProRataModel(rounding: DivisorMethod(.sainteLague)), PriorityOrderModel(order: .needPerKrona, whenShort: .skip),
  ]

  @Test("sum, ≤ request, caps, floors and the minimum hold over 2,000 seeded instances (or a clear error)")
  func constrained() throws {
    var g = SeededGenerator(seed: 2_026)
    var allocated = 0
    var refused = 0
    for case_ in 0..<2_000 {
      var input = SyntheticAllocation.input(
        insatser: 2 + g.uniform(below: 6), förvaltningar: 2 + g.uniform(below: 3), years: 1 + g.uniform(below: 2),
        budgetShare: 20 + g.uniform(below: 100), seed: UInt64(50_000 + case_))
      Self.addConstraints(&input, &g)
      input.unit = g.uniform(below: 4) == 0 ? .tkr : .kr
      let model = Self.models[case_ % Self.models.count]
      let f: Fördelning
      do {
        f = try model.allocate(input)
      } catch {
        // Only the documented refusal is allowed: floors that cannot be met.
        #expect(error.code == .floorsExceedBudget, "\(model.name) case \(case_): \(error)")
        refused += 1
        continue
      }
      allocated += 1
      #expect(f.invariantViolations.isEmpty, "\(model.name) case \(case_)")
      let sum = f.rows.reduce(Int64(0)) { $0 + $1.amount.kronor }
      #expect(sum == f.distributed.kronor)
      #expect(f.distributed.kronor + f.undistributed.kronor == input.budget.kronor)
      #expect(f.rows.allSatisfy { $0.amount.kronor >= 0 && $0.amount <= $0.requested })
      if input.unit == .tkr { #expect(f.rows.allSatisfy { $0.amount.kronor % 1000 == 0 }) }
      for (förvaltning, cap) in input.constraints.caps {
        #expect(f.total(förvaltning: förvaltning) <= cap, "\(model.name) case \(case_): \(förvaltning) above its cap")
      }
      if input.constraints.minimumPerInsats == .zero {
        // Without the minimum nothing is dropped after the floors are met:
        // each floor holds (or everything asked for, when that is less).
        for (förvaltning, floor) in input.constraints.floors {
          let asked = input.requests.filter { $0.förvaltningID == förvaltning }.reduce(Int64(0)) { $0 + $1.requested.kronor }
          #expect(f.total(förvaltning: förvaltning).kronor >= min(floor.kronor, asked), "\(model.name) case \(case_)")
        }
      }
      for id in Set(f.rows.map(\.insatsID)) {
        let t = f.total(insats: id)
        #expect(t == .zero || t >= input.constraints.minimumPerInsats, "\(model.name) \(id) \(t)")
      }
    }
    // The instances exercise both paths.
    #expect(allocated > 1_300)
    #expect(refused > 0)
  }

  @Test("yearly budgets: each year's rows add up to at most that year's budget, over 500 instances")
  func yearlyBudgets() throws {
    var g = SeededGenerator(seed: 31)
    for case_ in 0..<500 {
      var input = SyntheticAllocation.input(
        insatser: 2 + g.uniform(below: 6), förvaltningar: 2 + g.uniform(below: 3), years: 2 + g.uniform(below: 2),
        budgetShare: 20 + g.uniform(below: 100), seed: UInt64(70_000 + case_))
      let years = Set(input.requests.compactMap(\.year)).sorted()
      var perYear: [Int: Belopp] = [:]
      for y in years { perYear[y] = Belopp(kronor: Int64(g.uniform(below: 4_000)) * 1000) }
      input.budgetPerYear = perYear
      input.budget = Belopp(kronor: perYear.values.reduce(Int64(0)) { $0 + $1.kronor })
      if g.uniform(below: 2) == 0 { input.constraints.minimumPerInsats = .zero }
      let model = Self.models[case_ % Self.models.count]
      let f = try model.allocate(input)
      #expect(f.invariantViolations.isEmpty)
      #expect(f.distributed.kronor + f.undistributed.kronor == input.budget.kronor)
      for y in years {
        let spent = f.rows.filter { $0.year == y }.reduce(Int64(0)) { $0 + $1.amount.kronor }
        #expect(spent <= perYear[y]!.kronor, "\(model.name) case \(case_) year \(y)")
      }
    }
  }
}
