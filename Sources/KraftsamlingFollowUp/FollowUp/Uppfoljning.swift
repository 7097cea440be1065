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
/// official figure (`kraftctl uppfoljning --target-on series` judges them
/// against the sum of the area series instead). With the target year T,
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
    package var indicator: VersionedIndicator = .uvas
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
    /// The rule flagging large shifts between consecutive years: the default
    /// `.binomial(k: 3)`, `.absolute(percentagePoints:)` for value-only
    /// series, or a ``ShiftRule`` of your own.
    public var shiftRule: any ShiftRule = .binomial()
    /// Below this many people (denominator) in a group in either compared
    /// year, the comparison is marked small numbers (default 100).
    package var smallGroupLimit: Double = 100
    /// The date of the follow-up, to list values that should already be
    /// published but are missing; `nil` skips that check (no clock is read).
    public var asOf: CalendarDate? = nil
    /// The city's name.
    package var cityName: String
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
  package struct Baseline: Sendable, Hashable, Codable {
    /// The baseline year.
    package var year: Int
    /// The published city value, if any for that year.
    package var publishedCity: ReferenceValue?
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
    public package(set) var target: Målvärde
    /// The series it is judged on.
    package var seriesName: String
    /// The baseline year and value.
    package var baselineYear: Int
    /// The baseline value.
    package var baselineValue: Double
    /// The latest observed year.
    public package(set) var latestYear: Int
    /// The latest observed value.
    public package(set) var latestValue: Double
    /// t − l: the change still needed (negative: must fall).
    public package(set) var remainingGap: Double
    /// (t − l)/(T − L), percentage points a year as a proportion; `nil` when T ≤ L.
    public package(set) var requiredYearlyChange: Double?
    /// (t/l)^(1/(T − L)) − 1: the relative change a year; `nil` when T ≤ L or l = 0.
    public package(set) var requiredRelativeYearlyChange: Double?
    /// (l − b)/(t − b); `nil` when t = b.
    public package(set) var progress: Double?
    /// (l − b)/(L − B); `nil` when L = B.
    public package(set) var observedYearlyChange: Double?
    /// Whether the observed change is at least as steep as the required one, in the target's direction.
    public package(set) var onTrack: Bool?
    /// Whether the latest value has reached the target (by the indicator's direction).
    public package(set) var reached: Bool
    /// When the target year's value is expected to be published.
    public package(set) var expectedAvailability: ClosedRange<CalendarDate>
    /// Series breaks between the baseline and the target year.
    public package(set) var seriesBreaks: [Int]
  }

  /// One group compared with the rest of the city.
  public struct GroupComparison: Sendable, Hashable, Codable {
    /// The group.
    public package(set) var group: AreaGroup
    /// The kön compared, or `nil` for everyone.
    package var kön: Kön?
    /// The earlier year.
    public package(set) var fromYear: Int
    /// The later year.
    public package(set) var toYear: Int
    /// The group's share in the earlier and later year.
    public package(set) var groupFrom: Double?
    /// The group's share in the later year.
    public package(set) var groupTo: Double?
    /// The rest of the city's share in the earlier year.
    public package(set) var restFrom: Double?
    /// The rest of the city's share in the later year.
    public package(set) var restTo: Double?
    /// The group's population (denominator) in the earlier year.
    package var groupPopulationFrom: Double?
    /// The group's population in the later year.
    package var groupPopulationTo: Double?
    /// Δ_group − Δ_rest, or `nil` when a value is missing.
    public package(set) var differenceInChange: Double?
    /// Its standard error, √Σ p(1 − p)/n over the four shares.
    public package(set) var standardError: Double?
    /// Whether the group is small (population below the limit in either year).
    public package(set) var smallNumbers: Bool
    /// Series breaks between the two years (the comparison is not like with like).
    public package(set) var seriesBreaks: [Int]
    /// Members of the group without data in either year.
    public package(set) var missingMembers: Int

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
  public struct ShiftFlag: Sendable, Hashable, Codable {
    /// The series id.
    public package(set) var seriesID: String
    /// The series name.
    package var seriesName: String
    /// The earlier year.
    public package(set) var fromYear: Int
    /// The later year.
    public package(set) var toYear: Int
    /// The assessment.
    public package(set) var assessment: ShiftAssessment
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
    package var fromYear: Int
    /// The later year.
    package var toYear: Int
    /// Why.
    package var reason: Reason
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
    package var year: Int
    /// Why.
    package var kind: Kind
  }

  /// The indicator followed.
  package var indicator: VersionedIndicator
  /// The baseline.
  package var baseline: Baseline
  /// The city total of the area series.
  public package(set) var city: IndicatorSeries
  /// The published city values.
  package var publishedCity: IndicatorSeries
  /// The published national values.
  package var nation: IndicatorSeries
  /// The city total by kön (empty when the data has no kön).
  package var cityByKön: [IndicatorSeries]
  /// The series of each group, in group order.
  public package(set) var groupSeries: [IndicatorSeries]
  /// The status of each target, in year order.
  public package(set) var targets: [TargetStatus]
  /// Each group (and, with kön data, each group and kön) compared with the rest of the city.
  package var comparisons: [GroupComparison]
  /// Every judged change between consecutive years of the city and the groups.
  public package(set) var shifts: [ShiftFlag]
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
  package var asOf: CalendarDate?
  /// The shift rule in words.
  package var shiftRuleSummary: String
  /// The shift rule in Swedish words, when the rule has them (not stored
  /// in JSON: a decoded follow-up reports its rule by ``shiftRuleSummary``).
  package var shiftRuleSummarySwedish: String? = nil
  /// The label every output must carry, if any.
  package var dataLabel: String?
  /// The city's name.
  package var cityName: String
  /// The nation's name.
  package var nationName: String
  /// The disclosure control applied by ``disclosed(by:)``, or `nil` when
  /// the numbers are unsuppressed (for internal work only).
  package var disclosure: DisclosureControl? = nil

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
    indicator = ind
    asOf = options.asOf
    shiftRuleSummary = options.shiftRule.summary
    shiftRuleSummarySwedish = localizedShiftRuleSummary(options.shiftRule, .sv)
    dataLabel = options.dataLabel
    cityName = options.cityName
    nationName = options.nationName

    // City, published values, nation.
    city = panel.aggregate(codes: panel.codes, id: "city", name: options.cityName, level: .city)!
    publishedCity = try Self.referenceSeries(options.publishedCity, id: "city-published", name: options.cityName, level: .city)
    nation = try Self.referenceSeries(options.publishedNation, id: "nation", name: options.nationName, level: .nation)
    cityByKön = Kön.allCases.compactMap { k in
      panel.hasKön ? panel.aggregate(codes: panel.codes, id: "city-\(k.rawValue)", name: options.cityName, level: .city, kön: k) : nil
    }
    baseline = Baseline(
      year: options.baselineYear, publishedCity: options.publishedCity.first { $0.year == options.baselineYear },
      publishedNation: options.publishedNation.first { $0.year == options.baselineYear },
      seriesCity: city.value(year: options.baselineYear))

    groupSeries = try Self.seriesOfGroups(panel, groups)
    targets = try Self.targetStatuses(options, on: options.targetSeries == .published ? publishedCity : city)
    comparisons = try Self.comparisonsWithRest(panel, groups, city: city, options)

    // Shifts, skipped changes and gaps, for the city and every group.
    let changes = Self.changes(of: [city] + cityByKön + groupSeries, options)
    let lastDataYear = max(panel.years.upperBound, publishedCity.latestObserved?.year ?? Int.min)
    shifts = changes.shifts
    skippedChanges = changes.skipped
    gaps = changes.gaps + Self.expectedButMissing(after: lastDataYear, options)
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
