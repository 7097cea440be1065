import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// The 3 × 3 rook lattice used by the hand-computed tests:
///
///     0 1 2        y = 6 6 2      d = y − 3 =  3  3 −1
///     3 4 5            6 2 2                   3 −1 −1
///     6 7 8            2 0 1                  −1 −3 −2
///
/// ȳ = 27/9 = 3, Σd = 0, Σd² = 9+9+1+9+1+1+1+9+4 = 44, σ² = 44/9.
enum HandLattice {
  static let weights = SyntheticSpatialData.lattice(rows: 3, columns: 3)
  static let y: [Double] = [6, 6, 2, 6, 2, 2, 2, 0, 1]
}

@Suite("Local Moran")
struct LocalMoranTests {
  /// Iᵢ = (n − 1) zᵢ (Wz)ᵢ / Σz². With z = d/σ, σ cancels: Iᵢ = 8 dᵢ (Wd)ᵢ / 44.
  /// Row-standardised lags (Wd)ᵢ = mean of the neighbours' d:
  ///   0: (3 + 3)/2 = 3          → I = 8·3·3/44      = 18/11
  ///   1: (3 − 1 − 1)/3 = 1/3    → I = 8·3·(1/3)/44  = 2/11
  ///   2: (3 − 1)/2 = 1          → I = 8·(−1)·1/44   = −2/11
  ///   3: (3 − 1 − 1)/3 = 1/3    → I = 2/11
  ///   4: (3 + 3 − 1 − 3)/4 = 1/2 → I = 8·(−1)·(1/2)/44 = −1/11
  ///   5: (−1 − 1 − 2)/3 = −4/3  → I = 8·(−1)·(−4/3)/44 = 8/33
  ///   6: (3 − 3)/2 = 0          → I = 0
  ///   7: (−1 − 1 − 2)/3 = −4/3  → I = 8·(−3)·(−4/3)/44 = 8/11
  ///   8: (−1 − 3)/2 = −2        → I = 8·(−2)·(−2)/44 = 8/11
  @Test("Statistics, lags and quadrants on the 3 × 3 lattice match the hand computation")
  func handComputed() throws {
    let lisa = try LocalSpatialStatistics.moran(
      values: HandLattice.y, weights: HandLattice.weights, inference: .analyticalOnly)
    let expected: [Double] = [18.0 / 11, 2.0 / 11, -2.0 / 11, 2.0 / 11, -1.0 / 11, 8.0 / 33, 0, 8.0 / 11, 8.0 / 11]
    let sigma = (44.0 / 9).squareRoot()
    let lagsOfD: [Double] = [3, 1.0 / 3, 1, 1.0 / 3, 0.5, -4.0 / 3, 0, -4.0 / 3, -2]
    for i in 0..<9 {
      #expect(abs(lisa.areas[i].statistic - expected[i]) < 1e-12, "I at \(i)")
      #expect(abs(lisa.areas[i].spatialLag - lagsOfD[i] / sigma) < 1e-12, "lag at \(i)")
      #expect(abs(lisa.areas[i].standardisedValue - (HandLattice.y[i] - 3) / sigma) < 1e-12)
    }
    // High = z > 0, lag > 0 (a lag of exactly 0 counts as low, as in esda).
    let quadrants: [Quadrant] = [.highHigh, .highHigh, .lowHigh, .highHigh, .lowHigh, .lowLow, .lowLow, .lowLow, .lowLow]
    #expect(lisa.areas.map(\.quadrant) == quadrants)
    #expect(lisa.areas.map(\.quadrant!.rawValue) == [1, 1, 2, 1, 2, 3, 3, 3, 3])
    // No permutations: no p-values, every label ns.
    #expect(lisa.permutations == 0 && lisa.seed == nil)
    #expect(lisa.pValues.allSatisfy { $0 == nil })
    #expect(lisa.labels.allSatisfy { $0 == .notSignificant })
  }

  /// Total randomisation (esda EI, VI): E = −wᵢ/(n − 1) = −1/8 for row-standardised weights.
  /// m₂ = Σz²/n = 1; m₄ = Σz⁴/n = (Σd⁴/σ⁴)/9 with Σd⁴ = 4·81 + 4·1 + 16 = 344,
  /// σ⁴ = 1936/81, so b₂ = m₄ = 344·9/1936 = 387/242.
  /// Corner (k = 2, wᵢ⁽²⁾ = 1/2):
  ///   Var = ½(9 − 387/242)/8 + (1 − ½)(2·387/242 − 9)/(8·7) − (1/8)²
  ///       = 1791/3872 − 351/6776 − 1/64.
  /// Conditional (esda EIc, VIc) at the corner: zᵢ² = 9/σ² = 81/44,
  ///   E = −zᵢ²·1/(8·1) = −81/352,
  ///   Var = zᵢ² · 9/7 · (½ − 1/8) · (1 − zᵢ²/8).
  @Test("Analytical moments match the hand computation")
  func moments() throws {
    let lisa = try LocalSpatialStatistics.moran(
      values: HandLattice.y, weights: HandLattice.weights, inference: .analyticalOnly)
    let corner = lisa.areas[0]
    #expect(abs(corner.expected - (-1.0 / 8)) < 1e-15)
    let variance = 1791.0 / 3872 - 351.0 / 6776 - 1.0 / 64
    #expect(abs(corner.variance - variance) < 1e-14)
    #expect(abs(corner.zScore! - (18.0 / 11 + 1.0 / 8) / variance.squareRoot()) < 1e-12)
    let zi2 = 81.0 / 44
    #expect(abs(corner.conditionalExpected! - (-81.0 / 352)) < 1e-14)
    #expect(abs(corner.conditionalVariance! - zi2 * 9 / 7 * (0.5 - 1.0 / 8) * (1 - zi2 / 8)) < 1e-14)
  }

