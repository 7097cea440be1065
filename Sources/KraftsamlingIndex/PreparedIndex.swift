import KraftsamlingCore

/// An index definition applied to a table up to, but not including,
/// normalisation: validated, rates computed, the small-number rule and any
/// shrinkage applied, areas excluded, missing values imputed and outliers
/// treated. It is the compiled form that robustness analyses re-use.
///
/// A Monte Carlo or sensitivity analysis changes one choice thousands of
/// times. Everything up to here depends only on the data and the
/// small-number, missing-data and outlier policies, so it is done once;
/// ``normalized(with:)`` then caches the normalised columns for one
/// normalisation, and ``NormalizedIndex/scores(weights:dimensionWeights:aggregation:dimensionAggregation:)``
/// re-aggregates with other weights or another aggregation in O(*n*·*m*)
/// without validating or allocating per area.
///
/// ```swift
/// let prepared = try IndexDefinition.stadskontoret2025.prepare(table)
/// let z = prepared.normalized()                       // the definition's own normalisation
/// let base = z.scores()
/// let heavy = z.scores(weights: [2, 1, 1, 1])         // first indicator doubled
/// let ranks = IndexRanking.ranks(of: heavy)           // 1 = most vulnerable, 0 = not ranked
/// let mm = prepared.normalized(with: .minMax).scores(aggregation: .geometric(offset: 1))
/// ```
///
/// To vary the small-number, missing-data or outlier policy, prepare once
/// per policy.
///
/// - Complexity: O(*m*·*n* log *n*) to prepare *m* indicators over *n*
///   areas (the log factor from the quartiles of the summaries).
public struct PreparedIndex: Sendable {
  /// The definition.
  public let definition: IndexDefinition
  /// Area codes in table order.
  public let codes: [String]
  /// Area names in table order.
  public let names: [String?]
  /// The rows that will be ranked (not excluded), ascending.
  package let includedRows: [Int]
  /// Why each row is excluded, or `nil`.
  package let exclusions: [IndexResult.Exclusion?]
  /// Spread of each indicator over the ranked areas.
  package let summaries: [IndexResult.IndicatorSummary]
  /// Remarks made while preparing.
  public let warnings: [Diagnostic]

  let observed: [[Double]]
  let denominators: [[Double?]]
  let values: [[Double]]
  let cellFlags: [[IndexResult.CellFlags]]
  let orientation: [Double]
  let pooled: [Double?]
  let breakdown: [IndexResult.KönBreakdown]
  /// The dimension of each indicator (0 for a flat index).
  let dimensionOf: [Int]

  /// The number of indicators.
  package var indicatorCount: Int { definition.indicators.count }
  /// The number of areas in the table.
  package var areaCount: Int { codes.count }

