import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Permutation inference")
struct PermutationInferenceTests {
  func p(_ alternative: some PermutationAlternative, _ observed: Double, _ sims: [Double]) -> Double {
    var s = sims
    return s.withUnsafeMutableBufferPointer { alternative.pValue(observed: observed, simulated: $0) }
  }

  /// sims 1 2 3 4 (P = 4):
  /// directed, obs 3.5: #(≥) = 1, P − 1 = 3 → M = 1 → 2/5;  obs 1.5: #(≥) = 3, P − 3 = 1 < 3 → M = 1 → 2/5
  /// directed, obs 3: #(≥) = 2, P − 2 = 2 not smaller → 3/5; obs 0: #(≥) = 4 → M = 0 → 1/5
  /// greater, obs 3: 2 → 3/5;  lesser, obs 3: 3 → 4/5
  /// folded, obs 4: mean 2.5, |sim − 2.5| = 1.5 .5 .5 1.5 ≥ 1.5 → 2 → 3/5
  @Test("The alternatives count as esda does")
  func alternatives() {
    let sims: [Double] = [1, 2, 3, 4]
    #expect(p(.directed, 3.5, sims) == 2.0 / 5)
    #expect(p(.directed, 1.5, sims) == 2.0 / 5)
    #expect(p(.directed, 3, sims) == 3.0 / 5)
    #expect(p(.directed, 0, sims) == 1.0 / 5)
    #expect(p(.greater, 3, sims) == 3.0 / 5)
    #expect(p(.lesser, 3, sims) == 4.0 / 5)
    #expect(p(.folded, 4, sims) == 3.0 / 5)
    // Two-sided (esda "two-sided"), sims 1…10, obs 2.5: q = 100·2/10 = 20; low = 20th percentile at
    // position 9·0.2 = 1.8: 3 − 1·0.2 = 2.8; high = 80th at 7.2: 8 + 1·0.2 = 8.2;
    // M = #(≤ 2.8) + #(≥ 8.2) = 2 + 2 = 4 → 5/11 (esda: 0.4545…).
    let ten = (1...10).map(Double.init)
    #expect(p(.twoSided, 2.5, ten) == 5.0 / 11)
    // Observed at the median: q = 50, low = high = 5.5, M = 5 + 5 → 11/11 = 1.
    #expect(p(.twoSided, 5.5, ten) == 1)
    // Beyond every value: q = 100 → q′ = 0, low = 1, high = 10: M = 1 + 1 → 3/11.
    #expect(p(.twoSided, 11, ten) == 3.0 / 11)
    // All simulated values equal to the observed one: both bounds equal it, esda counts 3 + 3
    // (p = 7/4); we cap at 1.
    #expect(p(.twoSided, 2, [2, 2, 2]) == 1)
    // Every simulated value equal to the observed one: esda's directed rule gives the minimum.
    #expect(p(.directed, 2, [2, 2, 2]) == 1.0 / 4)
  }

  @Test("A seeded conditional matrix has distinct in-range indices per row and is reproducible")
  func conditionalMatrix() {
    let m = PermutationMatrix.conditional(observations: 10, columns: 5, permutations: 200, seed: 3)
    #expect(m.rows == 200 && m.columns == 5)
    for r in 0..<m.rows {
      let row = m.row(r)
      #expect(Set(row).count == 5)
      #expect(row.allSatisfy { $0 >= 0 && $0 < 9 })
    }
    #expect(m == PermutationMatrix.conditional(observations: 10, columns: 5, permutations: 200, seed: 3))
    #expect(m != PermutationMatrix.conditional(observations: 10, columns: 5, permutations: 200, seed: 4))
    // Every index is drawn about equally often: 200 · 5 / 9 ≈ 111 each.
    var counts = [Int](repeating: 0, count: 9)
    for r in 0..<m.rows { for v in m.row(r) { counts[v] += 1 } }
    #expect(counts.allSatisfy { $0 > 70 && $0 < 160 })
  }

