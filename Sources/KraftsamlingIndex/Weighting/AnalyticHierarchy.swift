/// The analytic hierarchy process (Saaty 1980) on one pairwise comparison
/// matrix: the priorities are the principal eigenvector of the positive
/// reciprocal matrix, scaled to sum 1, and the consistency ratio compares
/// its consistency index CI = (λmax − n)/(n − 1) with that of random
/// matrices of the same size.
///
/// The eigenvector is found as `ahpy` finds it: the matrix is squared again
/// and again (rescaled to unit sum each time, so nothing overflows) and the
/// normalised row sums are taken, until they change by at most 10⁻¹⁵.
/// λmax = Σᵢ(A·w)ᵢ for the unit-sum eigenvector w.
///
/// ```swift
/// let ahp = try AnalyticHierarchy(matrix: [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]])
/// ahp.priorities          // [4/7, 2/7, 1/7]
/// ahp.consistencyRatio    // 0: a consistent matrix
/// ```
///
/// - Complexity: O(*n*³) per squaring; the squarings converge quadratically
///   in the exponent, so a few dozen at most.
package struct AnalyticHierarchy: Sendable, Hashable {
  /// The priorities, summing to 1.
  package let priorities: [Double]
  /// The principal (Perron) eigenvalue.
  package let lambdaMax: Double
  /// (λmax − n)/(n − 1), 0 for fewer than three items.
  package let consistencyIndex: Double
  /// The random index used; `nil` for fewer than three items.
  package let randomIndex: Double?
  /// CI/RI, 0 for fewer than three items.
  package let consistencyRatio: Double
  /// The squarings the eigenvector took.
  package let squarings: Int

  /// The largest consistency ratio accepted without forcing.
  package static let acceptableRatio = 0.1

  /// Analyses a comparison matrix. Its upper triangle is read; the lower
  /// one must hold the reciprocals (within 1 %) and is replaced by exact ones.
  ///
  /// - Throws: ``IndexError`` `index.invalid-parameter` for the first of
  ///   ``problems(in:)``, or when the random-index table has no value for the size.
  package init(matrix: [[Double]], randomIndex table: AHPRandomIndex = .saaty) throws(IndexError) {
    if let first = Self.problems(in: matrix).first { throw first.error }
    let n = matrix.count
    var a = matrix
    for i in 0..<n {
      for j in 0..<i { a[i][j] = 1 / a[j][i] }
    }
    let (w, squarings) = Self.principalEigenvector(a)
    var lambda = 0.0
    for i in 0..<n {
      for j in 0..<n { lambda += a[i][j] * w[j] }
    }
    priorities = w
    lambdaMax = lambda
    self.squarings = squarings
    guard n >= 3 else {
      consistencyIndex = 0
      randomIndex = nil
      consistencyRatio = 0
      return
    }
    guard let ri = Self.randomIndex(size: n, table: table) else {
      throw IndexError(
        .invalidParameter, "the \(table.rawValue) random indices do not cover \(n) items",
        hint: table == .saaty ? "use the Donegan–Dodd table (up to 100 items)" : "compare at most 100 items")
    }
    consistencyIndex = max(0, (lambda - Double(n)) / Double(n - 1))
    randomIndex = ri
    consistencyRatio = consistencyIndex / ri
  }

  /// The unit-sum principal eigenvector of a positive matrix by repeated
  /// squaring, and the number of squarings.
  static func principalEigenvector(_ a: [[Double]]) -> ([Double], Int) {
    let n = a.count
    var m = rescaled(a)
    var previous = [Double](repeating: 0, count: n)
    for squaring in 1...64 {
      m = rescaled(product(m, m))
      let w = m.map { $0.reduce(0, +) }
      let change = zip(w, previous).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
      if change <= 1e-15 { return (w, squaring) }
      previous = w
    }
    return (previous, 64)
  }

  /// The matrix divided by the sum of its entries.
  static func rescaled(_ m: [[Double]]) -> [[Double]] {
    let total = m.reduce(0.0) { $0 + $1.reduce(0, +) }
    return m.map { row in row.map { $0 / total } }
  }

  /// The product of two square matrices.
  static func product(_ x: [[Double]], _ y: [[Double]]) -> [[Double]] {
    let n = x.count
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for k in 0..<n {
        let xik = x[i][k]
        for j in 0..<n { out[i][j] += xik * y[k][j] }
      }
    }
    return out
  }
}

