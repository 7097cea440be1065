extension WeightSensitivity {
  /// One other area's crossing with the analysed area: at `share` it ties;
  /// `before` / `after` say whether it scores above just below / above the share.
  struct Crossing {
    var share: Double
    var area: Int
    var before: Bool
    var after: Bool
  }

  /// A share where some other area ties with the analysed one, with the
  /// analysed area's count of areas strictly above it just below, at and
  /// just above the share, and the areas whose order with it changes.
  struct SweepPoint {
    var share: Double
    var below: Int
    var at: Int
    var above: Int
    var overtakes: [Int]
    var overtakenBy: [Int]
  }

  /// The shares of indicator `k` at which area `code` is among the top `top`
  /// (competition ranks, ties as the index decides them), and the
  /// breakpoints where its rank changes at the cut.
  ///
  /// Exact for the arithmetic mean; for other aggregations found by
  /// bisection to ``Membership/tolerance`` (see ``bisectionTolerance``).
  ///
  /// - Throws: `robustness.unknown-area` when the area is not ranked.
  /// - Complexity: O(*n*·*m* + *n* log *n*).
  public func membership(area code: String, top: Int, indicator k: Int) throws(RobustnessError) -> Membership {
    precondition(indicatorIDs.indices.contains(k), "indicator position out of range")
    let a = try position(of: code)
    guard isExact else { return approximateMembership(a, top: top, indicator: k) }
    let lines = lines(indicator: k)
    let tau = tolerance(lines, nominal: layout.shares[k])
    let points = sweep(a, crossings(a, lines, tolerance: tau)) { lines[a].denominator($0) > 0 }
    let s0 = layout.shares[k]
    let nominal = points.first { $0.share == s0 }?.at ?? count(above: a, lines, at: s0, tolerance: tau)
    return membership(a, top: top, indicator: k, points: points, nominal: nominal, tolerance: nil) {
      selection(lines, at: $0, top: top)
    }
  }

  /// The membership of area `a` from the sweep of its crossings: the
  /// intervals where fewer than `top` areas are above it, and the
  /// breakpoints near the cut, with the selections on either side read
  /// from `selectionAt`.
  func membership(
    _ a: Int, top: Int, indicator k: Int, points: [SweepPoint], nominal: Int, tolerance: Double?,
    selectionAt: (Double) -> Set<Int>
  ) -> Membership {
    let member = { (count: Int) in count < top }
    var intervals: [Interval] = []
    var start: Double? = nil
    for (t, p) in points.enumerated() {
      // (At 0 or 1 the area may have no score but one just beside: the
      // interval then starts or ends there as a limit.)
      if start == nil && (member(p.at) || (member(p.above) && t + 1 < points.count)) { start = p.share }
      if let s = start, !(member(p.above) && t + 1 < points.count) {
        intervals.append(Interval(lower: s, upper: p.share))
        start = nil
      }
    }
    let near = (top - 1)...top
    let offset = max(1e-9, 4 * (tolerance ?? 0))
    var breakpoints: [Breakpoint] = []
    for (t, p) in points.enumerated() where t > 0 && t + 1 < points.count {
      let changes = p.below != p.above || p.at != p.below
      guard changes, near.contains(p.below) || near.contains(p.above) || near.contains(p.at)
        || member(p.below) != member(p.above) || member(p.at) != member(p.below)
      else { continue }
      let below = max(p.share - offset, (points[t - 1].share + p.share) / 2)
      let above = min(p.share + offset, (p.share + points[t + 1].share) / 2)
      breakpoints.append(breakpoint(p, before: selectionAt(below), after: selectionAt(above), top: top))
    }
    return Membership(
      area: codes[a], indicator: k, indicatorID: indicatorIDs[k], top: top, nominalShare: layout.shares[k],
      nominalRank: nominal + 1, isSelected: member(nominal), intervals: intervals, breakpoints: breakpoints,
      tolerance: tolerance)
  }

  /// The number of areas scoring above area `a` at share `s`, by more than τ.
  func count(above a: Int, _ lines: [ShareLine], at s: Double, tolerance tau: Double) -> Int {
    var c = 0
    for j in lines.indices where j != a && lines[j].isScored {
      if ShareComparison(lines[j], over: lines[a]).isAbove(at: s, tolerance: tau) { c += 1 }
    }
    return c
  }

  /// The crossings of every other area with area `a`, in share order,
  /// and how many areas score above `a` just after share 0.
  func crossings(_ a: Int, _ lines: [ShareLine], tolerance tau: Double) -> (initial: Int, crossings: [Crossing]) {
    var initial = 0
    var out: [Crossing] = []
    for j in lines.indices where j != a && lines[j].isScored {
      let g = ShareComparison(lines[j], over: lines[a])
      if g.isIdentical(tolerance: tau) { continue }  // tied for every share: never above
      let roots = g.roots()
      var breaks: [Double] = [0]
      for r in roots where r > breaks.last! { breaks.append(r) }
      if breaks.last! < 1 { breaks.append(1) }
      let pieces = (0..<(breaks.count - 1)).map { g.isAbove(at: (breaks[$0] + breaks[$0 + 1]) / 2, tolerance: tau) }
      if pieces[0] { initial += 1 }
      for r in roots {
        let t = breaks.firstIndex(of: r) ?? 0
        let before = t > 0 ? pieces[t - 1] : pieces[0]
        let after = t < pieces.count ? pieces[t] : pieces[pieces.count - 1]
        out.append(Crossing(share: r, area: j, before: before, after: after))
      }
    }
    out.sort { $0.share != $1.share ? $0.share < $1.share : $0.area < $1.area }
    return (initial, out)
  }

  /// Walks the crossings from share 0 to 1: a point at 0, at each share
  /// where some area ties with `a` (crossings within 10⁻¹² merged), and at 1.
  func sweep(_ a: Int, _ found: (initial: Int, crossings: [Crossing]), scored: (Double) -> Bool) -> [SweepPoint] {
    let (initial, crossings) = found
    var count = initial
    var points: [SweepPoint] = []
    var i = 0
    func add(_ share: Double, _ group: ArraySlice<Crossing>) {
      let tiedAbove = group.filter(\.before).count
      let after = count - tiedAbove + group.filter(\.after).count
      // At 0 or 1 an area without the other indicators (or without this
      // one) has no score: then it is not ranked, so not selected.
      let scored = scored(share)
      points.append(
        SweepPoint(
          share: share, below: count, at: scored ? count - tiedAbove : Int.max / 2, above: after,
          overtakes: group.filter { $0.before && !$0.after }.map(\.area),
          overtakenBy: group.filter { !$0.before && $0.after }.map(\.area)))
      count = after
    }
    if crossings.first.map({ $0.share > 0 }) ?? true { add(0, []) }
    while i < crossings.count {
      var j = i + 1
      while j < crossings.count && crossings[j].share - crossings[i].share <= 1e-12 { j += 1 }
      add(crossings[i].share, crossings[i..<j])
      i = j
    }
    if points.last!.share < 1 { add(1, []) }
    return points
  }

  /// The breakpoint of a sweep point: the areas passed, and the areas that
  /// enter and leave the selection, by the model's selections just below
  /// and just above it.
  func breakpoint(_ p: SweepPoint, before: Set<Int>, after: Set<Int>, top: Int) -> Breakpoint {
    let codesOf = { (areas: [Int]) in areas.sorted().map { codes[$0] } }
    return Breakpoint(
      share: p.share, rankBelow: p.below + 1, rankAt: p.at + 1, rankAbove: p.above + 1, selectedBelow: p.below < top,
      selectedAbove: p.above < top, overtakes: codesOf(p.overtakes), overtakenBy: codesOf(p.overtakenBy),
      entering: codesOf(Array(after.subtracting(before))), leaving: codesOf(Array(before.subtracting(after))))
  }
}
