import KraftsamlingCore

extension IndexDefinition {
  /// Checks the definition on its own and against a table, reporting every
  /// problem found: no indicators, duplicate ids, weights that are not
  /// positive numbers, unknown dimensions, columns the table lacks (with
  /// "did you mean" suggestions), bad parameters, an empty table, a policy
  /// that works within parent areas when no hierarchy has that level.
  ///
  /// ```swift
  /// var d = IndexDefinition.stadskontoret2025
  /// d.indicators[1].indicator.measure = .rate(ColumnPair(numerator: "trangboda_0_18", denominator: "barn_0_18"))
  /// try d.validate(against: table)
  /// // throws index.unknown-column: the table has no column 'trangboda_0_18' (hint: did you mean trangbodda_0_18?)
  /// ```
  ///
  /// Problems that depend on the values (a geometric mean over values ≤ 0,
  /// no area with enough data) are found when the index is run.
  ///
  /// - Parameters:
  ///   - table: The data.
  ///   - hierarchy: The area hierarchy, needed when a policy works within
  ///     parent areas.
  /// - Throws: ``IndexError``; the first problem, the others in `related`.
  /// - Complexity: O(*m*·*c*·*k*²) for *m* indicators, *c* columns of
  ///   length about *k* (suggestions are only computed for unknown names).
  public func validate(against table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) {
    var problems = definitionProblems()
    let columns = NameResolver(entries: table.columnNames.map { ($0, $0) }, noun: "column")
    for wi in indicators {
      var cols: [String] = []
      switch wi.indicator.measure {
      case .rate(let p): cols = [p.numerator, p.denominator]
      case .value(let c): cols = [c]
      }
      for (_, p) in (wi.indicator.byKön ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        cols += [p.numerator, p.denominator]
      }
      for c in cols where !table.hasColumn(c) {
        let s = columns.suggestions(for: c)
        problems.append(
          IndexError(
            .unknownColumn, "the table has no column '\(c)' (indicator \(wi.id))",
            hint: s.isEmpty
              ? "the table's columns are \(table.columnNames.prefix(20).joined(separator: ", "))"
              : "did you mean \(s.joined(separator: " or "))?", indicator: wi.id, column: c,
            location: SourceLocation(file: table.source)))
      }
    }
    if table.count == 0 {
      problems.append(
        IndexError(
          .emptyData, "the table has no areas", hint: "check that the data file has rows below its header",
          location: SourceLocation(file: table.source)))
    }
    var levels: [(AreaLevel, String)] = []
    if let w = missingData.within { levels.append((w, "missing-data imputation within \(w)")) }
    if case .empiricalBayes(let w?) = smallNumbers.shrinkage { levels.append((w, "empirical-Bayes shrinkage within \(w)")) }
    for (level, what) in levels {
      if hierarchy == nil || !(hierarchy!.areas.contains { $0.parents[level] != nil }) {
        problems.append(
          IndexError(
            .missingHierarchy, "\(what) needs to know each area's \(level), but no hierarchy with that level was given",
            hint: "pass the area hierarchy (kraftctl uses the bundled delområden → GeSO), or remove 'within'"))
      }
    }
    if let e = IndexError.combining(problems) { throw e }
  }

  /// Problems of the definition alone: its indicators, its dimensions,
  /// its strategies, its policies and its weighting rule, in that order.
  func definitionProblems() -> [IndexError] {
    indicatorProblems() + dimensionProblems() + strategyProblems() + policyProblems() + weightingProblems()
  }

  /// No indicators, duplicate indicator ids, weights that are not positive.
  private func indicatorProblems() -> [IndexError] {
    var problems: [IndexError] = []
    if indicators.isEmpty {
      problems.append(IndexError(.noIndicators, "the definition \(id) has no indicators", hint: "add at least one indicator"))
    }
    var seen = Set<String>()
    for wi in indicators {
      if !seen.insert(wi.id).inserted {
        problems.append(
          IndexError(.duplicateID, "indicator id \(wi.id) is used twice", hint: "give every indicator its own id", indicator: wi.id))
      }
      if !(wi.weight.isFinite && wi.weight > 0) {
        problems.append(
          IndexError(
            .invalidWeight, "the weight \(wi.weight) of indicator \(wi.id) is not a positive number",
            hint: wi.weight == 0
              ? "a weight of 0 would silently drop the indicator: remove it from the definition instead"
              : "weights must be > 0 (they need not sum to 1)", indicator: wi.id))
      }
    }
    return problems
  }

