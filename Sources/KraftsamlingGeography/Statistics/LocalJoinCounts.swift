import KraftsamlingCore
import KraftsamlingIndex

/// Local join counts of a binary variable (esda `Join_Counts_Local`): for
/// every selected area, how many of its neighbours are selected too, with
/// a conditional-permutation test.
///
/// With *yᵢ ∈ {0, 1}* and binary weights (esda's transformation; a link
/// from an area to itself is ignored, as esda zeroes the diagonal):
///
///     LJCᵢ = yᵢ · Σⱼ wᵢⱼ yⱼ
///
/// so an unselected area has 0 and no p-value (esda's `p_sim` is NaN where
/// `LJC = 0`, and so is ours `nil`). The test holds *yᵢ* fixed and draws
/// the *kᵢ* neighbour values from the *n − 1* other areas without
/// replacement (the shared conditional ``PermutationMatrix``, as Local
/// Moran); the pseudo p-value follows the alternative (esda's
/// `"directed"` by default).
///
/// ```swift
/// // A path a – b – c – d with a, b, d selected.
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let ljc = try LocalJoinCounts(values: [1, 1, 0, 1], weights: w, inference: .init(permutations: 99, seed: 1))
/// ljc.statistics   // [1, 1, 0, 0]: a and b are each other's selected neighbour
/// ljc.pValues[2]   // nil: c is not selected
/// ```
public struct LocalJoinCounts: Sendable, Hashable, Codable {
  /// The area codes, in the order of the weights' ids.
  package let ids: [String]
  /// LJCᵢ, the number of selected neighbours of each selected area (esda `LJC`).
  public let statistics: [Double]
  /// The pseudo p-values (esda `p_sim`); `nil` where LJCᵢ = 0, for islands
  /// and without permutations.
  public let pValues: [Double?]
  /// The mean of each area's simulated LJC.
  package let simulatedMeans: [Double?]
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Computes the local join counts and their pseudo p-values.
  ///
  /// - Parameters:
  ///   - values: 0 or 1 per area, in the order of `weights.ids` (1: selected).
  ///   - weights: The spatial weights; every link to another area counts 1.
  ///   - inference: Permutations, seed or an injected conditional matrix,
  ///     alternative (default `.directed`, as esda), threads.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights or are not 0/1, there are fewer than 3 areas, an option is
  ///   out of range or an injected matrix does not fit.
  /// - Complexity: O(*n* + *m*) for the counts, O(*n*² + *P* · *m*) for the
  ///   permutations, divided over the threads.
  public init(
    values: [Double], weights: SpatialWeights, inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    try validateBinary(values, for: weights)
    try inference.validate()
    guard values.count >= 3 else {
      throw SpatialStatisticsError(.tooFewAreas, "local join counts need at least 3 areas, got \(values.count)")
    }
    var split = SplitWeights(weights.binary())
    for i in split.selfWeights.indices { split.selfWeights[i] = 0 }
    let lag = split.lag(values)
    let statistics = (0..<values.count).map { values[$0] * lag[$0] }
    let sim = try runConditionalSites(
      x: values, split: split, observed: statistics, statistic: LocalJoinCountStatistic(y: values), inference: inference)
    self.ids = weights.ids
    self.statistics = statistics
    self.pValues = (0..<values.count).map { statistics[$0] == 0 ? nil : sim.pValue[$0] }
    self.simulatedMeans = sim.mean
    self.permutations = sim.permutations
    self.seed = sim.seed
  }
}

/// `yᵢ · Σ_c w_c y_c`: the simulated local join count.
struct LocalJoinCountStatistic: NeighbourSumStatistic {
  let y: [Double]
  @inline(__always) func term(_ i: Int, _ neighbourValue: Double) -> Double { neighbourValue }
  @inline(__always) func finish(_ i: Int, _ weightedSum: Double) -> Double { y[i] * weightedSum }
}
