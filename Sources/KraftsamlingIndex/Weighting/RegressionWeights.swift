import KraftsamlingCore

/// Regression weights: the outcome regressed on the items by non-negative
/// least squares with a free intercept (both centred over the areas where
/// the outcome and every item are present, then ``NonNegativeLeastSquares``
/// on the centred values), the coefficients scaled to sum 1.
///
/// ```swift
/// let r = try RegressionWeights(columns: [x1, x2], outcome: y)
/// r.weights; r.coefficients; r.rSquared
/// ```
///
/// - Complexity: O(*n*·*p*²) per NNLS step for *n* areas and *p* items.
struct RegressionWeights {
  /// The coefficients scaled to sum 1.
  let weights: [Double]
  /// The non-negative coefficients, in the outcome's units per unit of each item.
  let coefficients: [Double]
  /// ȳ − Σ bⱼ·x̄ⱼ.
  let intercept: Double
  /// 1 − Σ residual² / Σ(y − ȳ)².
  let rSquared: Double
  /// The areas used.
  let areaCount: Int

  /// Regresses `outcome` on the columns, over the rows where all are present.
  ///
  /// - Throws: ``IndexError`` `index.empty-data` when there are no more
  ///   complete areas than items, or the outcome is constant;
  ///   `index.invalid-parameter` when every coefficient is 0.
  init(columns: [[Double]], outcome: [Double]) throws(IndexError) {
    let rows = outcome.indices.filter { i in !outcome[i].isNaN && columns.allSatisfy { !$0[i].isNaN } }
    guard rows.count > columns.count else {
      throw IndexError(
        .emptyData, "\(rows.count) areas have the outcome and every item, too few for \(columns.count) coefficients",
        hint: "regression weights need more complete areas than items")
    }
    let y = rows.map { outcome[$0] }
    let x = columns.map { c in rows.map { c[$0] } }
    let yMean = y.reduce(0, +) / Double(y.count)
    let xMeans = x.map { $0.reduce(0, +) / Double($0.count) }
    let yc = y.map { $0 - yMean }
    let xc = zip(x, xMeans).map { c, mean in c.map { $0 - mean } }
    let total = yc.reduce(0) { $0 + $1 * $1 }
    guard total > 0 else { throw IndexError(.emptyData, "the outcome is the same in every area used") }
    let fit = NonNegativeLeastSquares(columns: xc, yc)
    let sum = fit.solution.reduce(0, +)
    guard sum > 0 else {
      throw IndexError(
        .invalidParameter, "no item has a positive association with the outcome, so every coefficient is 0",
        hint: "check the outcome and the indicators' directions")
    }
    coefficients = fit.solution
    weights = fit.solution.map { $0 / sum }
    intercept = yMean - zip(fit.solution, xMeans).reduce(0) { $0 + $1.0 * $1.1 }
    rSquared = 1 - fit.residualNorm * fit.residualNorm / total
    areaCount = rows.count
  }
}
