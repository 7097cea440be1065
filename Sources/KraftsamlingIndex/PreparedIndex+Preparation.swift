import KraftsamlingCore

extension PreparedIndex {
  /// The stages of ``PreparedIndex/init(definition:table:hierarchy:)``, in
  /// order: measure every indicator, select the rows to rank, summarise
  /// them, impute missing values, treat outliers and clear the excluded rows.
  ///
  /// Each stage refines the columns the previous one left; the finished
  /// state is what ``PreparedIndex`` stores.
  struct Preparation {
    let definition: IndexDefinition
    let table: AreaTable
    let hierarchy: AreaHierarchy?

    /// The observed value of every indicator and area (`NaN` when missing).
    var observed: [[Double]] = []
    /// The denominators of rate indicators (empty for a value indicator).
    var denominators: [[Double?]] = []
    /// The values that will be normalised (`NaN` when missing).
    var values: [[Double]] = []
    /// What happened to each cell.
    var flags: [[IndexResult.CellFlags]] = []
    /// Σ numerator / Σ denominator (or the mean) of every indicator.
    var pooled: [Double?] = []
    /// How many areas of each indicator have a small denominator.
    var smallCounts: [Int] = []
    /// The rates by kön of the indicators that have them.
    var breakdown: [IndexResult.KönBreakdown] = []
    /// The rows that will be ranked, ascending.
    var included: [Int] = []
    /// Why each row is excluded, or `nil`.
    var exclusions: [IndexResult.Exclusion?] = []
    /// Spread of each indicator over the ranked areas.
    var summaries: [IndexResult.IndicatorSummary] = []
    /// Remarks made while preparing.
    var warnings: [Diagnostic] = []

    /// The number of areas.
    var n: Int { table.count }
    /// The number of indicators.
    var m: Int { definition.indicators.count }

    init(definition: IndexDefinition, table: AreaTable, hierarchy: AreaHierarchy?) {
      self.definition = definition
      self.table = table
      self.hierarchy = hierarchy
    }

    /// The parent-area group of every row at `level`, or `nil` without a
    /// level or a hierarchy.
    func groups(_ level: AreaLevel?) -> [Int]? {
      guard let level, let hierarchy else { return nil }
      return AreaGroups(table: table, hierarchy: hierarchy, level: level).group
    }

    /// A column of the table, all missing when the table lacks it.
    func column(_ name: String) -> [Double?] { table.column(name) ?? [Double?](repeating: nil, count: n) }
  }
}

// MARK: - Measuring

extension PreparedIndex.Preparation {
  /// One indicator's columns as measured from the table.
  struct MeasuredColumn {
    var observed: [Double]
    var denominators: [Double?] = []
    var values: [Double]
    var flags: [IndexResult.CellFlags]
    var smallCount = 0
    var pooled: Double? = nil
  }

  /// Computes every indicator's rates or values, applies the small-number
  /// rule and any shrinkage, and collects the breakdowns by kön.
  mutating func measureIndicators() {
    var shrinkGroups: [Int]? = nil
    var shrinking = false
    if case .empiricalBayes(let within) = definition.smallNumbers.shrinkage {
      shrinking = true
      shrinkGroups = groups(within)
    }
    for wi in definition.indicators {
      let measured: MeasuredColumn
      switch wi.indicator.measure {
      case .rate(let pair):
        measured = rateColumn(pair, shrinking: shrinking, shrinkGroups: shrinkGroups)
        breakdown += könBreakdowns(wi)
      case .value(let c):
        measured = valueColumn(c)
      }
      observed.append(measured.observed)
      denominators.append(measured.denominators)
      values.append(measured.values)
      flags.append(measured.flags)
      smallCounts.append(measured.smallCount)
      pooled.append(measured.pooled)
    }
  }

  /// A rate indicator: numerator over denominator, missing where either is
  /// missing or the denominator is not positive; a denominator below the
  /// small-number limit leaves the value missing, or shrunk towards its
  /// group with empirical Bayes.
  func rateColumn(_ pair: ColumnPair, shrinking: Bool, shrinkGroups: [Int]?) -> MeasuredColumn {
    let n = n
    var obs = [Double](repeating: .nan, count: n)
    var val = [Double](repeating: .nan, count: n)
    var f = [IndexResult.CellFlags](repeating: [], count: n)
    var small = 0
    let num = column(pair.numerator)
    let dcol = column(pair.denominator)
    var sy = 0.0
    var sn = 0.0
    var ys = shrinking ? [Double](repeating: .nan, count: n) : []
    var denForShrinking = shrinking ? [Double](repeating: .nan, count: n) : []
    let minDen = definition.smallNumbers.minDenominator
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
    if shrinking {
      val = SmallNumberPolicy.empiricalBayes(numerators: ys, denominators: denForShrinking, groups: shrinkGroups)
      for i in 0..<n where !val[i].isNaN { f[i].insert(.shrunk) }
    }
    return MeasuredColumn(
      observed: obs, denominators: dcol, values: val, flags: f, smallCount: small, pooled: sn > 0 ? sy / sn : nil)
  }

