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

/// The numbers esda computed (see `Fixtures/esda/README.md`), decoded.
struct EsdaFixture: Decodable {
  struct Local: Decodable {
    var Is: [Double]?
    var q: [Int]?
    var EI: [Double]?
    var VI: [Double]?
    var EIc: [Double]?
    var VIc: [Double]?
    var p_two_sided: [Double]?
    var p_folded: [Double]?
    var Gs: [Double]?
    var EGs: [Double]?
    var VGs: [Double]?
    var Zs: [Double]?
    var p_sim: [Double]
    var EI_sim: [Double]
    var seI_sim: [Double]
    var z_sim: [Double]
    var near_ties: [Int]
    var permutations: Int
    var seed: Int
  }
  struct Global: Decodable {
    var I, EI, VI_norm, VI_rand, z_norm, z_rand, p_norm, p_rand: Double
    var EI_sim, seI_sim, z_sim, p_sim, p_z_sim, s0, s1, s2: Double
    var permutations, seed: Int
    var matrix: [[Int]]
  }
  struct FDR: Decodable {
    var alpha: Double
    var threshold: Double
  }
  struct Case: Decodable {
    var name: String
    var ids: [String]
    var neighbours: [[Int]]
    var y: [Double]
    var local_moran: Local
    var g: Local
    var g_star: Local
    var g_binary: Local
    var g_star_binary: Local
    var moran: Global
    var fdr: [FDR]
    var local_matrix: [[Int]]

    func weights() throws -> SpatialWeights { try SpatialWeights(ids: ids, neighbours: neighbours) }
    func matrix() throws -> PermutationMatrix { try PermutationMatrix(local_matrix) }
  }
  var cases: [Case]

  /// `Fixtures/esda/lattices.json`, read once. A missing or malformed file
  /// is kept as the error, so every test that needs it fails with it (and the
  /// rest of the test process carries on).
  static let shared: Result<EsdaFixture, any Error> = Result {
    try JSONDecoder().decode(EsdaFixture.self, from: Fixtures.contents(ofFile: Fixtures.path("esda/lattices.json")))
  }
}