  /// Duplicate dimension ids, weights that are not positive, indicators
  /// outside the declared dimensions and dimensions without indicators
  /// (nothing for a flat index).
  private func dimensionProblems() -> [IndexError] {
    guard !dimensions.isEmpty else { return [] }
    var problems: [IndexError] = []
    var dims = Set<String>()
    for d in dimensions {
      if !dims.insert(d.id).inserted {
        problems.append(IndexError(.duplicateID, "dimension id \(d.id) is used twice", hint: "give every dimension its own id"))
      }
      if !(d.weight.isFinite && d.weight > 0) {
        problems.append(
          IndexError(
            .invalidWeight, "the weight \(d.weight) of dimension \(d.id) is not a positive number",
            hint: "dimension weights must be > 0; to leave a dimension out, remove it and its indicators"))
      }
    }
    let resolver = NameResolver(entries: dimensions.map { ($0.id, $0.id) }, noun: "dimension")
    for wi in indicators where wi.indicator.dimension.map({ !dims.contains($0) }) ?? true {
      let name = wi.indicator.dimension ?? ""
      let s = name.isEmpty ? [] : resolver.suggestions(for: name)
      problems.append(
        IndexError(
          .unknownDimension,
          name.isEmpty
            ? "indicator \(wi.id) has no dimension, but the definition groups indicators into dimensions"
            : "indicator \(wi.id) names dimension '\(name)', which the definition does not declare",
          hint: s.isEmpty ? "declared dimensions: \(dimensions.map(\.id).joined(separator: ", "))" : "did you mean \(s.joined(separator: " or "))?",
          indicator: wi.id))
    }
    for d in dimensions where !indicators.contains(where: { $0.indicator.dimension == d.id }) {
      problems.append(
        IndexError(.unknownDimension, "dimension \(d.id) has no indicators", hint: "remove it or assign indicators to it"))
    }
    return problems
  }

  /// What the normalisation, each indicator's own normalisation and the
  /// two aggregations say about their own parameters, each message
  /// prefixed with the strategy's role (and the indicator).
  private func strategyProblems() -> [IndexError] {
    var problems: [IndexError] = []
    for (what, check) in [
      ("normalization", { () throws(IndexError) in try normalization.validate() }),
      ("aggregation", { () throws(IndexError) in try aggregation.validate() }),
      ("dimension aggregation", { () throws(IndexError) in try dimensionAggregation.validate() }),
    ] as [(String, () throws(IndexError) -> Void)] {
      do { try check() } catch {
        var e = error
        e.message = "\(what): \(e.message)"
        problems.append(e)
      }
    }
    for wi in indicators {
      guard let own = wi.normalization else { continue }
      do { try own.validate() } catch {
        var e = error
        e.message = "indicator \(wi.id): normalization: \(e.message)"
        e.subjects.append(.indicator(wi.id))
        problems.append(e)
      }
    }
    return problems
  }

  /// Parameters of the small-number, missing-data and outlier policies out
  /// of range.
  private func policyProblems() -> [IndexError] {
    var problems: [IndexError] = []
    if !(smallNumbers.minDenominator.isFinite && smallNumbers.minDenominator >= 0) {
      problems.append(
        IndexError(
          .invalidParameter, "minDenominator must be a number ≥ 0, got \(smallNumbers.minDenominator)",
          hint: "e.g. 10: rates over fewer than 10 people count as missing"))
    }
    let a = missingData.minimumAvailability
    if !(a >= 0 && a <= 1) {
      problems.append(
        IndexError(
          .invalidParameter, "minimumAvailability must be between 0 and 1, got \(a)",
          hint: "it is a share of the indicators, e.g. 0.75 for at least 3 of 4"))
    }
    if missingData.within != nil && !(missingData.method == .mean || missingData.method == .median) {
      problems.append(
        IndexError(
          .invalidParameter, "'within' only applies to mean or median imputation, not \(missingData.method.rawValue)",
          hint: "remove 'within' or use method mean or median"))
    }
    if outliers.enabled && (outliers.maxWinsorised < 0 || !outliers.skewness.isFinite || !outliers.kurtosis.isFinite) {
      problems.append(
        IndexError(.invalidParameter, "outlier treatment needs finite thresholds and maxWinsorised ≥ 0", hint: "use the COIN defaults 2, 3.5 and 5"))
    }
    return problems
  }
}
