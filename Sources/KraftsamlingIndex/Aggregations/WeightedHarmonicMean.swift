import KraftsamlingCore

/// The weighted harmonic mean Σwᵢ / Σ(wᵢ/xᵢ): dominated by the smallest
/// values, so an area scores high only when *all* its indicators are high.
///
/// Values must be > 0 (`index.nonpositive-values` otherwise).
///
/// Contribution of indicator *i*: score·(wᵢ/xᵢ)/Σⱼ(wⱼ/xⱼ) — its share of
/// the reciprocal sum, scaled so that the contributions sum to the score.
/// A *smaller* value has a *larger* share: it pulls the score towards
/// itself.
///
/// ```swift
/// WeightedHarmonicMean().aggregate([1, 4], weights: [1, 1])   // 2/(1 + 1/4) = 1.6
/// ```
///
/// - Complexity: O(*k*) per area.
/// - SeeAlso: COINr `a_hmean`.
package struct WeightedHarmonicMean: Aggregation, Hashable {
  /// Creates the aggregation.
  package init() {}
  /// `harmonic`.
  package var specification: StrategySpecification { StrategySpecification("harmonic") }
  /// Values must be positive.
  package var restrictsDomain: Bool { true }
  /// Values must be > 0.
  package func domainProblem(for value: Double) -> String? {
    value > 0 ? nil : "the harmonic mean needs values > 0, got \(value)"
  }
  /// Σwᵢ / Σ(wᵢ/xᵢ); NaN if a value is ≤ 0.
  package func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var r = 0.0
    var w = 0.0
    for i in values.indices where weights[i] > 0 {
      guard values[i] > 0 else { return .nan }
      r += weights[i] / values[i]
      w += weights[i]
    }
    return r > 0 ? w / r : .nan
  }
  /// Σwᵢ/Σ(wᵢ/xᵢ) for every row, NaN when a weighted value is ≤ 0.
  package func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    forEachRow(matrix, weights: weights, into: &scores) { x, w in
      var r = 0.0
      var wsum = 0.0
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 {
        guard x[j] > 0 else { return .nan }
        r += w[j] / x[j]
        wsum += w[j]
      }
      return r > 0 ? wsum / r : .nan
    }
  }

  /// score·(wᵢ/xᵢ)/Σ(wⱼ/xⱼ), summing to the score.
  package func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    var r = 0.0
    for i in values.indices where values[i] > 0 { r += weights[i] / values[i] }
    for i in values.indices { contributions[i] = r > 0 && values[i] > 0 ? score * (weights[i] / values[i]) / r : .nan }
  }
}

extension Aggregation where Self == WeightedHarmonicMean {
  /// The weighted harmonic mean (values must be > 0).
  package static var harmonic: WeightedHarmonicMean { WeightedHarmonicMean() }
}
