import KraftsamlingCore

/// One derivation of weights in progress: runs the method and collects
/// its weights, single diagnostics and per-item details into a record.
struct WeightingDerivation {
  let method: WeightingMethod
  let level: WeightingLevel
  let ids: [String]
  let names: [String]
  var weights: [Double] = []
  var diagnostics: [String: Double] = [:]
  var details: [String: [Double]] = [:]
  var notes: [String] = []

  init(method: WeightingMethod, level: WeightingLevel, ids: [String], names: [String]) {
    self.method = method
    self.level = level
    self.ids = ids
    self.names = names
  }

  /// The record of what was derived.
  var record: WeightingRecord {
    WeightingRecord(
      method: method, level: level, ids: ids, names: names, weights: weights, diagnostics: diagnostics, details: details,
      notes: notes)
  }

  /// Budget allocation or AHP: from the judgements in the method.
  mutating func deriveFromJudgements() throws(IndexError) {
    switch method {
    case .budgetAllocation(let points, let total):
      try checkCount(points.first?.count ?? 0, "each expert's points")
      let b = try BudgetAllocation(points: points, total: total)
      weights = b.weights
      diagnostics = ["experts": Double(points.count), "total": total]
      details = ["standardDeviation": b.standardDeviations, "minimum": b.minima, "maximum": b.maxima]
    case .analyticHierarchy(let matrix, let table, let force):
      try checkCount(matrix.count, "the comparison matrix's rows")
      let ahp = try AnalyticHierarchy(matrix: matrix, randomIndex: table)
      weights = ahp.priorities
      diagnostics = [
        "lambdaMax": ahp.lambdaMax, "consistencyIndex": ahp.consistencyIndex, "consistencyRatio": ahp.consistencyRatio,
      ]
      if let ri = ahp.randomIndex { diagnostics["randomIndex"] = ri }
      if ahp.consistencyRatio > AnalyticHierarchy.acceptableRatio && !force {
        throw IndexError(
          .inconsistentComparisons,
          "the comparisons are too inconsistent: consistency ratio \(ahp.consistencyRatio) > \(AnalyticHierarchy.acceptableRatio)",
          hint: "revise the comparisons that contradict each other, or force the weights")
      }
    default:
      preconditionFailure("\(method.name) weights are derived from data")
    }
  }

  /// PCA, optimised or regression weights: from the data.
  mutating func derive(from data: WeightingData, table: AreaTable) throws(IndexError) {
    switch method {
    case .principalComponents(let minimumEigenvalue, let minimumShare):
      let pca = try PCAWeights(columns: data.columns, minimumEigenvalue: minimumEigenvalue, minimumShare: minimumShare)
      weights = pca.weights
      diagnostics = [
        "components": Double(pca.retained), "areas": Double(pca.areaCount),
        "explainedVariance": pca.eigenvalues.prefix(pca.retained).reduce(0, +) / Double(pca.eigenvalues.count),
      ]
      details = [
        "component": pca.factorOf.map { Double($0 + 1) }, "scaledLoading": pca.scaledLoadings,
        "componentShare": pca.factorOf.map { pca.factorShares[$0] }, "eigenvalue": pca.eigenvalues,
      ]
    case .optimised(let target):
      let opt = try OptimisedWeights(data, target: target)
      weights = opt.weights
      diagnostics = [
        "residual": opt.residual, "sumOfSquares": opt.sumOfSquares, "iterations": Double(opt.iterations),
        "areas": Double(data.tableRows.count),
      ]
      details = ["effective": opt.effective, "target": opt.target]
      notes = opt.shortfalls(ids: ids)
    case .regression(let outcome, let denominator):
      let y = try Self.outcome(table, outcome, denominator, rows: data.tableRows)
      let fit = try RegressionWeights(columns: data.columns, outcome: y)
      weights = fit.weights
      diagnostics = ["rSquared": fit.rSquared, "intercept": fit.intercept, "areas": Double(fit.areaCount)]
      details = ["coefficient": fit.coefficients]
    default:
      preconditionFailure("\(method.name) weights are derived from judgements")
    }
  }

  /// Refuses inputs that do not have one entry per item.
  func checkCount(_ count: Int, _ what: String) throws(IndexError) {
    guard count == ids.count else {
      throw IndexError(
        .weightsMismatch, "\(what) give \(count) numbers for \(ids.count) \(level.rawValue)",
        hint: "one per \(level == .indicators ? "indicator" : "dimension"), in order: \(ids.joined(separator: ", "))")
    }
  }

  /// The outcome of each ranked area: the column, or the column over the
  /// denominator (missing where the denominator is not positive).
  static func outcome(_ table: AreaTable, _ name: String, _ denominator: String?, rows: [Int]) throws(IndexError) -> [Double] {
    func column(_ c: String) throws(IndexError) -> [Double?] {
      guard let values = table.column(c) else {
        throw IndexError(.unknownColumn, "the table has no outcome column '\(c)'", hint: "name a column of the data", column: c)
      }
      return values
    }
    let y = try column(name)
    guard let denominator else { return rows.map { y[$0] ?? .nan } }
    let d = try column(denominator)
    return rows.map { i in
      guard let num = y[i], let den = d[i], den > 0 else { return .nan }
      return num / den
    }
  }
}