  @Test("A full matrix holds permutations, row by row")
  func fullMatrix() throws {
    let m = PermutationMatrix.full(observations: 6, permutations: 20, seed: 1)
    for r in 0..<20 { #expect(m.row(r).sorted() == Array(0..<6)) }
    let rows = [[2, 0, 1], [0, 1, 2]]
    let injected = try PermutationMatrix(rows)
    #expect(injected.row(0) == [2, 0, 1] && injected[1, 2] == 2)
  }

  @Test(
    "Injected matrices that do not fit are rejected",
    arguments: [
      [[0, 1], [2, 3]],  // 2 columns, but the centre of a 3 × 3 rook lattice has 4 neighbours
      [[0, 1, 2, 2], [0, 1, 2, 3]],  // a repeated index
      [[0, 1, 2, 8], [0, 1, 2, 3]],  // 8 is not below n − 1 = 8
    ])
  func badMatrices(_ rows: [[Int]]) throws {
    let matrix = try PermutationMatrix(rows)
    do {
      _ = try LocalSpatialStatistics.moran(
        values: HandLattice.y, weights: HandLattice.weights, inference: PermutationInference(matrix: matrix))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .badPermutationMatrix)
      #expect(error.diagnostics.first?.code.rawValue == "stats.bad-permutation-matrix")
    }
  }

  @Test("Malformed matrices are rejected when built")
  func malformed() {
    #expect(throws: SpatialStatisticsError.self) { try PermutationMatrix([[0, 1], [2]]) }
    #expect(throws: SpatialStatisticsError.self) { try PermutationMatrix([[0, -1]]) }
    #expect(throws: SpatialStatisticsError.self) { try PermutationMatrix(rows: 2, columns: 2, indices: [0, 1, 2]) }
  }

  @Test(
    "Bad inputs and options throw the matching code",
    arguments: [
      ("length", SpatialStatisticsError.Code.lengthMismatch),
      ("nan", .nonFiniteValue),
      ("constant", .constantValues),
      ("negative-permutations", .badOption),
      ("zero-threads", .badOption),
      ("alpha", .badOption),
      ("negative-g", .negativeValue),
    ])
  func errors(_ name: String, _ code: SpatialStatisticsError.Code) {
    let w = HandLattice.weights
    var y = HandLattice.y
    var inference = PermutationInference(permutations: 9, seed: 1)
    var alpha = 0.05
    var getis = false
    switch name {
    case "length": y.removeLast()
    case "nan": y[3] = .nan
    case "constant": y = Array(repeating: 2, count: 9)
    case "negative-permutations": inference.permutations = -1
    case "zero-threads": inference.threads = 0
    case "alpha": alpha = 1.5
    default:
      y[2] = -1
      getis = true
    }
    do {
      if getis {
        _ = try LocalSpatialStatistics.getisOrd(values: y, weights: w, inference: inference, alpha: alpha)
      } else {
        _ = try LocalSpatialStatistics.moran(values: y, weights: w, inference: inference, alpha: alpha)
      }
      Issue.record("expected an error")
    } catch {
      #expect(error.code == code)
      #expect(!error.message.isEmpty)
      if name == "nan" || name == "negative-g" { #expect(error.area != nil) }
    }
  }

  @Test("Weights transformations: row-standardised, binary, as given")
  func transformations() throws {
    let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], []], weights: [[2], [1, 3], []])
    #expect(w.rowStandardised().weightValues == [1, 0.25, 0.75])
    #expect(w.binary().weightValues == [1, 1, 1])
    #expect(WeightsTransformation.asGiven.apply(to: w) == w)
    #expect(WeightsTransformation(rawValue: "r") == .rowStandardised)
    let b = try SpatialWeights(ids: ["a", "b"], neighbours: [[1], [0]])
    #expect(b.weightValues == [1, 1])
    #expect(throws: DataError.self) { try SpatialWeights(ids: ["a", "b"], neighbours: [[1], [1]]) }
  }

  @Test("Quadrant codes in PySAL and GeoDa order")
  func quadrants() {
    #expect(Quadrant.allCases.map(\.rawValue) == [1, 2, 3, 4])
    #expect(Quadrant.allCases.map(\.code) == ["HH", "LH", "LL", "HL"])
    #expect(Quadrant.allCases.map(\.geoDaCode) == [1, 3, 2, 4])
    #expect(Quadrant(value: 0, lag: 1) == .lowHigh)
    #expect(SpatialClusterLabel(quadrant: .lowLow, significant: true).rawValue == "LL")
  }
}
