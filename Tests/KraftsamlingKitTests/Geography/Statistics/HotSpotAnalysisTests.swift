import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("HotSpotAnalysis")
struct HotSpotAnalysisTests {
  /// The hand lattice of `LocalMoranTests` as a neighbour graph with codes
  /// a–i (row-major, rook), plus extra areas:
  ///
  ///     a b c        y = 6 6 2
  ///     d e f            6 2 2        z — linked to a and p; no value
  ///     g h i            2 0 1        p — linked only to z
  static func graph() throws -> NeighbourGraph {
    let ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "z", "p"]
    let n: [[Int]] = [
      [1, 3, 9], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7], [0, 10], [9],
    ]
    return try NeighbourGraph(ids: ids, neighbours: n)
  }

  static let lattice: [String: Double] = [
    "a": 6, "b": 6, "c": 2, "d": 6, "e": 2, "f": 2, "g": 2, "h": 0, "i": 1,
  ]

  @Test("areas without a value are left out: the lattice alone gives the hand-computed statistics")
  func leavesOutMissing() throws {
    // z has no value, so a's neighbours are b and d again; p is not in the values either.
    let hot = try HotSpotAnalysis(
      values: Self.lattice, graph: try Self.graph(), rule: "rook", variable: "y",
      inference: .init(permutations: 999, seed: 1))
    #expect(hot.untested == ["z", "p"])
    #expect(hot.islands.isEmpty)
    #expect(hot.local.areas.map(\.id) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    // Iₐ = 8 · dₐ · (Wd)ₐ / Σd² = 8 · 3 · 3 / 44 = 18/11 (LocalMoranTests); a is HH.
    #expect(abs(hot.local.areas[0].statistic - 18.0 / 11) < 1e-12)
    #expect(hot.local.areas[0].quadrant == .highHigh)
    // Global I = 113/264 (GlobalMoranTests' hand computation).
    #expect(abs(hot.global.statistic - 113.0 / 264) < 1e-12)
    #expect(hot.rule == "rook" && hot.variable == "y")
    #expect(hot.labelsByCode.count == 9)
  }

  @Test("an area whose neighbours all lack a value is an untestable island")
  func islands() throws {
    var values = Self.lattice
    values["p"] = 3  // p's only neighbour z has no value
    values["i"] = .nan  // not finite: left out like a missing value
    let hot = try HotSpotAnalysis(values: values, graph: try Self.graph(), inference: .init(permutations: 99, seed: 2))
    #expect(hot.untested == ["i", "z"])
    #expect(hot.islands == ["p"])
    let p = try #require(hot.area(code: "p"))
    #expect(p.neighbourCount == 0)
    #expect(p.pValue == nil)
    #expect(p.label == .notSignificant)
    #expect(hot.area(code: "z") == nil)
  }

  @Test("the same seed gives the same analysis for 1 and 2 threads")
  func threads() throws {
    let g = try Self.graph()
    let one = try HotSpotAnalysis(values: Self.lattice, graph: g, inference: .init(permutations: 499, seed: 9, threads: 1))
    let two = try HotSpotAnalysis(values: Self.lattice, graph: g, inference: .init(permutations: 499, seed: 9, threads: 2))
    #expect(one == two)
    let other = try HotSpotAnalysis(values: Self.lattice, graph: g, inference: .init(permutations: 499, seed: 10))
    #expect(one.local.pValues != other.local.pValues)
  }

  @Test("Getis–Ord labels hot and cold spots; label counts follow SpatialClusterLabel order")
  func getisOrd() throws {
    let hot = try HotSpotAnalysis(
      values: Self.lattice, graph: try Self.graph(), statistic: .getisOrdStar, inference: .init(permutations: 999, seed: 1))
    #expect(hot.local.kind == .getisOrdStar)
    #expect(hot.local.areas.allSatisfy { [.hotSpot, .coldSpot, .notSignificant].contains($0.label) })
    let counts = hot.labelCounts
    #expect(counts.map(\.count).reduce(0, +) == 9)
    let order = SpatialClusterLabel.allCases
    #expect(counts.map { order.firstIndex(of: $0.label)! } == counts.map { order.firstIndex(of: $0.label)! }.sorted())
  }

  @Test("too few areas with a value is a SpatialStatisticsError")
  func tooFew() throws {
    #expect(throws: SpatialStatisticsError.self) {
      try HotSpotAnalysis(values: ["a": 1, "b": 2], graph: try Self.graph())
    }
  }

  @Test("an index's scores on Malmö: the ranked areas are tested, the others left out")
  func index() throws {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let hot = try HotSpotAnalysis(
      result, contiguity: MalmöData.layer.contiguity(.rook), inference: .init(permutations: 99, seed: 1))
    #expect(hot.variable == "stadskontoret-2025 score")
    #expect(hot.local.areas.count == result.rankedCount)
    #expect(Set(hot.untested) == Set(result.excluded.map(\.code)))
    for a in hot.local.areas { #expect(result.area(code: a.id)?.score == a.value) }
    // The vulnerable east (Herrgården, rank 1, among high-scoring neighbours) is HH.
    #expect(hot.area(code: "48208")?.quadrant == .highHigh)
    #expect(hot.global.statistic > 0)
  }
}
