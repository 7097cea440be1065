import KraftsamlingCore

/// A ``PreparedIndex`` with every indicator normalised by one method: the
/// cache a robustness analysis scores again and again.
///
/// The normalised values of the ranked areas are stored row by row in one
/// flat array, so ``scores(weights:dimensionWeights:aggregation:dimensionAggregation:)``
/// walks memory in order and allocates nothing per area.
///
/// ```swift
/// let z = try IndexDefinition.stadskontoret2025.prepare(table).normalized()
/// let s = z.scores(weights: [1, 1, 1, 3])   // one Double per table row, NaN when not ranked
/// let r = IndexRanking.ranks(of: s)
/// let full = try z.result()                 // the full, checked IndexResult
/// ```
public struct NormalizedIndex: Sendable {
  /// The prepared index.
  package let prepared: PreparedIndex
  /// The normalisation of the indicators without one of their own
  /// (``IndexDefinition/WeightedIndicator/normalization``): the
  /// definition's, or the one passed to ``PreparedIndex/normalized(with:)``.
  package let normalization: any Normalization
  /// Normalised values, row-major over `prepared.includedRows` × indicators; NaN when missing.
  var matrix: [Double] { indicatorMatrix.values }
  /// The same values as the aggregations take them.
  let indicatorMatrix: IndicatorMatrix
  /// The indicators of each dimension (positions in the definition), and
  /// their values as a matrix of their own; empty for a flat index.
  let dimensionColumns: [[Int]]
  let dimensionMatrices: [IndicatorMatrix]
  /// Remarks (constant indicators).
  let warnings: [Diagnostic]
  /// For a year of an index over time: each transformed dimension's
  /// transform fixed at the reference year (`nil` or empty: transform
  /// among this index's own scores).
  var dimensionFits: [FittedNormalization?] = []

  /// Normalised values by indicator, over `prepared.includedRows` (same
  /// positions as the matrix rows); NaN when missing.
  let columns: [[Double]]

  /// Normalises the prepared columns with each indicator's own
  /// normalisation, else `normalization`, or — for a year
  /// of an index over time — with the parameters `fitted` at the reference
  /// year (one per indicator).
  init(prepared: PreparedIndex, normalization: any Normalization, fitted: [FittedNormalization]? = nil) {
    self.prepared = prepared
    self.normalization = normalization
    let rows = prepared.includedRows
    let m = prepared.indicatorCount
    var warnings: [Diagnostic] = []
    var dense: [Double] = []
    var where_: [Int] = []
    dense.reserveCapacity(rows.count)
    where_.reserveCapacity(rows.count)
    var columns: [[Double]] = []
    columns.reserveCapacity(m)
    for j in 0..<m {
      dense.removeAll(keepingCapacity: true)
      where_.removeAll(keepingCapacity: true)
      let o = prepared.orientation[j]
      prepared.values[j].withUnsafeBufferPointer { col in
        for (k, i) in rows.enumerated() where !col[i].isNaN {
          dense.append(o * col[i])
          where_.append(k)
        }
      }
      if let lo = dense.min(), lo == dense.max(), dense.count > 1 {
        warnings.append(
          Diagnostic(
            .warning, code: "index.constant-indicator",
            "\(prepared.definition.indicators[j].id) has the same value in every ranked area, so it cannot tell areas apart",
            hint: "check the data or leave the indicator out"))
      }
      let context = NormalizationContext(
        indicator: prepared.definition.indicators[j].id, orientation: o, pooledValue: prepared.pooled[j])
      let method = prepared.definition.indicators[j].normalization ?? normalization
      if let fitted { fitted[j].apply(&dense) } else { method.normalize(&dense, context: context) }
      var column = [Double](repeating: .nan, count: rows.count)
      column.withUnsafeMutableBufferPointer { c in
        for (t, k) in where_.enumerated() { c[k] = dense[t] }
      }
      columns.append(column)
    }
    // Row-major copy for scoring: each row's m values side by side.
    var matrix = [Double](repeating: .nan, count: rows.count * m)
    matrix.withUnsafeMutableBufferPointer { mat in
      for j in 0..<m {
        columns[j].withUnsafeBufferPointer { c in
          var p = j
          for k in 0..<c.count {
            mat[p] = c[k]
            p += m
          }
        }
      }
    }
    let indicatorMatrix = IndicatorMatrix(values: matrix, columnCount: max(1, m))
    self.indicatorMatrix = indicatorMatrix
    let dimensionColumns = prepared.definition.dimensions.indices.map { d in (0..<m).filter { prepared.dimensionOf[$0] == d } }
    self.dimensionColumns = dimensionColumns
    self.dimensionMatrices = dimensionColumns.map { indicatorMatrix.selecting(columns: $0) }
    self.columns = columns
    self.warnings = warnings
  }