  @Test("A seeded run equals the run with the materialised seeded matrix")
  func seededEqualsInjected() throws {
    let w = SyntheticSpatialData.lattice(rows: 6, columns: 7, queen: true)
    let y = SyntheticSpatialData.values(rows: 6, columns: 7, seed: 11)
    let seeded = try LocalSpatialStatistics.moran(
      values: y, weights: w, inference: PermutationInference(permutations: 199, seed: 99, threads: 1))
    let matrix = PermutationMatrix.conditional(observations: 42, columns: 8, permutations: 199, seed: 99)
    var injected = try LocalSpatialStatistics.moran(
      values: y, weights: w, inference: PermutationInference(matrix: matrix, threads: 1))
    #expect(injected.seed == nil && seeded.seed == 99)
    injected.seed = 99
    #expect(injected == seeded)
  }

  @Test("The same seed gives bit-identical results for 1, 2, 3 and 8 threads", arguments: [2, 3, 8])
  func threadIndependence(_ threads: Int) throws {
    let w = SyntheticSpatialData.lattice(rows: 20, columns: 23)
    let y = SyntheticSpatialData.values(rows: 20, columns: 23, seed: 5)
    let one = try LocalSpatialStatistics.moran(
      values: y, weights: w, inference: PermutationInference(permutations: 499, seed: 3, threads: 1))
    let many = try LocalSpatialStatistics.moran(
      values: y, weights: w, inference: PermutationInference(permutations: 499, seed: 3, threads: threads))
    #expect(one == many)
    #expect(one.areas.contains { $0.label != .notSignificant })
  }

  @Test("Different seeds give different pseudo p-values")
  func seedMatters() throws {
    let w = SyntheticSpatialData.lattice(rows: 8, columns: 8)
    let y = SyntheticSpatialData.values(rows: 8, columns: 8, seed: 5)
    let a = try LocalSpatialStatistics.moran(values: y, weights: w, inference: .init(permutations: 99, seed: 1))
    let b = try LocalSpatialStatistics.moran(values: y, weights: w, inference: .init(permutations: 99, seed: 2))
    #expect(a.statistics == b.statistics)
    #expect(a.pValues != b.pValues)
  }

  @Test("An island has no p-value and is never significant")
  func island() throws {
    // 0 – 1 – 2 – 3 in a row, 4 alone.
    let w = try SpatialWeights(ids: ["a", "b", "c", "d", "e"], neighbours: [[1], [0, 2], [1, 3], [2], []])
    let lisa = try LocalSpatialStatistics.moran(
      values: [1, 2, 3, 4, 10], weights: w, inference: .init(permutations: 99, seed: 1), alpha: 0.5)
    let island = lisa.areas[4]
    #expect(island.neighbourCount == 0)
    #expect(island.statistic == 0)
    #expect(island.quadrant == .highLow)
    #expect(island.pValue == nil && island.simulatedMean == nil)
    #expect(island.label == .notSignificant)
    #expect(lisa.areas[0].pValue != nil)
  }

  @Test("Relabelling with FDR uses esda's fdr threshold over the areas with p-values")
  func relabel() throws {
    let w = SyntheticSpatialData.lattice(rows: 12, columns: 12)
    let y = SyntheticSpatialData.values(rows: 12, columns: 12, seed: 8)
    let lisa = try LocalSpatialStatistics.moran(values: y, weights: w, inference: .init(permutations: 999, seed: 4))
    let fdr = try lisa.relabelled(alpha: 0.05, falseDiscoveryRate: true)
    let threshold = FalseDiscoveryRate.threshold(lisa.pValues.compactMap { $0 }, alpha: 0.05)
    #expect(fdr.threshold == threshold)
    #expect(threshold < 0.05)
    for a in fdr.areas {
      let significant = a.pValue! < threshold
      #expect((a.label != .notSignificant) == significant)
      if significant { #expect(a.label.rawValue == a.quadrant!.code) }
    }
    #expect(fdr.significantAreas.count <= lisa.significantAreas.count)
  }

  @Test("The result survives a JSON round trip")
  func codable() throws {
    let lisa = try LocalSpatialStatistics.moran(
      values: HandLattice.y, weights: HandLattice.weights, inference: .init(permutations: 9, seed: 1))
    let data = try JSONEncoder().encode(lisa)
    #expect(try JSONDecoder().decode(LocalSpatialStatistics.self, from: data) == lisa)
  }
}

import Foundation
