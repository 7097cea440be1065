import KraftsamlingCore

/// What the statistical weighting methods read: over the areas the index
/// ranks, the values of the items weighted — each indicator's normalised,
/// oriented values, or each dimension's score — and a way to score the
/// index with other weights for those items.
struct WeightingData {
  /// The normalised index, with the definition's own weights.
  let index: NormalizedIndex
  /// Indicators or dimensions.
  let level: WeightingLevel
  /// The table rows of the ranked areas, ascending.
  let tableRows: [Int]
  /// The positions of those rows in `index.prepared.includedRows`.
  let positions: [Int]
  /// One column per item over the ranked areas; NaN where missing.
  let columns: [[Double]]

  /// The data of `definition` over `table` at `level`.
  ///
  /// - Throws: ``IndexError`` when the index cannot be computed, or
  ///   `index.invalid-parameter` for the dimension level of a flat definition.
  init(_ definition: IndexDefinition, table: AreaTable, hierarchy: AreaHierarchy?, level: WeightingLevel) throws(IndexError) {
    if level == .dimensions && definition.dimensions.isEmpty {
      throw IndexError(
        .invalidParameter, "the definition \(definition.label) has no dimensions to weight",
        hint: "weight its indicators instead")
    }
    let index = try definition.prepare(table, hierarchy: hierarchy).normalized()
    _ = try index.result()  // the checks of a run: the aggregation's domain, some area ranked
    let included = index.prepared.includedRows
    let scores = index.scores()
    let positions = included.indices.filter { !scores[included[$0]].isNaN }
    let all: [[Double]] =
      level == .indicators
      ? index.columns
      : index.scoresByDimension(weights: definition.indicators.map(\.weight), aggregation: definition.aggregation)
    self.index = index
    self.level = level
    self.positions = positions
    self.tableRows = positions.map { included[$0] }
    self.columns = all.map { c in positions.map { c[$0] } }
  }

  /// The definition.
  var definition: IndexDefinition { index.prepared.definition }

  /// The indicator and dimension weights that give the items the shares `s`:
  /// for indicators, the shares themselves and, with dimensions, each
  /// dimension's sum of its indicators' shares; for dimensions, the
  /// definition's indicator weights and the shares.
  func weights(shares s: [Double]) -> (indicators: [Double], dimensions: [Double]) {
    let def = definition
    switch level {
    case .indicators:
      var sums = [Double](repeating: 0, count: def.dimensions.count)
      for (j, d) in index.prepared.dimensionOf.enumerated() where !sums.isEmpty { sums[d] += s[j] }
      return (s, sums)
    case .dimensions:
      return (def.indicators.map(\.weight), s)
    }
  }

  /// Each item's effective importance when the items have the shares `s`:
  /// its squared Pearson correlation with the index over the ranked areas,
  /// normalised to sum 1 (``EffectiveImportance``).
  func effectiveShares(shares s: [Double]) -> [Double?] {
    let w = weights(shares: s)
    let all = index.scores(weights: w.indicators, dimensionWeights: definition.dimensions.isEmpty ? nil : w.dimensions)
    let scores = tableRows.map { all[$0] }
    return EffectiveImportance.shares(correlations: columns.map { Correlation.pearson($0, scores).r })
  }

  /// The items' ids and display names.
  var items: (ids: [String], names: [String]) {
    switch level {
    case .indicators: (definition.indicatorIDs, definition.indicators.map(\.indicator.name))
    case .dimensions: (definition.dimensions.map(\.id), definition.dimensions.map(\.name))
    }
  }
}
