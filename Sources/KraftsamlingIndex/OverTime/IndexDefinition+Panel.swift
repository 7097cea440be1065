import KraftsamlingCore

extension StageError.Code where Domain == IndexDomain {
  /// The reference year of an index over time is not a year of the panel.
  package static let unknownYear = Self(rawValue: "index.unknown-year")
}

extension IndexDefinition {
  /// Runs the index on every year of a panel with the normalisation fixed
  /// at a reference year, so that the years' scores are on one scale.
  ///
  /// Each year goes through the pipeline of ``run(on:hierarchy:)`` on its
  /// own — the small-number rule, missing data and outliers are applied
  /// within the year — except the normalisation, whose parameters (means
  /// and SDs, minimum and maximum, the values ranks are taken among, the
  /// pooled rate) are those of the reference year: see
  /// ``FittedNormalization``; so is a dimension's `imd-exp` transform (the
  /// reference year's dimension scores are the ranks' scale). Weights a
  /// `"weighting"` rule derives are derived once, from the reference year.
  /// The reference year's own result is exactly what ``run(on:hierarchy:)``
  /// gives for its table.
  ///
  /// ```swift
  /// let t = try IndexDefinition.stadskontoret2025.run(on: [2022: t22, 2023: t23], reference: 2022, top: 12)
  /// t.mobility.first?.comparison.meanAbsoluteShift
  /// ```
  ///
  /// - Parameters:
  ///   - panel: One table per year.
  ///   - reference: The year whose normalisation parameters are used.
  ///   - top: The size of each year's selection (rank ≤ `top`).
  ///   - codeMap: Area codes that changed; every year is read through it
  ///     (``AreaCodeMap``), and each change is a warning.
  ///   - hierarchy: Needed when a policy works within parent areas.
  /// - Throws: ``IndexError``: `index.unknown-year` when `reference` is not
  ///   a year of the panel, `index.invalid-parameter` for `top < 1` or a
  ///   normalisation that is not built in, or any error of a year's run
  ///   (its message starts with the year).
  /// - Complexity: O(*y*·*m*·*n* log *n*) for *y* years.
  public func run(
    on panel: [Int: AreaTable], reference: Int, top: Int, codeMap: AreaCodeMap? = nil, hierarchy: AreaHierarchy? = nil
  ) throws(IndexError) -> IndexTimeResult {
    let years = panel.keys.sorted()
    guard let r = years.firstIndex(of: reference) else {
      throw IndexError(
        .unknownYear, "the panel has no year \(reference)",
        hint: "choose the reference among \(years.map(String.init).joined(separator: ", "))")
    }
    guard top >= 1 else { throw IndexError(.invalidParameter, "top must be at least 1, got \(top)", hint: "e.g. 12") }
    // Derived weights come from the reference year and hold for every year.
    let (base, record) = try Self.inYear(reference) { () throws(IndexError) in
      try resolvingWeighting(on: panel[reference]!, hierarchy: hierarchy)
    }
    var warnings: [Diagnostic] = []
    var prepared: [PreparedIndex] = []
    for y in years {
      var table = panel[y]!
      if let codeMap {
        let mapped = codeMap.apply(to: table, year: y, countColumns: countColumns)
        table = mapped.table
        warnings += mapped.warnings
      }
      var p = try Self.inYear(y) { () throws(IndexError) in try base.prepare(table, hierarchy: hierarchy) }
      p.weighting = record
      prepared.append(p)
    }
    let fitted = try Self.inYear(reference) { () throws(IndexError) in try prepared[r].fittedNormalizations() }
    let dimensionFits = try Self.inYear(reference) { () throws(IndexError) in
      try prepared[r].normalized().fittedDimensionTransforms()
    }
    var results: [IndexResult] = []
    for (k, y) in years.enumerated() {
      var normalized = k == r
        ? prepared[k].normalized() : NormalizedIndex(prepared: prepared[k], normalization: normalization, fitted: fitted)
      if k != r { normalized.dimensionFits = dimensionFits }
      let result = try Self.inYear(y) { () throws(IndexError) in try normalized.result() }
      warnings += result.warnings.map { w in
        var w = w
        w.message = "year \(y): \(w.message)"
        return w
      }
      results.append(result)
    }
    return IndexTimeResult(reference: reference, years: years, top: top, results: results, warnings: warnings)
  }

  /// The table columns that are counts: the numerators and denominators of
  /// the rate indicators (also by kön). A code map sums them when areas merge.
  var countColumns: Set<String> {
    var out: Set<String> = []
    for wi in indicators {
      if case .rate(let p) = wi.indicator.measure { out.formUnion([p.numerator, p.denominator]) }
      for p in (wi.indicator.byKön ?? [:]).values { out.formUnion([p.numerator, p.denominator]) }
    }
    return out
  }

  /// Runs `body`, starting the message of any error it throws with the year.
  private static func inYear<T>(_ year: Int, _ body: () throws(IndexError) -> T) throws(IndexError) -> T {
    do throws(IndexError) { return try body() } catch {
      var e = error
      e.message = "year \(year): \(e.message)"
      throw e
    }
  }
}
