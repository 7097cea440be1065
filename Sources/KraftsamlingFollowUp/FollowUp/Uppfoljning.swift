#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The follow-up of an indicator against user-set targets (*uppföljning*):
/// the published baseline, progress and remaining gap to each target, the
/// required yearly change, selected areas and clusters compared with the
/// rest of the city, breakdown by kön where the data has it, large shifts
/// between years, missing years and series breaks — all made visible.
///
/// Built for UVAS (the programme's yardstick; ``VersionedIndicator/uvas``),
/// but any rate indicator with a ``VersionedIndicator`` works.
///
/// **Targets.** Judged against the *published* city series by default —
/// the reference values you give (Malmö's preset, `Uppföljning.Options.malmö`
/// in KraftsamlingKitData, has 2023 ≈ 9.5 %, STK-2024-1374) plus any later
/// published values you add — because targets are set for the city's
/// official figure. Choose ``TargetSeries/areaAggregate`` to judge them
/// against the sum of the area series instead. With the target year T,
/// its value t, the baseline year B with value b and the latest observed
/// year L with value l:
/// - remaining gap = t − l (negative: the share must still fall);
/// - required yearly change = (t − l) / (T − L), **linear in percentage
///   points** (also given relative: (t / l)^(1/(T − L)) − 1);
/// - progress = (l − b) / (t − b) (0 at the baseline, 1 at the target);
/// - observed yearly change = (l − b) / (L − B), and *on track* when it is
///   at least as steep as the required change in the target's direction.
///
/// **Difference in change.** For each group (a selected delområde, a
/// cluster, the whole selection) between two years Y₁ < Y₂:
/// Δ_group − Δ_rest with Δ = p(Y₂) − p(Y₁) and the rest of the city summed
/// over every other area. Its standard error treats the four shares as
/// independent binomial proportions: √Σ p(1 − p)/n; the 95 % interval is
/// ±1.96 SE. Caveats are stated with every comparison: small numbers,
/// changing composition, regression to the mean, no causal claim, and any
/// series break in between.
///
/// ```swift
/// var options = Uppföljning.Options.malmö   // KraftsamlingKitData; or Options(cityName: "Lund")
/// options.targets = [try Målvärde(parsing: "2030:8,5"), try Målvärde(parsing: "2035:7,5")]
/// let panel = try IndicatorPanel.read(CSVReader.parse(MalmöData.uvasSeriesCSV.text)).panel
/// let groups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
/// let f = try Uppföljning(panel: panel, groups: groups, options: options)
/// f.targets[0].requiredYearlyChange   // (0.085 − 0.095) / (2030 − 2023) = −0.00143 (−0.14 pp a year)
/// print(f.status())                   // one paragraph for a dashboard
/// ```
///
/// - Complexity: O(g·a·y) for g groups, a areas, y years (each group's
///   rest of the city sums over all areas).
public struct Uppföljning: Sendable, Hashable, Codable {
  /// Which series targets are judged against.
  package enum TargetSeries: String, Sendable, Hashable, Codable, CaseIterable {
    /// The published city values (reference values) — the default.
    case published
    /// The city total summed from the area series.
    case areaAggregate = "area-aggregate"
  }

  /// What to follow and how.
  public struct Options: Sendable {
    /// The indicator with its versions and publication lag (default UVAS).
    public var indicator: VersionedIndicator = .uvas
    /// The baseline year (default 2023, the year of the published baseline).
    package var baselineYear = 2023
    /// Published city values (default: none); add them as they are published.
    public var publishedCity: [ReferenceValue] = []
    /// Published national values (default: none); add them as they are published.
    package var publishedNation: [ReferenceValue] = []
    /// User-set targets; none by default (the proposal sets none).
    public var targets: [Målvärde] = []
    /// Which series targets are judged against.
    package var targetSeries: TargetSeries = .published
    /// The two years compared for groups vs the rest of the city (default:
    /// the first and last years with city data in the panel).
    package var comparisonYears: (from: Int, to: Int)? = nil
    /// The rule flagging large shifts between consecutive years.
    package var shiftRule: any ShiftRule = .binomial()
    /// Below this many people (denominator) in a group in either compared
    /// year, the comparison is marked small numbers (default 100).
    package var smallGroupLimit: Double = 100
    /// The date of the follow-up, to list values that should already be
    /// published but are missing; `nil` skips that check (no clock is read).
    public var asOf: CalendarDate? = nil
    /// The city's name.
    public var cityName: String
    /// The nation's name.
    package var nationName = "Sverige"
    /// A label every output must carry (e.g. that the data is illustrative).
    public var dataLabel: String? = nil

