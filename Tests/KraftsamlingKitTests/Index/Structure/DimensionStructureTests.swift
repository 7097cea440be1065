import Foundation
import KraftsamlingKit
import Testing

@Suite("Dimension transforms and aggregation per level (#18 part 3)")
struct DimensionStructureTests {
  /// Two dimensions of one plain-value indicator each, weighted 3 : 2,
  /// values as they are (identity normalisation).
  ///
  ///        d1   d2   arithmetic 0.6·d1 + 0.4·d2
  ///   A    10   0      6.0
  ///   B     6   6.5    6.2
  ///   C     5   5      5.0
  ///   D     1   7      3.4
  static func definition(_ transform: IndexDefinition.Dimension.Transform) -> IndexDefinition {
    IndexDefinition(
      id: "imd", indicators: [.init(id: "x", valueColumn: "x", dimension: "d1"), .init(id: "y", valueColumn: "y", dimension: "d2")],
      dimensions: [.init(id: "d1", weight: 3, transform: transform), .init(id: "d2", weight: 2, transform: transform)],
      normalization: .identity)
  }

  static let table = IndexFixtures.valueTable(["x": [10, 6, 5, 1], "y": [0, 6.5, 5, 7]], codes: ["A", "B", "C", "D"])

  @Test func withoutTransformAGoodDimensionOffsetsABadOne() throws {
    let r = try Self.definition(.none).run(on: Self.table)
    #expect(close(r.scores.map { $0! }, [6, 6.2, 5, 3.4]))
    #expect(r.ranks == [2, 1, 3, 4])
  }

  @Test func theIMDExponentialTransformLimitsOffsetting() throws {
    // N = 4, R = (4 − rank + 1)/4, X = −23·ln(1 − R·(1 − e^(−100/23))):
    //   rank 1 → 100, rank 2 → 31.009143532807, rank 3 → 15.646790072603, rank 4 → 6.517733263680
    // d1 ranks A1 B2 C3 D4, d2 ranks D1 B2 C3 A4:
    //   A 0.6·100 + 0.4·6.517733 = 62.607093;  B 31.009144;  C 15.646790;  D 0.6·6.517733 + 0.4·100 = 43.910640
    let r = try Self.definition(.imdExponential).run(on: Self.table)
    #expect(close(r.scores.map { $0! }, [62.60709330547212, 31.009143532807215, 15.646790072602894, 43.910639958208215], 1e-9))
    // A, very deprived on one dimension, now comes before B, moderately deprived on both.
    #expect(r.ranks == [1, 3, 4, 2])
    // the dimension scores reported are the untransformed ones
    #expect(close(r.dimensionScore(0, row: 0), 10) && close(r.dimensionScore(1, row: 3), 7))
    // contributions still add up to the score
    let a = (0..<2).map { r.contribution($0, row: 0)! }
    #expect(close(a, [60, 2.607093305472152], 1e-9))
  }

  @Test func contributionsOfATransformedDimensionWithPartsOfMixedSign() throws {
    // d1 = {x, z} in z-scores, d2 = {y}; C's d1 parts are both below 0, so its
    // d1 share 0.6·15.646790 = 9.388074 is divided by weight: 4.694037 each;
    // d2: 0.4·15.646790 = 6.258716. A's parts are all > 0: shares of the dimension.
    var d = Self.definition(.imdExponential)
    d.indicators.append(.init(id: "z", valueColumn: "z", dimension: "d1"))
    d.normalization = .zScore
    var t = Self.table
    try t.addColumn("z", [4, 3, 2, 1])
    let r = try d.run(on: t)
    let c = (0..<3).map { r.contribution($0, row: 2)! }
    #expect(close(c, [4.694037021780868, 6.258716029041158, 4.694037021780868], 1e-9))
    for row in 0..<4 {
      let sum = (0..<3).map { r.contribution($0, row: row)! }.reduce(0, +)
      #expect(close(sum, r.scores[row]!, 1e-9))
    }
    // A: x 1.405564, z 1.341641 (z-scores): its share 60 split in that ratio
    let a = (0..<3).map { r.contribution($0, row: 0)! }
    #expect(close(a[0] / a[2], 1.4055638569974547 / 1.3416407864998738, 1e-9))
  }

