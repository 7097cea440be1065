import KraftsamlingCore

extension PreparedIndex {
  /// The context the normalisation of indicator `j` gets: its id,
  /// orientation and pooled value.
  func normalizationContext(_ j: Int) -> NormalizationContext {
    NormalizationContext(indicator: definition.indicators[j].id, orientation: orientation[j], pooledValue: pooled[j])
  }

  /// The available values of indicator `j` over the ranked rows, oriented
  /// so that higher is worse: what a normalisation of this table receives.
  func orientedValues(_ j: Int) -> [Double] {
    let o = orientation[j]
    var dense: [Double] = []
    dense.reserveCapacity(includedRows.count)
    for i in includedRows where !values[j][i].isNaN { dense.append(o * values[j][i]) }
    return dense
  }

  /// Every indicator's normalisation (its own, else the definition's), fitted on this
  /// table as the reference year of an index over time.
  ///
  /// - Throws: ``IndexError`` from ``FittedNormalization/init(_:reference:context:)``.
  package func fittedNormalizations() throws(IndexError) -> [FittedNormalization] {
    var out: [FittedNormalization] = []
    for j in 0..<indicatorCount {
      out.append(
        try FittedNormalization(
          definition.normalization(ofIndicator: j), reference: orientedValues(j), context: normalizationContext(j)))
    }
    return out
  }
}