    /// The defaults for a city: UVAS, baseline 2023, no published values,
    /// no targets.
    ///
    /// - Parameter cityName: The city's name, used in series and reports.
    public init(cityName: String) { self.cityName = cityName }
  }

  /// The baseline: published figures and the series' own value.
  public struct Baseline: Sendable, Hashable, Codable {
    /// The baseline year.
    public var year: Int
    /// The published city value, if any for that year.
    public var publishedCity: ReferenceValue?
    /// The published national value, if any for that year.
    package var publishedNation: ReferenceValue?
    /// The city total of the area series that year, if the series has it.
    package var seriesCity: Double?
    /// `seriesCity − publishedCity`, when both exist.
    package var discrepancy: Double? {
      guard let s = seriesCity, let p = publishedCity?.value else { return nil }
      return s - p
    }
  }

  /// The status of one target.
  public struct TargetStatus: Sendable, Hashable, Codable {
    /// The target.
    public var target: Målvärde
    /// The series it is judged on.
    package var seriesName: String
    /// The baseline year and value.
    package var baselineYear: Int
    /// The baseline value.
    package var baselineValue: Double
    /// The latest observed year.
    public var latestYear: Int
    /// The latest observed value.
    package var latestValue: Double
    /// t − l: the change still needed (negative: must fall).
    package var remainingGap: Double
    /// (t − l)/(T − L), percentage points a year as a proportion; `nil` when T ≤ L.
    public var requiredYearlyChange: Double?
    /// (t/l)^(1/(T − L)) − 1: the relative change a year; `nil` when T ≤ L or l = 0.
    package var requiredRelativeYearlyChange: Double?
    /// (l − b)/(t − b); `nil` when t = b.
    package var progress: Double?
    /// (l − b)/(L − B); `nil` when L = B.
    package var observedYearlyChange: Double?
    /// Whether the observed change is at least as steep as the required one, in the target's direction.
    package var onTrack: Bool?
    /// Whether the latest value has reached the target (by the indicator's direction).
    package var reached: Bool
    /// When the target year's value is expected to be published.
    public var expectedAvailability: ClosedRange<CalendarDate>
    /// Series breaks between the baseline and the target year.
    package var seriesBreaks: [Int]
  }

  /// One group compared with the rest of the city.
  public struct GroupComparison: Sendable, Hashable, Codable {
    /// The group.
    public var group: AreaGroup
    /// The kön compared, or `nil` for everyone.
    package var kön: Kön?
    /// The earlier year.
    public var fromYear: Int
    /// The later year.
    public var toYear: Int
    /// The group's share in the earlier and later year.
    package var groupFrom: Double?
    /// The group's share in the later year.
    package var groupTo: Double?
    /// The rest of the city's share in the earlier year.
    package var restFrom: Double?
    /// The rest of the city's share in the later year.
    package var restTo: Double?
    /// The group's population (denominator) in the earlier year.
    package var groupPopulationFrom: Double?
    /// The group's population in the later year.
    package var groupPopulationTo: Double?
    /// Δ_group − Δ_rest, or `nil` when a value is missing.
    public var differenceInChange: Double?
    /// Its standard error, √Σ p(1 − p)/n over the four shares.
    package var standardError: Double?
    /// Whether the group is small (population below the limit in either year).
    public var smallNumbers: Bool
    /// Series breaks between the two years (the comparison is not like with like).
    package var seriesBreaks: [Int]
    /// Members of the group without data in either year.
    package var missingMembers: Int

