/// Pearson and Spearman correlation over the pairs where both values are
/// present (NaN marks a missing value), with the number of pairs used.
///
/// ```swift
/// Correlation.pearson([1, 2, 3, 4], [1, 3, 2, 4])    // (r: 0.8, count: 4)
/// Correlation.averageRanks([10, 20, 20, 5])           // [2, 3.5, 3.5, 1]
/// ```
package enum Correlation {
  /// A coefficient with the number of pairs it rests on and its two-sided
  /// p-value (Student's t with n − 2 degrees of freedom).
  package struct Estimate: Sendable, Hashable {
    /// The coefficient in [−1, 1]; `nil` when a column is constant or fewer
    /// than two pairs are complete.
    package var r: Double?
    /// The pairs where both values are present.
    package var count: Int
    /// The p-value; `nil` when `r` is or when fewer than three pairs are complete.
    package var pValue: Double?

    /// The estimate of `r` over `count` pairs with its p-value.
    init(r: Double?, count: Int) {
      self.r = r
      self.count = count
      self.pValue = r.flatMap { IncompleteBeta.correlationPValue(r: $0, count: count) }
    }
  }

  /// The complete pairs of two columns.
  static func completePairs(_ x: [Double], _ y: [Double]) -> (x: [Double], y: [Double]) {
    precondition(x.count == y.count, "the columns must have the same length")
    var a: [Double] = []
    var b: [Double] = []
    a.reserveCapacity(x.count)
    b.reserveCapacity(x.count)
    for i in x.indices where !x[i].isNaN && !y[i].isNaN {
      a.append(x[i])
      b.append(y[i])
    }
    return (a, b)
  }

  /// Pearson's r of the complete pairs: Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²),
  /// by two passes (the means first), clipped to [−1, 1].
  ///
  /// - Complexity: O(*n*).
  package static func pearson(_ x: [Double], _ y: [Double]) -> Estimate {
    let (a, b) = completePairs(x, y)
    return Estimate(r: denseR(a, b), count: a.count)
  }

  /// Spearman's ρ of the complete pairs: Pearson's r of their average
  /// ranks (tied values share the mean of the ranks they span).
  ///
  /// - Complexity: O(*n* log *n*).
  package static func spearman(_ x: [Double], _ y: [Double]) -> Estimate {
    let (a, b) = completePairs(x, y)
    return Estimate(r: denseR(averageRanks(a), averageRanks(b)), count: a.count)
  }

  /// The means of two columns of the same length (at least one value).
  static func means(_ a: [Double], _ b: [Double]) -> (Double, Double) {
    var ma = 0.0
    var mb = 0.0
    for i in a.indices {
      ma += a[i]
      mb += b[i]
    }
    return (ma / Double(a.count), mb / Double(b.count))
  }

  /// Pearson's r of two columns without missing values.
  static func denseR(_ a: [Double], _ b: [Double]) -> Double? {
    let n = a.count
    guard n >= 2 else { return nil }
    let (ma, mb) = means(a, b)
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for i in 0..<n {
      let da = a[i] - ma
      let db = b[i] - mb
      sab += da * db
      saa += da * da
      sbb += db * db
    }
    guard saa > 0, sbb > 0 else { return nil }
    return max(-1, min(1, sab / (saa * sbb).squareRoot()))
  }

  /// The ranks 1…n of the values, ties given the mean of the ranks they
  /// span (the "average" method of R's `rank` and scipy's `rankdata`).
  ///
  /// - Precondition: no value is NaN.
  /// - Complexity: O(*n* log *n*).
  package static func averageRanks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var ranks = [Double](repeating: 0, count: x.count)
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
      let rank = Double(start + 1 + end) / 2  // mean of start+1 … end
      for k in start..<end { ranks[order[k]] = rank }
      start = end
    }
    return ranks
  }
}
