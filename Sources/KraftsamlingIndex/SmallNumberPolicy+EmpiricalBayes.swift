import KraftsamlingCore

extension SmallNumberPolicy {
  /// Marshall's (1991) method-of-moments empirical-Bayes estimate of each
  /// rate yᵢ/nᵢ, shrunk toward the pooled rate of its group (or of all
  /// areas).
  ///
  /// For a reference set of *k* areas with nᵢ > 0: m = Σy/Σn,
  /// s² = Σnᵢ(rᵢ − m)²/Σn, A = max(0, s² − m/n̄) with n̄ = Σn/k; then
  /// Cᵢ = A/(A + m/nᵢ) and θᵢ = m + Cᵢ(rᵢ − m). When m = 0 every rate is 0
  /// and stays so.
  ///
  /// - Parameters:
  ///   - numerators: yᵢ (NaN when missing).
  ///   - denominators: nᵢ (NaN when missing).
  ///   - groups: A group number per area, or −1 for none; `nil` for the
  ///     global estimator. Groups with fewer than 3 areas with data use the
  ///     global estimate.
  /// - Returns: θᵢ, NaN where nᵢ ≤ 0 or a cell is missing.
  /// - Complexity: O(*n*).
  static func empiricalBayes(numerators y: [Double], denominators n: [Double], groups: [Int]?) -> [Double] {
    let count = y.count
    func estimate(_ rows: [Int]) -> (m: Double, a: Double)? {
      var sy = 0.0
      var sn = 0.0
      for i in rows {
        sy += y[i]
        sn += n[i]
      }
      guard sn > 0, !rows.isEmpty else { return nil }
      let m = sy / sn
      var s2 = 0.0
      for i in rows {
        let d = y[i] / n[i] - m
        s2 += n[i] * d * d
      }
      s2 /= sn
      let nbar = sn / Double(rows.count)
      return (m, Swift.max(0, s2 - m / nbar))
    }
    var valid: [Int] = []
    for i in 0..<count where !y[i].isNaN && !n[i].isNaN && n[i] > 0 { valid.append(i) }
    var out = [Double](repeating: .nan, count: count)
    guard let global = estimate(valid) else { return out }
    var params = [(m: Double, a: Double)](repeating: global, count: count)
    if let groups {
      var members: [Int: [Int]] = [:]
      for i in valid where groups[i] >= 0 { members[groups[i], default: []].append(i) }
      for (_, rows) in members where rows.count >= 3 {
        if let e = estimate(rows) { for i in rows { params[i] = e } }
      }
    }
    for i in valid {
      let (m, a) = params[i]
      let r = y[i] / n[i]
      let denom = a + m / n[i]
      let c = denom > 0 ? a / denom : 0
      out[i] = m + c * (r - m)
    }
    return out
  }
}

/// Each table row's parent area at one level, as small integers for fast
/// grouping.
struct AreaGroups: Sendable {
  /// The group number of each row, −1 when the row has no parent at the level.
  var group: [Int]
  /// The parent codes, indexed by group number.
  var parentCodes: [String]

  /// Groups the rows of `table` by their parent at `level` in `hierarchy`.
  init(table: AreaTable, hierarchy: AreaHierarchy, level: AreaLevel) {
    var parentOf: [String: String] = [:]
    for a in hierarchy.areas {
      if let p = a.parents[level], parentOf[a.code] == nil { parentOf[a.code] = p }
    }
    var index: [String: Int] = [:]
    var codes: [String] = []
    group = table.codes.map { code in
      guard let p = parentOf[code] else { return -1 }
      if let g = index[p] { return g }
      index[p] = codes.count
      codes.append(p)
      return codes.count - 1
    }
    parentCodes = codes
  }
}
