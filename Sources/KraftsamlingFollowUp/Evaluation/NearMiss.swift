import KraftsamlingIndex

/// An area just outside the selection cut: a regression-discontinuity-style
/// comparison area, as alike as the index can tell but not treated.
///
/// ```swift
/// let misses = NearMiss.list(in: result, selected: 12, count: 5)
/// misses[0].rank                // 13
/// misses[0].distanceFromCut     // how far its score is below the 12th area's
/// ```
public struct NearMiss: Sendable, Hashable, Codable {
  /// The area code.
  public let code: String
  /// The area name.
  package let name: String
  /// Its rank (N + 1, N + 2, …).
  public let rank: Int
  /// Its index score.
  package let score: Double
  /// The score of the last selected area (rank N) minus this area's score: ≥ 0.
  public let distanceFromCut: Double

  /// The areas ranked N + 1 … N + k in an index result, with their distance
  /// from the cut (the N-th area's score).
  ///
  /// - Parameters:
  ///   - result: The index result the selection was made from.
  ///   - selected: N, the number of areas selected.
  ///   - count: k, how many near misses to list (fewer when the ranking ends).
  /// - Returns: The near misses in rank order; empty when N is 0 or not below the ranked count.
  /// - Complexity: O(*a*) for the ranking, *a* areas.
  public static func list(in result: IndexResult, selected n: Int, count k: Int) -> [NearMiss] {
    let ranked = result.ranked
    guard n > 0, n < ranked.count, let cut = ranked[n - 1].score else { return [] }
    return ranked[n..<min(ranked.count, n + max(0, k))].compactMap { row in
      guard let score = row.score, let rank = row.rank else { return nil }
      return NearMiss(code: row.code, name: row.name, rank: rank, score: score, distanceFromCut: cut - score)
    }
  }
}
