import KraftsamlingCore
import KraftsamlingIndex

extension LocalSpatialStatistics {
  /// The same statistics labelled at another significance level or with
  /// or without the false discovery rate correction.
  ///
  /// An area is significant when its pseudo p-value is strictly below the
  /// threshold (as esda's `get_cluster_labels`): α itself, or — with
  /// `falseDiscoveryRate` — esda's `fdr(p, α)` cut-off over the areas that
  /// have a p-value (islands have none and are never significant).
  /// Significant Local Moran areas get their quadrant (`HH`, `LH`, `LL`,
  /// `HL`); significant Getis–Ord areas are `hot` when the statistic is
  /// above its expectation and `cold` when below. All others are `ns`.
  ///
  /// ```swift
  /// let strict = try lisa.relabelled(alpha: 0.01, falseDiscoveryRate: true)
  /// strict.threshold    // esda's fdr cut-off at α = 0.01
  /// ```
  ///
  /// - Parameters:
  ///   - alpha: The significance level, in (0, 1).
  ///   - falseDiscoveryRate: Whether to control the false discovery rate.
  /// - Returns: A copy with a new ``threshold`` and labels.
  /// - Throws: ``SpatialStatisticsError`` if `alpha` is not in (0, 1).
  /// - Complexity: O(*n* log *n*) with FDR, O(*n*) without.
  public func relabelled(alpha: Double, falseDiscoveryRate: Bool) throws(SpatialStatisticsError) -> LocalSpatialStatistics {
    try validateAlpha(alpha)
    var copy = self
    copy.alpha = alpha
    copy.falseDiscoveryRate = falseDiscoveryRate
    copy.applyLabels()
    return copy
  }

  /// Sets ``threshold`` from ``alpha`` and ``falseDiscoveryRate`` and labels every area.
  mutating func applyLabels() {
    if falseDiscoveryRate {
      threshold = FalseDiscoveryRate.threshold(areas.compactMap(\.pValue), alpha: alpha)
    } else {
      threshold = alpha
    }
    for k in areas.indices {
      let area = areas[k]
      let significant = area.pValue.map { $0 < threshold } ?? false
      if let quadrant = area.quadrant {
        areas[k].label = SpatialClusterLabel(quadrant: quadrant, significant: significant)
      } else if significant && area.statistic > area.expected {
        areas[k].label = .hotSpot
      } else if significant && area.statistic < area.expected {
        areas[k].label = .coldSpot
      } else {
        areas[k].label = .notSignificant
      }
    }
  }
}
