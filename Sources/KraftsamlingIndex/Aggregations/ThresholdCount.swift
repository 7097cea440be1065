import KraftsamlingCore

/// The number of indicators beyond a threshold — the non-compensatory
/// method of SCB and Boverket's *Utanförskapets karta*, where an area with
/// 3 or more of 6 problem factors has "major combined problems".
///
/// A value counts when it is strictly greater than ``threshold`` on the
/// normalised scale (e.g. z > 1: more than one standard deviation worse
/// than the average area). With unequal weights each indicator counts
/// wᵢ/w̄ (w̄ the mean weight of the available indicators), so equal weights
/// give the plain count. Missing indicators count as not beyond.
///
/// ``required`` (the *k* of "k of n") does not change the score; it is used
/// by the `atLeast` classification and by reports to mark areas with
/// combined problems.
///
/// Contribution: wᵢ/w̄ for an indicator beyond the threshold, else 0; the
/// contributions sum to the score.
///
/// ```swift
/// let c = ThresholdCount(threshold: 1, required: 2)
/// c.aggregate([1.5, 0.2, 2.0, 1.0], weights: [1, 1, 1, 1])   // 2 (1.0 is not > 1)
/// ```
///
/// - Complexity: O(*k*) per area.
/// - SeeAlso: SCB & Boverket, *Utanförskapets karta* (2023); Regeringskansliet
///   Ds 2008 on utanförskapsområden.
public struct ThresholdCount: Aggregation, Hashable {
  /// The normalised value an indicator must exceed to count.
  package var threshold: Double
  /// How many indicators beyond the threshold mark "combined problems".
  package var required: Int
  /// Creates the aggregation.
  package init(threshold: Double = 1, required: Int = 2) {
    self.threshold = threshold
    self.required = required
  }
  /// `count(threshold=…, required=…)`.
  public var specification: StrategySpecification {
    StrategySpecification("count", parameters: ["threshold": threshold, "required": Double(required)])
  }
  /// Requires a finite threshold and `required ≥ 1`.
  public func validate() throws(IndexError) {
    guard threshold.isFinite, required >= 1 else {
      throw IndexError(
        .invalidParameter, "a threshold count needs a finite threshold and required ≥ 1 (got \(threshold), \(required))",
        hint: "e.g. threshold 1 (one SD worse than average with z-scores) and required 2")
    }
  }
  /// Σ over values beyond the threshold of wᵢ/w̄.
  public func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var w = 0.0
    var n = 0
    for x in weights where x > 0 {
      w += x
      n += 1
    }
    guard n > 0 else { return .nan }
    let mean = w / Double(n)
    var c = 0.0
    for i in values.indices where weights[i] > 0 && values[i] > threshold { c += weights[i] / mean }
    return c
  }
  /// The weighted count above the threshold for every row.
  public func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    let threshold = self.threshold
    forEachRow(matrix, weights: weights, into: &scores) { x, w in
      var wsum = 0.0
      var count = 0
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 {
        wsum += w[j]
        count += 1
      }
      guard count > 0 else { return .nan }
      let mean = wsum / Double(count)
      var c = 0.0
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 && x[j] > threshold { c += w[j] / mean }
      return c
    }
  }

  /// wᵢ/w̄ for values beyond the threshold, else 0.
  public func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    var w = 0.0
    var n = 0
    for x in weights where x > 0 {
      w += x
      n += 1
    }
    let mean = n > 0 ? w / Double(n) : 1
    for i in values.indices { contributions[i] = weights[i] > 0 && values[i] > threshold ? weights[i] / mean : 0 }
  }
}

extension Aggregation where Self == ThresholdCount {
  /// Count of indicators above `threshold`; `required` of them mark combined problems.
  public static func thresholdCount(above threshold: Double = 1, required: Int = 2) -> ThresholdCount {
    ThresholdCount(threshold: threshold, required: required)
  }
}
