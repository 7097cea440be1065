import KraftsamlingCore
import KraftsamlingIndex

/// Local Geary *cᵢ* (Anselin 2019; esda `Geary_Local`): how much each area
/// differs from its neighbours, with a conditional-permutation test. Small
/// values mark areas like their neighbours (a cluster), large ones areas
/// unlike them (an outlier).
///
/// With *z = (y − ȳ)/σ* (population σ) and the transformed weights *W*
/// (row-standardised by default, as esda):
///
///     cᵢ = Σⱼ wᵢⱼ (zᵢ − zⱼ)²
///
/// The test holds *zᵢ* fixed and draws the *kᵢ* neighbour values from the
/// *n − 1* other areas without replacement (the shared conditional
/// ``PermutationMatrix``, as Local Moran); the simulated statistic is
/// *Σ_c wᵢ_c (zᵢ − z_π(c))²* and the pseudo p-value follows the
/// alternative (esda's `"directed"` by default).
///
/// ```swift
/// // A path a – b – c – d with values 1 2 3 10.
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let g = try LocalGeary(values: [1, 2, 3, 10], weights: w, inference: .init(permutations: 99, seed: 1))
/// g.statistics[3] > g.statistics[0]   // true: d differs most from its neighbour
/// ```
public struct LocalGeary: Sendable, Hashable, Codable {
  /// The area codes, in the order of the weights' ids.
  package let ids: [String]
  /// The weights transformation applied before computing.
  package let transformation: WeightsTransformation
  /// *cᵢ* for every area (esda `localG`); 0 for islands.
  public let statistics: [Double]
  /// The pseudo p-values (esda `p_sim`); `nil` for islands and without permutations.
  public let pValues: [Double?]
  /// The mean of each area's simulated *cᵢ*.
  package let simulatedMeans: [Double?]
  /// Their population standard deviation.
  package let simulatedStandardDeviations: [Double?]
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Computes local Geary and its pseudo p-values.
  ///
  /// - Parameters:
  ///   - values: *y*, one finite value per area in the order of `weights.ids`.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to `weights` first (default `.rowStandardised`, as esda).
  ///   - inference: Permutations, seed or an injected conditional matrix,
  ///     alternative (default `.directed`, as esda), threads.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights, are not finite or all equal, there are fewer than 3 areas,
  ///   an option is out of range or an injected matrix does not fit.
  /// - Complexity: O(*n* + *m*) for the statistics, O(*n*² + *P* · *m*) for
  ///   the permutations, divided over the threads.
  public init(
    values: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    let n = try validateInput(values, for: weights, inference: inference, minimum: 3, "local Geary needs at least 3 areas")
    let (mean, sd) = meanAndPopulationSD(values)
    guard sd > 0 else {
      throw SpatialStatisticsError(
        .constantValues, "all \(n) values are equal (\(mean)), so they have no spatial pattern to test; choose a variable that varies")
    }
    let z = values.map { ($0 - mean) / sd }
    let split = SplitWeights(transformation.apply(to: weights))
    let statistic = LocalGearyStatistic(z: z)
    let statistics = (0..<n).map { i in
      var sum = 0.0
      for k in split.offsets[i]..<split.offsets[i + 1] { sum += split.weights[k] * statistic.term(i, z[split.neighbours[k]]) }
      return sum
    }
    let sim = try runConditionalSites(x: z, split: split, observed: statistics, statistic: statistic, inference: inference)
    ids = weights.ids
    self.transformation = transformation
    self.statistics = statistics
    pValues = sim.pValue
    simulatedMeans = sim.mean
    simulatedStandardDeviations = sim.standardDeviation
    permutations = sim.permutations
    seed = sim.seed
  }
}

/// `Σ_c w_c (zᵢ − z_c)²`: local Geary of a (permuted) neighbourhood.
struct LocalGearyStatistic: NeighbourSumStatistic {
  let z: [Double]
  @inline(__always) func term(_ i: Int, _ neighbourValue: Double) -> Double {
    let d = z[i] - neighbourValue
    return d * d
  }
  @inline(__always) func finish(_ i: Int, _ weightedSum: Double) -> Double { weightedSum }
}
