#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

/// Join counts of a binary variable (esda `Join_Counts`): how many links
/// join two selected areas (black–black, BB), two unselected ones
/// (white–white, WW) or one of each (BW), with a permutation test.
///
/// With *yᵢ ∈ {0, 1}* and binary weights (every link weighs 1, as esda
/// transforms them), each undirected link is counted once — the sums over
/// both directions halved:
///
///     BB = ½ Σᵢⱼ wᵢⱼ yᵢ yⱼ,   WW = ½ Σᵢⱼ wᵢⱼ (1 − yᵢ)(1 − yⱼ),   BW = ½ Σᵢⱼ wᵢⱼ [yᵢ ≠ yⱼ]
///
/// and *J = S₀/2 = BB + WW + BW*. Many BB joins mean the selected areas
/// cluster; many BW joins mean they alternate.
///
/// The permutation test permutes all values (total randomisation, as
/// ``GlobalMoran``) and, as esda does for join counts, counts the upper
/// tail whatever the alternative: `p = (#{sim ≥ observed} + 1)/(P + 1)`,
/// for BB, for BW and for the positive-autocorrelation count BB + WW.
///
/// ```swift
/// // A path a – b – c – d with a, b selected: one BB, one BW, one WW join.
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let jc = try JoinCounts(values: [1, 1, 0, 0], weights: w, inference: .init(permutations: 99, seed: 1))
/// jc.blackBlack   // 1
/// jc.blackWhite   // 1
/// jc.joins        // 3
/// ```
public struct JoinCounts: Sendable, Hashable, Codable {
  /// BB, the number of joins between two areas with value 1 (esda `bb`).
  public let blackBlack: Double
  /// WW, the number of joins between two areas with value 0 (esda `ww`).
  public let whiteWhite: Double
  /// BW, the number of joins between a 1 and a 0 (esda `bw`).
  public let blackWhite: Double
  /// *J*, the number of joins, *S₀/2* of the binary weights (esda `J`).
  public let joins: Double
  /// The upper-tail pseudo p-value of BB (esda `p_sim_bb`); `nil` without permutations.
  public let pValueBlackBlack: Double?
  /// The upper-tail pseudo p-value of BW (esda `p_sim_bw`); `nil` without permutations.
  public let pValueBlackWhite: Double?
  /// The upper-tail pseudo p-value of BB + WW (esda `p_sim_autocorr_pos`).
  package let pValuePositive: Double?
  /// The mean, population standard deviation, minimum and maximum of the
  /// simulated BB (esda `mean_bb`, `min_bb`, `max_bb`).
  package let simulatedBlackBlack: SimulatedRange?
  /// The same for BW (esda `mean_bw`, `min_bw`, `max_bw`).
  package let simulatedBlackWhite: SimulatedRange?
  /// Pearson's χ² of the join table `[[WW, WB], [BW, BB]]` with Yates's
  /// correction (esda `chi2`); `nil` when an expected cell is 0.
  package let chiSquare: Double?
  /// Its analytical p-value, one degree of freedom (esda `chi2_p`).
  package let pChiSquare: Double?
  /// The upper-tail pseudo p-value of χ² (esda `p_sim_chi2`); simulations
  /// whose table has an empty expected cell count as not exceeding it.
  package let pValueChiSquare: Double?
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Counts the joins and tests them by permutation.
  ///
  /// - Parameters:
  ///   - values: 0 or 1 per area, in the order of `weights.ids` (1: selected, "black").
  ///   - weights: The spatial weights; every link counts 1 (esda's binary transformation).
  ///   - inference: Permutations and seed, or an injected full matrix
  ///     (rows are permutations of `0..<n`); threads. The alternative is
  ///     not used: join counts are tested on the upper tail, as esda.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights or are not 0/1, the weights have no links, an option is out
  ///   of range or an injected matrix is not a set of full permutations.
  /// - Complexity: O(*n* + *m*) for the counts, O(*P* · (*n* + *m*)) for
  ///   the permutations (*m* links), divided over the threads.
  public init(
    values: [Double], weights: SpatialWeights, inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    try validateBinary(values, for: weights)
    try inference.validate()
    let links = JoinLinks(weights)
    guard !links.focal.isEmpty else {
      throw SpatialStatisticsError(.noLinks, "the weights have no links, so there are no joins to count; check the contiguity rule")
    }
    let observed = links.count(values)
    blackBlack = observed.bb
    whiteWhite = observed.ww
    blackWhite = observed.bw
    joins = Double(links.focal.count) / 2
    let simulation = try FullPermutationSimulation(
      values: values, inference: inference, placeholder: JoinLinks.Counts(bb: 0, ww: 0)
    ) { links.count($0) }
    let sims = simulation.simulated
    permutations = sims.count
    seed = simulation.seed
    let bb = sims.map(\.bb)
    let bw = sims.map(\.bw)
    let positive = sims.map { $0.bb + $0.ww }
    pValueBlackBlack = sims.isEmpty ? nil : upperTailPValue(bb, observed: observed.bb)
    pValueBlackWhite = sims.isEmpty ? nil : upperTailPValue(bw, observed: observed.bw)
    pValuePositive = sims.isEmpty ? nil : upperTailPValue(positive, observed: observed.bb + observed.ww)
    let chi = observed.chiSquare
    chiSquare = chi
    pChiSquare = chi.map { erfc(($0 / 2).squareRoot()) }
    pValueChiSquare = sims.isEmpty ? nil : chi.map { c in upperTailPValue(sims.map { $0.chiSquare ?? -.infinity }, observed: c) }
    simulatedBlackBlack = SimulatedRange(bb)
    simulatedBlackWhite = SimulatedRange(bw)
  }
}

