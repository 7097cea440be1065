import KraftsamlingCore

extension IndexDefinition {
  /// Weights a definition derives each time it is prepared or run — the
  /// `"weighting"` block of its JSON: a ``WeightingMethod`` with its
  /// inputs, and the ``WeightingLevel`` the weights are for.
  ///
  /// ```json
  /// "weighting": {"method": "ahp", "level": "dimensions", "matrix": [[1, 3], [0.3333333333, 1]]}
  /// "weighting": {"method": "budget", "points": [[40, 30, 30], [50, 25, 25]], "total": 100}
  /// "weighting": {"method": "pca", "minimumEigenvalue": 1, "minimumShare": 0.1}
  /// "weighting": {"method": "optimised", "target": [0.5, 0.25, 0.25]}
  /// "weighting": {"method": "regression", "outcome": "uvas_16_29", "denominator": "unga_16_29"}
  /// ```
  ///
  /// The statistical methods (`pca`, `optimised`, `regression`) derive the
  /// weights from the table the definition is run on; `budget` and `ahp`
  /// from their judgements alone.
  package struct WeightingRule: Sendable, Hashable, Codable {
    /// The method with its inputs.
    package var method: WeightingMethod
    /// Indicators (default) or dimensions.
    package var level: WeightingLevel

    /// A rule.
    package init(method: WeightingMethod, level: WeightingLevel = .indicators) {
      self.method = method
      self.level = level
    }

    private enum CodingKeys: String, CodingKey {
      case method, level, points, total, matrix, randomIndex, force, minimumEigenvalue, minimumShare, target, outcome,
        denominator
    }

    /// Decodes the flat form `{"method", "level"?, …the method's inputs}`.
    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let name = try c.decode(String.self, forKey: .method)
      let level = try c.decodeIfPresent(WeightingLevel.self, forKey: .level) ?? .indicators
      let method: WeightingMethod
      switch name {
      case "budget":
        method = .budgetAllocation(
          points: try c.decode([[Double]].self, forKey: .points), total: try c.decodeIfPresent(Double.self, forKey: .total) ?? 100)
      case "ahp":
        method = .analyticHierarchy(
          matrix: try c.decode([[Double]].self, forKey: .matrix),
          randomIndex: try c.decodeIfPresent(AHPRandomIndex.self, forKey: .randomIndex) ?? .saaty,
          force: try c.decodeIfPresent(Bool.self, forKey: .force) ?? false)
      case "pca":
        method = .principalComponents(
          minimumEigenvalue: try c.decodeIfPresent(Double.self, forKey: .minimumEigenvalue) ?? 1,
          minimumShare: try c.decodeIfPresent(Double.self, forKey: .minimumShare) ?? 0.1)
      case "optimised":
        method = .optimised(target: try c.decodeIfPresent([Double].self, forKey: .target))
      case "regression":
        method = .regression(
          outcome: try c.decode(String.self, forKey: .outcome),
          denominator: try c.decodeIfPresent(String.self, forKey: .denominator))
      default:
        throw DecodingError.dataCorruptedError(
          forKey: .method, in: c,
          debugDescription: "weighting: unknown method '\(name)': use budget, ahp, pca, optimised or regression")
      }
      self.init(method: method, level: level)
    }

    /// Encodes the flat form.
    package func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(method.name, forKey: .method)
      try c.encode(level, forKey: .level)
      switch method {
      case .budgetAllocation(let points, let total):
        try c.encode(points, forKey: .points)
        try c.encode(total, forKey: .total)
      case .analyticHierarchy(let matrix, let randomIndex, let force):
        try c.encode(matrix, forKey: .matrix)
        try c.encode(randomIndex, forKey: .randomIndex)
        if force { try c.encode(force, forKey: .force) }
      case .principalComponents(let minimumEigenvalue, let minimumShare):
        try c.encode(minimumEigenvalue, forKey: .minimumEigenvalue)
        try c.encode(minimumShare, forKey: .minimumShare)
      case .optimised(let target):
        try c.encodeIfPresent(target, forKey: .target)
      case .regression(let outcome, let denominator):
        try c.encode(outcome, forKey: .outcome)
        try c.encodeIfPresent(denominator, forKey: .denominator)
      }
    }

    /// The JSON member holding the method's judgements, for messages.
    var inputField: String {
      switch method {
      case .budgetAllocation: "weighting.points"
      case .analyticHierarchy: "weighting.matrix"
      case .optimised: "weighting.target"
      case .regression: "weighting.outcome"
      case .principalComponents: "weighting"
      }
    }
  }
}

extension IndexDefinition {
  /// The definition with its ``weighting`` rule applied to `table`: the
  /// derived weights set (the rule removed, the change recorded in
  /// ``modifications``) and the record of how; the definition itself and
  /// `nil` without a rule.
  ///
  /// - Throws: ``IndexError`` from ``weighted(by:level:on:hierarchy:)``,
  ///   its message starting with the `weighting` member concerned.
  package func resolvingWeighting(on table: AreaTable, hierarchy: AreaHierarchy?) throws(IndexError) -> (
    definition: IndexDefinition, record: WeightingRecord?
  ) {
    guard let rule = weighting else { return (self, nil) }
    var base = self
    base.weighting = nil
    do {
      let (d, record) = try base.weighted(by: rule.method, level: rule.level, on: table, hierarchy: hierarchy)
      return (d, record)
    } catch {
      var e = error
      e.message = "\(rule.inputField) (\(rule.method.name)): \(e.message)"
      if e.location.field == nil { e.location.field = rule.inputField }
      throw e
    }
  }

  /// What is wrong with the judgements of a `budget` or `ahp` rule on
  /// their own (their size against the items, entries out of range), each
  /// located at its `weighting` member.
  func weightingProblems() -> [IndexError] {
    guard let rule = weighting else { return [] }
    let items = rule.level == .indicators ? indicators.count : dimensions.count
    if rule.level == .dimensions && dimensions.isEmpty {
      return [IndexError(.invalidParameter, "weighting: level dimensions, but the definition has no dimensions", hint: "use level indicators")]
    }
    let found: [WeightingInputProblem]
    switch rule.method {
    case .budgetAllocation(let points, let total):
      found = BudgetAllocation.problems(in: points, total: total)
      if let n = points.first?.count, n != items {
        return [Self.sizeProblem(rule, "each expert gives \(n) numbers", items: items)]
      }
    case .analyticHierarchy(let matrix, _, _):
      found = AnalyticHierarchy.problems(in: matrix)
      if matrix.count != items { return [Self.sizeProblem(rule, "the matrix has \(matrix.count) rows", items: items)] }
    default:
      return []
    }
    return found.map { p in
      let at = "\(rule.inputField)[\(p.row)]" + (p.column.map { "[\($0)]" } ?? "")
      return IndexError(.invalidParameter, "\(at): \(p.message)", hint: p.hint, location: SourceLocation(field: at))
    }
  }

  /// The judgements do not have one entry per item of the level.
  private static func sizeProblem(_ rule: WeightingRule, _ what: String, items: Int) -> IndexError {
    IndexError(
      .weightsMismatch, "\(rule.inputField): \(what), but the definition has \(items) \(rule.level.rawValue)",
      hint: "give one entry per \(rule.level == .indicators ? "indicator" : "dimension"), in definition order",
      location: SourceLocation(field: rule.inputField))
  }
}
