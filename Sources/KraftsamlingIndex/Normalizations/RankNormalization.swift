import KraftsamlingCore

/// Rank normalisation: each value is replaced by its rank in ascending
/// order, 1 for the best area and *n* for the worst; tied values share the
/// lowest rank of their group (1-2-2-4, R's `ties.method = "min"`).
///
/// Ranks ignore how far apart areas are, so one extreme area cannot
/// dominate the composite.
///
/// Flipping: a `higherIsBetter` indicator arrives negated, so the area with
/// the lowest raw value gets rank *n*.
///
/// ```swift
/// var v = [0.3, 0.1, 0.3, 0.2]
/// RankNormalization.rank.normalize(&v, context: NormalizationContext())
/// v   // [3, 1, 3, 2]
/// ```
///
/// - Complexity: O(*n* log *n*).
/// - SeeAlso: COINr `n_rank`.
public struct RankNormalization: Normalization, Hashable {
  /// Creates the normalisation.
  package init() {}
  /// `rank`.
  public var specification: StrategySpecification { StrategySpecification("rank") }
  /// Replaces the values by their ascending competition ranks.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let r = IndexMath.ascendingRanks(values)
    for i in values.indices { values[i] = Double(r[i]) }
  }
}

extension Normalization where Self == RankNormalization {
  /// Ascending competition ranks (1 = best).
  public static var rank: RankNormalization { RankNormalization() }
}
