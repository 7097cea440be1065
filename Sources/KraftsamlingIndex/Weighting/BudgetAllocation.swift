/// Budget allocation (Handbook §6.5): each expert distributes a budget of
/// points (usually 100) over the items; the weights are the mean of the
/// experts' shares, and the spread of the shares shows how far they agree.
///
/// ```swift
/// let b = try BudgetAllocation(points: [[50, 30, 20], [30, 30, 40]])
/// b.weights              // [0.4, 0.3, 0.3]
/// b.standardDeviations   // [√0.02, 0, √0.02] (sample SD of the shares)
/// ```
///
/// - Complexity: O(*e*·*n*) for *e* experts and *n* items.
package struct BudgetAllocation: Sendable, Hashable {
  /// The mean shares, summing to 1.
  package let weights: [Double]
  /// The sample standard deviation of each item's shares across experts (0 for one expert).
  package let standardDeviations: [Double]
  /// Each item's smallest share.
  package let minima: [Double]
  /// Each item's largest share.
  package let maxima: [Double]

  /// Averages the experts' allocations.
  ///
  /// - Parameters:
  ///   - points: One row per expert, one column per item.
  ///   - total: What every row must add up to (within 10⁻⁶ of it).
  /// - Throws: ``IndexError`` `index.invalid-parameter` for the first of ``problems(in:total:)``.
  package init(points: [[Double]], total: Double = 100) throws(IndexError) {
    if let first = Self.problems(in: points, total: total).first { throw first.error }
    let n = points[0].count
    let shares = points.map { row in row.map { $0 / total } }
    let e = Double(shares.count)
    var weights = [Double](repeating: 0, count: n)
    var sd = weights
    for j in 0..<n {
      let column = shares.map { $0[j] }
      let mean = column.reduce(0, +) / e
      weights[j] = mean
      sd[j] = shares.count < 2 ? 0 : (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (e - 1)).squareRoot()
    }
    self.weights = weights
    self.standardDeviations = sd
    self.minima = (0..<n).map { j in shares.map { $0[j] }.min() ?? 0 }
    self.maxima = (0..<n).map { j in shares.map { $0[j] }.max() ?? 0 }
  }

  /// Everything wrong with the experts' points: no expert, rows of unequal
  /// length, a point count that is negative or not a number, a row that
  /// does not add up to `total`, a total that is not positive.
  ///
  /// - Complexity: O(*e*·*n*).
  package static func problems(in points: [[Double]], total: Double) -> [WeightingInputProblem] {
    guard total.isFinite, total > 0 else {
      return [WeightingInputProblem(row: 0, column: nil, message: "the budget \(total) is not a positive number")]
    }
    guard let n = points.first?.count, n > 0 else {
      return [WeightingInputProblem(row: 0, column: nil, message: "no expert's points were given")]
    }
    var found: [WeightingInputProblem] = []
    for (i, row) in points.enumerated() {
      guard row.count == n else {
        found.append(WeightingInputProblem(row: i, column: nil, message: "expert \(i + 1) gives \(row.count) numbers, not \(n)"))
        continue
      }
      let bad = row.indices.filter { !row[$0].isFinite || row[$0] < 0 }
      for j in bad {
        found.append(WeightingInputProblem(row: i, column: j, message: "expert \(i + 1) gives \(row[j]) points, not a number ≥ 0"))
      }
      let sum = row.reduce(0, +)
      if bad.isEmpty, abs(sum - total) > 1e-6 * total {
        found.append(
          WeightingInputProblem(
            row: i, column: nil, message: "expert \(i + 1)'s points add up to \(sum), not \(total)",
            hint: "each expert distributes exactly \(total) points"))
      }
    }
    return found
  }
}
