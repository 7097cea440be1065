extension WeightSensitivity {
  /// The tolerance, in share, to which thresholds are found for an
  /// aggregation that is not linear in the weights.
  package static let bisectionTolerance = 1e-9
  /// The number of equal steps of the share at which such thresholds are
  /// first looked for (each change between two steps is then bisected).
  package static let bisectionSteps = 1000

  /// Every ranked area's score (by position) when indicator `k` has share
  /// `s`, by the index's own aggregation.
  func scores(indicator k: Int, share s: Double) -> [Double] {
    let all = index.scores(weights: weights(indicator: k, share: s))
    return index.prepared.includedRows.map { all[$0] }
  }

  /// Whether area `j` scores above area `a` by more than the index's tie
  /// tolerance in `scores` (an area without a score is above no one).
  static func isAbove(_ scores: [Double], _ j: Int, _ a: Int, tolerance tau: Double) -> Bool {
    !scores[j].isNaN && (scores[a].isNaN || scores[j] - scores[a] > tau)
  }

  /// The selection (positions) at share `s` of indicator `k`, by the index's ranks.
  func selection(indicator k: Int, share s: Double, top: Int) -> Set<Int> {
    var ranks: [Int] = []
    ScoreTies.descendingRanks(scores(indicator: k, share: s), into: &ranks)
    return Set(ranks.indices.filter { ranks[$0] > 0 && ranks[$0] <= top })
  }

  /// The share in [lo, hi] where `holds` stops being true, to
  /// ``bisectionTolerance``: `holds(lo)` is true and `holds(hi)` false.
  static func bisect(_ lo: Double, _ hi: Double, _ holds: (Double) -> Bool) -> Double {
    var lo = lo
    var hi = hi
    while hi - lo > bisectionTolerance {
      let mid = (lo + hi) / 2
      if holds(mid) { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
  }

  /// ``membership(area:top:indicator:)`` for an aggregation that is not
  /// linear in the weights: each other area's order with area `a` is read
  /// at ``bisectionSteps`` + 1 equal steps of the share, and every change
  /// between two steps is bisected to ``bisectionTolerance``. Two changes
  /// of the same pair within one step cancel out and are not seen.
  func approximateMembership(_ a: Int, top: Int, indicator k: Int) -> Membership {
    let steps = Self.bisectionSteps
    let grid = (0...steps).map { Double($0) / Double(steps) }
    let table = grid.map { scores(indicator: k, share: $0) }
    let taus = table.map { ScoreTies.tolerance(of: $0) }
    var initial = 0
    var crossings: [Crossing] = []
    for j in codes.indices where j != a {
      var before = Self.isAbove(table[0], j, a, tolerance: taus[0])
      if before { initial += 1 }
      for t in 1...steps {
        let after = Self.isAbove(table[t], j, a, tolerance: taus[t])
        guard after != before else { continue }
        let share = Self.bisect(grid[t - 1], grid[t]) { s in
          let x = scores(indicator: k, share: s)
          return Self.isAbove(x, j, a, tolerance: ScoreTies.tolerance(of: x)) == before
        }
        crossings.append(Crossing(share: share, area: j, before: before, after: after))
        before = after
      }
    }
    crossings.sort { $0.share != $1.share ? $0.share < $1.share : $0.area < $1.area }
    let points = sweep(a, (initial, crossings)) { s in
      s > 0 && s < 1 || !scores(indicator: k, share: s)[a].isNaN
    }
    let s0 = layout.shares[k]
    let x0 = scores(indicator: k, share: s0)
    let tau0 = ScoreTies.tolerance(of: x0)
    let nominal = codes.indices.filter { $0 != a && Self.isAbove(x0, $0, a, tolerance: tau0) }.count
    return membership(a, top: top, indicator: k, points: points, nominal: nominal, tolerance: Self.bisectionTolerance) {
      selection(indicator: k, share: $0, top: top)
    }
  }

  /// ``stability(top:)`` of indicator `k` for an aggregation that is not
  /// linear in the weights: from the nominal share outwards in steps of
  /// 1/``bisectionSteps`` to the first share with another selection, then
  /// bisection to ``bisectionTolerance`` for where it changes.
  func approximateStability(top: Int, indicator k: Int) -> Stability {
    let s0 = layout.shares[k]
    let nominal = selection(indicator: k, share: s0, top: top)
    guard nominal.count <= top else {
      return Stability(
        indicator: k, indicatorID: indicatorIDs[k], nominalShare: s0, interval: Interval(lower: s0, upper: s0),
        lowerChange: nil, upperChange: nil)
    }
    func edge(_ direction: Double) -> (share: Double, change: Change?) {
      var inside = s0
      for t in 1...Self.bisectionSteps {
        let s = min(1, max(0, s0 + direction * Double(t) / Double(Self.bisectionSteps)))
        let found = selection(indicator: k, share: s, top: top)
        if found != nominal {
          let share = Self.bisect(0, 1) { u in selection(indicator: k, share: inside + u * (s - inside), top: top) == nominal }
          let entering = found.subtracting(nominal).min()
          let leaving = nominal.subtracting(found).min()
          let change = entering.flatMap { e in leaving.map { Change(entering: codes[e], leaving: codes[$0]) } }
          return (inside + share * (s - inside), change)
        }
        inside = s
        if s == 0 || s == 1 { break }
      }
      return (inside, nil)
    }
    let lower = edge(-1)
    let upper = edge(1)
    return Stability(
      indicator: k, indicatorID: indicatorIDs[k], nominalShare: s0, interval: Interval(lower: lower.share, upper: upper.share),
      lowerChange: lower.change, upperChange: upper.change)
  }
}

extension WeightSensitivity {
  /// Every ranked area's competition rank (by position; 0 when it has no
  /// score) when indicator `k` has share `s` and the others keep their
  /// proportions, by the index's own scoring and tie rule.
  package func ranks(indicator k: Int, share s: Double) -> [Int] {
    var ranks: [Int] = []
    ScoreTies.descendingRanks(scores(indicator: k, share: s), into: &ranks)
    return ranks
  }
}