    /// Δ_group = groupTo − groupFrom.
    package var groupChange: Double? { groupTo.flatMap { t in groupFrom.map { t - $0 } } }
    /// Δ_rest = restTo − restFrom.
    package var restChange: Double? { restTo.flatMap { t in restFrom.map { t - $0 } } }
    /// The 95 % interval, difference ± 1.96 SE.
    public var interval95: ClosedRange<Double>? {
      guard let d = differenceInChange, let se = standardError else { return nil }
      return (d - 1.96 * se)...(d + 1.96 * se)
    }
    /// Whether the 95 % interval excludes zero.
    package var distinguishableFromZero: Bool {
      guard let i = interval95 else { return false }
      return i.lowerBound > 0 || i.upperBound < 0
    }
  }

  /// A change between consecutive observed years judged by the shift rule.
  package struct ShiftFlag: Sendable, Hashable, Codable {
    /// The series id.
    package var seriesID: String
    /// The series name.
    package var seriesName: String
    /// The earlier year.
    public var fromYear: Int
    /// The later year.
    public var toYear: Int
    /// The assessment.
    package var assessment: ShiftAssessment
  }

  /// A change that was not judged, and why.
  package struct SkippedChange: Sendable, Hashable, Codable {
    /// Why a change was not judged.
    package enum Reason: String, Sendable, Hashable, Codable {
      /// A series break lies between the years (`series-break`).
      case seriesBreak = "series-break"
      /// A year is missing (`missing-year`).
      case missingYear = "missing-year"
      /// A sum lacks some member's data in either year (`incomplete-sum`).
      case incompleteSum = "incomplete-sum"
    }
    /// The series id.
    package var seriesID: String
    /// The series name.
    package var seriesName: String
    /// The earlier year.
    public var fromYear: Int
    /// The later year.
    public var toYear: Int
    /// Why.
    public var reason: Reason
  }

  /// A year without a value where one is expected.
  package struct Gap: Sendable, Hashable, Codable {
    /// Why the value is missing.
    package enum Kind: String, Sendable, Hashable, Codable {
      /// The data has no value for a year inside its range (`missing-in-data`).
      case missingInData = "missing-in-data"
      /// The value should be published by the follow-up date but the data lacks it (`expected-but-missing`).
      case expectedButMissing = "expected-but-missing"
    }
    /// The series id.
    package var seriesID: String
    /// The series name.
    package var seriesName: String
    /// The year.
    public var year: Int
    /// Why.
    package var kind: Kind
  }

  /// The indicator followed.
  public var indicator: VersionedIndicator
  /// The baseline.
  public var baseline: Baseline
  /// The city total of the area series.
  public var city: IndicatorSeries
  /// The published city values.
  public var publishedCity: IndicatorSeries
  /// The published national values.
  package var nation: IndicatorSeries
  /// The city total by kön (empty when the data has no kön).
  package var cityByKön: [IndicatorSeries]
  /// The series of each group, in group order.
  package var groupSeries: [IndicatorSeries]
  /// The status of each target, in year order.
  public var targets: [TargetStatus]
  /// Each group (and, with kön data, each group and kön) compared with the rest of the city.
  package var comparisons: [GroupComparison]
  /// Every judged change between consecutive years of the city and the groups.
  package var shifts: [ShiftFlag]
  /// Changes not judged (series break, missing year).
  package var skippedChanges: [SkippedChange]
  /// Missing years.
  package var gaps: [Gap]
  /// The series breaks within or at the edge of the data's years.
  package var seriesBreaks: [Int]
  /// The next year whose value is expected, and when.
  package var nextPublication: (year: Int, window: ClosedRange<CalendarDate>)? {
    nextYear.map { ($0, indicator.publicationLag.availability(ofYear: $0)) }
  }
  private var nextYear: Int?
  /// The follow-up date, if given.
  public var asOf: CalendarDate?
  /// The shift rule in words.
  package var shiftRuleSummary: String
  /// The label every output must carry, if any.
  public var dataLabel: String?
  /// The city's name.
  public var cityName: String
  /// The nation's name.
  package var nationName: String
  /// The disclosure control applied by ``disclosed(by:)``, or `nil` when
  /// the numbers are unsuppressed (for internal work only).
  public var disclosure: DisclosureControl? = nil

