/// Non-negative least squares, min ‖A·x − b‖₂ subject to x ≥ 0, by the
/// active-set algorithm of Lawson and Hanson (1974, ch. 23), which
/// `scipy.optimize.nnls` also implements: move the variable with the
/// largest gradient into the passive set, solve the unconstrained problem
/// on the passive set, and step back towards the previous point whenever a
/// passive variable would turn negative, until no gradient is positive.
///
/// ```swift
/// // b = 2·a₁ − 1·a₂ unconstrained; with x ≥ 0 the second coefficient is 0.
/// let fit = NonNegativeLeastSquares(columns: [[1, 0, 1], [0, 1, 1]], [2, -1, 1])
/// fit.solution   // [1.5, 0]
/// ```
///
/// - Complexity: O(*m*·*p*²) per inner step, at most 3·*p* outer steps (scipy's default).
package struct NonNegativeLeastSquares: Sendable, Hashable {
  /// The solution, every entry ≥ 0.
  package let solution: [Double]
  /// ‖A·x − b‖₂.
  package let residualNorm: Double
  /// The outer steps taken.
  package let iterations: Int

  /// Solves the problem for the columns of A and b.
  ///
  /// - Precondition: every column has `b.count` rows.
  package init(columns a: [[Double]], _ b: [Double]) {
    let p = a.count
    let m = b.count
    precondition(a.allSatisfy { $0.count == m }, "every column needs one value per row")
    var x = [Double](repeating: 0, count: p)
    var passive = [Bool](repeating: false, count: p)
    let tolerance = 10 * Double.ulpOfOne * Double(max(m, p)) * Self.largestColumnSum(a)
    var iterations = 0
    while iterations < 3 * p {
      let w = Self.gradient(a, b, x)
      guard let t = (0..<p).filter({ !passive[$0] && w[$0] > tolerance }).max(by: { w[$0] < w[$1] }) else { break }
      iterations += 1
      passive[t] = true
      guard Self.innerLoop(a, b, &x, &passive, tolerance: tolerance) else {
        passive[t] = false
        break
      }
    }
    solution = x
    residualNorm = Self.residual(a, b, x).reduce(0) { $0 + $1 * $1 }.squareRoot()
    self.iterations = iterations
  }

  /// Solves on the passive set and steps back while a passive variable
  /// would be ≤ 0, moving such variables to the active set; `false` when the
  /// passive columns are linearly dependent.
  static func innerLoop(_ a: [[Double]], _ b: [Double], _ x: inout [Double], _ passive: inout [Bool], tolerance: Double)
    -> Bool
  {
    while true {
      let set = passive.indices.filter { passive[$0] }
      guard let z = LeastSquares.solve(columns: set.map { a[$0] }, b) else { return false }
      if z.allSatisfy({ $0 > 0 }) {
        for (k, j) in set.enumerated() { x[j] = z[k] }
        return true
      }
      var alpha = 1.0
      var blocking: Int? = nil
      for (k, j) in set.enumerated() where z[k] <= 0 && x[j] / (x[j] - z[k]) <= alpha {
        alpha = x[j] / (x[j] - z[k])
        blocking = j
      }
      for (k, j) in set.enumerated() {
        x[j] += alpha * (z[k] - x[j])
        if x[j] <= tolerance || j == blocking {
          x[j] = 0
          passive[j] = false
        }
      }
    }
  }

  /// Aᵀ(b − A·x): the negative gradient of ½‖A·x − b‖².
  package static func gradient(_ a: [[Double]], _ b: [Double], _ x: [Double]) -> [Double] {
    let r = residual(a, b, x)
    return a.map { column in zip(column, r).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  /// b − A·x.
  package static func residual(_ a: [[Double]], _ b: [Double], _ x: [Double]) -> [Double] {
    var r = b
    for (j, column) in a.enumerated() where x[j] != 0 {
      for i in r.indices { r[i] -= column[i] * x[j] }
    }
    return r
  }

  /// The largest column sum of |A| (its 1-norm), the scale of the tolerance.
  static func largestColumnSum(_ a: [[Double]]) -> Double {
    a.map { $0.reduce(0) { $0 + abs($1) } }.max() ?? 0
  }
}
