import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// The join-count, Geary, bivariate and rate statistics esda computed on
/// data no other test uses (see `Fixtures/esda/README.md`), decoded.
struct EsdaStatisticsFixture: Decodable {
  struct JoinCountsReference: Decodable {
    var bb, ww, bw, J, p_sim_bb, p_sim_bw, p_sim_autocorr_pos, chi2, chi2_p, p_sim_chi2: Double
    var mean_bb, mean_bw, sd_bb, sd_bw, min_bb, max_bb, min_bw, max_bw: Double
  }
  struct LocalReference: Decodable {
    var LJC: [Double]?
    var localG: [Double]?
    var Is: [Double]?
    var q: [Int]?
    var p_sim: [Double?]
    var EI_sim: [Double?]?
    var seI_sim: [Double?]?
    var near_ties: [Int]
  }
  struct GearyReference: Decodable {
    var C, EC, VC_norm, VC_rand, z_norm, z_rand, p_norm, p_rand: Double
    var p_sim, EC_sim, seC_sim, z_sim, p_z_sim: Double
  }
  struct BivariateReference: Decodable {
    var I, p_sim, EI_sim, seI_sim, z_sim, p_z_sim: Double
  }
  struct RateReference: Decodable {
    var I, EI, VI_norm, VI_rand, z_rand, p_rand, p_sim, EI_sim, seI_sim: Double
  }
  struct Case: Decodable {
    var name: String
    var ids: [String]
    var neighbours: [[Int]]
    var binary, x, y, events, population, rates: [Double]
    var permutations: Int
    var seed: UInt64
    var full_matrix: [[Int]]
    var crand_matrix: [[Int]]
    var seeded_matrix: [[Int]]
    var join_counts: JoinCountsReference
    var local_join_counts: LocalReference
    var geary: GearyReference
    var local_geary: LocalReference
    var moran_bv: BivariateReference
    var moran_local_bv: LocalReference
    var moran_rate: RateReference
    var moran_local_rate: LocalReference

    func weights() throws -> SpatialWeights { try SpatialWeights(ids: ids, neighbours: neighbours) }
    /// The full permutations esda drew for its global statistics.
    func fullMatrix() throws -> PermutationMatrix { try PermutationMatrix(full_matrix) }
    /// The conditional matrix `crand` drew for `Join_Counts_Local` and `Geary_Local`.
    func crandMatrix() throws -> PermutationMatrix { try PermutationMatrix(crand_matrix) }
    /// The conditional matrix of `Moran_Local_BV` and `Moran_Local_Rate` (seeded).
    func seededMatrix() throws -> PermutationMatrix { try PermutationMatrix(seeded_matrix) }
  }
  var cases: [Case]

  /// `Fixtures/esda/statistics.json`, read once (an error is kept, so each
  /// test that needs the file fails with it).
  static let shared: Result<EsdaStatisticsFixture, any Error> = Result {
    try JSONDecoder().decode(EsdaStatisticsFixture.self, from: Fixtures.contents(ofFile: Fixtures.path("esda/statistics.json")))
  }

  static func caseNames() throws -> [String] { try shared.get().cases.map(\.name) }
  static func fixture(_ name: String) throws -> Case {
    try #require(try shared.get().cases.first { $0.name == name }, "no esda statistics fixture case \(name)")
  }
}

/// Whether a pseudo p-value from other random draws than esda's is within
/// sampling error of esda's: `|p − p_ref| ≤ 4·√(2·p_ref(1 − p_ref)/P) + 0.01`.
/// Both are Monte Carlo estimates of the same p, so their difference has
/// twice the variance of one (with one estimate's bound, about one in a
/// thousand local comparisons would fail by chance).
func withinSamplingError(_ p: Double?, _ reference: Double?, permutations: Int) -> Bool {
  guard let p, let reference else { return p == nil && reference == nil }
  return abs(p - reference) <= 4 * (2 * reference * (1 - reference) / Double(permutations)).squareRoot() + 0.01
}

/// Whether a p-value with the same permutations as esda's matches it up to
/// one count per near-tie (esda stores local p-values as float32).
func sameDraws(_ p: Double?, _ reference: Double?, ties: Int, permutations: Int) -> Bool {
  guard let p, let reference else { return p == nil && reference == nil }
  return abs(p - reference) <= Double(ties) / Double(permutations + 1) + 1e-6
}
