import Foundation
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Global Moran's I")
struct GlobalMoranTests {
  /// Hand lattice, d = y − 3, row-standardised lags (see `LocalMoranTests`):
  /// Σ dᵢ(Wd)ᵢ = 9 + 1 − 1 + 1 − ½ + 4/3 + 0 + 4 + 4 = 113/6, Σd² = 44, S₀ = 9:
  /// I = 9/9 · (113/6)/44 = 113/264 (= Σ Iᵢ / 8 with the local Iᵢ: (113/33)/8).
  /// S₁ = Σ over the 12 undirected links (wᵢⱼ + wⱼᵢ)²: 8 corner–edge links (½ + ⅓)² and
  /// 4 edge–centre links (⅓ + ¼)²: 8·25/36 + 4·49/144 = 83/12.
  /// S₂ = Σ (1 + column sum)²: corners 1 + ⅔, edges 1 + 2·½ + ¼, centre 1 + 4·⅓:
  /// 4·(5/3)² + 4·(9/4)² + (7/3)² = 1325/36.
  /// Var_N = (81·83/12 − 9·1325/36 + 3·81)/(80·81) − (1/8)² = 472/6480 − 1/64.
  @Test("I, S₁, S₂ and the normal variance match the hand computation")
  func handComputed() throws {
    let m = try GlobalMoran(values: HandLattice.y, weights: HandLattice.weights, inference: .analyticalOnly)
    #expect(abs(m.statistic - 113.0 / 264) < 1e-15)
    #expect(abs(m.expected - -1.0 / 8) < 1e-15)
    #expect(abs(m.s0 - 9) < 1e-14)
    let moments = SplitWeights(HandLattice.weights.rowStandardised()).moments
    #expect(abs(moments.s1 - 83.0 / 12) < 1e-13)
    #expect(abs(moments.s2 - 1325.0 / 36) < 1e-13)
    #expect(abs(m.varianceNormality - (472.0 / 6480 - 1.0 / 64)) < 1e-15)
    #expect(m.pValue == nil && m.permutations == 0)
    // Two-tailed normal p-value: 2 · P(Z > z).
    let z = (113.0 / 264 + 1.0 / 8) / (472.0 / 6480 - 1.0 / 64).squareRoot()
    #expect(abs(m.zNormality! - z) < 1e-12)
    #expect(abs(m.pNormality! - erfc(z / 2.0.squareRoot())) < 1e-15)
  }

  /// With row-standardised weights and no islands S₀ = n, so Σᵢ Iᵢ = (n − 1)/Σz² · Σ zᵢ(Wz)ᵢ = (n − 1)·I:
  /// on the hand lattice Σ Iᵢ = 113/33 = 8 · 113/264.
  @Test("The local statistics decompose the global one", arguments: [(3, 3), (7, 9)])
  func decomposition(_ size: (Int, Int)) throws {
    let w = SyntheticSpatialData.lattice(rows: size.0, columns: size.1)
    let y = size.0 == 3 ? HandLattice.y : SyntheticSpatialData.values(rows: size.0, columns: size.1, seed: 2)
    let global = try GlobalMoran(values: y, weights: w, inference: .analyticalOnly)
    let local = try LocalSpatialStatistics.moran(values: y, weights: w, inference: .analyticalOnly)
    let sum = local.statistics.reduce(0, +)
    #expect(abs(sum - Double(y.count - 1) * global.statistic) < 1e-12)
  }

  /// Four areas in a row, y = 1 2 3 4: z = −1.5 −0.5 0.5 1.5, row-standardised lags
  /// −0.5 −0.5 0.5 0.5, Σ z·lag = 0.75 + 0.25 + 0.25 + 0.75 = 2, Σz² = 5, S₀ = 4: I = 2/5.
  @Test("A gradient on a path is positively autocorrelated")
  func gradient() throws {
    let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    let m = try GlobalMoran(values: [1, 2, 3, 4], weights: w, inference: .analyticalOnly)
    #expect(abs(m.statistic - 0.4) < 1e-15)
    #expect(abs(m.expected - -1.0 / 3) < 1e-15)
  }

  /// With the three permutations written out, the simulated I are computed by hand:
  /// path a–b–c–d, y = 1 2 3 4; permuting to 4 3 2 1 keeps I = 0.4, 2 4 1 3 gives
  /// z = −0.5 1.5 −1.5 0.5, lags 1.5 −1 1 −1.5, Σ z·lag = −0.75 − 1.5 − 1.5 − 0.75 = −4.5 → −0.9;
  /// 1 3 2 4 gives z = −1.5 0.5 −0.5 1.5, lags 0.5 −1 1 −0.5, Σ = −0.75 − 0.5 − 0.5 − 0.75 = −2.5 → −0.5.
  /// Directed: #(sim ≥ 0.4) = 1 (the reversal), P − 1 = 2 → M = 1 → p = 2/4.
  @Test("The permutation p-value with an injected matrix matches a hand count")
  func injected() throws {
    let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    // Row r lists which original value lands at each position.
    let matrix = try PermutationMatrix([[3, 2, 1, 0], [1, 3, 0, 2], [0, 2, 1, 3]])
    let m = try GlobalMoran(values: [1, 2, 3, 4], weights: w, inference: PermutationInference(matrix: matrix, threads: 1))
    #expect(m.permutations == 3)
    #expect(m.pValue == 0.5)
    #expect(abs(m.simulatedMean! - (0.4 - 0.9 - 0.5) / 3) < 1e-15)
  }

  @Test("Seeded permutations equal the materialised full matrix, for any thread count", arguments: [1, 2, 5])
  func seeded(_ threads: Int) throws {
    let w = SyntheticSpatialData.lattice(rows: 9, columns: 11, queen: true)
    let y = SyntheticSpatialData.values(rows: 9, columns: 11, seed: 21)
    let seeded = try GlobalMoran(values: y, weights: w, inference: .init(permutations: 333, seed: 5, threads: threads))
    let matrix = PermutationMatrix.full(observations: 99, permutations: 333, seed: 5)
    var injected = try GlobalMoran(values: y, weights: w, inference: PermutationInference(matrix: matrix, threads: 1))
    injected.seed = 5
    #expect(seeded == injected)
    #expect(seeded.pValue! <= 2.0 / 334)  // strongly autocorrelated: no permutation reaches I
    #expect(seeded.statistic > 0.3)
  }

  @Test("Input problems throw errors that say how to fix them")
  func errors() throws {
    let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    #expect(throws: SpatialStatisticsError.self) { try GlobalMoran(values: [1, 1, 1, 1], weights: w) }
    let none = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[], [], [], []])
    do {
      _ = try GlobalMoran(values: [1, 2, 3, 4], weights: none)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .noLinks)
    }
    do {
      _ = try GlobalMoran(values: [1, 2, 3, 4], weights: w, inference: PermutationInference(matrix: try PermutationMatrix([[0, 1, 2, 2]])))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .badPermutationMatrix)
    }
  }
}
