/// The tie rule for index scores, written once and used by every stage
/// that ranks scores: the index, ``IndexRanking``, parent aggregates and
/// the robustness analysis's re-score path.
///
/// An index score is a sum of floating-point terms, so two areas whose
/// scores are *equal in exact arithmetic* (the mean of four percentile
/// ranks that add up to the same total, say) can differ in the last bits
/// depending on the order of the additions — 33.333333333333336 against
/// 33.33333333333333. At the cut of a selection that difference would
/// decide which area is funded. So scores count as tied when they differ
/// by at most
///
///     τ = 2⁻⁴⁴ · max |s|   (about 256 units in the last place of the largest score)
///
/// over the scores being ranked. The scale is the largest score, not the
/// pair's own size, because the rounding error of a sum follows the size
/// of its terms: two z-score sums that are exactly 0 may come out as
/// ±10⁻¹⁷. A real difference between two areas is many orders of
/// magnitude larger than τ (rates of counts below a million differ by at
/// least 10⁻¹² relative).
///
/// Ties are grouped from the top: in descending order, each group starts
/// at its highest score *h* and takes every following score *s* with
/// *h* − *s* ≤ τ. A group depends only on the values, never on the order
/// of the rows, and the rule cannot chain a long run of close scores into
/// one tie wider than τ. Every member of a group gets the group's first
/// position as its rank (1-2-2-4), and the members are listed in table
/// order.
enum ScoreTies {
  /// The tolerance τ for scores whose largest magnitude is `magnitude`;
  /// 0 (exact comparison) when that is not finite.
  @inline(__always)
  static func tolerance(magnitude: Double) -> Double {
    let t = magnitude * 0x1p-44
    return t.isFinite ? t : 0
  }

  /// The tolerance τ for `scores`, ignoring NaN and infinite values.
  static func tolerance(of scores: [Double]) -> Double {
    var m = 0.0
    for s in scores where s.isFinite { m = max(m, abs(s)) }
    return tolerance(magnitude: m)
  }

  /// Competition ranks of `scores` under the tie rule, highest first
  /// (NaN gets 0).
  ///
  /// - Returns: The rank order: the indices of the non-NaN scores, highest
  ///   first, tied scores in index order.
  /// - Complexity: O(*n*) for large *n* (radix sort), O(*n* log *n*) for small.
  @discardableResult
  static func descendingRanks(_ scores: [Double], into ranks: inout [Int]) -> [Int] {
    var order = IndexMath.sortedIndices(scores, descending: true)
    ranks = [Int](repeating: 0, count: scores.count)
    let tau = tolerance(of: scores)
    var i = 0
    while i < order.count {
      let j = groupEnd(from: i, in: order.count, tolerance: tau) { scores[order[$0]] }
      if scores[order[j - 1]] != scores[order[i]] { order[i..<j].sort() }
      for k in i..<j { ranks[order[k]] = i + 1 }
      i = j
    }
    return order
  }

  /// The end of the tie group that starts at position `start` of scores
  /// sorted in descending order, read through `score(position)`.
  @inline(__always)
  static func groupEnd(from start: Int, in count: Int, tolerance tau: Double, _ score: (Int) -> Double) -> Int {
    let head = score(start)
    var j = start + 1
    while j < count && tied(head, score(j), tolerance: tau) { j += 1 }
    return j
  }

  /// Whether `s`, at or below the group's head score `head`, ties with it.
  @inline(__always)
  static func tied(_ head: Double, _ s: Double, tolerance tau: Double) -> Bool {
    s == head || head - s <= tau  // == for equal infinities
  }
}
