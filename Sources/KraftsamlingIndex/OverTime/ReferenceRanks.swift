/// The rank of a value among one year's values — the reference year of an
/// index over time — for rank, percentile and IMD normalisations whose
/// scale must not move from year to year.
///
/// With the reference values sorted ascending, s₁ ≤ … ≤ sₙ:
///
/// - a value equal to a reference value gets that value's competition rank
///   (1 + the number of smaller reference values; ties share the lowest
///   rank, 1-2-2-4), exactly as ``RankNormalization`` ranks the reference
///   year itself;
/// - a value strictly between two neighbouring distinct reference values
///   gets the linear interpolation of their ranks, so a small change of
///   the value is a small change of its rank;
/// - a value below every reference value gets 1, above every one *n*: the
///   scale ends where the reference year's does.
///
/// ```swift
/// let r = ReferenceRanks([10, 20, 20, 40])   // ranks 1, 2, 2, 4
/// r.rank(of: 20)   // 2
/// r.rank(of: 30)   // 3: halfway between 20 (rank 2) and 40 (rank 4)
/// r.rank(of: 50)   // 4
/// ```
///
/// - Complexity: O(*n* log *n*) to build, O(log *n*) per rank.
package struct ReferenceRanks: Sendable, Hashable {
  /// The reference values, ascending.
  let sorted: [Double]

  /// Sorts the reference values (never NaN).
  package init(_ values: [Double]) { sorted = values.sorted() }

  /// The number of reference values, *n*.
  package var count: Int { sorted.count }

  /// The number of reference values below `x`.
  func countBelow(_ x: Double) -> Int {
    var lo = 0
    var hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The rank of `x` among the reference values, in [1, *n*].
  package func rank(of x: Double) -> Double {
    let below = countBelow(x)
    if below == sorted.count { return Double(sorted.count) }
    if sorted[below] == x || below == 0 { return Double(below + 1) }
    let a = sorted[below - 1]
    let b = sorted[below]
    let rankA = Double(countBelow(a) + 1)
    let rankB = Double(below + 1)
    return rankA + (rankB - rankA) * (x - a) / (b - a)
  }
}
