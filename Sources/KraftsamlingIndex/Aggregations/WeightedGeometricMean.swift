#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The weighted geometric mean exp(Σwᵢ·ln(xᵢ + c) / Σwᵢ) − c, partly
/// compensatory: a low value is harder to make up for than in the
/// arithmetic mean.
///
/// Values must be positive. Z-scores, min-max and percentile ranks reach 0
/// or below, so either normalise with `.rank` or `.imdExponential` (always
/// > 0), or give an ``offset`` *c* that is added before and subtracted after
/// (e.g. 1 with min-max onto [0, 100]). A checked run reports every area
/// whose value plus offset is ≤ 0 (`index.nonpositive-values`).
///
/// Contribution of indicator *i*: wᵢ·ln(xᵢ + c)/Σw — the additive share of
/// ln(score + c); the contributions sum to ln(score + c), not to the score.
///
/// ```swift
/// WeightedGeometricMean().aggregate([1, 4], weights: [1, 1])   // √4 = 2
/// WeightedGeometricMean(offset: 1).aggregate([0, 3], weights: [1, 1])  // √(1·4) − 1 = 1
/// ```
///
/// - Complexity: O(*k*) per area.
/// - SeeAlso: OECD/JRC Handbook (2008), §6.1; COINr `a_gmean` (which has no offset).
public struct WeightedGeometricMean: Aggregation, Hashable {
  /// A constant added to every value before taking logarithms and
  /// subtracted from the result.
  package var offset: Double
  /// Creates the aggregation.
  package init(offset: Double = 0) { self.offset = offset }
  /// `geometric`, with `offset` when not 0.
  public var specification: StrategySpecification {
    offset == 0 ? StrategySpecification("geometric") : StrategySpecification("geometric", parameters: ["offset": offset])
  }
  /// Requires a finite offset.
  public func validate() throws(IndexError) {
    guard offset.isFinite else {
      throw IndexError(.invalidParameter, "the geometric mean's offset \(offset) is not a number", hint: "use e.g. offset 1")
    }
  }
  /// Values must be positive.
  public var restrictsDomain: Bool { true }
  /// Values plus offset must be > 0.
  public func domainProblem(for value: Double) -> String? {
    if value + offset > 0 { return nil }
    return offset == 0
      ? "the geometric mean needs values > 0, got \(value)"
      : "the geometric mean with offset \(offset) needs values > \(-offset), got \(value)"
  }
  /// exp(Σwᵢ·ln(xᵢ + c)/Σw) − c; NaN if a value plus offset is ≤ 0.
  public func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var s = 0.0
    var w = 0.0
    for i in values.indices where weights[i] > 0 {
      let v = values[i] + offset
      guard v > 0 else { return .nan }
      s += weights[i] * log(v)
      w += weights[i]
    }
    return w > 0 ? exp(s / w) - offset : .nan
  }
  /// exp(Σwᵢ·ln(xᵢ + offset)/Σwᵢ) − offset for every row: by columns over
  /// a prepared cache of logarithms, otherwise row by row.
  public func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    if let logs = matrix.logColumns[offset] {
      logs.weightedMean(m: matrix.columnCount, weights: weights, into: &scores)
      for k in scores.indices where !scores[k].isNaN { scores[k] = exp(scores[k]) - offset }
      return
    }
    let offset = self.offset
    forEachRow(matrix, weights: weights, into: &scores) { x, w in
      var s = 0.0
      var wsum = 0.0
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 {
        guard x[j] + offset > 0 else { return .nan }
        s += w[j] * log(x[j] + offset)
        wsum += w[j]
      }
      return wsum > 0 ? exp(s / wsum) - offset : .nan
    }
  }

  /// wᵢ·ln(xᵢ + c)/Σw, summing to ln(score + c).
  public func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    var w = 0.0
    for x in weights { w += x }
    for i in values.indices {
      let v = values[i] + offset
      contributions[i] = w > 0 && v > 0 ? weights[i] * log(v) / w : .nan
    }
  }
}

extension Aggregation where Self == WeightedGeometricMean {
  /// The weighted geometric mean (values must be > 0).
  public static var geometric: WeightedGeometricMean { WeightedGeometricMean() }
  /// The weighted geometric mean of the values plus `offset`, minus `offset`.
  public static func geometric(offset: Double) -> WeightedGeometricMean { WeightedGeometricMean(offset: offset) }
}