  /// Follows an indicator panel up.
  ///
  /// - Parameters:
  ///   - panel: Counts per area and year (and kön).
  ///   - groups: The groups to compare with the rest of the city (e.g.
  ///     ``PublishedSelection/areaGroups(in:)``); may be empty.
  ///   - options: The city's name, targets, published values, comparison
  ///     years, shift rule.
  /// - Throws: ``FollowUpError``: a target year not after the baseline or
  ///   given twice, a group with no area in the panel, comparison years
  ///   outside the data or not in order.
  /// - Complexity: O(g·a·y), g groups, a areas, y years.
  public init(panel: IndicatorPanel, groups: [AreaGroup] = [], options: Options) throws(FollowUpError) {
    let ind = options.indicator
    let higherIsWorse = ind.indicator.direction == .higherIsWorse
    indicator = ind
    asOf = options.asOf
    shiftRuleSummary = options.shiftRule.summary
    dataLabel = options.dataLabel
    cityName = options.cityName
    nationName = options.nationName

    // City, published values, nation.
    city = panel.aggregate(codes: panel.codes, id: "city", name: options.cityName, level: .city)!
    func referenceSeries(_ values: [ReferenceValue], id: String, name: String, level: IndicatorSeries.Level) throws(FollowUpError)
      -> IndicatorSeries
    {
      var seen = Set<Int>()
      for v in values where !seen.insert(v.year).inserted {
        throw FollowUpError(.badReference, "the published value for \(v.year) is given twice", hint: "give each year once", context: "\(v.year)")
      }
      return IndicatorSeries(
        id: id, name: name, level: level, points: values.map { .init(year: $0.year, value: $0.value, source: $0.source) })
    }
    publishedCity = try referenceSeries(options.publishedCity, id: "city-published", name: options.cityName, level: .city)
    nation = try referenceSeries(options.publishedNation, id: "nation", name: options.nationName, level: .nation)
    cityByKön = Kön.allCases.compactMap { k in
      panel.hasKön ? panel.aggregate(codes: panel.codes, id: "city-\(k.rawValue)", name: options.cityName, level: .city, kön: k) : nil
    }
    baseline = Baseline(
      year: options.baselineYear, publishedCity: options.publishedCity.first { $0.year == options.baselineYear },
      publishedNation: options.publishedNation.first { $0.year == options.baselineYear },
      seriesCity: city.value(year: options.baselineYear))

    // Groups.
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
    self.groupSeries = groupSeries

    // Targets.
    let targetSeries = options.targetSeries == .published ? publishedCity : city
    var targets: [TargetStatus] = []
    var targetYears = Set<Int>()
    for t in options.targets.sorted(by: { $0.year < $1.year }) {
      guard t.year > options.baselineYear, targetYears.insert(t.year).inserted else {
        throw FollowUpError(
          .badTargetYear, "the target for \(t.year) is not after the baseline year \(options.baselineYear) or is given twice",
          hint: "give one target per year after \(options.baselineYear), e.g. 2030:8,5", context: t.description)
      }
      guard let b = targetSeries.value(year: options.baselineYear), let latest = targetSeries.latestObserved,
        let l = latest.value
      else { continue }
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
      let reached = higherIsWorse ? l <= t.value : l >= t.value
      targets.append(
        TargetStatus(
          target: t, seriesName: targetSeries.name + (options.targetSeries == .published ? " (publicerat)" : " (summa av områdena)"),
          baselineYear: B, baselineValue: b, latestYear: L, latestValue: l, remainingGap: gap,
          requiredYearlyChange: required, requiredRelativeYearlyChange: relative,
          progress: t.value != b ? (l - b) / (t.value - b) : nil, observedYearlyChange: observed, onTrack: onTrack,
          reached: reached, expectedAvailability: ind.publicationLag.availability(ofYear: t.year),
          seriesBreaks: ind.breaks(after: B, upTo: t.year)))
    }
    self.targets = targets

    // Comparisons.
    let observedYears = city.points.filter { $0.value != nil }.map(\.year)
    var comparisons: [GroupComparison] = []
    if let firstObserved = observedYears.first, let lastObserved = observedYears.last, !groups.isEmpty {
      let (y1, y2) = options.comparisonYears ?? (firstObserved, lastObserved)
      guard y1 < y2, panel.years.contains(y1), panel.years.contains(y2) else {
        throw FollowUpError(
          .badComparison, "cannot compare \(y1) with \(y2): the data covers \(panel.years.lowerBound)–\(panel.years.upperBound)",
          hint: "choose two years in the data, the earlier first", context: "\(y1)–\(y2)")
      }
      let strata: [Kön?] = panel.hasKön ? [nil] + Kön.allCases.map { $0 } : [nil]
      for g in groups {
        for k in strata {
          guard let gs = panel.aggregate(codes: g.codes, id: g.id, name: g.name, level: .custom, kön: k),
            let rs = panel.rest(excluding: g.codes, id: "rest-\(g.id)", name: "", kön: k)
          else { continue }
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
          comparisons.append(
            GroupComparison(
              group: g, kön: k, fromYear: y1, toYear: y2, groupFrom: a?.value, groupTo: b?.value, restFrom: c?.value,
              restTo: d?.value, groupPopulationFrom: popA, groupPopulationTo: popB, differenceInChange: diff,
              standardError: se,
              smallNumbers: (popA ?? 0) < options.smallGroupLimit || (popB ?? 0) < options.smallGroupLimit,
              seriesBreaks: ind.breaks(after: y1, upTo: y2),
              missingMembers: max(a?.missingMembers ?? g.codes.count, b?.missingMembers ?? g.codes.count)))
        }
      }
    }
    self.comparisons = comparisons

    // Shifts, skipped changes and gaps, for the city and every group.
    var shifts: [ShiftFlag] = []
    var skipped: [SkippedChange] = []
    var gaps: [Gap] = []
    for s in [city] + cityByKön + groupSeries {
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
    let lastDataYear = max(panel.years.upperBound, publishedCity.latestObserved?.year ?? Int.min)
    if let asOf = options.asOf, let due = ind.publicationLag.latestPublishedYear(asOf: asOf), due > lastDataYear {
      for y in (lastDataYear + 1)...due {
        gaps.append(Gap(seriesID: "city", seriesName: options.cityName, year: y, kind: .expectedButMissing))
      }
    }
    self.shifts = shifts
    self.skippedChanges = skipped
    self.gaps = gaps
    let lo = min(panel.years.lowerBound, publishedCity.points.first?.year ?? Int.max)
    let hi = max(panel.years.upperBound, options.targets.map(\.year).max() ?? Int.min)
    seriesBreaks = ind.seriesBreaks.filter { $0 >= lo && $0 <= hi }
    nextYear = lastDataYear + 1
  }

  /// The large shifts only.
  package var largeShifts: [ShiftFlag] { shifts.filter(\.assessment.isLarge) }

  /// The comparison of a group (for everyone, or one kön), or `nil`.
  public func comparison(for groupID: String, kön: Kön? = nil) -> GroupComparison? {
    comparisons.first { $0.group.id == groupID && $0.kön == kön }
  }

  // Codable: the computed publication window is derived, not stored.
  private enum CodingKeys: String, CodingKey {
    case indicator, baseline, city, publishedCity, nation, cityByKön, groupSeries, targets, comparisons, shifts
    case skippedChanges, gaps, seriesBreaks, nextYear, asOf, shiftRuleSummary, dataLabel, cityName, nationName
    case disclosure
  }
}