  /// Prepares a definition for a table.
  ///
  /// - Parameters:
  ///   - definition: The index definition.
  ///   - table: The data, one row per area.
  ///   - hierarchy: Needed when a policy works within parent areas.
  /// - Throws: ``IndexError`` from ``IndexDefinition/validate(against:hierarchy:)``,
  ///   or `index.empty-data` when no area has enough data to be ranked.
  package init(definition: IndexDefinition, table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) {
    try definition.validate(against: table, hierarchy: hierarchy)
    let n = table.count
    let m = definition.indicators.count
    let policy = definition.smallNumbers
    var warnings: [Diagnostic] = []

    func groups(_ level: AreaLevel?) -> [Int]? {
      guard let level, let hierarchy else { return nil }
      return AreaGroups(table: table, hierarchy: hierarchy, level: level).group
    }
    func column(_ name: String) -> [Double?] { table.column(name) ?? [Double?](repeating: nil, count: n) }

    var observed: [[Double]] = []
    var denominators: [[Double?]] = []
    var values: [[Double]] = []
    var flags: [[IndexResult.CellFlags]] = []
    var pooled: [Double?] = []
    var smallCounts: [Int] = []
    var breakdown: [IndexResult.KönBreakdown] = []
    var availableCount = [Int](repeating: 0, count: n)
    let shrinkGroups: [Int]?
    var shrinking = false
    if case .empiricalBayes(let within) = policy.shrinkage {
      shrinking = true
      shrinkGroups = groups(within)
    } else {
      shrinkGroups = nil
    }

    for wi in definition.indicators {
      var obs = [Double](repeating: .nan, count: n)
      var den: [Double?] = []
      var denForShrinking = [Double]()
      var val = [Double](repeating: .nan, count: n)
      var f = [IndexResult.CellFlags](repeating: [], count: n)
      var small = 0
      switch wi.indicator.measure {
      case .rate(let pair):
        let num = column(pair.numerator)
        let dcol = column(pair.denominator)
        var sy = 0.0
        var sn = 0.0
        var ys = shrinking ? [Double](repeating: .nan, count: n) : []
        den = dcol
        if shrinking { denForShrinking = [Double](repeating: .nan, count: n) }
        let minDen = policy.minDenominator
        num.withUnsafeBufferPointer { num in
          dcol.withUnsafeBufferPointer { dcol in
            for i in 0..<n {
              guard let y = num[i], let d = dcol[i] else {
                f[i].insert(.missing)
                continue
              }
              if shrinking {
                ys[i] = y
                denForShrinking[i] = d
              }
              guard d > 0 else {
                f[i].insert(.missing)
                continue
              }
              sy += y
              sn += d
              let r = y / d
              obs[i] = r
              if d < minDen {
                f[i].insert(.smallDenominator)
                small += 1
              } else if !shrinking {
                val[i] = r
              }
            }
          }
        }
        pooled.append(sn > 0 ? sy / sn : nil)
        if shrinking {
          val = SmallNumberPolicy.empiricalBayes(numerators: ys, denominators: denForShrinking, groups: shrinkGroups)
          for i in 0..<n where !val[i].isNaN { f[i].insert(.shrunk) }
        }
        for (kön, p) in (wi.indicator.byKön ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
          let kn = column(p.numerator)
          let kd = column(p.denominator)
          var rates = [Double?](repeating: nil, count: n)
          var sky = 0.0
          var skn = 0.0
          for i in 0..<n {
            guard let y = kn[i], let d = kd[i], d > 0 else { continue }
            sky += y
            skn += d
            if d >= policy.minDenominator { rates[i] = y / d }
          }
          breakdown.append(
            IndexResult.KönBreakdown(
              indicator: wi.id, kön: kön, rates: rates, denominators: kd, pooled: skn > 0 ? sky / skn : nil,
              summary: IndexResult.IndicatorSummary.empty(wi)))
        }
      case .value(let c):
        let col = column(c)
        var s = 0.0
        var k = 0
        for i in 0..<n {
          guard let v = col[i] else {
            f[i].insert(.missing)
            continue
          }
          obs[i] = v
          val[i] = v
          s += v
          k += 1
        }
        pooled.append(k > 0 ? s / Double(k) : nil)
      }
      for i in 0..<n where !val[i].isNaN { availableCount[i] += 1 }
      observed.append(obs)
      denominators.append(den)
      values.append(val)
      flags.append(f)
      smallCounts.append(small)
    }

    // Exclusion by availability.
    var exclusions = [IndexResult.Exclusion?](repeating: nil, count: n)
    var included: [Int] = []
    included.reserveCapacity(n)
    let minAvailable = definition.missingData.method == .exclude ? Double(m) : definition.missingData.minimumAvailability * Double(m)
    for i in 0..<n {
      let available = availableCount[i]
      if available == m {
        included.append(i)
        continue
      }
      let missing = (0..<m).filter { values[$0][i].isNaN }.map { definition.indicators[$0].id }
      if available == 0 {
        exclusions[i] = IndexResult.Exclusion(reason: .noData, indicators: missing, available: 0, total: m)
      } else if definition.missingData.method == .exclude {
        exclusions[i] = IndexResult.Exclusion(reason: .missingData, indicators: missing, available: available, total: m)
      } else if Double(available) < minAvailable - 1e-9 {
        exclusions[i] = IndexResult.Exclusion(reason: .belowAvailability, indicators: missing, available: available, total: m)
      } else {
        included.append(i)
      }
    }
    guard !included.isEmpty else {
      throw IndexError(
        .emptyData, "no area has enough data to be ranked (\(n) areas, \(m) indicators)",
        hint: "check the columns, lower minDenominator (now \(policy.minDenominator)) or use missing-data policy reweight or mean",
        location: SourceLocation(file: table.source))
    }
    var isIncluded = [Bool](repeating: false, count: n)
    for i in included { isIncluded[i] = true }

    // Summaries over the ranked areas' values before imputation.
    var summaries: [IndexResult.IndicatorSummary] = []
    for (j, wi) in definition.indicators.enumerated() {
      var dense: [Double] = []
      dense.reserveCapacity(included.count)
      values[j].withUnsafeBufferPointer { col in
        for i in included where !col[i].isNaN { dense.append(col[i]) }
      }
      var s = IndexResult.IndicatorSummary.make(wi, &dense, missing: included.count - dense.count)
      s.smallDenominators = smallCounts[j]
      s.pooled = pooled[j]
      summaries.append(s)
    }
    for b in breakdown.indices {
      let rates = breakdown[b].rates
      var dense: [Double] = []
      for i in included { if let r = rates[i] { dense.append(r) } }
      guard let j = definition.indicators.firstIndex(where: { $0.id == breakdown[b].indicator }) else { continue }
      var s = IndexResult.IndicatorSummary.make(definition.indicators[j], &dense, missing: included.count - dense.count)
      s.id = "\(breakdown[b].indicator).\(breakdown[b].kön.rawValue)"
      s.pooled = breakdown[b].pooled
      breakdown[b].summary = s
    }

    // Imputation.
    let method = definition.missingData.method
    if method == .mean || method == .median {
      let g = groups(definition.missingData.within)
      for j in 0..<m {
        var all: [Double] = []
        var byGroup: [Int: [Double]] = [:]
        for i in included where !values[j][i].isNaN {
          all.append(values[j][i])
          if let g, g[i] >= 0 { byGroup[g[i], default: []].append(values[j][i]) }
        }
        func centre(_ x: [Double]) -> Double { method == .mean ? IndexMath.mean(x) : IndexMath.median(x) }
        let overall = centre(all)
        var groupCentre: [Int: Double] = [:]
        for (k, v) in byGroup { groupCentre[k] = centre(v) }
        var fallbacks = 0
        var imputed = 0
        for i in included where values[j][i].isNaN {
          var v = overall
          if let g {
            if g[i] >= 0, let c = groupCentre[g[i]] { v = c } else { fallbacks += 1 }
          }
          guard !v.isNaN else { continue }  // no ranked area has a value to impute from
          values[j][i] = v
          flags[j][i].insert(.imputed)
          imputed += 1
        }
        summaries[j].imputed = imputed
        if fallbacks > 0 {
          warnings.append(
            Diagnostic(
              .warning, code: "index.imputation-fallback",
              "\(fallbacks) value(s) of \(definition.indicators[j].id) imputed from all areas: their parent area has no data",
              hint: "check the hierarchy covers every area"))
        }
      }
    }

    // Outlier treatment over the ranked areas.
    if definition.outliers.enabled {
      for j in 0..<m {
        var rows: [Int] = []
        var dense: [Double] = []
        for i in included where !values[j][i].isNaN {
          rows.append(i)
          dense.append(values[j][i])
        }
        let (treated, winsorised, outcome) = definition.outliers.apply(dense)
        for (k, i) in rows.enumerated() { values[j][i] = treated[k] }
        for k in winsorised { flags[j][rows[k]].insert(.winsorised) }
        summaries[j].treatment = outcome
        if outcome == .logTransformed {
          warnings.append(
            Diagnostic(
              .warning, code: "index.log-transformed",
              "\(definition.indicators[j].id) still failed the COIN skewness/kurtosis rule after winsorising \(definition.outliers.maxWinsorised) points and was log-transformed"))
        }
      }
    }
    // Excluded rows keep no value.
    for j in 0..<m {
      values[j].withUnsafeMutableBufferPointer { col in
        for i in 0..<n where !isIncluded[i] { col[i] = .nan }
      }
    }

    var dimensionOf = [Int](repeating: 0, count: m)
    if !definition.dimensions.isEmpty {
      for (j, wi) in definition.indicators.enumerated() {
        dimensionOf[j] = definition.dimensions.firstIndex { $0.id == wi.indicator.dimension } ?? 0
      }
    }

    self.definition = definition
    self.codes = table.codes
    self.names = table.names
    self.includedRows = included
    self.exclusions = exclusions
    self.summaries = summaries
    self.warnings = warnings
    self.observed = observed
    self.denominators = denominators
    self.values = values
    self.cellFlags = flags
    self.orientation = definition.indicators.map { $0.indicator.direction == .higherIsBetter ? -1 : 1 }
    self.pooled = pooled
    self.breakdown = breakdown
    self.dimensionOf = dimensionOf
  }

