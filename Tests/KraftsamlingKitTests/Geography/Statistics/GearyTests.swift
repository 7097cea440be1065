import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite("Geary's C, global and local")
struct GearyTests {
  /// The path a – b – c – d.
  static func path() throws -> SpatialWeights {
    try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
  }

  /// y = 1 2 3 4 with row-standardised weights (a→b 1, b→a ½, b→c ½, c→b ½, c→d ½, d→c 1):
  /// Σ wᵢⱼ(yᵢ − yⱼ)² = 4, S₀ = 4, Σd² = 5, so C = 3 · 4/(2 · 4 · 5) = 0.3.
  /// S₁ = 2.25 + 1 + 2.25 = 5.5, S₂ = 1.5² + 2.5² + 2.5² + 1.5² = 17:
  /// Var_norm = ((2 · 5.5 + 17) · 3 − 4 · 16)/(2 · 5 · 16) = 0.125. With k = 2.5625/1.25² = 1.64:
  /// A = 3 · 5.5 · 2.08 = 34.32, B = ¼ · 3 · 17 · (−0.96) = −12.24, D = 16 · (−1.76) = −28.16,
  /// Var_rand = (34.32 + 12.24 − 28.16)/(4 · 2 · 1 · 16) = 0.14375.
  @Test("Hand-computed Geary's C and its variances on a path")
  func handCase() throws {
    let c = try GlobalGeary(values: [1, 2, 3, 4], weights: Self.path(), inference: PermutationInference(permutations: 0))
    #expect(abs(c.statistic - 0.3) < 1e-15)
    #expect(c.expected == 1)
    #expect(abs(c.varianceNormality - 0.125) < 1e-15)
    #expect(abs(c.varianceRandomisation - 0.14375) < 1e-14)
    #expect(abs(c.zNormality! - (-0.7 / 0.125.squareRoot())) < 1e-12)
    #expect(abs(c.pNormality! - normalCDF(-0.7 / 0.125.squareRoot())) < 1e-15)
    #expect(c.pValue == nil && c.permutations == 0)
  }

  /// Injected permutations: the identity gives C itself, the reversal 4 3 2 1 the same C.
  /// With both simulated values equal to the observed one, the directed rule counts
  /// min(2, 0) = 0: p = 1/3.
  @Test("Injected full permutations give the directed pseudo p-value")
  func injected() throws {
    let matrix = try PermutationMatrix([[0, 1, 2, 3], [3, 2, 1, 0]])
    let c = try GlobalGeary(values: [1, 2, 3, 4], weights: Self.path(), inference: PermutationInference(matrix: matrix))
    #expect(c.pValue == 1.0 / 3)
    #expect(c.simulation?.standardDeviation == 0)
  }

  /// y = 1 2 3 10: d = −3 −2 −1 6, σ² = 12.5, so cₐ = 1/12.5, c_b = ½(1 + 1)/12.5,
  /// c_c = ½(1 + 49)/12.5 = 2 and c_d = 49/12.5 = 3.92. Site d draws its one neighbour from
  /// a, b, c: (9² , 8², 7²)/12.5 = 6.48, 5.12, 3.92 — none below 3.92: p = 1/4.
  @Test("Hand-computed local Geary with an injected conditional matrix")
  func localHandCase() throws {
    let matrix = try PermutationMatrix([[0, 1], [1, 2], [2, 0]])
    let g = try LocalGeary(values: [1, 2, 3, 10], weights: Self.path(), inference: PermutationInference(matrix: matrix))
    let expected = [0.08, 0.08, 2, 3.92]
    for i in 0..<4 { #expect(abs(g.statistics[i] - expected[i]) < 1e-14, "c at \(i)") }
    #expect(g.pValues[3] == 0.25)
    #expect(abs(g.simulatedMeans[3]! - (6.48 + 5.12 + 3.92) / 3) < 1e-13)
  }

  @Test("Geary's C matches esda Geary", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaGlobal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.geary
    let g = try GlobalGeary(values: c.x, weights: c.weights(), inference: PermutationInference(matrix: c.fullMatrix(), threads: 2))
    #expect(close(g.statistic, ref.C, 1e-12))
    #expect(g.expected == ref.EC)
    #expect(close(g.varianceNormality, ref.VC_norm, 1e-12))
    #expect(close(g.varianceRandomisation, ref.VC_rand, 1e-12))
    #expect(close(g.zNormality, ref.z_norm, 1e-10))
    #expect(close(g.zRandomisation, ref.z_rand, 1e-10))
    #expect(close(g.pNormality, ref.p_norm, 1e-10))
    #expect(close(g.pRandomisation, ref.p_rand, 1e-10))
    #expect(g.pValue == ref.p_sim)
    #expect(close(g.simulation?.mean, ref.EC_sim, 1e-12))
    #expect(close(g.simulation?.standardDeviation, ref.seC_sim, 1e-12))
    #expect(close(g.simulation?.zScore, ref.z_sim, 1e-9))
    #expect(close(g.simulation?.pZScore, ref.p_z_sim, 1e-9))
    let seeded = try GlobalGeary(values: c.x, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 8))
    #expect(withinSamplingError(seeded.pValue, ref.p_sim, permutations: 999))
  }

  @Test("Local Geary matches esda Geary_Local", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaLocal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.local_geary
    let g = try LocalGeary(values: c.x, weights: c.weights(), inference: PermutationInference(matrix: c.crandMatrix(), threads: 3))
    for i in c.ids.indices {
      #expect(close(g.statistics[i], ref.localG![i], 1e-12), "localG at \(i)")
      #expect(sameDraws(g.pValues[i], ref.p_sim[i], ties: ref.near_ties[i], permutations: c.permutations), "p_sim at \(i)")
      #expect(close(g.simulatedMeans[i], ref.EI_sim![i], 1e-12), "mean at \(i)")
      #expect(close(g.simulatedStandardDeviations[i], ref.seI_sim![i], 1e-10), "sd at \(i)")
    }
    let seeded = try LocalGeary(values: c.x, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 9))
    for i in c.ids.indices {
      #expect(withinSamplingError(seeded.pValues[i], ref.p_sim[i], permutations: 999), "seeded p_sim at \(i)")
    }
  }

  @Test("Seeded results are reproducible and the same on 1 and 4 threads")
  func threadsAndSeeds() throws {
    let w = SyntheticSpatialData.lattice(rows: 7, columns: 6)
    let y = (0..<42).map { Double(($0 * 37) % 11) + Double($0 / 6) }
    func global(_ threads: Int, _ seed: UInt64) throws -> GlobalGeary {
      try GlobalGeary(values: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    func local(_ threads: Int, _ seed: UInt64) throws -> LocalGeary {
      try LocalGeary(values: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    #expect(try global(1, 3) == global(4, 3))
    #expect(try global(1, 3).simulation != global(1, 4).simulation)
    #expect(try local(1, 3) == local(4, 3))
    #expect(try local(2, 3) == local(2, 3))
    #expect(try local(1, 3).pValues != local(1, 4).pValues)
  }
}
