import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Getis–Ord G")
struct GetisOrdTests {
  /// Gᵢ = (Wy)ᵢ / (Σy − yᵢ) with row-standardised W and Σy = 27 (lattice in `HandLattice`):
  ///   0: (6 + 6)/2 = 6 → 6/21 = 2/7          4: (6 + 6 + 2 + 0)/4 = 7/2 → (7/2)/25 = 7/50
  ///   7: (2 + 2 + 1)/3 = 5/3 → (5/3)/27 = 5/81
  /// E[Gᵢ] = Wᵢ/N = 1/8 (N = n − 1). Corner 0: the other values have mean ȳ = 21/8 and
  /// mean of squares (125 − 36)/8 = 89/8 (Σy² = 125), so s² = 89/8 − 441/64 = 271/64,
  /// Var = 1·(8 − 1)/7 · 1/64 · (271/64)/(441/64) = 271/28224,
  /// z = (2/7 − 1/8)/√(271/28224) = (9/56)·168/√271 = 27/√271.
  @Test("Gᵢ, its moments and z on the 3 × 3 lattice match the hand computation")
  func gi() throws {
    let g = try LocalSpatialStatistics.getisOrd(values: HandLattice.y, weights: HandLattice.weights, inference: .analyticalOnly)
    #expect(g.kind == .getisOrd)
    #expect(abs(g.areas[0].statistic - 2.0 / 7) < 1e-15)
    #expect(abs(g.areas[4].statistic - 7.0 / 50) < 1e-15)
    #expect(abs(g.areas[7].statistic - 5.0 / 81) < 1e-15)
    #expect(g.areas.allSatisfy { abs($0.expected - 1.0 / 8) < 1e-15 })
    #expect(abs(g.areas[0].variance - 271.0 / 28224) < 1e-15)
    #expect(abs(g.areas[0].zScore! - 27 / 271.0.squareRoot()) < 1e-12)
    #expect(g.areas.allSatisfy { $0.quadrant == nil })
  }

  /// Gᵢ* with esda's default self-weight (the row's largest weight, 1) and then row
  /// standardisation: weights 1/(k + 1) on the area and its neighbours.
  ///   0: (6 + 6 + 6)/3 = 6 → 6/27 = 2/9;  4: (2 + 6 + 6 + 2 + 0)/5 = 16/5 → 16/135
  /// E = 1/n = 1/9; all values enter: ȳ = 3, s² = 125/9 − 9 = 44/9, s²/ȳ² = 44/81,
  /// Var = 1·(9 − 1)/8 · 1/81 · 44/81 = 44/6561, z₀ = (2/9 − 1/9)/√(44/6561) = 9/√44.
  @Test("Gᵢ* includes the area itself with weight 1/(k + 1)")
  func giStar() throws {
    let g = try LocalSpatialStatistics.getisOrd(
      values: HandLattice.y, weights: HandLattice.weights, star: true, inference: .analyticalOnly)
    #expect(g.kind == .getisOrdStar)
    #expect(abs(g.areas[0].statistic - 2.0 / 9) < 1e-15)
    #expect(abs(g.areas[4].statistic - 16.0 / 135) < 1e-15)
    #expect(abs(g.areas[0].expected - 1.0 / 9) < 1e-15)
    #expect(abs(g.areas[0].variance - 44.0 / 6561) < 1e-15)
    #expect(abs(g.areas[0].zScore! - 9 / 44.0.squareRoot()) < 1e-12)
    // An explicit self-weight of 0.5 before standardising: corner weights 0.5, 1, 1 → /2.5.
    let half = try LocalSpatialStatistics.getisOrd(
      values: HandLattice.y, weights: HandLattice.weights, star: true, selfWeight: 0.5, inference: .analyticalOnly)
    #expect(abs(half.areas[0].statistic - (0.2 * 6 + 0.4 * 6 + 0.4 * 6) / 27) < 1e-15)
  }

