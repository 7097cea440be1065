import KraftsamlingIndex

/// The arithmetic of matched comparison areas: features, Mahalanobis
/// distances, greedy matching without replacement, balance.
enum Matching {
  /// Per row: the mean over the matrix's years, the least-squares slope per
  /// year, then the covariates.
  static func features(outcomes: OutcomeMatrix, covariates: [[Double]]) -> [[Double]] {
    let years = outcomes.years.map(Double.init)
    let meanYear = years.reduce(0, +) / Double(years.count)
    let sxx = years.reduce(0) { $0 + ($1 - meanYear) * ($1 - meanYear) }
    return outcomes.rates.indices.map { i in
      let row = outcomes.rates[i]
      let level = row.reduce(0, +) / Double(row.count)
      let slope = zip(years, row).reduce(0) { $0 + ($1.0 - meanYear) * ($1.1 - level) } / sxx
      return [level, slope] + covariates.map { $0[i] }
    }
  }

  /// The Moore–Penrose inverse of the sample covariance of `rows` (n − 1),
  /// by its eigen-decomposition; eigenvalues below 1e-12 of the largest count as 0.
  static func inverseCovariance(_ rows: [[Double]]) -> [[Double]] {
    let k = rows[0].count
    let n = Double(rows.count)
    let means = (0..<k).map { c in rows.reduce(0) { $0 + $1[c] } / n }
    var s = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for r in rows {
      for a in 0..<k { for b in 0..<k { s[a][b] += (r[a] - means[a]) * (r[b] - means[b]) / (n - 1) } }
    }
    let e = SymmetricEigen(s)
    let largest = e.values.map(abs).max() ?? 0
    var inverse = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for (value, v) in zip(e.values, e.vectors) where value > 1e-12 * largest {
      for a in 0..<k { for b in 0..<k { inverse[a][b] += v[a] * v[b] / value } }
    }
    return inverse
  }

  /// √((x − y)ᵀ M (x − y)).
  static func distance(_ x: [Double], _ y: [Double], _ m: [[Double]]) -> Double {
    let d = zip(x, y).map { $0 - $1 }
    var q = 0.0
    for a in d.indices { for b in d.indices { q += d[a] * m[a][b] * d[b] } }
    return max(0, q).squareRoot()
  }

  /// Greedy matching without replacement: every (treated, candidate) pair
  /// within the caliper sorted by distance (ties by treated, then candidate
  /// row), each taken when both are still free.
  static func greedy(features: [[Double]], treated: [Int], candidates: [Int], caliper: Double?)
    -> [(Int, Int, Double)]
  {
    let m = inverseCovariance((treated + candidates).map { features[$0] })
    var pairs: [(Int, Int, Double)] = []
    for t in treated {
      for c in candidates {
        let d = distance(features[t], features[c], m)
        if caliper.map({ d <= $0 }) ?? true { pairs.append((t, c, d)) }
      }
    }
    pairs.sort { ($0.2, $0.0, $0.1) < ($1.2, $1.0, $1.1) }
    var usedT = Set<Int>()
    var usedC = Set<Int>()
    var result: [(Int, Int, Double)] = []
    for p in pairs where !usedT.contains(p.0) && !usedC.contains(p.1) {
      usedT.insert(p.0)
      usedC.insert(p.1)
      result.append(p)
    }
    return result
  }

  /// The standardised mean difference of `x` between the rows `a` and `b`;
  /// NaN when `b` is empty, 0 when the means agree, ±∞ when they differ
  /// without spread.
  static func smd(_ x: [Double], _ a: [Int], _ b: [Int]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return .nan }
    func moments(_ rows: [Int]) -> (Double, Double) {
      let mean = rows.reduce(0) { $0 + x[$1] } / Double(rows.count)
      guard rows.count > 1 else { return (mean, 0) }
      return (mean, rows.reduce(0) { $0 + (x[$1] - mean) * (x[$1] - mean) } / Double(rows.count - 1))
    }
    let (ma, va) = moments(a)
    let (mb, vb) = moments(b)
    let spread = ((va + vb) / 2).squareRoot()
    return ma == mb ? 0 : (ma - mb) / spread
  }
}
