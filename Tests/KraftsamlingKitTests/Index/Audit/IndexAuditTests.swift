import Foundation
@testable import KraftsamlingIndex
import KraftsamlingKit
import Testing

/// The audit of whole indices: what it correlates, its flags and tables.
@Suite("Index audit")
struct IndexAuditTests {
  /// Five areas, three value indicators: `b` is twice `a`, `c` is better when higher.
  static func table() -> AreaTable {
    IndexFixtures.valueTable(["a": [1, 2, 3, 4, 10], "b": [2, 4, 6, 8, 20], "c": [5, 3, 4, 1, 2]])
  }

  static func definition(normalization: any Normalization = ZScore()) -> IndexDefinition {
    IndexDefinition(
      id: "granskning", version: "1",
      indicators: [
        .init(id: "a", valueColumn: "a"), .init(id: "b", valueColumn: "b", weight: 2),
        .init(id: "c", valueColumn: "c", direction: .higherIsBetter),
      ], normalization: normalization)
  }

  @Test("Correlations are over the oriented values the index combines; Pearson ignores the z-scoring")
  func orientation() throws {
    let audit = try IndexAudit(Self.definition(), on: Self.table())
    #expect(audit.indicatorIDs == ["a", "b", "c"])
    #expect(audit.dimensionIDs.isEmpty)
    #expect(audit.pearson.coefficients.count == 4)  // a, b, c, index
    #expect(abs(try #require(audit.pearson.coefficients[0][1]) - 1) < 1e-15)
    // c is higher-is-better: the audit sees −c, so r(a, −c) = −r(a, c).
    let raw = try #require(Correlation.pearson([1, 2, 3, 4, 10], [5, 3, 4, 1, 2]).r)
    #expect(abs(try #require(audit.pearson.coefficients[0][2]) + raw) < 1e-14)
    #expect(audit.pearson.counts[0][2] == 5)
    #expect(audit.pearson.pValues[1][1] == nil)
  }

  @Test("Flags: a and b collinear, nominal versus effective importance")
  func flags() throws {
    let audit = try IndexAudit(Self.definition(), on: Self.table())
    let collinear = audit.flags.filter { $0.kind == "collinear" }
    #expect(collinear.map(\.first) == ["a"] && collinear.map(\.second) == ["b"])
    #expect(audit.nominalShares == [0.25, 0.5, 0.25])
    let effective = audit.effectiveShares.compactMap { $0 }
    #expect(effective.count == 3 && abs(effective.reduce(0, +) - 1) < 1e-14)
    for f in audit.flags where f.kind == "importance-mismatch" {
      let j = try #require(audit.indicatorIDs.firstIndex(of: f.first))
      #expect(f.value > 2 || f.value < 0.5)
      #expect(abs(f.value - audit.effectiveShares[j]! / audit.nominalShares[j]) < 1e-15)
    }
  }

  @Test("A negative correlation within a dimension is flagged, across dimensions it is not")
  func negative() throws {
    let t = IndexFixtures.valueTable(["a": [1, 2, 3, 4, 5], "b": [5, 3, 4, 1, 2], "c": [2, 1, 4, 3, 5], "d": [1, 3, 2, 5, 4]])
    func def(_ dimensions: [String]) -> IndexDefinition {
      IndexDefinition(
        id: "neg", indicators: zip(["a", "b", "c", "d"], dimensions).map { .init(id: $0, valueColumn: $0, dimension: $1) },
        dimensions: [.init(id: "x"), .init(id: "y")])
    }
    let together = try IndexAudit(def(["x", "x", "y", "y"]), on: t)
    #expect(together.flags.contains { $0.kind == "negative-within-dimension" && $0.first == "a" && $0.second == "b" })
    #expect(together.alphas.count == 3)  // x, y, all
    #expect(together.pearson.coefficients.count == 7)  // 4 indicators, 2 dimensions, index
    let apart = try IndexAudit(def(["x", "y", "x", "y"]), on: t)
    #expect(!apart.flags.contains { $0.kind == "negative-within-dimension" && $0.first == "a" && $0.second == "b" })
    #expect(apart.nominalShares == [0.25, 0.25, 0.25, 0.25])
  }

  @Test("The result round-trips through JSON and its tables have one row per pair, group, component")
  func codingAndTables() throws {
    let audit = try IndexAudit(Self.definition(), on: Self.table(), threshold: 0.95)
    let data = try JSONEncoder().encode(audit)
    #expect(try JSONDecoder().decode(IndexAudit.self, from: data) == audit)
    #expect(audit.correlationTable(numbers: .exact).rows.count == 6)  // 4 variables
    #expect(audit.reliabilityTable(numbers: .rounded).rows.map { $0[0] } == ["index"])
    #expect(audit.componentTable(numbers: .rounded).rows.count == 3)
    #expect(audit.importanceTable(numbers: .exact).rows.count == 3)
  }

  @Test("The audit is the same for every normalisation that is a positive linear map (Pearson)")
  func linearInvariance() throws {
    let z = try IndexAudit(Self.definition(), on: Self.table())
    let minMax = try IndexAudit(Self.definition(normalization: .minMax), on: Self.table())
    for i in 0..<3 {
      for j in 0..<3 {
        #expect(abs((z.pearson.coefficients[i][j] ?? 9) - (minMax.pearson.coefficients[i][j] ?? 9)) < 1e-13)
        #expect(z.spearman.coefficients[i][j] == minMax.spearman.coefficients[i][j])
      }
    }
  }
}