  /// Binary weights, integer values: every sum is exact, so ties are exact too.
  /// Injected matrix (rows = permutations, indices into the 8 *other* areas,
  /// index j standing for area j, or j + 1 once j ≥ i):
  ///   r0 [0 2 4 5]   r1 [1 3 5 6]   r2 [6 7 0 1]   r3 [4 5 2 3]
  /// Area 0 (k = 2, observed (6 + 6)/21): others are areas 1…8.
  ///   r0 → areas 1, 3: 6 + 6 = 12 (tie, counts as ≥)   r1 → 2, 4: 4   r2 → 7, 8: 1   r3 → 5, 6: 4
  ///   #(sim ≥ obs) = 1, P − 1 = 3 is not smaller → M = 1 → p = 2/5.
  /// Area 7 (k = 3, observed (2 + 2 + 1)/27 = 5/27): index 7 stands for area 8.
  ///   r0 → 0, 2, 4: 6 + 2 + 2 = 10   r1 → 1, 3, 5: 14   r2 → 6, 8, 0: 9   r3 → 4, 5, 2: 6   all ≥ 5
  ///   #(sim ≥ obs) = 4, P − 4 = 0 < 4 → M = 0 → p = 1/5; mean = (10 + 14 + 9 + 6)/4/27 = 39/108.
  /// Area 4 (k = 4, observed (6 + 6 + 2 + 0)/25 = 14/25):
  ///   r0 → 0, 2, 5, 6: 12   r1 → 1, 3, 6, 7: 14 (tie)   r2 → 7, 8, 0, 1: 13   r3 → 5, 6, 2, 3: 12
  ///   #(sim ≥ obs) = 1 → p = 2/5; with `.greater`: 2/5; with `.lesser`: #(sim ≤ obs) = 4 → 5/5 = 1.
  @Test("Pseudo p-values with an injected matrix match a hand count")
  func handCount() throws {
    let matrix = try PermutationMatrix([[0, 2, 4, 5], [1, 3, 5, 6], [6, 7, 0, 1], [4, 5, 2, 3]])
    let g = try LocalSpatialStatistics.getisOrd(
      values: HandLattice.y, weights: HandLattice.weights, transformation: .binary,
      inference: PermutationInference(matrix: matrix, threads: 1))
    #expect(g.permutations == 4 && g.seed == nil && g.alternative == "directed")
    #expect(g.areas[0].statistic == 12.0 / 21)
    #expect(g.areas[0].pValue == 2.0 / 5)
    #expect(g.areas[7].pValue == 1.0 / 5)
    #expect(abs(g.areas[7].simulatedMean! - 39.0 / 108) < 1e-15)
    #expect(g.areas[4].pValue == 2.0 / 5)
    let lesser = try LocalSpatialStatistics.getisOrd(
      values: HandLattice.y, weights: HandLattice.weights, transformation: .binary,
      inference: PermutationInference(matrix: matrix, alternative: .lesser, threads: 1))
    #expect(lesser.areas[4].pValue == 1)
    #expect(lesser.alternative == "lesser")
  }

  @Test("Hot and cold spots follow the sign of G − E[G]")
  func hotAndCold() throws {
    let w = SyntheticSpatialData.lattice(rows: 10, columns: 10)
    var y = [Double](repeating: 5, count: 100)
    for r in 0..<3 { for c in 0..<3 { y[r * 10 + c] = 20 } }  // a hot corner
    for r in 7..<10 { for c in 7..<10 { y[r * 10 + c] = 0.5 } }  // a cold corner
    for i in 0..<100 { y[i] += Double(i % 7) * 0.1 }
    let g = try LocalSpatialStatistics.getisOrd(
      values: y, weights: w, star: true, inference: .init(permutations: 999, seed: 1), alpha: 0.05)
    #expect(g.areas[11].label == .hotSpot)
    #expect(g.areas[88].label == .coldSpot)
    for a in g.areas where a.label == .hotSpot { #expect(a.statistic > a.expected) }
    for a in g.areas where a.label == .coldSpot { #expect(a.statistic < a.expected) }
  }

  @Test("Thread count does not change Getis–Ord results", arguments: [false, true])
  func threads(_ star: Bool) throws {
    let w = SyntheticSpatialData.lattice(rows: 15, columns: 15, queen: true)
    let y = SyntheticSpatialData.values(rows: 15, columns: 15, seed: 9)
    let one = try LocalSpatialStatistics.getisOrd(
      values: y, weights: w, star: star, inference: .init(permutations: 299, seed: 6, threads: 1))
    let four = try LocalSpatialStatistics.getisOrd(
      values: y, weights: w, star: star, inference: .init(permutations: 299, seed: 6, threads: 4))
    #expect(one == four)
  }

  @Test("compute(_:) dispatches on the kind")
  func compute() throws {
    for kind in LocalSpatialStatistics.Kind.allCases {
      let r = try LocalSpatialStatistics.compute(
        kind, values: HandLattice.y, weights: HandLattice.weights, inference: .analyticalOnly)
      #expect(r.kind == kind)
    }
  }
}