  /// The normalised value of an indicator for a table row, or `nil`.
  package func value(indicator j: Int, row: Int) -> Double? {
    guard let k = position(ofRow: row) else { return nil }
    let v = matrix[k * prepared.indicatorCount + j]
    return v.isNaN ? nil : v
  }

  private func position(ofRow row: Int) -> Int? {
    var lo = 0
    var hi = prepared.includedRows.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if prepared.includedRows[mid] < row { lo = mid + 1 } else { hi = mid }
    }
    return lo < prepared.includedRows.count && prepared.includedRows[lo] == row ? lo : nil
  }

  /// Scores every area with the given weights and aggregations, without
  /// checking the aggregation's domain: the fast path of robustness
  /// analyses.
  ///
  /// - Parameters:
  ///   - weights: Indicator weights in definition order (≥ 0; 0 drops an
  ///     indicator); `nil` for the definition's.
  ///   - dimensionWeights: Dimension weights in definition order; `nil` for
  ///     the definition's. Ignored for a flat index.
  ///   - aggregation: The indicator aggregation; `nil` for the definition's.
  ///   - dimensionAggregation: The dimension aggregation; `nil` for the definition's.
  /// - Returns: One score per table row; NaN for areas not ranked or whose
  ///   score is undefined (e.g. a geometric mean over a value ≤ 0).
  /// - Precondition: weight arrays, when given, have one entry per indicator
  ///   (dimension).
  /// - Complexity: O(*n*·*m*), no allocation per area.
  public func scores(
    weights: [Double]? = nil, dimensionWeights: [Double]? = nil, aggregation: (any Aggregation)? = nil,
    dimensionAggregation: (any Aggregation)? = nil
  ) -> [Double] {
    var out = [Double](repeating: .nan, count: prepared.areaCount)
    var none: [[Double]] = []
    var noDims: [[Double]] = []
    score(
      weights: weights, dimensionWeights: dimensionWeights, aggregation: aggregation,
      dimensionAggregation: dimensionAggregation, into: &out, contributions: &none, dimensionScores: &noDims,
      detailed: false)
    return out
  }

  /// The scoring shared by the fast path and the full result: every area
  /// through the aggregations' batch requirement
  /// (``Aggregation/aggregate(_:weights:into:)``) — the indicators, or each
  /// dimension's indicators and then the dimensions — and, for a full
  /// result, each value's contribution.
  func score(
    weights: [Double]?, dimensionWeights: [Double]?, aggregation: (any Aggregation)?,
    dimensionAggregation: (any Aggregation)?, into out: inout [Double],
    contributions: inout [[Double]], dimensionScores: inout [[Double]], detailed: Bool
  ) {
    let def = prepared.definition
    let w = weights ?? def.indicators.map(\.weight)
    precondition(w.count == prepared.indicatorCount, "one weight per indicator")
    let agg = aggregation ?? def.aggregation
    let rows = prepared.includedRows
    var scores = [Double](repeating: .nan, count: rows.count)
    if def.dimensions.isEmpty {
      agg.aggregate(indicatorMatrix, weights: w, into: &scores)
      if detailed { flatContributions(scores, weights: w, aggregation: agg, into: &contributions) }
    } else {
      let dw = dimensionWeights ?? def.dimensions.map(\.weight)
      precondition(dw.count == def.dimensions.count, "one weight per dimension")
      let top = dimensionAggregation ?? def.dimensionAggregation
      let perDimension = scoresByDimension(weights: w, aggregation: agg)
      let transformed = transformedDimensions(perDimension)
      top.aggregate(Self.rowMajor(transformed), weights: dw, into: &scores)
      if detailed {
        for d in perDimension.indices {
          for (k, row) in rows.enumerated() { dimensionScores[d][row] = perDimension[d][k] }
        }
        treeContributions(
          scores, perDimension, transformed: transformed, weights: w, dimensionWeights: dw, aggregation: agg,
          dimensionAggregation: top, into: &contributions)
      }
    }
    Self.scatter(scores, to: rows, into: &out)
  }

  /// `target[rows[k]] = dense[k]` for every k.
  static func scatter(_ dense: [Double], to rows: [Int], into target: inout [Double]) {
    dense.withUnsafeBufferPointer { d in
      rows.withUnsafeBufferPointer { r in
        target.withUnsafeMutableBufferPointer { t in
          for k in 0..<d.count { t[r[k]] = d[k] }
        }
      }
    }
  }

  /// Each dimension's score of every ranked area: the aggregation over the
  /// dimension's indicators.
  func scoresByDimension(weights w: [Double], aggregation: any Aggregation) -> [[Double]] {
    prepared.definition.dimensions.indices.map { d in
      var scores = [Double](repeating: .nan, count: prepared.includedRows.count)
      aggregation.aggregate(dimensionMatrices[d], weights: dimensionColumns[d].map { w[$0] }, into: &scores)
      return scores
    }
  }

  /// Columns of scores as one row-major matrix (an area's dimension scores side by side).
  static func rowMajor(_ columns: [[Double]]) -> IndicatorMatrix {
    let n = columns.first?.count ?? 0
    var values = [Double](repeating: .nan, count: n * columns.count)
    for (d, c) in columns.enumerated() {
      for k in 0..<n { values[k * columns.count + d] = c[k] }
    }
    return IndicatorMatrix(values: values, columnCount: max(1, columns.count))
  }

  /// Each value's contribution to its area's score (flat index), through
  /// the aggregation's batch requirement.
  func flatContributions(
    _ scores: [Double], weights w: [Double], aggregation: any Aggregation, into contributions: inout [[Double]]
  ) {
    let n = prepared.includedRows.count
    var dense = (0..<prepared.indicatorCount).map { _ in [Double](repeating: .nan, count: n) }
    aggregation.contributions(indicatorMatrix, weights: w, scores: scores, into: &dense)
    for j in dense.indices { Self.scatter(dense[j], to: prepared.includedRows, into: &contributions[j]) }
  }

  /// Each value's contribution to its area's score (tree index): its share
  /// of its dimension's score, scaled by the dimension's (transformed)
  /// share of the index. A transformed dimension whose score is not
  /// positive, or has parts below 0, passes its share on by the indicators'
  /// weights instead.
  func treeContributions(
    _ scores: [Double], _ perDimension: [[Double]], transformed: [[Double]], weights w: [Double],
    dimensionWeights dw: [Double], aggregation: any Aggregation, dimensionAggregation top: any Aggregation,
    into contributions: inout [[Double]]
  ) {
    var g = Gathered()
    for (k, row) in prepared.includedRows.enumerated() where !scores[k].isNaN {
      var dvals: [Double] = []
      var dws: [Double] = []
      var dims: [Int] = []
      for d in perDimension.indices where !transformed[d][k].isNaN && dw[d] > 0 {
        dvals.append(transformed[d][k])
        dws.append(dw[d])
        dims.append(d)
      }
      guard !dvals.isEmpty else { continue }
      var dcontrib = [Double](repeating: 0, count: dvals.count)
      top.contributions(dvals, weights: dws, score: scores[k], into: &dcontrib)
      var wsum = 0.0
      for x in dws { wsum += x }
      for (t, d) in dims.enumerated() {
        g.gather(matrix, row: k, width: prepared.indicatorCount, dimensionColumns[d], weights: w)
        guard !g.values.isEmpty else { continue }
        let sd = perDimension[d][k]
        g.contribute(aggregation, score: sd)
        let transformed = prepared.definition.dimensions[d].transform != .none
        if transformed && !(sd > 0 && sd.isFinite && g.contributions.allSatisfy { $0 >= 0 }) {
          // The transformed dimension's contribution cannot follow parts of mixed sign: spread it by weight.
          let wd = g.weights.reduce(0, +)
          for (u, j) in g.columns.enumerated() { contributions[j][row] = dcontrib[t] * g.weights[u] / wd }
          continue
        }
        // C_d / S_d, or the dimension's weight share when S_d = 0.
        let lambda = sd != 0 && sd.isFinite ? dcontrib[t] / sd : dws[t] / wsum
        for (u, j) in g.columns.enumerated() { contributions[j][row] = g.contributions[u] * lambda }
      }
    }
  }

  /// The full, checked result with the definition's weights and
  /// aggregations, or with overrides (recorded in the result's definition).
  ///
  /// - Parameters:
  ///   - weights: Indicator weights (> 0), `nil` for the definition's.
  ///   - aggregation: The indicator aggregation, `nil` for the definition's.
  /// - Throws: ``IndexError`` `index.nonpositive-values` when the
  ///   aggregation cannot take some normalised value (listing the first
  ///   areas and indicators concerned), `index.weights-mismatch` /
  ///   `index.invalid-weight` for bad weights, `index.empty-data` when no
  ///   area gets a score.
  /// - Complexity: O(*n*·*m* + *n* log *n*).
  public func result(weights: [Double]? = nil, aggregation: (any Aggregation)? = nil) throws(IndexError) -> IndexResult {
    let def = try resultDefinition(weights: weights, aggregation: aggregation)
    try checkDomain(def.aggregation)
    try checkDimensionDomain(def)

    let n = prepared.areaCount
    let m = prepared.indicatorCount
    var scores = [Double](repeating: .nan, count: n)
    var contributions = (0..<m).map { _ in [Double](repeating: .nan, count: n) }
    var dimScores = [[Double]](repeating: [Double](repeating: .nan, count: n), count: def.dimensions.count)
    score(
      weights: def.indicators.map(\.weight), dimensionWeights: nil, aggregation: def.aggregation,
      dimensionAggregation: def.dimensionAggregation, into: &scores, contributions: &contributions,
      dimensionScores: &dimScores, detailed: true)
    var exclusions = prepared.exclusions
    for i in prepared.includedRows where scores[i].isNaN {
      exclusions[i] = IndexResult.Exclusion(reason: .undefinedScore)
    }
    var ranks: [Int] = []
    let rankOrder = ScoreTies.descendingRanks(scores, into: &ranks)
    let ranked = rankOrder.count
    guard ranked > 0 else {
      throw IndexError(.emptyData, "no area got a score", hint: "check the aggregation and the data")
    }
    let classes = Self.classes(of: scores, rankOrder: rankOrder, by: def.classification)
    var order = rankOrder
    order.reserveCapacity(n)
    for i in 0..<n where ranks[i] == 0 { order.append(i) }

    var scoreOut = [Double?](repeating: nil, count: n)
    var rankOut = [Int?](repeating: nil, count: n)
    var decileOut = [Int?](repeating: nil, count: n)
    for i in rankOrder {
      scoreOut[i] = scores[i]
      rankOut[i] = ranks[i]
      decileOut[i] = IndexRanking.decile(rank: ranks[i], of: ranked)
    }
    var result = IndexResult(
      definition: def, codes: prepared.codes, names: prepared.names, indicatorIDs: def.indicatorIDs, scores: scoreOut,
      ranks: rankOut, deciles: decileOut, classes: classes, exclusions: exclusions, cellFlags: prepared.cellFlags,
      summaries: prepared.summaries, breakdownByKön: prepared.breakdown, warnings: prepared.warnings + warnings,
      order: order, rateData: prepared.observed, denominatorData: prepared.denominators, valueData: prepared.values,
      normalizedData: normalizedColumnsInTableOrder(), contributionData: contributions, dimensionData: dimScores)
    result.weighting = prepared.weighting
    return result
  }

  /// The definition a result reports: the prepared one with the overrides
  /// of weights, aggregation and normalisation recorded.
  ///
  /// - Throws: `index.weights-mismatch` / `index.invalid-weight` for bad weights.
  private func resultDefinition(weights: [Double]?, aggregation: (any Aggregation)?) throws(IndexError) -> IndexDefinition {
    var def = prepared.definition
    if let weights { def = try def.with(weights: weights) }
    if let aggregation { def = def.with(aggregation: aggregation) }
    if normalization.specification != def.normalization.specification {
      def.normalization = normalization
      def.modifications.append("normalization: \(normalization.specification)")
    }
    return def
  }

  /// Throws when the dimension scores do not suit the dimension
  /// aggregation (listing up to five of them); does nothing for a flat index.
  private func checkDimensionDomain(_ def: IndexDefinition) throws(IndexError) {
    guard !def.dimensions.isEmpty else { return }
    let n = prepared.areaCount
    var probe = [Double](repeating: .nan, count: n)
    var probeContributions = (0..<prepared.indicatorCount).map { _ in [Double](repeating: .nan, count: n) }
    var dimScores = [[Double]](repeating: [Double](repeating: .nan, count: n), count: def.dimensions.count)
    score(
      weights: def.indicators.map(\.weight), dimensionWeights: nil, aggregation: def.aggregation,
      dimensionAggregation: def.dimensionAggregation, into: &probe, contributions: &probeContributions,
      dimensionScores: &dimScores, detailed: true)
    var problems: [IndexError] = []
    // A transformed dimension's values (imd-exp: in (0, 100]) suit every aggregation.
    for (d, col) in dimScores.enumerated() where def.dimensionAggregation.restrictsDomain && def.dimensions[d].transform == .none {
      for i in prepared.includedRows where !col[i].isNaN {
        if let p = def.dimensionAggregation.domainProblem(for: col[i]), problems.count < 5 {
          problems.append(
            IndexError(
              .nonPositiveValues, "dimension aggregation: \(p) (dimension \(def.dimensions[d].id), area \(prepared.codes[i]))",
              hint: "use a dimension aggregation that accepts these scores, or a normalisation with positive values",
              area: prepared.codes[i]))
        }
      }
    }
    if let e = IndexError.combining(problems) { throw e }
  }

  /// The class of every ranked area under the definition's classification
  /// (`nil` for the others, and for all without a classification).
  private static func classes(of scores: [Double], rankOrder: [Int], by classification: IndexClassification) -> [Int?] {
    var classes = [Int?](repeating: nil, count: scores.count)
    switch classification {
    case .none: break
    case .atLeast(let v):
      for i in rankOrder { classes[i] = scores[i] >= v ? 1 : 2 }
    case .standardDeviationBands:
      var dense: [Double] = []
      dense.reserveCapacity(rankOrder.count)
      for i in rankOrder { dense.append(scores[i]) }
      let mean = IndexMath.mean(dense)
      let sd = IndexMath.standardDeviation(dense, mean: mean, sample: false)
      for i in rankOrder {
        let s = scores[i]
        classes[i] = s > mean + 2 * sd ? 1 : s > mean + sd ? 2 : s >= mean - sd ? 3 : s >= mean - 2 * sd ? 4 : 5
      }
    }
    return classes
  }

  /// The normalised columns spread back over the table's rows (`NaN` for
  /// the rows not ranked).
  private func normalizedColumnsInTableOrder() -> [[Double]] {
    let n = prepared.areaCount
    var normalizedCols = (0..<prepared.indicatorCount).map { _ in [Double](repeating: .nan, count: n) }
    for j in normalizedCols.indices {
      normalizedCols[j].withUnsafeMutableBufferPointer { col in
        columns[j].withUnsafeBufferPointer { c in
          for (k, row) in prepared.includedRows.enumerated() { col[row] = c[k] }
        }
      }
    }
    return normalizedCols
  }

  /// Throws when the aggregation cannot take some normalised value.
  func checkDomain(_ aggregation: any Aggregation) throws(IndexError) {
    guard aggregation.restrictsDomain else { return }
    let m = prepared.indicatorCount
    var problems: [IndexError] = []
    var total = 0
    for (k, row) in prepared.includedRows.enumerated() {
      for j in 0..<m {
        let v = matrix[k * m + j]
        guard !v.isNaN, let p = aggregation.domainProblem(for: v) else { continue }
        total += 1
        if problems.count < 3 {
          let id = prepared.definition.indicators[j].id
          problems.append(
            IndexError(
              .nonPositiveValues,
              "\(p) (area \(prepared.codes[row]), indicator \(id), normalised by \((prepared.definition.indicators[j].normalization ?? normalization).specification))",
              hint:
                "normalise with rank or imd-exp (always > 0; kraftctl: --normalization rank), or give the geometric mean an offset, e.g. {\"method\": \"geometric\", \"offset\": 1} with minmax",
              indicator: id, area: prepared.codes[row]))
        }
      }
    }
    if total > problems.count, !problems.isEmpty {
      problems[problems.count - 1].message += " — and \(total - problems.count) more value(s)"
    }
    if let e = IndexError.combining(problems) { throw e }
  }
}

