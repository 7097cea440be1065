import KraftsamlingCore

extension IndexDefinition.Dimension {
  /// What is done to a dimension's scores, over the ranked areas, before
  /// the ``IndexDefinition/dimensionAggregation`` combines them into the
  /// index.
  ///
  /// England's Index of Multiple Deprivation ranks each domain's scores
  /// and maps the ranks to an exponential distribution (``imdExponential``),
  /// so that a very good score in one domain cannot fully offset a very bad
  /// one in another. `Documentation/Aggregation.md` works an example.
  ///
  /// ```swift
  /// let d = IndexDefinition.Dimension(id: "boende", transform: .imdExponential)
  /// d.transform.rawValue   // "imd-exp", as written in JSON
  /// ```
  public enum Transform: String, Sendable, Hashable, CaseIterable {
    /// The dimension scores as they are.
    case none
    /// The IMD rank → exponential transform of ``IMDExponential``:
    /// X = −23·ln(1 − R·(1 − e^(−100/23))) with R = (N − rank + 1)/N, rank 1
    /// the highest (most vulnerable) score among the N areas with a score;
    /// the most vulnerable gets 100, the least about 0.
    case imdExponential = "imd-exp"
  }
}

extension NormalizedIndex {
  /// The dimension scores as the dimension aggregation takes them: each
  /// column transformed by its dimension's ``IndexDefinition/Dimension/Transform``
  /// over the areas with a score — or, for a year of an index over time,
  /// by the transform fixed at the reference year (``dimensionFits``).
  ///
  /// - Complexity: O(*n* log *n*) per transformed dimension, O(1) for the others.
  func transformedDimensions(_ perDimension: [[Double]]) -> [[Double]] {
    let dimensions = prepared.definition.dimensions
    guard dimensions.contains(where: { $0.transform != .none }) else { return perDimension }
    var out = perDimension
    for d in dimensions.indices where dimensions[d].transform == .imdExponential {
      var dense: [Double] = []
      var at: [Int] = []
      for (k, v) in perDimension[d].enumerated() where !v.isNaN {
        dense.append(v)
        at.append(k)
      }
      if d < dimensionFits.count, let fit = dimensionFits[d] {
        fit.apply(&dense)
      } else {
        IMDExponential().normalize(&dense, context: NormalizationContext(indicator: dimensions[d].id))
      }
      for (t, k) in at.enumerated() { out[d][k] = dense[t] }
    }
    return out
  }

  /// The transform of every transformed dimension fixed at this index's
  /// scores (the reference year of an index over time), `nil` for the others.
  ///
  /// - Throws: ``IndexError`` `index.empty-data` when a transformed
  ///   dimension has no score.
  func fittedDimensionTransforms() throws(IndexError) -> [FittedNormalization?] {
    let def = prepared.definition
    guard def.dimensions.contains(where: { $0.transform != .none }) else { return [] }
    let perDimension = scoresByDimension(weights: def.indicators.map(\.weight), aggregation: def.aggregation)
    var fits: [FittedNormalization?] = []
    for (d, dimension) in def.dimensions.enumerated() {
      guard dimension.transform == .imdExponential else {
        fits.append(nil)
        continue
      }
      let reference = perDimension[d].filter { !$0.isNaN }
      fits.append(
        try FittedNormalization(IMDExponential(), reference: reference, context: NormalizationContext(indicator: dimension.id)))
    }
    return fits
  }
}
