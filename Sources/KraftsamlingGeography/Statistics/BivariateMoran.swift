import KraftsamlingCore
import KraftsamlingIndex

/// Bivariate Moran's *I* (esda `Moran_BV`): is *x* in an area associated
/// with *y* in its neighbours?
///
/// With *zx*, *zy* standardised with the sample standard deviation
/// (*n − 1* in the denominator, as esda, so *Σzx² = Σzy² = n − 1*) and the
/// transformed weights *W* (row-standardised by default):
///
///     I = Σᵢ zxᵢ (W zy)ᵢ / (n − 1)
///
/// The permutation test permutes *zy* over all areas (total
/// randomisation, as ``GlobalMoran``); the pseudo p-value follows the
/// alternative (esda's `"directed"` rule by default). esda reports no
/// analytical moments for it, and neither do we.
///
/// ```swift
/// // A path a – b – c – d where y follows x one step along.
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let bv = try BivariateMoran(x: [1, 2, 3, 4], y: [2, 3, 4, 5], weights: w, inference: .init(permutations: 99, seed: 1))
/// bv.statistic   // 0.4: the same as Moran's I of x, as y is x shifted
/// ```
public struct BivariateMoran: Sendable, Hashable, Codable {
  /// *n*, the number of areas.
  package let count: Int
  /// The weights transformation applied before computing.
  package let transformation: WeightsTransformation
  /// The bivariate Moran's *I* (esda `I`).
  public let statistic: Double
  /// The pseudo p-value (esda `p_sim`); `nil` without permutations.
  public let pValue: Double?
  /// The simulated mean, standard deviation, *z*-score and its one-tailed
  /// p-value (esda `EI_sim`, `seI_sim`, `z_sim`, `p_z_sim`).
  package let simulation: SimulationSummary?
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Computes the bivariate Moran's *I* and its permutation test.
  ///
  /// - Parameters:
  ///   - x: The variable in each area, in the order of `weights.ids`.
  ///   - y: The variable whose spatial lag is related to *x*.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to `weights` first (default `.rowStandardised`, as esda).
  ///   - inference: Permutations and seed, or an injected full matrix
  ///     (rows permute *y*); alternative (default `.directed`); threads.
  /// - Throws: ``SpatialStatisticsError`` if a variable does not match the
  ///   weights, is not finite or constant, there are fewer than 3 areas,
  ///   an option is out of range or an injected matrix is not a set of
  ///   full permutations.
  /// - Complexity: O(*n* + *m*) for the statistic, O(*P* · (*n* + *m*)) for
  ///   the permutations, divided over the threads.
  public init(
    x: [Double], y: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    let n = try validateInput(
      x, y, for: weights, inference: inference, minimum: 3, "bivariate Moran's I needs at least 3 areas")
    let zx = try sampleStandardised(x, name: "x")
    let zy = try sampleStandardised(y, name: "y")
    let split = SplitWeights(transformation.apply(to: weights))
    let statistic = Self.bivariateI(zx, zy, split: split)
    let run = try FullPermutationSimulation(values: zy, inference: inference, placeholder: 0.0) {
      Self.bivariateI(zx, $0, split: split)
    }
    count = n
    self.transformation = transformation
    self.statistic = statistic
    simulation = SimulationSummary(run.simulated, observed: statistic, alternative: inference.alternative)
    pValue = simulation?.pValue
    permutations = run.simulated.count
    seed = run.seed
  }

  /// `Σᵢ zxᵢ (W zy)ᵢ / (n − 1)`.
  static func bivariateI(_ zx: [Double], _ zy: [Double], split: SplitWeights) -> Double {
    let lag = split.lag(zy)
    var sum = 0.0
    for i in 0..<zx.count { sum += zx[i] * lag[i] }
    return sum / Double(zx.count - 1)
  }
}

/// `(v − v̄)/s` with the sample standard deviation *s* (numpy `std(ddof=1)`).
///
/// - Throws: `constantValues` when every value is the same.
func sampleStandardised(_ v: [Double], name: String) throws(SpatialStatisticsError) -> [Double] {
  let (mean, sd) = meanAndPopulationSD(v)
  guard sd > 0 else {
    throw SpatialStatisticsError(.constantValues, "all \(v.count) values of \(name) are equal (\(mean)); choose a variable that varies")
  }
  let s = sd * (Double(v.count) / Double(v.count - 1)).squareRoot()
  return v.map { ($0 - mean) / s }
}
