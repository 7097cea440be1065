import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite("Moran's I of empirical-Bayes standardised rates")
struct RateMoranTests {
  /// e = 1 3, b = 10 10: rates 0.1 0.3, β = 0.2, s² = (10 · 0.01 + 10 · 0.01)/20 = 0.01,
  /// α = 0.01 − 0.2/10 = −0.01, v = −0.01 + 0.2/10 = 0.01, z = ∓0.1/0.1.
  @Test("Hand-computed standardised rates")
  func handCase() throws {
    let z = try RateStandardization.empiricalBayes(events: [1, 3], populations: [10, 10])
    #expect(abs(z[0] + 1) < 1e-12 && abs(z[1] - 1) < 1e-12)
  }

  /// e = 1 1 2 10, b = 100 100 100 1000: β = 14/1300 and α + β/1000 < 0 for the large area,
  /// whose variance falls back to β/1000.
  @Test("A negative variance estimate falls back to β/b")
  func fallback() throws {
    let z = try RateStandardization.empiricalBayes(events: [1, 1, 2, 10], populations: [100, 100, 100, 1000])
    let beta = 14.0 / 1300
    #expect(abs(z[3] - (0.01 - beta) / (beta / 1000).squareRoot()) < 1e-12)
    #expect(abs(z[2] - 1.0215078369104984) < 1e-12)  // esda assuncao_rate
  }

  /// esda's documented example of `assuncao_rate`.
  @Test("esda's documented example")
  func documentedExample() throws {
    let z = try RateStandardization.empiricalBayes(
      events: [30, 25, 25, 15, 33, 21, 30, 20], populations: [100, 100, 110, 90, 100, 90, 110, 90])
    let expected = [1.03843594, -0.04099089, -0.56250375, -1.73061861]
    for i in 0..<4 { #expect(abs(z[i] - expected[i]) < 1e-8) }
  }

  @Test("Bad counts and populations are refused")
  func refused() {
    #expect(throws: SpatialStatisticsError.self) { try RateStandardization.empiricalBayes(events: [1, 2], populations: [10]) }
    #expect(throws: SpatialStatisticsError.self) { try RateStandardization.empiricalBayes(events: [1, -2], populations: [10, 10]) }
    #expect(throws: SpatialStatisticsError.self) { try RateStandardization.empiricalBayes(events: [1, 2], populations: [10, 0]) }
    #expect(throws: SpatialStatisticsError.self) { try RateStandardization.empiricalBayes(events: [0, 0], populations: [10, 10]) }
    #expect(throws: SpatialStatisticsError.self) { try RateStandardization.empiricalBayes(events: [1, 1], populations: [10, 10]) }
  }

  @Test("Moran's I and Local Moran of the rates match esda Moran_Rate and Moran_Local_Rate", arguments: try EsdaStatisticsFixture.caseNames())
  func esda(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let z = try RateStandardization.empiricalBayes(events: c.events, populations: c.population)
    for i in z.indices { #expect(close(z[i], c.rates[i], 1e-12), "rate at \(i)") }
    let ref = c.moran_rate
    let m = try GlobalMoran(values: z, weights: c.weights(), inference: PermutationInference(matrix: c.fullMatrix(), threads: 2))
    #expect(close(m.statistic, ref.I, 1e-12))
    #expect(close(m.expected, ref.EI, 1e-12))
    #expect(close(m.varianceNormality, ref.VI_norm, 1e-12))
    #expect(close(m.varianceRandomisation, ref.VI_rand, 1e-12))
    #expect(close(m.zRandomisation, ref.z_rand, 1e-10))
    #expect(close(m.pRandomisation, ref.p_rand, 1e-10))
    #expect(m.pValue == ref.p_sim)
    #expect(close(m.simulatedMean, ref.EI_sim, 1e-12))
    #expect(close(m.simulatedStandardDeviation, ref.seI_sim, 1e-12))
    let local = c.moran_local_rate
    let lisa = try LocalSpatialStatistics.moran(
      values: z, weights: c.weights(), inference: PermutationInference(matrix: c.seededMatrix(), threads: 2))
    let seeded = try LocalSpatialStatistics.moran(values: z, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 2))
    for (i, a) in lisa.areas.enumerated() {
      #expect(close(a.statistic, local.Is![i], 1e-12), "Is at \(i)")
      #expect(a.quadrant?.rawValue == local.q![i], "q at \(i)")
      #expect(sameDraws(a.pValue, local.p_sim[i], ties: local.near_ties[i], permutations: c.permutations), "p_sim at \(i)")
      #expect(withinSamplingError(seeded.areas[i].pValue, local.p_sim[i], permutations: 999), "seeded p_sim at \(i)")
    }
  }
}