/// Competition ranking and deciles as the index uses them, for analyses
/// that score with ``NormalizedIndex/scores(weights:dimensionWeights:aggregation:dimensionAggregation:)``.
///
/// ```swift
/// IndexRanking.ranks(of: [0.5, 2, 2, .nan, 1])   // [4, 1, 1, 0, 3]
/// IndexRanking.decile(rank: 14, of: 120)         // ⌈140/120⌉ = 2
/// ```
public enum IndexRanking {
  /// Ranks in descending order of score: 1 = highest (most vulnerable);
  /// tied scores share the lowest rank of their group (1-2-2-4); NaN gets 0.
  /// Scores that differ by at most 2⁻⁴⁴ of the largest absolute score
  /// (rounding, not substance) are tied: see `Documentation/IndexPipeline.md`.
  ///
  /// - Complexity: O(*n* log *n*).
  public static func ranks(of scores: [Double]) -> [Int] {
    var r: [Int] = []
    ScoreTies.descendingRanks(scores, into: &r)
    return r
  }

  /// The decile ⌈10·rank/N⌉ of a rank among N ranked areas: 1 = the most
  /// vulnerable tenth.
  ///
  /// - Precondition: 1 ≤ rank ≤ N.
  public static func decile(rank: Int, of count: Int) -> Int {
    precondition(rank >= 1 && rank <= count, "rank must be between 1 and the number of ranked areas")
    return (10 * rank + count - 1) / count
  }
}
