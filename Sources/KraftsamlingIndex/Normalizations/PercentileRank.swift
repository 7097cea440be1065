import KraftsamlingCore

/// Percentile-rank normalisation onto [0, 100]: 100·(rank − 1)/(n − 1),
/// with the ascending competition rank (ties share the lowest rank).
///
/// The best area gets 0, the worst 100. This is COINr's `n_prank` scaled
/// by 100 (COINr stays on [0, 1]). A single area gets 50.
///
/// Flipping: a `higherIsBetter` indicator arrives negated, so the lowest raw
/// value gets 100.
///
/// ```swift
/// var v = [0.3, 0.1, 0.3, 0.2]   // ranks 3, 1, 3, 2 of n = 4
/// PercentileRank().normalize(&v, context: NormalizationContext())
/// v   // [66.67, 0, 66.67, 33.33]
/// ```
///
/// - Complexity: O(*n* log *n*).
/// - SeeAlso: COINr `n_prank`.
package struct PercentileRank: Normalization, Hashable {
  /// Creates the normalisation.
  package init() {}
  /// `percentile`.
  package var specification: StrategySpecification { StrategySpecification("percentile") }
  /// Replaces the values by their percentile ranks.
  package func normalize(_ values: inout [Double], context: NormalizationContext) {
    guard values.count > 1 else {
      for i in values.indices { values[i] = 50 }
      return
    }
    let r = IndexMath.ascendingRanks(values)
    let d = Double(values.count - 1)
    for i in values.indices { values[i] = 100 * Double(r[i] - 1) / d }
  }
}

extension Normalization where Self == PercentileRank {
  /// Percentile ranks on [0, 100].
  package static var percentileRank: PercentileRank { PercentileRank() }
}
