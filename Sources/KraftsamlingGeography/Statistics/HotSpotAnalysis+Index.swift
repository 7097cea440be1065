import KraftsamlingCore
import KraftsamlingIndex

extension HotSpotAnalysis {
  /// Tests a composite index's score for hot spots: where do the most
  /// vulnerable areas cluster, beyond chance?
  ///
  /// The values are the scores of the ranked areas
  /// (``IndexResult/scoresByCode``); areas the index did not rank are left
  /// out (``untested``). The variable is recorded as `<definition> score`.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// let hot = try HotSpotAnalysis(result, contiguity: MalmöData.layer.contiguity(.rook))
  /// hot.variable                               // "stadskontoret-2025 score"
  /// hot.areas(labelled: .highHigh).count       // the HH areas (999 permutations, seed 12345)
  /// ```
  ///
  /// - Parameters:
  ///   - result: An index result.
  ///   - contiguity: From ``AreaLayer/contiguity(_:matching:)``.
  ///   - statistic: `.moran` (LISA, default), `.getisOrd` or `.getisOrdStar`.
  ///   - inference: The permutation options (default 999, seed 12345).
  ///   - alpha: The significance level (default 0.05).
  ///   - falseDiscoveryRate: Whether to control the false discovery rate.
  /// - Throws: ``SpatialStatisticsError`` as ``init(values:graph:rule:variable:statistic:inference:alpha:falseDiscoveryRate:)``.
  /// - Complexity: As ``init(values:graph:rule:variable:statistic:inference:alpha:falseDiscoveryRate:)``.
  public init(
    _ result: IndexResult, contiguity: Contiguity, statistic: LocalSpatialStatistics.Kind = .moran,
    inference: PermutationInference = PermutationInference(), alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) {
    try self.init(
      values: result.scoresByCode, graph: contiguity.graph, rule: contiguity.rule,
      variable: "\(result.definition.id) score", statistic: statistic, inference: inference, alpha: alpha,
      falseDiscoveryRate: falseDiscoveryRate)
  }
}