  /// Normalises every indicator, with the definition's normalisation or
  /// another one, ready for repeated scoring.
  ///
  /// - Complexity: O(*m*·*n* log *n*) for rank-based methods, O(*m*·*n*) otherwise.
  public func normalized(with normalization: (any Normalization)? = nil) -> NormalizedIndex {
    NormalizedIndex(prepared: self, normalization: normalization ?? definition.normalization)
  }
}

extension IndexResult.IndicatorSummary {
  /// A summary with no values.
  static func empty(_ wi: IndexDefinition.WeightedIndicator) -> IndexResult.IndicatorSummary {
    IndexResult.IndicatorSummary(
      id: wi.id, name: wi.indicator.name, direction: wi.indicator.direction, count: 0, missing: 0, smallDenominators: 0,
      imputed: 0, treatment: .none)
  }

  /// Location and spread of dense values (reordered by the quartile selection).
  static func make(_ wi: IndexDefinition.WeightedIndicator, _ x: inout [Double], missing: Int) -> IndexResult.IndicatorSummary {
    var s = empty(wi)
    s.count = x.count
    s.missing = missing
    guard !x.isEmpty else { return s }
    let mo = IndexMath.moments(x)
    s.mean = mo.mean
    s.standardDeviation = mo.sd
    var lo = x[0]
    var hi = x[0]
    for v in x {
      if v < lo { lo = v }
      if v > hi { hi = v }
    }
    s.minimum = lo
    s.maximum = hi
    let q = IndexMath.quartiles(selecting: &x)
    s.q1 = q.q1
    s.median = q.median
    s.q3 = q.q3
    s.skewness = mo.skewness.isNaN ? nil : mo.skewness
    s.kurtosis = mo.kurtosis.isNaN ? nil : mo.kurtosis
    return s
  }
}

extension IndexDefinition {
  /// Validates the definition against a table and prepares it for
  /// (repeated) scoring; see ``PreparedIndex``.
  ///
  /// - Throws: ``IndexError``.
  public func prepare(_ table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) -> PreparedIndex {
    try PreparedIndex(definition: self, table: table, hierarchy: hierarchy)
  }

  /// Runs the whole pipeline on a table: validate, compute rates, apply the
  /// small-number, missing-data and outlier policies, normalise, check the
  /// aggregation's domain, aggregate, rank and classify.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: table)
  /// result.ranked.prefix(13).map(\.name)
  /// ```
  ///
  /// - Parameters:
  ///   - table: One row per area.
  ///   - hierarchy: Needed when a policy works within parent areas (GeSO).
  /// - Throws: ``IndexError``: every definition problem at once
  ///   (``validate(against:hierarchy:)``), `index.empty-data`, or
  ///   `index.nonpositive-values` when the aggregation cannot take the
  ///   normalised values.
  /// - Complexity: O(*m*·*n* log *n*) for *m* indicators and *n* areas.
  public func run(on table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) -> IndexResult {
    try prepare(table, hierarchy: hierarchy).normalized().result()
  }
}
