import KraftsamlingIndex

/// Least squares on the probability simplex, min ‖A·w − b‖₂ subject to
/// w ≥ 0 and Σw = 1: the quadratic programme behind synthetic-control
/// weights, solved exactly by a primal active-set method in the manner of
/// Lawson and Hanson's NNLS (1974, ch. 23).
///
/// The method starts at the vertex eⱼ nearest b. On a passive set P it
/// solves the equality-constrained problem min ‖A_P·z − b‖ with Σz = 1 by
/// eliminating one weight (z_r = 1 − Σ_{k≠r} z_k, an unconstrained least
/// squares on the columns a_k − a_r, solved by QR). When a passive weight
/// would turn negative it steps back to the boundary and drops that
/// variable; when all are positive it checks the KKT conditions: with
/// g = Aᵀ(b − A·w) and ν the common value of g on P, every inactive j must
/// have g_j ≤ ν. The variable with the largest g_j − ν enters next. There is
/// no random start and no tolerance on the objective: the result is the
/// optimum up to rounding, and the same on every run.
///
/// ```swift
/// // b = (2, 0) lies outside the segment between (0, 0) and (1, 0):
/// SimplexLeastSquares(columns: [[0, 0], [1, 0]], [2, 0]).solution   // [0, 1]
/// ```
///
/// - Complexity: O(*m*·*p*²) per inner step (QR on at most *m* + 1
///   columns), a few multiples of *p* steps.
struct SimplexLeastSquares: Sendable, Hashable {
  /// The weights: non-negative, summing to 1.
  let solution: [Double]
  /// ‖A·w − b‖₂.
  let residualNorm: Double

  /// Solves the problem for the columns of A and b.
  ///
  /// - Precondition: at least one column, every column has `b.count` rows.
  init(columns a: [[Double]], _ b: [Double]) {
    let p = a.count
    precondition(p > 0 && a.allSatisfy { $0.count == b.count }, "every column needs one value per row")
    let scale = max(1, a.joined().reduce(0) { max($0, abs($1)) }, b.reduce(0) { max($0, abs($1)) })
    let tolerance = 1e-12 * scale * scale * Double(max(b.count, 1))
    let first = (0..<p).min { Self.squaredDistance(a[$0], b) < Self.squaredDistance(a[$1], b) }!
    var w = [Double](repeating: 0, count: p)
    w[first] = 1
    var passive = [Bool](repeating: false, count: p)
    passive[first] = true
    for _ in 0..<(4 * p + 10) {
      guard let entering = Self.entering(a, b, w, passive, tolerance: tolerance) else { break }
      passive[entering] = true
      guard Self.innerLoop(a, b, &w, &passive, entering: entering) else { break }
    }
    solution = w
    residualNorm = NonNegativeLeastSquares.residual(a, b, w).reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// The inactive variable whose gradient exceeds the passive set's common
  /// value ν the most, or `nil` when none exceeds it by more than `tolerance`
  /// (the KKT conditions hold).
  static func entering(_ a: [[Double]], _ b: [Double], _ w: [Double], _ passive: [Bool], tolerance: Double) -> Int? {
    let g = NonNegativeLeastSquares.gradient(a, b, w)
    let set = passive.indices.filter { passive[$0] }
    let nu = set.reduce(0) { $0 + g[$1] } / Double(set.count)
    let candidates = passive.indices.filter { !passive[$0] && g[$0] - nu > tolerance }
    return candidates.max { g[$0] < g[$1] }
  }

  /// Solves on the passive set and steps back while a passive weight would
  /// be ≤ 0, dropping such variables; `false` when the step cannot make
  /// progress (the entering variable blocks at once, or the passive columns
  /// are affinely dependent).
  static func innerLoop(_ a: [[Double]], _ b: [Double], _ w: inout [Double], _ passive: inout [Bool], entering: Int)
    -> Bool
  {
    while true {
      let set = passive.indices.filter { passive[$0] }
      guard let z = equalityConstrained(a, b, set) else {
        passive[entering] = false
        return false
      }
      if z.allSatisfy({ $0 > 0 }) {
        for (k, j) in set.enumerated() { w[j] = z[k] }
        return true
      }
      var alpha = 1.0
      var blocking = set[0]
      for (k, j) in set.enumerated() where z[k] <= 0 && w[j] / (w[j] - z[k]) <= alpha {
        alpha = w[j] / (w[j] - z[k])
        blocking = j
      }
      if blocking == entering && alpha == 0 {
        passive[entering] = false
        return false
      }
      for (k, j) in set.enumerated() {
        w[j] += alpha * (z[k] - w[j])
        if w[j] <= 0 || j == blocking {
          w[j] = 0
          passive[j] = false
        }
      }
      renormalise(&w)
    }
  }

  /// min ‖A_P·z − b‖ subject to Σz = 1 on the columns `set`, by eliminating
  /// the first weight; `nil` when the differences are linearly dependent.
  static func equalityConstrained(_ a: [[Double]], _ b: [Double], _ set: [Int]) -> [Double]? {
    guard set.count > 1 else { return [1] }
    let r = a[set[0]]
    let columns = set.dropFirst().map { j in zip(a[j], r).map { $0 - $1 } }
    let rhs = zip(b, r).map { $0 - $1 }
    guard let y = LeastSquares.solve(columns: columns, rhs) else { return nil }
    return [1 - y.reduce(0, +)] + y
  }

  /// Divides by the sum so that rounding in the steps never lets Σw drift from 1.
  static func renormalise(_ w: inout [Double]) {
    let total = w.reduce(0, +)
    if total > 0 { w = w.map { $0 / total } }
  }

  /// ‖x − y‖².
  static func squaredDistance(_ x: [Double], _ y: [Double]) -> Double {
    zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  }
}
