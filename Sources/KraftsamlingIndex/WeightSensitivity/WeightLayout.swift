/// How the weights of an index are laid out for the weight thresholds:
/// groups of indicators (the dimensions, or one group of all indicators
/// for a flat index), each indicator's share of its group and each group's
/// share of the index.
///
/// With arithmetic aggregation inside and across dimensions an area with
/// every value scores Σₖ eₖ·xₖ with the *effective* shares
/// eₖ = (v_d / Σv)·(wₖ / Σ_{j∈d} wⱼ): linear in them. The thresholds move
/// an indicator's share of its dimension (what `--weights` changes); the
/// dimensions keep their weights.
struct WeightLayout: Sendable {
  /// The indicators (positions) of each group, in definition order.
  let groups: [[Int]]
  /// The group of each indicator.
  let groupOf: [Int]
  /// Each group's share of the index ([1] for a flat index).
  let groupShares: [Double]
  /// Each indicator's share of its group.
  let shares: [Double]
  /// Each indicator's share of the index (group share × share within).
  let effective: [Double]

  /// The layout of `def`'s weights over `groups`.
  init(_ def: IndexDefinition, groups: [[Int]]) {
    let m = def.indicators.count
    self.groups = groups
    var groupOf = [Int](repeating: 0, count: m)
    for (g, cols) in groups.enumerated() { for k in cols { groupOf[k] = g } }
    self.groupOf = groupOf
    if def.dimensions.isEmpty {
      let total = def.indicators.reduce(0.0) { $0 + $1.weight }
      shares = def.indicators.map { $0.weight / total }
      groupShares = [1]
      effective = shares
      return
    }
    let dimensionTotal = def.dimensions.reduce(0.0) { $0 + $1.weight }
    let groupShares = def.dimensions.map { $0.weight / dimensionTotal }
    var shares = [Double](repeating: 0, count: m)
    for cols in groups {
      let total = cols.reduce(0.0) { $0 + def.indicators[$1].weight }
      for k in cols { shares[k] = def.indicators[k].weight / total }
    }
    self.groupShares = groupShares
    self.shares = shares
    effective = (0..<m).map { groupShares[groupOf[$0]] * shares[$0] }
  }

  /// Whether indicator `k`'s share can move (its group has another indicator).
  func canMove(_ k: Int) -> Bool { groups[groupOf[k]].count > 1 }

  /// The effective shares with indicator `k` at share `s` of its group and
  /// the group's other indicators in their nominal proportions.
  func weights(indicator k: Int, share s: Double) -> [Double] {
    let g = groupOf[k]
    guard canMove(k) else { return effective }
    let rest = 1 - shares[k]
    var w = effective
    for j in groups[g] { w[j] = j == k ? s : (1 - s) * shares[j] / rest }
    if groups.count > 1 { for j in groups[g] { w[j] *= groupShares[g] } }
    return w
  }

  /// Area `i`'s score over indicator `k`'s group as a function of `k`'s
  /// share of it (`values` row-major, NaN when missing): under `reweight`
  /// the mean over the values present, a ratio of two lines.
  func withinLine(_ values: [Double], row i: Int, indicator k: Int) -> ShareLine {
    let m = groupOf.count
    let xk = values[i * m + k]
    let hasK = !xk.isNaN
    guard canMove(k) else { return hasK ? ShareLine(n0: xk, n1: 0, d0: 1, d1: 0) : ShareLine(n0: 0, n1: 0, d0: 0, d1: 0) }
    let rest = 1 - shares[k]
    var p = 0.0
    var c = 0.0
    var complete = true
    for j in groups[groupOf[k]] where j != k {
      let x = values[i * m + j]
      if x.isNaN {
        complete = false
        continue
      }
      let cj = shares[j] / rest
      p += cj * x
      c += cj
    }
    if complete { c = 1 }  // exactly: the others' shares sum to 1
    return ShareLine(n0: p, n1: (hasK ? xk : 0) - p, d0: c, d1: (hasK ? 1 : 0) - c)
  }

  /// Area `i`'s index score from its score over group `g` (`within`) and
  /// its other dimensions at their nominal scores, the dimensions present
  /// weighted by their shares (as `reweight` does across dimensions):
  /// (A·D + v·N) / ((B + v)·D) for within = N / D, A the weighted sum and
  /// B the shares of the other dimensions present.
  func combined(_ within: ShareLine, _ values: [Double], row i: Int, group g: Int) -> ShareLine {
    let m = groupOf.count
    var a = 0.0
    var b = 0.0
    var allPresent = true
    for (h, cols) in groups.enumerated() where h != g {
      var num = 0.0
      var den = 0.0
      for j in cols where !values[i * m + j].isNaN {
        num += shares[j] * values[i * m + j]
        den += shares[j]
      }
      guard den > 0 else {
        allPresent = false
        continue
      }
      a += groupShares[h] * (num / den)
      b += groupShares[h]
    }
    // A ratio that is constant inside (0, 1) is taken as that constant:
    // only k present (x_k·s / s), or k missing (p·(1 − s) / c·(1 − s)).
    var line = within
    if line.d0 == 0 && line.n0 == 0 && line.d1 > 0 {
      line = ShareLine(n0: line.n1, n1: 0, d0: line.d1, d1: 0)
    } else if line.d0 > 0 && line.d1 == -line.d0 && line.n1 == -line.n0 {
      line = ShareLine(n0: line.n0, n1: 0, d0: line.d0, d1: 0)
    }
    guard line.isScored else { return ShareLine(n0: a, n1: 0, d0: b, d1: 0) }
    let v = groupShares[g]
    let total = allPresent ? 1 : b + v
    return ShareLine(
      n0: a * line.d0 + v * line.n0, n1: a * line.d1 + v * line.n1, d0: total * line.d0, d1: total * line.d1)
  }
}