extension AnalyticHierarchy {
  /// Everything wrong with a comparison matrix: not square, an entry that
  /// is not a positive number on Saaty's scale 1/9…9, a diagonal entry
  /// other than 1, a lower-triangle entry that is not the reciprocal of its
  /// mirror (within 1 %).
  ///
  /// - Complexity: O(*n*²).
  package static func problems(in matrix: [[Double]]) -> [WeightingInputProblem] {
    let n = matrix.count
    guard n >= 1 else { return [WeightingInputProblem(row: 0, column: nil, message: "the comparison matrix is empty")] }
    var found: [WeightingInputProblem] = []
    for (i, row) in matrix.enumerated() where row.count != n {
      found.append(
        WeightingInputProblem(
          row: i, column: nil, message: "row \(i + 1) has \(row.count) comparisons, not \(n)",
          hint: "the matrix must be square: one row and one column per item"))
    }
    guard found.isEmpty else { return found }
    for i in 0..<n {
      for j in 0..<n {
        if let problem = entryProblem(matrix, i, j) { found.append(problem) }
      }
    }
    return found
  }

  /// What is wrong with one entry, if anything.
  static func entryProblem(_ m: [[Double]], _ i: Int, _ j: Int) -> WeightingInputProblem? {
    let x = m[i][j]
    let place = "row \(i + 1), column \(j + 1)"
    guard x.isFinite, x > 0 else {
      return WeightingInputProblem(row: i, column: j, message: "the comparison at \(place) is \(x), not a positive number")
    }
    if i == j {
      guard x == 1 else {
        return WeightingInputProblem(
          row: i, column: j, message: "the diagonal entry at \(place) is \(x)", hint: "an item compared with itself is 1")
      }
      return nil
    }
    guard x >= 1 / 9.0 - 5e-4, x <= 9 else {
      return WeightingInputProblem(
        row: i, column: j, message: "the comparison at \(place) is \(x), outside Saaty's scale 1/9 … 9",
        hint: "1 = equally important, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important; reciprocals for less")
    }
    if i > j, abs(x * m[j][i] - 1) > 0.01 {
      return WeightingInputProblem(
        row: i, column: j, message: "the comparison at \(place) is \(x), not the reciprocal of \(m[j][i]) at row \(j + 1), column \(i + 1)",
        hint: "matrix[j][i] must be 1/matrix[i][j]")
    }
    return nil
  }

  /// The random index for `size` items, `nil` where the table has none.
  ///
  /// - Complexity: O(1).
  package static func randomIndex(size: Int, table: AHPRandomIndex) -> Double? {
    guard size >= 3 else { return nil }
    switch table {
    case .saaty:
      return size <= 15 ? saaty[size - 3] : nil
    case .doneganDodd:
      if let exact = doneganDodd.first(where: { $0.size == size }) { return exact.index }
      guard let upper = doneganDodd.firstIndex(where: { $0.size > size }) else { return nil }
      let (s0, r0) = doneganDodd[upper - 1]
      let (s1, r1) = doneganDodd[upper]
      return r0 + (r1 - r0) / Double(s1 - s0) * Double(size - s0)
    }
  }

  /// Saaty (2005, p. 31) for n = 3 … 15.
  static let saaty: [Double] = [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]

  /// Donegan and Dodd (1991): n = 3 … 20, then every tenth (and 25) to 100.
  static let doneganDodd: [(size: Int, index: Double)] = [
    (3, 0.4914), (4, 0.8286), (5, 1.0591), (6, 1.1797), (7, 1.2519), (8, 1.3171), (9, 1.3733), (10, 1.4055),
    (11, 1.4213), (12, 1.4497), (13, 1.4643), (14, 1.4822), (15, 1.4969), (16, 1.5078), (17, 1.5153),
    (18, 1.5262), (19, 1.5313), (20, 1.5371), (25, 1.5619), (30, 1.5772), (40, 1.5976), (50, 1.6102),
    (60, 1.6178), (70, 1.6237), (80, 1.6277), (90, 1.6213), (100, 1.6339),
  ]
}
