import KraftsamlingCore

/// The weighted arithmetic mean Σwᵢxᵢ / Σwᵢ — fully compensatory: a low
/// value in one indicator can make up for a high one in another.
///
/// Contribution of indicator *i*: wᵢxᵢ / Σw. The contributions sum exactly
/// to the score, so they can be shown as a stacked bar.
///
/// ```swift
/// let a: WeightedArithmeticMean = .arithmetic
/// a.aggregate([1.0, 2, 6], weights: [1, 1, 2])   // (1 + 2 + 12)/4 = 3.75
/// ```
///
/// - Complexity: O(*k*) per area.
/// - SeeAlso: OECD/JRC *Handbook on Constructing Composite Indicators* (2008), §6.1; COINr `a_amean`.
public struct WeightedArithmeticMean: Aggregation, Hashable {
  /// Creates the aggregation.
  package init() {}
  /// `arithmetic`.
  public var specification: StrategySpecification { StrategySpecification("arithmetic") }
  /// Σwᵢxᵢ / Σwᵢ.
  public func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var s = 0.0
    var w = 0.0
    for i in values.indices {
      s += weights[i] * values[i]
      w += weights[i]
    }
    return w > 0 ? s / w : .nan
  }
  /// Σwᵢxᵢ/Σwᵢ for every row: by columns over a prepared cache (see
  /// ``IndicatorMatrix``), otherwise row by row.
  public func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    if let columns = matrix.meanColumns {
      columns.weightedMean(m: matrix.columnCount, weights: weights, into: &scores)
      return
    }
    forEachRow(matrix, weights: weights, into: &scores) { x, w in
      var sum = 0.0
      var wsum = 0.0
      for j in 0..<w.count where !x[j].isNaN && w[j] > 0 {
        sum += w[j] * x[j]
        wsum += w[j]
      }
      return wsum > 0 ? sum / wsum : .nan
    }
  }

  /// wⱼxⱼ/Σw of every scored row, column by column.
  public func contributions(
    _ matrix: IndicatorMatrix, weights w: [Double], scores: [Double], into contributions: inout [[Double]]
  ) {
    let m = matrix.columnCount
    var sums = [Double](repeating: 0, count: matrix.rowCount)
    matrix.values.withUnsafeBufferPointer { x in
      for i in sums.indices {
        var s = 0.0
        for j in 0..<m where !x[i * m + j].isNaN && w[j] > 0 { s += w[j] }
        sums[i] = s
      }
      for j in 0..<m where w[j] > 0 {
        contributions[j].withUnsafeMutableBufferPointer { c in
          for i in sums.indices {
            let v = x[i * m + j]
            if !v.isNaN && sums[i] > 0 && !scores[i].isNaN { c[i] = w[j] * v / sums[i] }
          }
        }
      }
    }
  }

  /// wᵢxᵢ / Σw, summing to the score.
  public func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    var w = 0.0
    for x in weights { w += x }
    for i in values.indices { contributions[i] = w > 0 ? weights[i] * values[i] / w : .nan }
  }
}

extension Aggregation where Self == WeightedArithmeticMean {
  /// The weighted arithmetic mean.
  public static var arithmetic: WeightedArithmeticMean { WeightedArithmeticMean() }
}
