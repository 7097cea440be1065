import KraftsamlingCore

extension DisclosureControl {
  /// A series point as it may be shown: the share hidden (`value` and
  /// `numerator` `nil`) when the denominator is below
  /// ``minimumDenominator``, each count (`numerator`, `denominator`)
  /// hidden when below ``minimumCount``. A point without counts (a
  /// published value) is returned unchanged.
  ///
  /// ```swift
  /// let dc = DisclosureControl()
  /// dc.disclose(IndicatorSeries.Point(year: 2023, numerator: 2, denominator: 9)).value    // nil (9 < 10)
  /// dc.disclose(IndicatorSeries.Point(year: 2023, numerator: 2, denominator: 10)).value   // 0.2
  /// dc.disclose(IndicatorSeries.Point(year: 2023, numerator: 2, denominator: 10)).numerator  // nil (2 < 5)
  /// ```
  ///
  /// - Parameter point: A point computed from counts.
  /// - Returns: The point with what must not be shown removed.
  /// - Complexity: O(1).
  package func disclose(_ point: IndicatorSeries.Point) -> IndicatorSeries.Point {
    var p = point
    if let d = p.denominator {
      if suppresses(rateWithDenominator: d) {
        p.value = nil
        p.numerator = nil
      }
      if suppresses(count: d) { p.denominator = nil }
    }
    if let n = p.numerator, suppresses(count: n) { p.numerator = nil }
    return p
  }

  /// Whether a point's share is hidden by ``disclose(_:)``.
  func hidesShare(_ point: IndicatorSeries.Point?) -> Bool {
    guard let p = point, p.value != nil, let d = p.denominator else { return false }
    return suppresses(rateWithDenominator: d)
  }
}

extension Uppföljning {
  /// The follow-up as it may be published: every share resting on fewer
  /// people than the control's ``DisclosureControl/minimumDenominator``
  /// and every count below its ``DisclosureControl/minimumCount`` removed
  /// from the series (the report shows them as `..`, the chart leaves a
  /// gap), comparisons whose group is too small lose their shares, and
  /// large-shift flags that would reveal a hidden share are dropped.
  ///
  /// Everything is computed from the unsuppressed panel first (the city
  /// sums, the comparisons, the targets): suppression changes only what is
  /// shown. Gaps and skipped changes keep describing the data as read.
  ///
  /// This is *primary* suppression only: a hidden value may still be
  /// derived by subtraction from a shown total (the city sum minus every
  /// other area shown). Where that matters, follow a larger group instead
  /// of the single small area, or suppress complementary cells by hand.
  /// The control is recorded with the follow-up and named in the report's
  /// notes.
  ///
  /// ```swift
  /// let f = try Uppföljning(panel: panel, groups: groups, options: .malmö).disclosed(by: DisclosureControl())
  /// f.groupSeries[0].point(year: 2023)?.value   // nil if the area had fewer than 10 young people
  /// ```
  ///
  /// - Parameter control: The rules (default: counts below 5, denominators below 10).
  /// - Returns: The follow-up with hidden values removed.
  /// - Complexity: O(size of the follow-up).
  public func disclosed(by control: DisclosureControl = DisclosureControl()) -> Uppföljning {
    var f = self
    func apply(_ s: IndicatorSeries) -> IndicatorSeries {
      IndicatorSeries(id: s.id, name: s.name, level: s.level, kön: s.kön, points: s.points.map(control.disclose))
    }
    // Shift flags on a share that is hidden would reveal it.
    let all = [city] + cityByKön + groupSeries
    f.shifts = shifts.filter { flag in
      let series = all.filter { s in
        s.id == flag.seriesID && flag.seriesName == (s.kön.map { "\(s.name), \($0.rawValue)" } ?? s.name)
      }
      return !series.contains { s in
        control.hidesShare(s.point(year: flag.fromYear)) || control.hidesShare(s.point(year: flag.toYear))
      }
    }
    f.city = apply(city)
    f.cityByKön = cityByKön.map(apply)
    f.groupSeries = groupSeries.map(apply)
    f.comparisons = comparisons.map { c in
      var c = c
      var hidden = false
      if let p = c.groupPopulationFrom, control.suppresses(rateWithDenominator: p) {
        c.groupFrom = nil
        hidden = true
      }
      if let p = c.groupPopulationTo, control.suppresses(rateWithDenominator: p) {
        c.groupTo = nil
        hidden = true
      }
      if hidden {
        // The rest of the city is the city minus the group: with the city
        // total shown, the rest's shares would give the hidden one away.
        c.restFrom = nil
        c.restTo = nil
        c.differenceInChange = nil
        c.standardError = nil
      }
      if let p = c.groupPopulationFrom, control.suppresses(count: p) { c.groupPopulationFrom = nil }
      if let p = c.groupPopulationTo, control.suppresses(count: p) { c.groupPopulationTo = nil }
      return c
    }
    f.disclosure = control
    return f
  }
}