  /// The rates by kön of a rate indicator, in the order of the kön codes;
  /// their summaries are filled in by ``summarise()``.
  func könBreakdowns(_ wi: IndexDefinition.WeightedIndicator) -> [IndexResult.KönBreakdown] {
    let n = n
    let minDenominator = definition.smallNumbers.minDenominator
    var out: [IndexResult.KönBreakdown] = []
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
        if d >= minDenominator { rates[i] = y / d }
      }
      out.append(
        IndexResult.KönBreakdown(
          indicator: wi.id, kön: kön, rates: rates, denominators: kd, pooled: skn > 0 ? sky / skn : nil,
          summary: IndexResult.IndicatorSummary.empty(wi)))
    }
    return out
  }

  /// A value indicator: the column as it is, missing where it is empty.
  func valueColumn(_ name: String) -> MeasuredColumn {
    let n = n
    var obs = [Double](repeating: .nan, count: n)
    var val = [Double](repeating: .nan, count: n)
    var f = [IndexResult.CellFlags](repeating: [], count: n)
    let col = column(name)
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
    return MeasuredColumn(observed: obs, values: val, flags: f, pooled: k > 0 ? s / Double(k) : nil)
  }
}

// MARK: - Selecting, summarising, imputing, treating

extension PreparedIndex.Preparation {
  /// Decides which areas are ranked, by how many indicators each has a
  /// value for under the missing-data policy, and records why the others
  /// are excluded.
  ///
  /// - Throws: `index.empty-data` when no area is left to rank.
  mutating func selectRankedRows() throws(IndexError) {
    let n = n
    let m = m
    var availableCount = [Int](repeating: 0, count: n)
    for j in 0..<m {
      values[j].withUnsafeBufferPointer { col in
        for i in 0..<n where !col[i].isNaN { availableCount[i] += 1 }
      }
    }
    let missingData = definition.missingData
    exclusions = [IndexResult.Exclusion?](repeating: nil, count: n)
    included = []
    included.reserveCapacity(n)
    let minAvailable = missingData.method == .exclude ? Double(m) : missingData.minimumAvailability * Double(m)
    for i in 0..<n {
      let available = availableCount[i]
      if available == m {
        included.append(i)
        continue
      }
      let missing = (0..<m).filter { values[$0][i].isNaN }.map { definition.indicators[$0].id }
      if available == 0 {
        exclusions[i] = IndexResult.Exclusion(reason: .noData, indicators: missing, available: 0, total: m)
      } else if missingData.method == .exclude {
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
        hint: "check the columns, lower minDenominator (now \(definition.smallNumbers.minDenominator)) or use missing-data policy reweight or mean",
        location: SourceLocation(file: table.source))
    }
  }

  /// Summarises every indicator, and every breakdown by kön, over the
  /// ranked areas' values before imputation.
  mutating func summarise() {
    summaries = []
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
  }

  /// Fills the ranked areas' missing values with the mean or median of
  /// their parent area (or of all ranked areas), when the missing-data
  /// policy says so.
  mutating func imputeMissing() {
    let method = definition.missingData.method
    guard method == .mean || method == .median else { return }
    let g = groups(definition.missingData.within)
    for j in 0..<m { impute(indicator: j, byMean: method == .mean, groups: g) }
  }

  /// Imputes one indicator; warns when an area's parent has no value to
  /// impute from.
  mutating func impute(indicator j: Int, byMean: Bool, groups g: [Int]?) {
    var all: [Double] = []
    var byGroup: [Int: [Double]] = [:]
    for i in included where !values[j][i].isNaN {
      all.append(values[j][i])
      if let g, g[i] >= 0 { byGroup[g[i], default: []].append(values[j][i]) }
    }
    func centre(_ x: [Double]) -> Double { byMean ? IndexMath.mean(x) : IndexMath.median(x) }
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

  /// Winsorises (or log-transforms) outlying values over the ranked areas,
  /// when the outlier policy is on.
  mutating func treatOutliers() {
    let outliers = definition.outliers
    guard outliers.enabled else { return }
    for j in 0..<m {
      var rows: [Int] = []
      var dense: [Double] = []
      for i in included where !values[j][i].isNaN {
        rows.append(i)
        dense.append(values[j][i])
      }
      let (treated, winsorised, outcome) = outliers.apply(dense)
      for (k, i) in rows.enumerated() { values[j][i] = treated[k] }
      for k in winsorised { flags[j][rows[k]].insert(.winsorised) }
      summaries[j].treatment = outcome
      if outcome == .logTransformed {
        warnings.append(
          Diagnostic(
            .warning, code: "index.log-transformed",
            "\(definition.indicators[j].id) still failed the COIN skewness/kurtosis rule after winsorising \(outliers.maxWinsorised) points and was log-transformed"))
      }
    }
  }

  /// Leaves no value in the rows that are not ranked.
  mutating func clearExcludedRows() {
    let n = n
    var isIncluded = [Bool](repeating: false, count: n)
    for i in included { isIncluded[i] = true }
    for j in 0..<m {
      values[j].withUnsafeMutableBufferPointer { col in
        for i in 0..<n where !isIncluded[i] { col[i] = .nan }
      }
    }
  }

  /// The dimension of each indicator (0 for a flat index).
  func dimensionOfIndicators() -> [Int] {
    var dimensionOf = [Int](repeating: 0, count: m)
    if !definition.dimensions.isEmpty {
      for (j, wi) in definition.indicators.enumerated() {
        dimensionOf[j] = definition.dimensions.firstIndex { $0.id == wi.indicator.dimension } ?? 0
      }
    }
    return dimensionOf
  }
}
