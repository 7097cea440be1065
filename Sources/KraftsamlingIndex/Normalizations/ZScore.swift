import KraftsamlingCore

/// Z-score normalisation: (x − mean) / SD over the ranked areas.
///
/// The standard deviation is the **population** SD (divide by *n*) by
/// default, as PySAL/esda and NumPy (`ddof=0`) compute it; pass
/// `.sample` for the sample SD (divide by *n* − 1) that R's `sd()` and so
/// COINr's `n_zscore` use. The choice only rescales every z-score of an
/// indicator by √((n−1)/n), so with equal weights it never changes a rank.
/// A constant indicator (SD 0) gets 0 everywhere and the run records a
/// warning.
///
/// Flipping: a `higherIsBetter` indicator arrives negated, so its z-score
/// is −z of the raw value.
///
/// ```swift
/// var v = [1.0, 2, 3, 6]        // mean 3, population SD √3.5 = 1.8708
/// ZScore().normalize(&v, context: NormalizationContext())
/// v   // [-1.0690, -0.5345, 0, 1.6036]
/// ```
///
/// - Complexity: O(*n*).
/// - SeeAlso: OECD/JRC *Handbook on Constructing Composite Indicators* (2008), §5.
public struct ZScore: Normalization, Hashable {
  /// Which standard deviation divides.
  public enum Deviation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Divide by *n* (the default).
    case population
    /// Divide by *n* − 1 (R's `sd`, COINr).
    case sample
  }
  /// Which standard deviation divides.
  package var deviation: Deviation
  /// Creates the normalisation.
  public init(deviation: Deviation = .population) { self.deviation = deviation }
  /// `zscore`, with `sd: sample` when the sample SD is used.
  public var specification: StrategySpecification {
    deviation == .population ? StrategySpecification("zscore") : StrategySpecification("zscore", options: ["sd": "sample"])
  }
  /// Replaces each value by its z-score.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let m = IndexMath.mean(values)
    let sd = IndexMath.standardDeviation(values, mean: m, sample: deviation == .sample)
    guard sd > 0, sd.isFinite else {
      for i in values.indices { values[i] = 0 }
      return
    }
    for i in values.indices { values[i] = (values[i] - m) / sd }
  }
}

extension Normalization where Self == ZScore {
  /// Z-scores with the population standard deviation.
  package static var zScore: ZScore { ZScore() }
  /// Z-scores with the chosen standard deviation.
  package static func zScore(_ deviation: ZScore.Deviation) -> ZScore { ZScore(deviation: deviation) }
}
