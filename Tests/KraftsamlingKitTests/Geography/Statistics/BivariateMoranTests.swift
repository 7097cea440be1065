import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite("Bivariate Moran's I, global and local")
struct BivariateMoranTests {
  /// The path a – b – c – d.
  static func path() throws -> SpatialWeights {
    try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
  }

  /// x = 1 2 3 4, y = x + 1: zy = zx = d/s with d = −1.5 −0.5 0.5 1.5 and s² = 5/3.
  /// Row-standardised lags of d: −0.5 −0.5 0.5 0.5, Σ d(Wd) = 2, so I = (2/s²)/3 = 0.4.
  @Test("Hand-computed bivariate Moran on a path")
  func handCase() throws {
    let bv = try BivariateMoran(x: [1, 2, 3, 4], y: [2, 3, 4, 5], weights: Self.path(), inference: PermutationInference(permutations: 0))
    #expect(abs(bv.statistic - 0.4) < 1e-15)
    #expect(bv.pValue == nil && bv.simulation == nil)
  }

  /// x = 1 2 3 4, y = 4 3 2 1: zy = −zx, σ² = 1.25, Σzx² = 4. Lags of zy: 0.5 0.5 −0.5 −0.5 (/σ),
  /// so Iₐ = 3 · (−1.5)(0.5)/1.25/4 = −0.45, I_b = 3 · (−0.5)(0.5)/1.25/4 = −0.15 and symmetric.
  /// Site a draws its one neighbour's zy from b, c, d (0.5, −0.5, −1.5 over σ):
  /// −0.45, 0.45, 1.35, mean 0.45.
  @Test("Hand-computed local bivariate Moran with an injected conditional matrix")
  func localHandCase() throws {
    let matrix = try PermutationMatrix([[0, 1], [1, 2], [2, 0]])
    let lbv = try LocalBivariateMoran(
      x: [1, 2, 3, 4], y: [4, 3, 2, 1], weights: Self.path(), inference: PermutationInference(matrix: matrix))
    let expected = [-0.45, -0.15, -0.15, -0.45]
    for i in 0..<4 { #expect(abs(lbv.statistics[i] - expected[i]) < 1e-14, "I at \(i)") }
    #expect(lbv.quadrants == [.lowHigh, .lowHigh, .highLow, .highLow])
    #expect(abs(lbv.simulatedMeans[0]! - 0.45) < 1e-14)
  }

  /// With y = x the bivariate statistics are Moran's: globally (row-standardised weights
  /// without islands, so S₀ = n) and locally, where the same seed draws the same
  /// conditional matrix as Local Moran.
  @Test("With y = x they are Moran's I and Local Moran")
  func sameVariable() throws {
    let w = SyntheticSpatialData.lattice(rows: 5, columns: 6)
    let v: [Double] = (0..<30).map { (i: Int) -> Double in Double((i * 13) % 7) + 0.3 * Double(i / 6) }
    let inference = PermutationInference(permutations: 199, seed: 21)
    let bv = try BivariateMoran(x: v, y: v, weights: w, inference: inference)
    let moran = try GlobalMoran(values: v, weights: w, inference: inference)
    #expect(abs(bv.statistic - moran.statistic) < 1e-12)
    let lbv = try LocalBivariateMoran(x: v, y: v, weights: w, inference: inference)
    let lisa = try LocalSpatialStatistics.moran(values: v, weights: w, inference: inference)
    for i in 0..<30 {
      #expect(abs(lbv.statistics[i] - lisa.areas[i].statistic) < 1e-12, "I at \(i)")
      #expect(lbv.quadrants[i] == lisa.areas[i].quadrant, "q at \(i)")
      #expect(abs(lbv.pValues[i]! - lisa.areas[i].pValue!) <= 2.0 / 200, "p at \(i)")
    }
  }

  @Test("Bivariate Moran matches esda Moran_BV", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaGlobal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.moran_bv
    let bv = try BivariateMoran(x: c.x, y: c.y, weights: c.weights(), inference: PermutationInference(matrix: c.fullMatrix(), threads: 2))
    #expect(close(bv.statistic, ref.I, 1e-12))
    #expect(bv.pValue == ref.p_sim)
    #expect(close(bv.simulation?.mean, ref.EI_sim, 1e-12))
    #expect(close(bv.simulation?.standardDeviation, ref.seI_sim, 1e-12))
    #expect(close(bv.simulation?.zScore, ref.z_sim, 1e-9))
    #expect(close(bv.simulation?.pZScore, ref.p_z_sim, 1e-9))
    let seeded = try BivariateMoran(x: c.x, y: c.y, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 4))
    #expect(withinSamplingError(seeded.pValue, ref.p_sim, permutations: 999))
  }

  @Test("Local bivariate Moran matches esda Moran_Local_BV", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaLocal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.moran_local_bv
    let lbv = try LocalBivariateMoran(
      x: c.x, y: c.y, weights: c.weights(), inference: PermutationInference(matrix: c.seededMatrix(), threads: 3))
    for i in c.ids.indices {
      #expect(close(lbv.statistics[i], ref.Is![i], 1e-12), "Is at \(i)")
      #expect(lbv.quadrants[i].rawValue == ref.q![i], "q at \(i)")
      #expect(sameDraws(lbv.pValues[i], ref.p_sim[i], ties: ref.near_ties[i], permutations: c.permutations), "p_sim at \(i)")
      #expect(close(lbv.simulatedMeans[i], ref.EI_sim![i], 1e-12), "mean at \(i)")
      #expect(close(lbv.simulatedStandardDeviations[i], ref.seI_sim![i], 1e-10), "sd at \(i)")
    }
    let seeded = try LocalBivariateMoran(x: c.x, y: c.y, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 6))
    for i in c.ids.indices {
      #expect(withinSamplingError(seeded.pValues[i], ref.p_sim[i], permutations: 999), "seeded p_sim at \(i)")
    }
  }

  @Test("Seeded results are reproducible and the same on 1 and 4 threads")
  func threadsAndSeeds() throws {
    let w = SyntheticSpatialData.lattice(rows: 6, columns: 6)
    let x: [Double] = (0..<36).map { (i: Int) -> Double in Double((i * 29) % 13) }
    let y: [Double] = (0..<36).map { (i: Int) -> Double in Double((i * 17) % 10) + Double(i / 6) }
    func global(_ threads: Int, _ seed: UInt64) throws -> BivariateMoran {
      try BivariateMoran(x: x, y: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    func local(_ threads: Int, _ seed: UInt64) throws -> LocalBivariateMoran {
      try LocalBivariateMoran(x: x, y: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    #expect(try global(1, 3) == global(4, 3))
    #expect(try global(1, 3).simulation != global(1, 4).simulation)
    #expect(try local(1, 3) == local(4, 3))
    #expect(try local(1, 3).pValues != local(1, 4).pValues)
  }
}