  @Test func arithmeticInsideAndGeometricAcross() throws {
    // A = mean(a1, a2), B = b; index = √(A·B) with equal weights.
    //   1: A = 3, B = 9  → √27 = 5.196152;  arithmetic across: 6
    //   2: A = 1, B = 16 → √16 = 4;         arithmetic across: 8.5
    //   3: A = 6, B = 3  → √18 = 4.242641;  arithmetic across: 4.5
    let t = IndexFixtures.valueTable(["a1": [2, 1, 5], "a2": [4, 1, 7], "b": [9, 16, 3]])
    var d = IndexDefinition(
      id: "levels",
      indicators: [
        .init(id: "a1", valueColumn: "a1", dimension: "A"), .init(id: "a2", valueColumn: "a2", dimension: "A"),
        .init(id: "b", valueColumn: "b", dimension: "B"),
      ], dimensions: [.init(id: "A"), .init(id: "B")], normalization: .identity, aggregation: .arithmetic,
      dimensionAggregation: .geometric)
    let r = try d.run(on: t)
    #expect(close(r.scores.map { $0! }, [5.196152422706632, 4, 4.242640687119285]))
    #expect(r.ranks == [1, 3, 2])
    #expect(close(r.dimensionScore(0, row: 0), 3))
    d.dimensionAggregation = .arithmetic
    let flat = try d.run(on: t)
    #expect(close(flat.scores.map { $0! }, [6, 8.5, 4.5]))
    #expect(flat.ranks == [2, 1, 3])
    // and through JSON, as Documentation/IndexPipeline.md shows it
    let json = try IndexDefinition(json: d.with(aggregation: .arithmetic).jsonText)
    #expect(json.dimensionAggregation.specification == StrategySpecification("arithmetic"))
  }

  @Test func aTransformedDimensionSuitsTheGeometricMeanOverZScores() throws {
    // z-scores are negative for some areas; their transformed ranks are not.
    var d = Self.definition(.imdExponential)
    d.normalization = .zScore
    d.dimensionAggregation = .geometric
    let r = try d.run(on: Self.table)
    // A: 100^0.6 · 6.517733^0.4 = 33.545837…
    #expect(close(r.scores[0], 33.545837065423115, 1e-9))
    var plain = Self.definition(.none)
    plain.normalization = .zScore
    plain.dimensionAggregation = .geometric
    #expect(throws: IndexError.self) { try plain.run(on: Self.table) }
  }

  @Test func theTransformRoundTripsThroughJSONAndIsChecked() throws {
    let d = Self.definition(.imdExponential)
    let back = try IndexDefinition(json: d.jsonText)
    #expect(back == d)
    #expect(back.dimensions.map(\.transform) == [.imdExponential, .imdExponential])
    #expect(d.jsonText.contains("\"transform\" : \"imd-exp\""))
    #expect(!Self.definition(.none).jsonText.contains("transform"))
    let bad = """
      {
        "id": "x",
        "indicators": [{"id": "a", "value": "a", "dimension": "d"}],
        "dimensions": [{"id": "d", "transform": "imd"}]
      }
      """
    do {
      _ = try IndexDefinition(json: bad, file: "d.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidDefinition)
      #expect(error.message.contains("dimension d: unknown transform 'imd'"))
      #expect(error.location.line == 4)
    }
  }

  @Test func anIndexOverTimeFixesTheTransformAtTheReferenceYear() throws {
    // Year 2: only D's d1 value changes, from 1 to 5.5 — between C (5) and B (6).
    // Fixed at year 1, A, B and C keep their scores; D's d1 rank is 2.5
    // (halfway between ranks 2 and 3) → X = −23·ln(1 − 0.625·(1 − e^(−100/23))) = 22.068504…
    let y2 = IndexFixtures.valueTable(["x": [10, 6, 5, 5.5], "y": [0, 6.5, 5, 7]], codes: ["A", "B", "C", "D"])
    let t = try Self.definition(.imdExponential).run(on: [1: Self.table, 2: y2], reference: 1, top: 1)
    let r = t.results[1]
    #expect(close(r.scores[0], 62.60709330547212) && close(r.scores[1], 31.009143532807215))
    #expect(close(r.scores[2], 15.646790072602894))
    let x = -23 * log(1 - 0.625 * (1 - exp(-100.0 / 23)))
    #expect(close(r.scores[3], 0.6 * x + 40, 1e-9))
    #expect(close(x, 22.068504017785347, 1e-9))
  }
}
