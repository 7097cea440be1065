#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// A normalisation whose parameters were computed from one indicator's
/// values in a *reference year* and are then applied, unchanged, to the
/// values of any year: the step that puts the scores of several years on
/// one scale.
///
/// A ``Normalization`` computes its parameters and applies them in one
/// call; this type splits the two. What is fixed for each built-in method:
///
/// | method | fixed at the reference year | applied to a value x of another year |
/// |---|---|---|
/// | `zscore` | mean m, SD s | (x − m)/s (0 when s = 0) |
/// | `minmax` | minimum a, maximum b | 100·(x − a)/(b − a), may leave [0, 100] (50 when b = a) |
/// | `rank` | the sorted values | the rank of x among them (``ReferenceRanks``) |
/// | `percentile` | the sorted values | 100·(rank − 1)/(n − 1) with that rank (50 when n = 1) |
/// | `imd-exp` | the sorted values | the IMD transform of x's descending rank among them |
/// | `distance` (pooled) | the pooled rate | the distance to that rate |
/// | `goalposts`, `identity`, `distance` (fixed) | nothing: they do not depend on the data | as in any run |
///
/// Applied to the reference year's own values, each gives what
/// ``Normalization/normalize(_:context:)`` gives.
///
/// ```swift
/// let f = try FittedNormalization(ZScore(), reference: [1, 2, 3, 6], context: NormalizationContext())
/// var v = [4.0]
/// f.apply(&v)   // [0.5345…]: (4 − 3)/√3.5
/// ```
package enum FittedNormalization: Sendable {
  /// (x − centre)/divisor: z-scores with the reference year's mean and SD.
  case affine(centre: Double, divisor: Double)
  /// (x − lower)·scale for min-max.
  case minMax(lower: Double, scale: Double)
  /// The same value for every area (a constant reference column).
  case constant(Double)
  /// The ascending rank among the reference values.
  case rank(ReferenceRanks)
  /// The percentile rank among the reference values.
  case percentile(ReferenceRanks)
  /// The IMD exponential transform of the descending rank among the reference values.
  case imdExponential(ReferenceRanks)
  /// A method that does not depend on the data, with the context it is applied in.
  case asIs(any Normalization, NormalizationContext)

  /// Fits `normalization` to the reference year's values of one indicator.
  ///
  /// - Parameters:
  ///   - normalization: A built-in method.
  ///   - reference: The reference year's values over its ranked areas,
  ///     oriented (higher is worse), never NaN.
  ///   - context: The indicator's context in the reference year (its
  ///     pooled value fixes a pooled `distance`).
  /// - Throws: ``IndexError`` `index.invalid-parameter` for a normalisation
  ///   that is not built in (its parameters cannot be told apart from its
  ///   application), `index.empty-data` when a method that depends on the
  ///   data has no reference value.
  package init(_ normalization: any Normalization, reference: [Double], context: NormalizationContext) throws(IndexError) {
    if reference.isEmpty && !(normalization is Goalposts || normalization is IdentityNormalization) {
      throw IndexError(
        .emptyData, "\(context.indicator) has no value in the reference year, so \(normalization.specification) cannot be fixed there",
        hint: "choose a reference year with data for every indicator", indicator: context.indicator)
    }
    switch normalization {
    case let z as ZScore:
      let m = IndexMath.mean(reference)
      let sd = IndexMath.standardDeviation(reference, mean: m, sample: z.deviation == .sample)
      self = sd > 0 && sd.isFinite ? .affine(centre: m, divisor: sd) : .constant(0)
    case is MinMax:
      guard let lo = reference.min(), let hi = reference.max(), hi > lo else {
        self = .constant(50)
        return
      }
      self = .minMax(lower: lo, scale: 100 / (hi - lo))
    case is RankNormalization: self = .rank(ReferenceRanks(reference))
    case is PercentileRank: self = reference.count > 1 ? .percentile(ReferenceRanks(reference)) : .constant(50)
    case is IMDExponential: self = .imdExponential(ReferenceRanks(reference.map { -$0 }))
    case let d as DistanceToReference:
      var c = context
      if case .pooled = d.reference { c.pooledValue = context.pooledValue ?? IndexMath.mean(reference) * context.orientation }
      self = .asIs(d, c)
    case is Goalposts, is IdentityNormalization: self = .asIs(normalization, context)
    default:
      throw IndexError(
        .invalidParameter, "the normalisation \(normalization.specification) cannot be fixed at a reference year",
        hint: "use zscore, minmax, rank, percentile, imd-exp, goalposts, distance or identity for an index over time")
    }
  }

  /// Normalises one year's values (oriented, never NaN) in place with the fixed parameters.
  ///
  /// - Complexity: O(*n*) for the affine methods, O(*n* log *r*) for the
  ///   rank methods over *r* reference values.
  package func apply(_ values: inout [Double]) {
    switch self {
    case .affine(let centre, let divisor):
      for i in values.indices { values[i] = (values[i] - centre) / divisor }
    case .minMax(let lower, let scale):
      for i in values.indices { values[i] = (values[i] - lower) * scale }
    case .constant(let c):
      for i in values.indices { values[i] = c }
    case .rank(let r):
      for i in values.indices { values[i] = r.rank(of: values[i]) }
    case .percentile(let r):
      let d = Double(r.count - 1)
      for i in values.indices { values[i] = 100 * (r.rank(of: values[i]) - 1) / d }
    case .imdExponential(let r):
      let n = Double(r.count)
      for i in values.indices { values[i] = IMDExponential.transform(rank: r.rank(of: -values[i]), of: n) }
    case .asIs(let method, let context):
      method.normalize(&values, context: context)
    }
  }
}