/// The mean, population standard deviation, minimum and maximum of
/// simulated values.
package struct SimulatedRange: Sendable, Hashable, Codable {
  package var mean: Double
  package var standardDeviation: Double
  package var minimum: Double
  package var maximum: Double

  /// `nil` for no values.
  init?(_ values: [Double]) {
    guard let first = values.first else { return nil }
    var total = 0.0
    var lo = first
    var hi = first
    for v in values {
      total += v
      lo = min(lo, v)
      hi = max(hi, v)
    }
    mean = total / Double(values.count)
    var ss = 0.0
    for v in values { ss += (v - mean) * (v - mean) }
    standardDeviation = (ss / Double(values.count)).squareRoot()
    minimum = lo
    maximum = hi
  }
}

/// The directed links of binary weights as esda's adjacency list: every
/// link with a non-zero weight, in both directions (a self-link once).
struct JoinLinks: Sendable {
  var focal: [Int] = []
  var neighbour: [Int] = []

  /// BB, WW and BW of one vector, BW split by the colour of the focal area.
  struct Counts: Sendable {
    var bb: Double
    var ww: Double
    /// Links from a black area to a white one, halved (esda's table `bw`).
    var blackToWhite: Double = 0
    /// Links from a white area to a black one, halved (esda's table `wb`).
    var whiteToBlack: Double = 0
    var bw: Double { blackToWhite + whiteToBlack }

    /// Pearson's χ² of the table `[[WW, WB], [BW, BB]]` with Yates's
    /// correction (scipy `chi2_contingency`, one degree of freedom); `nil`
    /// when an expected cell is 0 (scipy raises).
    var chiSquare: Double? {
      let observed = [ww, whiteToBlack, blackToWhite, bb]
      let rows = [observed[0] + observed[1], observed[2] + observed[3]]
      let columns = [observed[0] + observed[2], observed[1] + observed[3]]
      let total = rows[0] + rows[1]
      var chi = 0.0
      for cell in 0..<4 {
        let expected = rows[cell / 2] * columns[cell % 2] / total
        guard expected > 0 else { return nil }
        let gap = expected - observed[cell]
        let corrected = observed[cell] + (gap > 0 ? 1 : gap < 0 ? -1 : 0) * min(0.5, abs(gap))
        chi += (corrected - expected) * (corrected - expected) / expected
      }
      return chi
    }
  }

  init(_ weights: SpatialWeights) {
    for i in 0..<weights.count {
      for k in weights.offsets[i]..<weights.offsets[i + 1] where weights.weightValues[k] != 0 {
        focal.append(i)
        neighbour.append(weights.neighbourIndices[k])
      }
    }
  }

  /// The join counts of `y` (0/1 values): each directed link adds ½.
  func count(_ y: [Double]) -> Counts {
    var bb = 0
    var ww = 0
    var bw = 0
    var wb = 0
    for k in focal.indices {
      let a = y[focal[k]]
      let b = y[neighbour[k]]
      if a != b {
        if a == 1 { bw += 1 } else { wb += 1 }
      } else if a == 1 {
        bb += 1
      } else {
        ww += 1
      }
    }
    return Counts(bb: Double(bb) / 2, ww: Double(ww) / 2, blackToWhite: Double(bw) / 2, whiteToBlack: Double(wb) / 2)
  }
}

extension StageError.Code where Domain == SpatialStatisticsDomain {
  /// A join-count statistic got a value other than 0 or 1.
  package static let notBinary = Self(rawValue: "stats.not-binary")
}

/// Checks that `values` fit `weights` and are all 0 or 1.
func validateBinary(_ values: [Double], for weights: SpatialWeights) throws(SpatialStatisticsError) {
  try validateValues(values, for: weights)
  for (i, v) in values.enumerated() where v != 0 && v != 1 {
    throw SpatialStatisticsError(
      .notBinary, "the value is \(v), but join counts need 0 or 1 per area (1: selected); recode the variable first",
      area: weights.ids[i])
  }
}
