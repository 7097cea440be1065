import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite("Join counts, global and local")
struct JoinCountsTests {
  /// The path a – b – c – d.
  static func path() throws -> SpatialWeights {
    try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
  }

  /// y = 1 1 0 0: a–b is BB, b–c BW, c–d WW. The second injected permutation
  /// (0 2 1 3) gives 1 0 1 0: three BW joins and no BB, so BB ≥ 1 in one of two
  /// simulations, p = (1 + 1)/3, and BW ≥ 1 in both, p = 3/3.
  @Test("Hand-counted joins on a path and the upper-tail p-values")
  func handCase() throws {
    let matrix = try PermutationMatrix([[0, 1, 2, 3], [0, 2, 1, 3]])
    let jc = try JoinCounts(values: [1, 1, 0, 0], weights: Self.path(), inference: PermutationInference(matrix: matrix))
    #expect(jc.blackBlack == 1)
    #expect(jc.whiteWhite == 1)
    #expect(jc.blackWhite == 1)
    #expect(jc.joins == 3)
    #expect(jc.pValueBlackBlack == 2.0 / 3)
    #expect(jc.pValueBlackWhite == 1)
    #expect(jc.pValuePositive == 2.0 / 3)
    #expect(jc.simulatedBlackWhite == SimulatedRange([1, 3]))
    #expect(jc.permutations == 2 && jc.seed == nil)
    // Table [[WW, WB], [BW, BB]] = [[1, ½], [½, 1]]: every expected cell is ¾ and every
    // observed one ¼ from it, which Yates's correction removes: χ² = 0, p = 1.
    #expect(jc.chiSquare == 0 && jc.pChiSquare == 1)
  }

  /// y = 1 1 0 1: LJC = 1 1 0 0. Site a (one neighbour) draws from the others
  /// (1 0 1): 1, 0, 1 — two of three ≥ 1, the lower tail is smaller: p = (1 + 1)/4.
  /// Site b (neighbours a, c) draws pairs from (1 0 1): 1, 1, 2 — none below 1: p = 1/4.
  @Test("Hand-computed local join counts with an injected conditional matrix")
  func localHandCase() throws {
    let matrix = try PermutationMatrix([[0, 1], [1, 2], [2, 0]])
    let ljc = try LocalJoinCounts(values: [1, 1, 0, 1], weights: Self.path(), inference: PermutationInference(matrix: matrix))
    #expect(ljc.statistics == [1, 1, 0, 0])
    #expect(ljc.pValues == [0.5, 0.25, nil, nil])
    #expect(ljc.simulatedMeans[0] == 2.0 / 3)
    #expect(ljc.simulatedMeans[1] == 4.0 / 3)
  }

  @Test("Values other than 0 and 1 are refused")
  func notBinary() throws {
    #expect(throws: SpatialStatisticsError.self) { try JoinCounts(values: [1, 2, 0, 0], weights: Self.path()) }
    #expect(throws: SpatialStatisticsError.self) { try LocalJoinCounts(values: [1, 0.5, 0, 0], weights: Self.path()) }
  }

  @Test("Join counts match esda Join_Counts", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaGlobal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.join_counts
    let jc = try JoinCounts(values: c.binary, weights: c.weights(), inference: PermutationInference(matrix: c.fullMatrix(), threads: 2))
    #expect(jc.blackBlack == ref.bb && jc.whiteWhite == ref.ww && jc.blackWhite == ref.bw && jc.joins == ref.J)
    // The same permutations as esda: the same simulated counts, so exactly esda's p-values.
    #expect(jc.pValueBlackBlack == ref.p_sim_bb)
    #expect(jc.pValueBlackWhite == ref.p_sim_bw)
    #expect(jc.pValuePositive == ref.p_sim_autocorr_pos)
    #expect(close(jc.chiSquare, ref.chi2, 1e-12))
    #expect(close(jc.pChiSquare, ref.chi2_p, 1e-10))
    #expect(jc.pValueChiSquare == ref.p_sim_chi2)
    let bb = try #require(jc.simulatedBlackBlack)
    let bw = try #require(jc.simulatedBlackWhite)
    #expect(abs(bb.mean - ref.mean_bb) <= 1e-9 && abs(bw.mean - ref.mean_bw) <= 1e-9)
    #expect(abs(bb.standardDeviation - ref.sd_bb) <= 1e-9 && abs(bw.standardDeviation - ref.sd_bw) <= 1e-9)
    #expect(bb.minimum == ref.min_bb && bb.maximum == ref.max_bb && bw.minimum == ref.min_bw && bw.maximum == ref.max_bw)
    // Our own seeded draws: within sampling error.
    let seeded = try JoinCounts(values: c.binary, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 11))
    #expect(withinSamplingError(seeded.pValueBlackBlack, ref.p_sim_bb, permutations: 999))
    #expect(withinSamplingError(seeded.pValueBlackWhite, ref.p_sim_bw, permutations: 999))
  }

  @Test("Local join counts match esda Join_Counts_Local", arguments: try EsdaStatisticsFixture.caseNames())
  func esdaLocal(_ name: String) throws {
    let c = try EsdaStatisticsFixture.fixture(name)
    let ref = c.local_join_counts
    let ljc = try LocalJoinCounts(
      values: c.binary, weights: c.weights(), inference: PermutationInference(matrix: c.crandMatrix(), threads: 2))
    #expect(ljc.statistics == ref.LJC)
    for i in c.ids.indices {
      #expect(sameDraws(ljc.pValues[i], ref.p_sim[i], ties: 0, permutations: c.permutations), "p_sim at \(i)")
      if ref.LJC![i] > 0 { #expect(abs(ljc.simulatedMeans[i]! - ref.EI_sim![i]!) <= 1e-9, "mean at \(i)") }
    }
    let seeded = try LocalJoinCounts(values: c.binary, weights: c.weights(), inference: PermutationInference(permutations: 999, seed: 5))
    for i in c.ids.indices {
      #expect(withinSamplingError(seeded.pValues[i], ref.p_sim[i], permutations: 999), "seeded p_sim at \(i)")
    }
  }

  @Test("Seeded results are reproducible and the same on 1 and 4 threads")
  func threadsAndSeeds() throws {
    let w = SyntheticSpatialData.lattice(rows: 6, columns: 7)
    let y = (0..<42).map { Double(($0 * 7 + $0 / 5) % 3 == 0 ? 1 : 0) }
    func global(_ threads: Int, _ seed: UInt64) throws -> JoinCounts {
      try JoinCounts(values: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    func local(_ threads: Int, _ seed: UInt64) throws -> LocalJoinCounts {
      try LocalJoinCounts(values: y, weights: w, inference: PermutationInference(permutations: 499, seed: seed, threads: threads))
    }
    #expect(try global(1, 3) == global(4, 3))
    #expect(try global(2, 3) == global(2, 3))
    #expect(try global(1, 3).simulatedBlackBlack != global(1, 4).simulatedBlackBlack)
    #expect(try local(1, 3) == local(4, 3))
    #expect(try local(1, 3).seed == 3)
  }
}
