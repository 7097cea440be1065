import KraftsamlingCore
import KraftsamlingIndex

/// Local bivariate Moran's *Iᵢ* (esda `Moran_Local_BV`): for every area,
/// is its *x* associated with *y* in its neighbours? With a conditional
/// permutation test.
///
/// With *zx*, *zy* standardised with the population standard deviation
/// and the transformed weights *W* (row-standardised by default):
///
///     Iᵢ = (n − 1) · zxᵢ · (W zy)ᵢ / Σⱼ zxⱼ²
///
/// The quadrant is that of *(zxᵢ, (W zy)ᵢ)*, as esda's `q`. The test holds
/// *zxᵢ* (and *zyᵢ* for a self-weight) fixed and draws the *kᵢ* neighbour
/// values of *zy* from the *n − 1* other areas without replacement (the
/// shared conditional ``PermutationMatrix``, as Local Moran); the simulated
/// statistic is *zxᵢ · (Σ_c wᵢ_c zy_π(c) + wᵢᵢ zyᵢ) · (n − 1)/Σzx²*, and
/// the pseudo p-value follows the alternative (esda's `"directed"`).
///
/// ```swift
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let lbv = try LocalBivariateMoran(x: [1, 2, 3, 4], y: [4, 3, 2, 1], weights: w,
///                                   inference: .init(permutations: 99, seed: 1))
/// lbv.statistics[0] < 0   // true: a has low x beside high y
/// ```
public struct LocalBivariateMoran: Sendable, Hashable, Codable {
  /// The area codes, in the order of the weights' ids.
  package let ids: [String]
  /// The weights transformation applied before computing.
  package let transformation: WeightsTransformation
  /// *Iᵢ* for every area (esda `Is`).
  public let statistics: [Double]
  /// The pseudo p-values (esda `p_sim`); `nil` for islands and without permutations.
  public let pValues: [Double?]
  /// The spatial lags *(W zy)ᵢ*.
  package let spatialLags: [Double]
  /// The quadrant of *(zxᵢ, (W zy)ᵢ)* (esda `q`).
  package let quadrants: [Quadrant]
  /// The mean of each area's simulated *Iᵢ* (esda `EI_sim`).
  package let simulatedMeans: [Double?]
  /// Their population standard deviation (esda `seI_sim`).
  package let simulatedStandardDeviations: [Double?]
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Computes the local bivariate Moran's *Iᵢ* and their pseudo p-values.
  ///
  /// - Parameters:
  ///   - x: The variable in each area, in the order of `weights.ids`.
  ///   - y: The variable whose spatial lag is related to *x*.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to `weights` first (default `.rowStandardised`, as esda).
  ///   - inference: Permutations, seed or an injected conditional matrix,
  ///     alternative (default `.directed`, as esda), threads.
  /// - Throws: ``SpatialStatisticsError`` if a variable does not match the
  ///   weights, is not finite or constant, there are fewer than 3 areas,
  ///   an option is out of range or an injected matrix does not fit.
  /// - Complexity: O(*n* + *m*) for the statistics, O(*n*² + *P* · *m*) for
  ///   the permutations, divided over the threads.
  public init(
    x: [Double], y: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    let n = try validateInput(
      x, y, for: weights, inference: inference, minimum: 3, "local bivariate Moran needs at least 3 areas")
    let zx = try populationStandardised(x, name: "x")
    let zy = try populationStandardised(y, name: "y")
    let split = SplitWeights(transformation.apply(to: weights))
    var den = 0.0
    for v in zx { den += v * v }
    let lag = split.lag(zy)
    let n1 = Double(n - 1)
    let statistics = (0..<n).map { n1 * zx[$0] * lag[$0] / den }
    let statistic = LocalBivariateMoranStatistic(zx: zx, zy: zy, selfWeights: split.selfWeights, scaling: n1 / den)
    let sim = try runConditionalSites(x: zy, split: split, observed: statistics, statistic: statistic, inference: inference)
    ids = weights.ids
    self.transformation = transformation
    self.statistics = statistics
    pValues = sim.pValue
    spatialLags = lag
    quadrants = (0..<n).map { Quadrant(value: zx[$0], lag: lag[$0]) }
    simulatedMeans = sim.mean
    simulatedStandardDeviations = sim.standardDeviation
    permutations = sim.permutations
    seed = sim.seed
  }
}

/// `zxᵢ · (Σ_c w_c zy_c + wᵢᵢ zyᵢ) · scaling`: the simulated local bivariate Moran.
struct LocalBivariateMoranStatistic: NeighbourSumStatistic {
  let zx: [Double]
  let zy: [Double]
  let selfWeights: [Double]
  let scaling: Double
  @inline(__always) func term(_ i: Int, _ neighbourValue: Double) -> Double { neighbourValue }
  @inline(__always) func finish(_ i: Int, _ weightedSum: Double) -> Double {
    zx[i] * (weightedSum + selfWeights[i] * zy[i]) * scaling
  }
}

/// `(v − v̄)/σ` with the population standard deviation.
///
/// - Throws: `constantValues` when every value is the same.
func populationStandardised(_ v: [Double], name: String) throws(SpatialStatisticsError) -> [Double] {
  let (mean, sd) = meanAndPopulationSD(v)
  guard sd > 0 else {
    throw SpatialStatisticsError(.constantValues, "all \(v.count) values of \(name) are equal (\(mean)); choose a variable that varies")
  }
  return v.map { ($0 - mean) / sd }
}