/// `|a − b| ≤ tolerance · max(1, |b|)`.
func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-10) -> Bool {
  guard let a, let b else { return a == nil && b == nil }
  return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite("esda fixtures")
struct EsdaFixtureTests {
  static func caseNames() throws -> [String] { try EsdaFixture.shared.get().cases.map(\.name) }
  static func fixture(_ name: String) throws -> EsdaFixture.Case {
    try #require(try EsdaFixture.shared.get().cases.first { $0.name == name }, "no esda fixture case \(name)")
  }

  /// p-values may differ where a simulated value ties with the observed one
  /// up to rounding (esda's and our sums round differently): by at most one
  /// count per tie. esda's G p-values are stored as float32.
  func pClose(_ ours: Double?, _ theirs: Double, ties: Int, permutations: Int) -> Bool {
    guard let ours else { return false }
    return abs(ours - theirs) <= Double(ties) / Double(permutations + 1) + 1e-6
  }

  @Test("Local Moran matches esda Moran_Local statistic for statistic", arguments: try caseNames())
  func localMoran(_ name: String) throws {
    let c = try Self.fixture(name)
    let ref = c.local_moran
    let lisa = try LocalSpatialStatistics.moran(
      values: c.y, weights: c.weights(), inference: PermutationInference(matrix: try c.matrix(), threads: 2))
    #expect(lisa.permutations == ref.permutations)
    for (i, a) in lisa.areas.enumerated() {
      #expect(close(a.statistic, ref.Is![i]), "I at \(i)")
      #expect(a.quadrant?.rawValue == ref.q![i], "q at \(i)")
      #expect(close(a.expected, ref.EI![i]), "EI at \(i)")
      #expect(close(a.variance, ref.VI![i]), "VI at \(i)")
      #expect(close(a.conditionalExpected, ref.EIc![i]), "EIc at \(i)")
      #expect(close(a.conditionalVariance, ref.VIc![i]), "VIc at \(i)")
      #expect(close(a.simulatedMean, ref.EI_sim[i]), "EI_sim at \(i)")
      #expect(close(a.simulatedStandardDeviation, ref.seI_sim[i]), "seI_sim at \(i)")
      #expect(close(a.simulatedZScore, ref.z_sim[i], 1e-8), "z_sim at \(i)")
      #expect(pClose(a.pValue, ref.p_sim[i], ties: ref.near_ties[i], permutations: ref.permutations), "p_sim at \(i)")
    }
  }

  @Test("The two-sided and folded alternatives match esda.significance on the Local Moran simulations", arguments: try caseNames())
  func alternatives(_ name: String) throws {
    let c = try Self.fixture(name)
    let ref = c.local_moran
    let two = try LocalSpatialStatistics.moran(
      values: c.y, weights: c.weights(), inference: PermutationInference(matrix: try c.matrix(), alternative: .twoSided))
    let folded = try LocalSpatialStatistics.moran(
      values: c.y, weights: c.weights(), inference: PermutationInference(matrix: try c.matrix(), alternative: .folded))
    #expect(two.alternative == "two-sided" && folded.alternative == "folded")
    var compared = 0
    for i in c.ids.indices {
      #expect(pClose(folded.areas[i].pValue, ref.p_folded![i], ties: ref.near_ties[i], permutations: ref.permutations), "folded at \(i)")
      // A near-tie moves the observed value's percentile, and with it both interpolated
      // bounds, across runs of repeated simulated values: compare only tie-free areas.
      if ref.near_ties[i] == 0 {
        #expect(two.areas[i].pValue == ref.p_two_sided![i], "two-sided at \(i)")
        compared += 1
      }
    }
    // On 3 × 3 every area has ties (the same neighbour sets recur); on 10 × 10 almost none.
    if name == "lattice10x10" { #expect(compared >= 97) }
  }

  @Test(
    "Getis–Ord matches esda G_Local (row-standardised and binary, G and G*)",
    arguments: try caseNames(), [(false, WeightsTransformation.rowStandardised), (true, .rowStandardised), (false, .binary), (true, .binary)])
  func getisOrd(_ name: String, _ variant: (star: Bool, transformation: WeightsTransformation)) throws {
    let c = try Self.fixture(name)
    let ref: EsdaFixture.Local =
      switch (variant.star, variant.transformation) {
      case (false, .binary): c.g_binary
      case (true, .binary): c.g_star_binary
      case (true, _): c.g_star
      default: c.g
      }
    let g = try LocalSpatialStatistics.getisOrd(
      values: c.y, weights: c.weights(), star: variant.star, transformation: variant.transformation,
      inference: PermutationInference(matrix: try c.matrix(), threads: 2))
    #expect(g.kind == (variant.star ? .getisOrdStar : .getisOrd))
    for (i, a) in g.areas.enumerated() {
      #expect(close(a.statistic, ref.Gs![i]), "G at \(i)")
      #expect(close(a.expected, ref.EGs![i]), "EG at \(i)")
      #expect(close(a.variance, ref.VGs![i]), "VG at \(i)")
      #expect(close(a.zScore, ref.Zs![i], 1e-9), "Z at \(i)")
      #expect(close(a.simulatedMean, ref.EI_sim[i]), "EG_sim at \(i)")
      #expect(close(a.simulatedStandardDeviation, ref.seI_sim[i]), "seG_sim at \(i)")
      #expect(pClose(a.pValue, ref.p_sim[i], ties: ref.near_ties[i], permutations: ref.permutations), "p_sim at \(i)")
    }
  }

  @Test("Global Moran matches esda Moran with the recorded permutations", arguments: try caseNames())
  func globalMoran(_ name: String) throws {
    let c = try Self.fixture(name)
    let ref = c.moran
    let m = try GlobalMoran(
      values: c.y, weights: c.weights(), inference: PermutationInference(matrix: try PermutationMatrix(ref.matrix), threads: 2))
    let split = SplitWeights(try c.weights().rowStandardised())
    let moments = split.moments
    #expect(close(moments.s0, ref.s0))
    #expect(close(moments.s1, ref.s1))
    #expect(close(moments.s2, ref.s2))
    #expect(close(m.statistic, ref.I))
    #expect(close(m.expected, ref.EI))
    #expect(close(m.varianceNormality, ref.VI_norm))
    #expect(close(m.varianceRandomisation, ref.VI_rand))
    #expect(close(m.zNormality, ref.z_norm))
    #expect(close(m.zRandomisation, ref.z_rand))
    #expect(close(m.pNormality, ref.p_norm, 1e-9))
    #expect(close(m.pRandomisation, ref.p_rand, 1e-9))
    #expect(close(m.simulatedMean, ref.EI_sim))
    #expect(close(m.simulatedStandardDeviation, ref.seI_sim))
    #expect(close(m.simulatedZScore, ref.z_sim, 1e-8))
    #expect(close(m.pSimulatedZ, ref.p_z_sim, 1e-8))
    #expect(m.pValue == ref.p_sim)
    #expect(m.permutations == ref.permutations)
  }

  @Test("The FDR threshold matches esda.fdr on the Local Moran p-values", arguments: try caseNames())
  func fdr(_ name: String) throws {
    let c = try Self.fixture(name)
    for f in c.fdr {
      #expect(close(FalseDiscoveryRate.threshold(c.local_moran.p_sim, alpha: f.alpha), f.threshold, 1e-15))
    }
  }
}
