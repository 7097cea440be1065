import KraftsamlingCore

extension IndexDefinition {
  /// A copy whose weights are derived by `method`, with the record of how.
  ///
  /// At ``WeightingLevel/indicators`` the indicators get the derived
  /// weights; a definition with dimensions also gets, as each dimension's
  /// weight, the sum of its indicators' weights, so that every indicator's
  /// nominal share in the index is its derived weight. At
  /// ``WeightingLevel/dimensions`` the dimensions get them. The change is
  /// recorded in ``modifications``.
  ///
  /// ```swift
  /// let (d, record) = try IndexDefinition.stadskontoret2025.weighted(by: .optimised(), on: table)
  /// record.diagnostics["residual"]   // max |effective − target|
  /// try d.run(on: table)
  /// ```
  ///
  /// - Parameters:
  ///   - method: How to derive the weights.
  ///   - level: Indicators (default) or dimensions.
  ///   - table: The data; needed by the statistical methods (PCA,
  ///     optimised, regression), ignored by the others.
  ///   - hierarchy: Needed when a policy works within parent areas.
  /// - Returns: The weighted definition and the record.
  /// - Throws: ``IndexError``: `index.weights-mismatch` when the method's
  ///   inputs do not have one entry per item, `index.invalid-parameter` for
  ///   bad inputs, `index.inconsistent-comparisons` for an AHP matrix whose
  ///   consistency ratio is above 0.1 (unless forced), `index.invalid-weight`
  ///   when a derived weight is 0 (leave that item out), and whatever a run
  ///   of the index throws.
  /// - Complexity: That of the method; the optimised weights score the index
  ///   up to a few thousand times.
  public func weighted(
    by method: WeightingMethod, level: WeightingLevel = .indicators, on table: AreaTable? = nil,
    hierarchy: AreaHierarchy? = nil
  ) throws(IndexError) -> (definition: IndexDefinition, record: WeightingRecord) {
    let record = try weightingRecord(method, level: level, table: table, hierarchy: hierarchy)
    return (try applying(record), record)
  }

  /// The weights `method` derives, without applying them.
  ///
  /// - Throws: ``IndexError`` as ``weighted(by:level:on:hierarchy:)`` does,
  ///   except for zero weights, which a record may hold.
  package func weightingRecord(
    _ method: WeightingMethod, level: WeightingLevel, table: AreaTable?, hierarchy: AreaHierarchy?
  ) throws(IndexError) -> WeightingRecord {
    if level == .dimensions && dimensions.isEmpty {
      throw IndexError(.invalidParameter, "the definition \(label) has no dimensions to weight", hint: "weight its indicators instead")
    }
    let ids = level == .indicators ? indicatorIDs : dimensions.map(\.id)
    let names = level == .indicators ? indicators.map(\.indicator.name) : dimensions.map(\.name)
    var derivation = WeightingDerivation(method: method, level: level, ids: ids, names: names)
    if method.needsData {
      guard let table else {
        throw IndexError(.emptyData, "\(method.name) weights are derived from data, and no table was given")
      }
      try derivation.derive(from: WeightingData(self, table: table, hierarchy: hierarchy, level: level), table: table)
    } else {
      try derivation.deriveFromJudgements()
    }
    return derivation.record
  }

  /// The definition with a record's weights applied.
  package func applying(_ record: WeightingRecord) throws(IndexError) -> IndexDefinition {
    var d = self
    d.modifications.append("weighting: \(record.methodName) (\(record.level.rawValue))")
    switch record.level {
    case .indicators:
      d = try d.with(weights: record.weights)
      guard !dimensions.isEmpty else { return d }
      let of = indicators.map { wi in dimensions.firstIndex { $0.id == wi.indicator.dimension } ?? 0 }
      var sums = [Double](repeating: 0, count: dimensions.count)
      for (j, k) in of.enumerated() { sums[k] += record.weights[j] }
      try d.setDimensionWeights(sums)
    case .dimensions:
      try d.setDimensionWeights(record.weights)
    }
    return d
  }

  /// Sets the dimension weights, refusing any that is not positive, and
  /// records them in ``modifications``.
  mutating func setDimensionWeights(_ weights: [Double]) throws(IndexError) {
    for (k, w) in weights.enumerated() {
      guard w.isFinite, w > 0 else {
        throw IndexError(
          .invalidWeight, "the weight \(w) of dimension \(dimensions[k].id) is not a positive number",
          hint: "weights must be > 0; to leave a dimension out, remove it and its indicators from the definition")
      }
      dimensions[k].weight = w
    }
    modifications.append("dimension weights: \(weights.map { "\($0)" }.joined(separator: ","))")
  }
}
