import KraftsamlingCore

extension IndexAudit {
  /// Audits a normalised index with its definition's weights and aggregations.
  ///
  /// - Precondition: 0 < threshold ≤ 1.
  package init(_ index: NormalizedIndex, threshold: Double = 0.9) {
    precondition(threshold > 0 && threshold <= 1, "the collinearity threshold must be in (0, 1]")
    let def = index.prepared.definition
    let variables = AuditVariables(index)
    let m = def.indicators.count
    self.definition = def.label
    self.threshold = threshold
    self.indicatorIDs = def.indicatorIDs
    self.dimensionIDs = def.dimensions.map(\.id)
    self.indicatorNames = def.indicators.map(\.indicator.name)
    self.dimensionNames = def.dimensions.map(\.name)
    self.dimensionOf = index.prepared.dimensionOf
    self.areaCount = variables.areaCount
    self.pearson = Self.matrix(variables.columns, Correlation.pearson)
    self.spearman = Self.matrix(variables.columns, Correlation.spearman)
    let indicatorColumns = Array(variables.columns.prefix(m))
    var groups = def.dimensions.indices.map { d in (0..<m).filter { index.prepared.dimensionOf[$0] == d } }
    groups.append(Array(0..<m))
    let alpha = groups.map { g in CronbachAlpha(columns: g.map { indicatorColumns[$0] }) }
    self.alphas = alpha.map(\.raw)
    self.standardizedAlphas = alpha.map(\.standardized)
    let pca = PrincipalComponents(columns: indicatorColumns)
    self.eigenvalues = pca.eigenvalues
    self.explainedVariance = pca.explainedVariance
    self.loadings = pca.loadings
    self.componentAreaCount = pca.count
    self.nominalShares = Self.nominalShares(def)
    let indexPosition = variables.columns.count - 1
    let r = pearson.coefficients
    let effective = EffectiveImportance.shares(correlations: (0..<m).map { r[$0][indexPosition] })
    self.effectiveShares = effective
    self.flags = Self.flags(
      FlagInputs(
        r: r, ids: def.indicatorIDs, dimensionOf: index.prepared.dimensionOf, threshold: threshold,
        effective: effective, nominal: Self.nominalShares(def)))
  }

  /// The symmetric matrix of one correlation over every pair of columns;
  /// the diagonal holds r = 1 (or `nil` for a constant column) and no p-value.
  static func matrix(_ columns: [[Double]], _ estimate: ([Double], [Double]) -> Correlation.Estimate) -> Correlations {
    let v = columns.count
    var r = [[Double?]](repeating: [Double?](repeating: nil, count: v), count: v)
    var p = r
    var n = [[Int]](repeating: [Int](repeating: 0, count: v), count: v)
    for a in 0..<v {
      for b in a..<v {
        let e = estimate(columns[a], columns[b])
        r[a][b] = a == b ? e.r.map { _ in 1 } : e.r
        r[b][a] = r[a][b]
        p[a][b] = a == b ? nil : e.pValue
        p[b][a] = p[a][b]
        n[a][b] = e.count
        n[b][a] = e.count
      }
    }
    return Correlations(coefficients: r, pValues: p, counts: n)
  }

  /// Each indicator's weight share: wⱼ/Σw for a flat index; with
  /// dimensions, its share within its dimension times the dimension's share.
  static func nominalShares(_ def: IndexDefinition) -> [Double] {
    let w = def.indicators.map(\.weight)
    guard !def.dimensions.isEmpty else {
      let total = w.reduce(0, +)
      return w.map { $0 / total }
    }
    let dims = def.dimensions
    let dimensionTotal = dims.reduce(0.0) { $0 + $1.weight }
    let of = def.indicators.map { wi in dims.firstIndex { $0.id == wi.indicator.dimension } ?? 0 }
    var within = [Double](repeating: 0, count: dims.count)
    for (j, d) in of.enumerated() { within[d] += w[j] }
    return w.indices.map { j in w[j] / within[of[j]] * dims[of[j]].weight / dimensionTotal }
  }
}

/// The columns an audit correlates, over the areas the index ranks (those
/// with a score): each indicator's normalised values, each dimension's
/// score, the index score; NaN where a value is missing.
struct AuditVariables {
  /// Indicators, then dimensions, then the index.
  let columns: [[Double]]
  /// The areas: the ranked ones.
  var areaCount: Int { columns.first?.count ?? 0 }

  init(_ index: NormalizedIndex) {
    let def = index.prepared.definition
    let included = index.prepared.includedRows
    let scores = index.scores()
    let rows = included.indices.filter { !scores[included[$0]].isNaN }
    var columns = index.columns.map { c in rows.map { c[$0] } }
    if !def.dimensions.isEmpty {
      let perDimension = index.scoresByDimension(weights: def.indicators.map(\.weight), aggregation: def.aggregation)
      columns += perDimension.map { c in rows.map { c[$0] } }
    }
    columns.append(rows.map { scores[included[$0]] })
    self.columns = columns
  }
}
