import KraftsamlingCore
import KraftsamlingGeography
import KraftsamlingIndex
import Testing

@testable import KraftsamlingFollowUp

@Suite("ComparisonDesign")
struct ComparisonDesignTests {
  /// (level, trend) per area; rates level + trend·(t − 1.5) over 2019–2022, so the mean is the level.
  static let areas: [(String, Double, Double)] = [
    ("T1", 0.30, -0.010), ("T2", 0.20, 0.000),
    ("C1", 0.30, -0.0105), ("C2", 0.20, 0.0015), ("C3", 0.10, 0.020), ("C4", 0.32, -0.012),
  ]

  static func panel() -> IndicatorPanel {
    var observations: [IndicatorPanel.Observation] = []
    for (code, level, trend) in areas {
      for t in 0..<4 {
        let rate = level + trend * (Double(t) - 1.5)
        observations.append(.init(code: code, year: 2019 + t, numerator: rate * 1000, denominator: 1000))
      }
    }
    return IndicatorPanel(observations: observations)
  }

  /// The Mahalanobis distance written out for two features: S⁻¹ = [[d, −b], [−b, a]]/(ad − b²).
  static func mahalanobis(_ x: (Double, Double), _ y: (Double, Double), pool: [(Double, Double)]) -> Double {
    let n = Double(pool.count)
    let m0 = pool.reduce(0) { $0 + $1.0 } / n
    let m1 = pool.reduce(0) { $0 + $1.1 } / n
    let a = pool.reduce(0) { $0 + ($1.0 - m0) * ($1.0 - m0) } / (n - 1)
    let b = pool.reduce(0) { $0 + ($1.0 - m0) * ($1.1 - m1) } / (n - 1)
    let d = pool.reduce(0) { $0 + ($1.1 - m1) * ($1.1 - m1) } / (n - 1)
    let u = x.0 - y.0
    let v = x.1 - y.1
    return ((d * u * u - 2 * b * u * v + a * v * v) / (a * d - b * b)).squareRoot()
  }

  @Test("nearest pairs first, without replacement; distances are Mahalanobis on level and trend")
  func matching() throws {
    let design = try ComparisonDesign(
      panel: Self.panel(), treated: ["T1", "T2"], candidates: ["C1", "C2", "C3", "C4"], preYears: 2019...2022)
    #expect(Set(design.matches.map { "\($0.treated)-\($0.comparison)" }) == ["T1-C1", "T2-C2"])
    let pool = Self.areas.map { ($0.1, $0.2) }
    let expected = Self.mahalanobis((0.30, -0.010), (0.30, -0.0105), pool: pool)
    let t1 = design.matches.first { $0.treated == "T1" }!
    #expect(abs(t1.distance - expected) < 1e-9)
    #expect(design.unmatched.isEmpty && design.excludedByBuffer.isEmpty)
    #expect(design.balance.map(\.feature) == ["nivå", "trend"])
    #expect(abs(design.balance[0].after) < abs(design.balance[0].before))
    // After: treated levels 0.30, 0.20 against 0.30, 0.20: means equal, SMD 0.
    #expect(abs(design.balance[0].after) < 1e-12)
  }

  @Test("the spillover buffer removes a treated area's neighbours (and their neighbours at order 2)")
  func buffer() throws {
    let graph = try NeighbourGraph(
      ids: ["T1", "T2", "C1", "C2", "C3", "C4"], pairs: [("T1", "C1"), ("C1", "C2")], symmetricClosure: true)
    let first = try ComparisonDesign(
      panel: Self.panel(), treated: ["T1", "T2"], candidates: ["C1", "C2", "C3", "C4"], preYears: 2019...2022,
      neighbours: graph)
    #expect(first.excludedByBuffer == ["C1"])
    #expect(first.matches.first { $0.treated == "T1" }?.comparison == "C4")
    let second = try ComparisonDesign(
      panel: Self.panel(), treated: ["T1", "T2"], candidates: ["C1", "C2", "C3", "C4"], preYears: 2019...2022,
      neighbours: graph, bufferOrder: 2)
    #expect(second.excludedByBuffer == ["C1", "C2"])
  }

  @Test("a caliper leaves far treated areas unmatched")
  func caliper() throws {
    let pool = Self.areas.map { ($0.1, $0.2) }
    let t1c1 = Self.mahalanobis((0.30, -0.010), (0.30, -0.0105), pool: pool)
    let t2c2 = Self.mahalanobis((0.20, 0.000), (0.20, 0.0015), pool: pool)
    let design = try ComparisonDesign(
      panel: Self.panel(), treated: ["T1", "T2"], candidates: ["C1", "C2", "C3", "C4"], preYears: 2019...2022,
      caliper: min(t1c1, t2c2) * 1.000001)
    #expect(design.matches.count == 1)
    #expect(design.unmatched == [t1c1 < t2c2 ? "T2" : "T1"])
  }

  @Test("near misses are ranks N+1 … N+k with their distance from the N-th score")
  func nearMisses() throws {
    let result = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    let ranked = result.ranked
    let misses = NearMiss.list(in: result, selected: 2, count: 2)
    #expect(misses.map(\.rank) == [ranked[2].rank!, ranked[3].rank!])
    #expect(misses.map(\.code) == [ranked[2].code, ranked[3].code])
    #expect(misses.allSatisfy { $0.distanceFromCut >= 0 })
    #expect(abs(misses[0].distanceFromCut - (ranked[1].score! - ranked[2].score!)) < 1e-15)
    #expect(NearMiss.list(in: result, selected: 5, count: 3).isEmpty)
  }
}
