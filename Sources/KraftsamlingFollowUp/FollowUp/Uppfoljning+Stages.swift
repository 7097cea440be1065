#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The stages of ``Uppföljning/init(panel:groups:options:)``: reference
/// series, group series, targets, comparisons with the rest of the city,
/// and the changes between consecutive years.
extension Uppföljning {
  /// A series of published values.
  ///
  /// - Throws: `badReference` when a year is given twice.
  static func referenceSeries(
    _ values: [ReferenceValue], id: String, name: String, level: IndicatorSeries.Level
  ) throws(FollowUpError) -> IndicatorSeries {
    var seen = Set<Int>()
    for v in values where !seen.insert(v.year).inserted {
      throw FollowUpError(.badReference, "the published value for \(v.year) is given twice", hint: "give each year once", context: "\(v.year)")
    }
    return IndicatorSeries(
      id: id, name: name, level: level, points: values.map { .init(year: $0.year, value: $0.value, source: $0.source) })
  }

  /// The series of each group, in group order.
  ///
  /// - Throws: `noData` for a group with no area in the panel.
  static func seriesOfGroups(_ panel: IndicatorPanel, _ groups: [AreaGroup]) throws(FollowUpError) -> [IndicatorSeries] {
    var groupSeries: [IndicatorSeries] = []
    for g in groups {
      guard g.codes.contains(where: panel.contains(code:)) else {
        throw FollowUpError(
          .noData, "no area of '\(g.name)' is in the data", hint: "check the area codes against the series file",
          context: g.id)
      }
      let level: IndicatorSeries.Level =
        switch g.kind {
        case .delområde: .delområde
        case .cluster: .cluster
        case .selection: .selection
        case .custom: .custom
        }
      groupSeries.append(panel.aggregate(codes: g.codes, id: g.id, name: g.name, level: level)!)
    }
    return groupSeries
  }

  /// The status of each target, in year order, measured on the published
  /// city series or the sum of the areas; none while the series lacks the
  /// baseline or an observed value.
  ///
  /// - Throws: `badTargetYear` for a target not after the baseline year or
  ///   given twice.
  static func targetStatuses(_ options: Options, on targetSeries: IndicatorSeries) throws(FollowUpError) -> [TargetStatus] {
    var targets: [TargetStatus] = []
    var targetYears = Set<Int>()
    for t in options.targets.sorted(by: { $0.year < $1.year }) {
      guard t.year > options.baselineYear, targetYears.insert(t.year).inserted else {
        throw FollowUpError(
          .badTargetYear, "the target for \(t.year) is not after the baseline year \(options.baselineYear) or is given twice",
          hint: "give one target per year after \(options.baselineYear), e.g. 2030:8,5", context: t.description)
      }
      if let status = targetStatus(t, options, on: targetSeries) { targets.append(status) }
    }
    return targets
  }

  /// One target's status: the gap left, the yearly change required and
  /// observed so far, progress, and whether it is on track or reached.
  private static func targetStatus(_ t: Målvärde, _ options: Options, on targetSeries: IndicatorSeries) -> TargetStatus? {
    let ind = options.indicator
    guard let b = targetSeries.value(year: options.baselineYear), let latest = targetSeries.latestObserved,
      let l = latest.value
    else { return nil }
    let L = latest.year
    let B = options.baselineYear
    let gap = t.value - l
    let yearsLeft = t.year - L
    let required: Double? = yearsLeft > 0 ? gap / Double(yearsLeft) : nil
    var relative: Double? = nil
    if yearsLeft > 0 && l > 0 && t.value > 0 {
      relative = pow(t.value / l, 1 / Double(yearsLeft)) - 1
    }
    let observed: Double? = L > B ? (l - b) / Double(L - B) : nil
    var onTrack: Bool? = nil
    if let observed, let required {
      onTrack = required < 0 ? observed <= required : observed >= required
    }
    let reached = ind.indicator.direction == .higherIsWorse ? l <= t.value : l >= t.value
    return TargetStatus(
      target: t, seriesName: targetSeries.name + (options.targetSeries == .published ? " (publicerat)" : " (summa av områdena)"),
      baselineYear: B, baselineValue: b, latestYear: L, latestValue: l, remainingGap: gap,
      requiredYearlyChange: required, requiredRelativeYearlyChange: relative,
      progress: t.value != b ? (l - b) / (t.value - b) : nil, observedYearlyChange: observed, onTrack: onTrack,
      reached: reached, expectedAvailability: ind.publicationLag.availability(ofYear: t.year),
      seriesBreaks: ind.breaks(after: B, upTo: t.year))
  }

