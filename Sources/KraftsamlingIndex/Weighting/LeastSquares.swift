/// Linear least squares min ‖A·x − b‖₂ by Householder QR, for the small
/// dense problems of regression weights (a few dozen columns at most).
///
/// ```swift
/// LeastSquares.solve(columns: [[1, 1, 1], [0, 1, 2]], [1, 2, 3])   // [1, 1]: b = 1 + t
/// ```
package enum LeastSquares {
  /// The least-squares solution, `nil` when the columns are (numerically)
  /// linearly dependent or there are fewer rows than columns.
  ///
  /// - Parameters:
  ///   - columns: The *p* columns of A, each of *m* rows.
  ///   - b: The *m* right-hand sides.
  /// - Complexity: O(*m*·*p*²).
  package static func solve(columns: [[Double]], _ b: [Double]) -> [Double]? {
    let p = columns.count
    let m = b.count
    guard p > 0, m >= p, columns.allSatisfy({ $0.count == m }) else { return p == 0 ? [] : nil }
    var a = columns
    var rhs = b
    let scale = columns.map { $0.reduce(0) { $0 + $1 * $1 } }.max()?.squareRoot() ?? 0
    for k in 0..<p {
      guard reflect(&a, &rhs, k, scale: scale) else { return nil }
    }
    var x = [Double](repeating: 0, count: p)
    for k in stride(from: p - 1, through: 0, by: -1) {
      var s = rhs[k]
      for j in (k + 1)..<max(k + 1, p) { s -= a[j][k] * x[j] }
      x[k] = s / a[k][k]
    }
    return x
  }

  /// Applies the Householder reflection that zeroes column k below row k
  /// to the columns k… and to the right-hand side; `false` when the column
  /// is negligible there (rank deficiency).
  static func reflect(_ a: inout [[Double]], _ rhs: inout [Double], _ k: Int, scale: Double) -> Bool {
    let m = rhs.count
    var norm = 0.0
    for i in k..<m { norm += a[k][i] * a[k][i] }
    norm = norm.squareRoot()
    guard norm > 1e-13 * scale, norm > 0 else { return false }
    let alpha = a[k][k] > 0 ? -norm : norm
    var v = [Double](repeating: 0, count: m)
    for i in k..<m { v[i] = a[k][i] }
    v[k] -= alpha
    let vv = v[k...].reduce(0) { $0 + $1 * $1 }
    for j in k..<a.count {
      var dot = 0.0
      for i in k..<m { dot += v[i] * a[j][i] }
      let f = 2 * dot / vv
      for i in k..<m { a[j][i] -= f * v[i] }
    }
    var dot = 0.0
    for i in k..<m { dot += v[i] * rhs[i] }
    let f = 2 * dot / vv
    for i in k..<m { rhs[i] -= f * v[i] }
    return true
  }
}
