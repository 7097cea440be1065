import KraftsamlingCore

/// The minimum of the values with a positive weight — non-compensatory: an
/// area scores high only if *every* indicator is high ("all problems at
/// once"). Weights only select (weight 0 leaves an indicator out).
///
/// Contribution: the indicator(s) at the minimum share the score equally;
/// the others contribute 0. The contributions sum to the score.
///
/// ```swift
/// MinimumAggregation().aggregate([2, 0.5, 3], weights: [1, 1, 1])   // 0.5
/// ```
///
/// - Complexity: O(*k*) per area.
public struct MinimumAggregation: Aggregation, Hashable {
  /// Creates the aggregation.
  package init() {}
  /// `minimum`.
  public var specification: StrategySpecification { StrategySpecification("minimum") }
  /// The smallest value with a positive weight.
  public func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var m = Double.infinity
    for i in values.indices where weights[i] > 0 && values[i] < m { m = values[i] }
    return m == .infinity ? .nan : m
  }
  /// The lowest weighted value of every row.
  public func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    forEachRow(matrix, weights: weights, into: &scores) { x, w in
      var lowest = Double.infinity
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 && x[j] < lowest { lowest = x[j] }
      return lowest == .infinity ? .nan : lowest
    }
  }

  /// The score split equally over the values at the minimum.
  public func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    var ties = 0
    for i in values.indices where weights[i] > 0 && values[i] == score { ties += 1 }
    for i in values.indices {
      contributions[i] = weights[i] > 0 && values[i] == score && ties > 0 ? score / Double(ties) : 0
    }
  }
}

extension Aggregation where Self == MinimumAggregation {
  /// The minimum (non-compensatory).
  public static var minimum: MinimumAggregation { MinimumAggregation() }
}
