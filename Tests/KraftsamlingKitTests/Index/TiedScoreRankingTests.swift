import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex

/// Scores that are equal in exact arithmetic share a rank (1-2-2-4), even
/// when their floating-point sums differ in the last bits, in the index,
/// in ``IndexRanking`` and in the robustness analysis's re-score path.
///
/// The tables here have value indicators that are each a seeded
/// permutation of 1…n, so every normalisation under test (percentile
/// ranks, min-max, z-scores: all indicators share one mean and one
/// standard deviation) is an affine map of the value, and two areas'
/// equal-weight scores are equal exactly when their sums of values are.
@Suite("Tied scores share a rank, whatever the order of additions")
struct TiedScoreRankingTests {
  /// `indicators` value columns v1…vk over `areas` areas, each a seeded
  /// permutation of 1…areas.
  static func permutationTable(areas: Int, indicators: Int, seed: UInt64) -> (AreaTable, [[Int]]) {
    var g = SeededGenerator(seed: seed)
    var table = AreaTable(codes: (1...areas).map { "A\($0)" })
    var columns: [[Int]] = []
    for j in 1...indicators {
      var values = Array(1...areas)
      g.shuffle(&values)
      columns.append(values)
      try? table.addColumn("v\(j)", values.map { Double($0) })
    }
    return (table, columns)
  }

  static func definition(indicators: Int, _ normalization: any Normalization) -> IndexDefinition {
    IndexDefinition(
      id: "ties", indicators: (1...indicators).map { .init(id: "v\($0)", valueColumn: "v\($0)") },
      normalization: normalization, aggregation: .arithmetic)
  }

  /// Competition ranks of integer sums, highest first: 1 + the number of
  /// strictly higher sums.
  static func expectedRanks(_ columns: [[Int]]) -> [Int] {
    let sums = columns[0].indices.map { i in columns.reduce(0) { $0 + $1[i] } }
    return sums.map { s in 1 + sums.filter { $0 > s }.count }
  }

  @Test("IndexRanking: scores one bit apart tie and the next rank is skipped")
  func lastBit() {
    let a = 33.333333333333336
    let b = 33.33333333333333
    #expect(a != b)
    #expect(IndexRanking.ranks(of: [b, 50, a, 10, .nan]) == [2, 1, 2, 4, 0])
    // Near zero the scale is the largest score, not the tied pair's own size.
    let tiny = 1e-17
    #expect(IndexRanking.ranks(of: [tiny, 0, 2, -tiny]) == [2, 2, 1, 2])
    // Genuinely different scores are not merged.
    #expect(IndexRanking.ranks(of: [1, 1 - 1e-9, 0.5]) == [1, 2, 3])
  }

  @Test("the issue's case: percentile ranks of 37 areas with four indicators")
  func percentile37() throws {
    var disagreements = 0
    for seed in UInt64(1)...40 {
      let (table, columns) = Self.permutationTable(areas: 37, indicators: 4, seed: seed)
      let result = try Self.definition(indicators: 4, .percentileRank).run(on: table)
      let expected = Self.expectedRanks(columns)
      #expect(result.ranks == expected.map(Optional.some), "seed \(seed)")
      #expect(result.deciles == expected.map { Optional(IndexRanking.decile(rank: $0, of: 37)) })
      // The floating-point scores of tied areas do differ on some tables:
      // the test covers the case it is about.
      for i in 0..<37 {
        for k in 0..<37 where expected[i] == expected[k] && result.scores[i] != result.scores[k] {
          disagreements += 1
        }
      }
    }
    #expect(disagreements > 0)
  }

  @Test(
    "property: equal exact scores share the lowest rank; the robustness re-score agrees",
    arguments: [
      (PercentileRank() as any Normalization, 37, 4), (MinMax(), 29, 6), (ZScore(), 41, 5), (RankNormalization(), 33, 3),
    ])
  func property(_ normalization: any Normalization, areas: Int, indicators: Int) throws {
    for seed in UInt64(100)...130 {
      let (table, columns) = Self.permutationTable(areas: areas, indicators: indicators, seed: seed)
      let definition = Self.definition(indicators: indicators, normalization)
      let result = try definition.run(on: table)
      let expected = Self.expectedRanks(columns)
      #expect(result.ranks == expected.map(Optional.some), "\(normalization.specification) seed \(seed)")
      let fixed = RobustnessAnalysis(
        space: UncertaintySpace(normalizations: [normalization]), replications: 4, seed: seed, threads: 2)
      let robustness = try fixed.run(definition, on: table)
      for area in robustness.areas {
        let i = try #require(table.codes.firstIndex(of: area.code))
        #expect(area.nominalRank == expected[i])
        #expect(area.bestRank == expected[i] && area.worstRank == expected[i], "\(area.code) seed \(seed)")
      }
    }
  }

  @Test("ties do not depend on the order of the rows")
  func rowOrder() throws {
    let (table, _) = Self.permutationTable(areas: 37, indicators: 4, seed: 7)
    let definition = Self.definition(indicators: 4, .percentileRank)
    let a = try definition.run(on: table)
    var g = SeededGenerator(seed: 11)
    for _ in 0..<5 {
      var order = Array(0..<table.count)
      g.shuffle(&order)
      let b = try definition.run(on: table.selecting(rows: order))
      for row in a.rows { #expect(b.area(code: row.code)?.rank == row.rank, "\(row.code)") }
    }
  }

  @Test("the robustness analysis ranks ties the same for 1 and 4 threads")
  func threads() throws {
    let (table, _) = Self.permutationTable(areas: 37, indicators: 4, seed: 3)
    let definition = Self.definition(indicators: 4, .percentileRank)
    let space = UncertaintySpace(weights: DirichletWeights(concentration: 50), normalizations: [PercentileRank(), RankNormalization()])
    let one = try RobustnessAnalysis(space: space, replications: 64, seed: 9, threads: 1).run(definition, on: table)
    let four = try RobustnessAnalysis(space: space, replications: 64, seed: 9, threads: 4).run(definition, on: table)
    #expect(one.areas == four.areas)
  }
}
