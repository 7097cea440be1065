/// The eigenvalues and eigenvectors of a real symmetric matrix by the
/// cyclic Jacobi method: plane rotations that zero one off-diagonal entry
/// at a time, row by row, sweep after sweep, until the off-diagonal part is
/// negligible. Deterministic (the same input gives the same bits), and
/// accurate to a few units of rounding relative to the matrix's norm.
///
/// ```swift
/// let e = SymmetricEigen([[2, 1], [1, 2]])
/// e.values     // [3, 1]
/// e.vectors    // [[0.7071…, 0.7071…], [-0.7071…, 0.7071…]] (columns of V as rows; signs as found)
/// ```
///
/// - Complexity: O(*k*³) per sweep for a *k* × *k* matrix; a handful of
///   sweeps (quadratic convergence) suffice.
package struct SymmetricEigen: Sendable, Hashable {
  /// The eigenvalues, descending.
  package let values: [Double]
  /// The unit eigenvectors, `vectors[i]` belonging to `values[i]`.
  package let vectors: [[Double]]
  /// The sweeps the iteration took.
  package let sweeps: Int

  /// Decomposes a symmetric matrix given as rows.
  ///
  /// - Parameter matrix: *k* rows of *k* values; only the upper triangle is read.
  /// - Precondition: the matrix is square and finite.
  package init(_ matrix: [[Double]]) {
    let k = matrix.count
    precondition(matrix.allSatisfy { $0.count == k }, "the matrix must be square")
    var a = matrix
    for i in 0..<k { for j in 0..<i { a[i][j] = a[j][i] } }
    var v = (0..<k).map { i in (0..<k).map { $0 == i ? 1.0 : 0.0 } }
    var sweep = 0
    while sweep < 100, Self.offDiagonalIsSignificant(a) {
      sweep += 1
      for p in 0..<k {
        for q in (p + 1)..<max(p + 1, k) where a[p][q] != 0 {
          Self.rotate(&a, &v, p, q)
        }
      }
    }
    let diagonal: [Double] = (0..<k).map { a[$0][$0] }
    let order = (0..<k).sorted { (i: Int, j: Int) -> Bool in
      diagonal[i] > diagonal[j] || (diagonal[i] == diagonal[j] && i < j)
    }
    values = order.map { diagonal[$0] }
    vectors = order.map { j in (0..<k).map { v[$0][j] } }
    sweeps = sweep
  }

  /// Whether the off-diagonal entries still matter: their sum of squares
  /// is above 10⁻³⁰ of the whole matrix's.
  static func offDiagonalIsSignificant(_ a: [[Double]]) -> Bool {
    var off = 0.0
    var total = 0.0
    for i in a.indices {
      for j in a.indices {
        let s = a[i][j] * a[i][j]
        total += s
        if i != j { off += s }
      }
    }
    return off > 1e-30 * total
  }

  /// One Jacobi rotation in the (p, q) plane that zeroes a[p][q], applied
  /// to both sides of `a` and accumulated into the columns of `v`. The
  /// angle is the smaller root of tan²θ + 2τ·tanθ − 1 = 0, τ = (a_qq − a_pp)/(2a_pq),
  /// which keeps the rotation numerically stable.
  static func rotate(_ a: inout [[Double]], _ v: inout [[Double]], _ p: Int, _ q: Int) {
    let apq = a[p][q]
    let tau = (a[q][q] - a[p][p]) / (2 * apq)
    let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
    let c = 1 / (1 + t * t).squareRoot()
    let s = t * c
    let k = a.count
    for r in 0..<k {
      let arp = a[r][p]
      let arq = a[r][q]
      a[r][p] = c * arp - s * arq
      a[r][q] = s * arp + c * arq
    }
    for r in 0..<k {
      let apr = a[p][r]
      let aqr = a[q][r]
      a[p][r] = c * apr - s * aqr
      a[q][r] = s * apr + c * aqr
    }
    a[p][q] = 0
    a[q][p] = 0
    for r in 0..<k {
      let vrp = v[r][p]
      let vrq = v[r][q]
      v[r][p] = c * vrp - s * vrq
      v[r][q] = s * vrp + c * vrq
    }
  }
}
