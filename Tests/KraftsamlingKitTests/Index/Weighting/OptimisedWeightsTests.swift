import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

@testable import KraftsamlingIndex

/// Optimised weights: effective importance brought to a target.
@Suite("Optimised weights")
struct OptimisedWeightsTests {
  @Test("On the bundled data every effective importance ends within 0.01 of equal shares")
  func bundledEqual() throws {
    let definition = IndexDefinition.stadskontoret2025
    let (weighted, record) = try definition.weighted(by: .optimised(), on: MalmöData.statistik)
    let effective = try #require(record.details["effective"])
    #expect(effective.allSatisfy { abs($0 - 0.25) < 0.01 })
    #expect(try #require(record.diagnostics["residual"]) < 0.01)
    #expect(abs(record.weights.reduce(0, +) - 1) < 1e-12 && record.weights.allSatisfy { $0 > 0 })
    // The audit of the weighted index sees the same effective importance.
    let audit = try IndexAudit(weighted, on: MalmöData.statistik)
    let shares = audit.effectiveShares.compactMap { $0 }
    #expect(shares.count == 4 && zip(shares, effective).allSatisfy { abs($0 - $1) < 1e-12 })
    // With equal weights they were not balanced.
    let before = try IndexAudit(definition, on: MalmöData.statistik).effectiveShares.compactMap { $0 }
    #expect(before.contains { abs($0 - 0.25) > 0.01 })
  }

  @Test("Another target is met within 0.01; the search is deterministic")
  func target() throws {
    let method = WeightingMethod.optimised(target: [1, 1, 1, 1.05])
    let (_, a) = try IndexDefinition.stadskontoret2025.weighted(by: method, on: MalmöData.statistik)
    let (_, b) = try IndexDefinition.stadskontoret2025.weighted(by: method, on: MalmöData.statistik)
    #expect(a == b)
    let effective = try #require(a.details["effective"])
    let target = [1, 1, 1, 1.05].map { $0 / 4.05 }
    #expect(zip(effective, target).allSatisfy { abs($0 - $1) < 0.01 })
    #expect(a.notes.isEmpty)
    #expect(throws: IndexError.self) {
      try IndexDefinition.stadskontoret2025.weighted(by: .optimised(target: [1, 1]), on: MalmöData.statistik)
    }
  }

  @Test("An unreachable target is said to be: even alone, the fourth indicator shares its importance")
  func unreachable() throws {
    let (_, record) = try IndexDefinition.stadskontoret2025.weighted(
      by: .optimised(target: [1, 1, 1, 2]), on: MalmöData.statistik)
    let effective = try #require(record.details["effective"])
    // With all the weight the index is the fourth indicator itself, and its
    // share is 1/Σⱼ r²(j, 4): the three others correlate with it too much for 0.4.
    #expect(record.weights[3] > 1 - 1e-9)
    let residual = try #require(record.diagnostics["residual"])
    #expect(effective[3] < 0.3 && residual > 0.1)
    // ekonomiskt bistånd and trångboddhet stay above 0.2 with no weight; the fourth stays under 0.4 with all of it.
    #expect(record.notes.count == 3)
    #expect(record.notes.last == "lag_inkomststandard_0_18 reaches an effective importance of only 0.279 (target 0.400) even with almost all the weight: the items correlated with it share its importance")
    #expect(record.notes.first?.hasPrefix("trangbodda_0_18 keeps an effective importance of 0.254 (target 0.200) even with almost no weight") == true)
  }

  @Test("Dimension level on the cross-check fixture: the two dimensions balanced, indicator weights kept")
  func dimensions() throws {
    let (definition, table) = try WeightingReferenceTests.fixture()
    let (weighted, record) = try definition.weighted(by: .optimised(), level: .dimensions, on: table)
    #expect(record.ids == ["ekonomi", "boende"])
    let effective = try #require(record.details["effective"])
    #expect(effective.allSatisfy { abs($0 - 0.5) < 1e-9 })
    #expect(weighted.indicators.map(\.weight) == definition.indicators.map(\.weight))
    #expect(weighted.modifications.last?.hasPrefix("dimension weights: ") == true)
  }

  @Test("Without a table a data-driven method says so; a flat definition has no dimension level")
  func refusals() {
    #expect(throws: IndexError.self) { try IndexDefinition.stadskontoret2025.weighted(by: .principalComponents()) }
    #expect(throws: IndexError.self) {
      try IndexDefinition.stadskontoret2025.weighted(
        by: .budgetAllocation(points: [[50, 50]]), level: .dimensions)
    }
    #expect(throws: IndexError.self) {
      try IndexDefinition.stadskontoret2025.weighted(by: .budgetAllocation(points: [[50, 50]]))
    }
  }

  @Test("Budget allocation applied: the mean shares become the weights, the record says how")
  func budgetApplied() throws {
    let (d, record) = try IndexDefinition.stadskontoret2025.weighted(
      by: .budgetAllocation(points: [[40, 20, 20, 20], [20, 20, 30, 30]]))
    #expect(close(d.indicators.map(\.weight), [0.3, 0.2, 0.25, 0.25], 1e-15))
    #expect(record.diagnostics["experts"] == 2)
    let json = try JSONEncoder().encode(record)
    #expect(try JSONDecoder().decode(WeightingRecord.self, from: json) == record)
  }
}
