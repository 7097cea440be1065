import KraftsamlingCore
import KraftsamlingIndex

/// Geary's *C* (esda `Geary`): do neighbours differ less than random pairs
/// of areas? *C* below 1 means positive spatial autocorrelation, above 1
/// negative.
///
/// With the transformed weights *W* (row-standardised by default, as esda)
/// and *S₀ = Σᵢⱼ wᵢⱼ*:
///
///     C = (n − 1) Σᵢⱼ wᵢⱼ (yᵢ − yⱼ)² / (2 S₀ Σᵢ (yᵢ − ȳ)²)
///
/// *E[C] = 1*. Under normality
/// *Var[C] = ((2S₁ + S₂)(n − 1) − 4S₀²) / (2(n + 1)S₀²)*; under
/// randomisation, with the kurtosis *k = (Σd⁴/n)/(Σd²/n)²* of *d = y − ȳ*,
/// *Var[C] = (A − B + D) / (n(n − 2)(n − 3)S₀²)* where
/// *A = (n − 1)S₁(n² − 3n + 3 − (n − 1)k)*,
/// *B = ¼(n − 1)S₂(n² + 3n − 6 − (n² − n + 2)k)* and
/// *D = S₀²(n² − 3 − (n − 1)²k)* (Cliff & Ord 1981). The analytical
/// p-values are one-tailed in the direction of *C − 1*, as esda's.
///
/// The permutation test permutes all values, as ``GlobalMoran``; the
/// pseudo p-value follows the alternative (esda's `"directed"` rule by
/// default).
///
/// ```swift
/// // A path a – b – c – d with values 1 2 3 4: neighbours are alike.
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let c = try GlobalGeary(values: [1, 2, 3, 4], weights: w, inference: .init(permutations: 99, seed: 1))
/// c.statistic   // 0.3 = (n − 1) · 4 / (2 · S₀ · Σd²) = 3 · 4 / (2 · 4 · 5)
/// ```
public struct GlobalGeary: Sendable, Hashable, Codable {
  /// *n*, the number of areas.
  package let count: Int
  /// The weights transformation applied before computing.
  package let transformation: WeightsTransformation
  /// Geary's *C* (esda `C`).
  public let statistic: Double
  /// *E[C] = 1* (esda `EC`).
  package let expected: Double
  /// The variance under normality (esda `VC_norm`).
  package let varianceNormality: Double
  /// The variance under randomisation (esda `VC_rand`).
  package let varianceRandomisation: Double
  /// *(C − 1)/√Var* under normality (esda `z_norm`).
  package let zNormality: Double?
  /// *(C − 1)/√Var* under randomisation (esda `z_rand`).
  package let zRandomisation: Double?
  /// The one-tailed normal p-value under normality (esda `p_norm`).
  package let pNormality: Double?
  /// The one-tailed normal p-value under randomisation (esda `p_rand`).
  package let pRandomisation: Double?
  /// The pseudo p-value (esda `p_sim`); `nil` without permutations.
  public let pValue: Double?
  /// The simulated mean, standard deviation, *z*-score and its p-value
  /// (esda `EC_sim`, `seC_sim`, `z_sim`, `p_z_sim`).
  package let simulation: SimulationSummary?
  /// *P*, the number of permutations (0: none).
  package let permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package let seed: UInt64?

  /// Computes Geary's *C* and its inference.
  ///
  /// - Parameters:
  ///   - values: *y*, one finite value per area in the order of `weights.ids`.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to `weights` first (default `.rowStandardised`, as esda).
  ///   - inference: Permutations and seed, or an injected full matrix;
  ///     alternative (default `.directed`, as esda); threads.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights, are not finite or all equal, there are fewer than 4 areas,
  ///   the weights have no links, an option is out of range or an injected
  ///   matrix is not a set of full permutations.
  /// - Complexity: O(*n* + *m*) for the statistic and moments,
  ///   O(*P* · (*n* + *m*)) for the permutations, divided over the threads.
  public init(
    values: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference()
  ) throws(SpatialStatisticsError) {
    let n = try validateInput(
      values, for: weights, inference: inference, minimum: 4, "Geary's C needs at least 4 areas for its variance")
    let split = SplitWeights(transformation.apply(to: weights))
    let (s0, s1, s2) = split.moments
    guard s0 > 0 else {
      throw SpatialStatisticsError(.noLinks, "the weights have no links, so no area has neighbours; check the contiguity rule or tolerance")
    }
    let (mean, sd) = meanAndPopulationSD(values)
    guard sd > 0 else {
      throw SpatialStatisticsError(.constantValues, "all \(n) values are equal (\(mean)), so Geary's C is undefined; choose a variable that varies")
    }
    let dn = Double(n)
    var yss = 0.0
    var fourth = 0.0
    for v in values {
      let d = v - mean
      yss += d * d
      fourth += d * d * d * d
    }
    let denominator = yss * s0 * 2
    let statistic = Self.geary(values, split: split, n: dn, denominator: denominator)
    let k = (fourth / dn) / ((yss / dn) * (yss / dn))
    let (vNorm, vRand) = Self.variances(n: dn, s0: s0, s1: s1, s2: s2, kurtosis: k)
    count = n
    self.transformation = transformation
    self.statistic = statistic
    expected = 1
    varianceNormality = vNorm
    varianceRandomisation = vRand
    zNormality = vNorm > 0 ? finiteOrNil((statistic - 1) / vNorm.squareRoot()) : nil
    zRandomisation = vRand > 0 ? finiteOrNil((statistic - 1) / vRand.squareRoot()) : nil
    pNormality = Self.directedTail(zNormality, above: statistic > 1)
    pRandomisation = Self.directedTail(zRandomisation, above: statistic > 1)
    let run = try FullPermutationSimulation(values: values, inference: inference, placeholder: 0.0) {
      Self.geary($0, split: split, n: dn, denominator: denominator)
    }
    simulation = SimulationSummary(run.simulated, observed: statistic, alternative: inference.alternative)
    pValue = simulation?.pValue
    permutations = run.simulated.count
    seed = run.seed
  }

  /// `(n − 1) Σᵢⱼ wᵢⱼ (yᵢ − yⱼ)² / denominator` (self-links add 0).
  static func geary(_ y: [Double], split: SplitWeights, n: Double, denominator: Double) -> Double {
    var sum = 0.0
    for i in 0..<y.count {
      for k in split.offsets[i]..<split.offsets[i + 1] {
        let d = y[i] - y[split.neighbours[k]]
        sum += split.weights[k] * d * d
      }
    }
    return (n - 1) * sum / denominator
  }

  /// The variances under normality and randomisation (esda `Geary.__moments`).
  private static func variances(
    n: Double, s0: Double, s1: Double, s2: Double, kurtosis k: Double
  ) -> (normality: Double, randomisation: Double) {
    let n2 = n * n
    let s02 = s0 * s0
    let a = (n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * k)
    let b = 0.25 * ((n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * k))
    let d = s02 * (n2 - 3 - (n - 1) * (n - 1) * k)
    let rand = (a - b + d) / (n * (n - 2) * (n - 3) * s02)
    let norm = (1 / (2 * (n + 1) * s02)) * ((2 * s1 + s2) * (n - 1) - 4 * s02)
    return (norm, rand)
  }

  /// The upper normal tail when *C > 1*, the lower one otherwise (esda).
  private static func directedTail(_ z: Double?, above: Bool) -> Double? {
    guard let z else { return nil }
    return above ? normalSurvival(z) : normalCDF(z)
  }
}
