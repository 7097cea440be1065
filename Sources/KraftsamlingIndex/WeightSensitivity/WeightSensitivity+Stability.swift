extension WeightSensitivity {
  /// For every indicator, the shares around its nominal one for which the
  /// selection of the top `top` stays the nominal selection, and which
  /// area enters and which leaves first at each end.
  ///
  /// The selection changes first where an area outside it reaches one
  /// inside (before that, every selected area scores above every other):
  /// the nearest crossing, on each side of the nominal share, of a pair
  /// (selected, not selected). When areas tie at the cut at the nominal
  /// weights (more than `top` selected), every move changes the selection
  /// and the interval is the nominal share alone.
  ///
  /// - Complexity: O(*m*·(*n*·*m* + *K*·(*n* − *K*))).
  public func stability(top: Int) -> [Stability] {
    indicatorIDs.indices.map { isExact ? stability(top: top, indicator: $0) : approximateStability(top: top, indicator: $0) }
  }

  /// The stability interval of indicator `k`'s share.
  func stability(top: Int, indicator k: Int) -> Stability {
    let lines = lines(indicator: k)
    let s0 = layout.shares[k]
    let selected = selection(lines, at: s0, top: top)
    guard selected.count <= top else {
      return Stability(
        indicator: k, indicatorID: indicatorIDs[k], nominalShare: s0, interval: Interval(lower: s0, upper: s0),
        lowerChange: nil, upperChange: nil)
    }
    var lower: (share: Double, change: Change?) = (0, nil)
    var upper: (share: Double, change: Change?) = (1, nil)
    let outside = lines.indices.filter { !selected.contains($0) && lines[$0].isScored }
    for i in selected.sorted() {
      for j in outside {
        for r in ShareComparison(lines[j], over: lines[i]).roots() {
          let change = Change(entering: codes[j], leaving: codes[i])
          if r > s0 && r < upper.share || (r == upper.share && upper.change == nil && r > s0) {
            upper = (r, change)
          } else if r < s0 && r > lower.share || (r == lower.share && lower.change == nil && r < s0) {
            lower = (r, change)
          }
        }
      }
    }
    return Stability(
      indicator: k, indicatorID: indicatorIDs[k], nominalShare: s0,
      interval: Interval(lower: lower.share, upper: upper.share), lowerChange: lower.change, upperChange: upper.change)
  }
}