  /// Each group (and, with kön data, each group and kön) compared with the
  /// rest of the city between the comparison years (by default the first
  /// and last observed years of the city); none without groups or data.
  ///
  /// - Throws: `badComparison` for years outside the data or not in order.
  static func comparisonsWithRest(
    _ panel: IndicatorPanel, _ groups: [AreaGroup], city: IndicatorSeries, _ options: Options
  ) throws(FollowUpError) -> [GroupComparison] {
    let observedYears = city.points.filter { $0.value != nil }.map(\.year)
    guard let firstObserved = observedYears.first, let lastObserved = observedYears.last, !groups.isEmpty else { return [] }
    let (y1, y2) = options.comparisonYears ?? (firstObserved, lastObserved)
    guard y1 < y2, panel.years.contains(y1), panel.years.contains(y2) else {
      throw FollowUpError(
        .badComparison, "cannot compare \(y1) with \(y2): the data covers \(panel.years.lowerBound)–\(panel.years.upperBound)",
        hint: "choose two years in the data, the earlier first", context: "\(y1)–\(y2)")
    }
    let strata: [Kön?] = panel.hasKön ? [nil] + Kön.allCases.map { $0 } : [nil]
    var comparisons: [GroupComparison] = []
    for g in groups {
      for k in strata {
        if let c = comparison(of: g, kön: k, from: y1, to: y2, panel, options) { comparisons.append(c) }
      }
    }
    return comparisons
  }

  /// A group's change from `y1` to `y2` against the rest of the city's,
  /// with the standard error of the difference when every rate has its
  /// population; `nil` when the panel has no data for the group or the rest.
  private static func comparison(
    of g: AreaGroup, kön k: Kön?, from y1: Int, to y2: Int, _ panel: IndicatorPanel, _ options: Options
  ) -> GroupComparison? {
    guard let gs = panel.aggregate(codes: g.codes, id: g.id, name: g.name, level: .custom, kön: k),
      let rs = panel.rest(excluding: g.codes, id: "rest-\(g.id)", name: "", kön: k)
    else { return nil }
    let a = gs.point(year: y1)
    let b = gs.point(year: y2)
    let c = rs.point(year: y1)
    let d = rs.point(year: y2)
    var diff: Double? = nil
    var se: Double? = nil
    if let pa = a?.value, let pb = b?.value, let pc = c?.value, let pd = d?.value {
      diff = (pb - pa) - (pd - pc)
      var v = 0.0
      var complete = true
      for (p, n) in [(pa, a?.denominator), (pb, b?.denominator), (pc, c?.denominator), (pd, d?.denominator)] {
        guard let n, n > 0 else {
          complete = false
          break
        }
        v += p * (1 - p) / n
      }
      se = complete ? v.squareRoot() : nil
    }
    let popA = a?.denominator
    let popB = b?.denominator
    return GroupComparison(
      group: g, kön: k, fromYear: y1, toYear: y2, groupFrom: a?.value, groupTo: b?.value, restFrom: c?.value,
      restTo: d?.value, groupPopulationFrom: popA, groupPopulationTo: popB, differenceInChange: diff,
      standardError: se,
      smallNumbers: (popA ?? 0) < options.smallGroupLimit || (popB ?? 0) < options.smallGroupLimit,
      seriesBreaks: options.indicator.breaks(after: y1, upTo: y2),
      missingMembers: max(a?.missingMembers ?? g.codes.count, b?.missingMembers ?? g.codes.count))
  }

  /// The changes between consecutive observed years of each series: judged
  /// by the shift rule, or skipped (series break, missing year, incomplete
  /// sum); and the years a series has no value for.
  static func changes(
    of series: [IndicatorSeries], _ options: Options
  ) -> (shifts: [ShiftFlag], skipped: [SkippedChange], gaps: [Gap]) {
    let ind = options.indicator
    var shifts: [ShiftFlag] = []
    var skipped: [SkippedChange] = []
    var gaps: [Gap] = []
    for s in series {
      let name = s.kön.map { "\(s.name), \($0.rawValue)" } ?? s.name
      for p in s.points where p.value == nil { gaps.append(Gap(seriesID: s.id, seriesName: name, year: p.year, kind: .missingInData)) }
      var previous: IndicatorSeries.Point? = nil
      for p in s.points where p.value != nil {
        defer { previous = p }
        guard let prev = previous else { continue }
        if !ind.breaks(after: prev.year, upTo: p.year).isEmpty {
          skipped.append(SkippedChange(seriesID: s.id, seriesName: name, fromYear: prev.year, toYear: p.year, reason: .seriesBreak))
        } else if p.year - prev.year > 1 {
          skipped.append(SkippedChange(seriesID: s.id, seriesName: name, fromYear: prev.year, toYear: p.year, reason: .missingYear))
        } else if prev.missingMembers > 0 || p.missingMembers > 0 {
          skipped.append(SkippedChange(seriesID: s.id, seriesName: name, fromYear: prev.year, toYear: p.year, reason: .incompleteSum))
        } else if let a = options.shiftRule.assess(from: prev, to: p) {
          shifts.append(ShiftFlag(seriesID: s.id, seriesName: name, fromYear: prev.year, toYear: p.year, assessment: a))
        }
      }
    }
    return (shifts, skipped, gaps)
  }

  /// The city's years after the last year with data that should be
  /// published by the follow-up date.
  static func expectedButMissing(after lastDataYear: Int, _ options: Options) -> [Gap] {
    guard let asOf = options.asOf, let due = options.indicator.publicationLag.latestPublishedYear(asOf: asOf),
      due > lastDataYear
    else { return [] }
    return ((lastDataYear + 1)...due).map { y in
      Gap(seriesID: "city", seriesName: options.cityName, year: y, kind: .expectedButMissing)
    }
  }
}
