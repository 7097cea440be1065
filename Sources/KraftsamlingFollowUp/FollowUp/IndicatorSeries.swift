import KraftsamlingCore

/// A yearly time series of one indicator for one unit — a delområde, a
/// cluster, the city, the nation, the rest of the city — with counts
/// where they exist and missing years kept visible.
///
/// Points cover every year from the first to the last, chronologically;
/// a year without data is a point with `value == nil`, never left out, so
/// gaps show in tables and charts. A point may carry counts (numerator and
/// denominator, as from register data) or only a value (as a published
/// national figure).
///
/// ```swift
/// let s = IndicatorSeries(id: "malmo", name: "Malmö", level: .city, points: [
///   .init(year: 2022, numerator: 60, denominator: 1000),
///   .init(year: 2023, value: nil),
/// ])
/// s.point(year: 2022)?.value   // 0.06
/// s.point(year: 2023)?.value   // nil: no data that year
/// ```
public struct IndicatorSeries: Sendable, Hashable, Codable, Identifiable {
  /// What the series describes.
  public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    /// One delområde (`delomrade`).
    case delområde = "delomrade"
    /// A group of areas (`cluster`).
    case cluster
    /// A whole selection (`selection`).
    case selection
    /// The city except a group (`rest-of-city`).
    case restOfCity = "rest-of-city"
    /// The city (`city`).
    case city
    /// The nation (`nation`).
    case nation
    /// Anything else (`custom`).
    case custom
  }

  /// One year's value.
  public struct Point: Sendable, Hashable, Codable {
    /// The reference year.
    public var year: Int
    /// The count with the condition (e.g. UVAS persons), if known.
    public package(set) var numerator: Double?
    /// The population counted (e.g. residents 16–29), if known.
    public package(set) var denominator: Double?
    /// The share (0…1), or `nil` when the year is missing or the denominator is 0.
    public var value: Double?
    /// For an aggregate: how many member areas lack data this year (0 when complete).
    public package(set) var missingMembers: Int
    /// Where the value comes from, when it is not the series' own data
    /// (e.g. `publicerat, STK-2024-1374`).
    package var source: String?

    /// A point from counts; the value is `numerator / denominator` (nil when the denominator is 0).
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - numerator: The count with the condition.
    ///   - denominator: The population counted.
    ///   - missingMembers: For an aggregate, members without data.
    package init(year: Int, numerator: Double, denominator: Double, missingMembers: Int = 0) {
      self.year = year
      self.numerator = numerator
      self.denominator = denominator
      self.value = denominator > 0 ? numerator / denominator : nil
      self.missingMembers = missingMembers
    }

    /// A point with a value only (or a missing year when `value` is nil).
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - value: The share, or `nil` for a missing year.
    ///   - source: Where the value comes from.
    package init(year: Int, value: Double?, source: String? = nil) {
      self.year = year
      self.value = value
      self.numerator = nil
      self.denominator = nil
      self.missingMembers = 0
      self.source = source
    }
  }

  /// A stable id (area code, group id, `malmo`, `sverige`).
  public var id: String
  /// The name shown.
  public var name: String
  /// What the series describes.
  package var level: Level
  /// The kön the series is restricted to, or `nil` for everyone.
  package var kön: Kön?
  /// One point per year from the first to the last, chronologically.
  package private(set) var points: [Point]

  /// Creates a series; points are sorted by year and gaps between the
  /// first and last year are filled with missing points.
  ///
  /// - Precondition: no year appears twice (programmer misuse).
  package init(id: String, name: String, level: Level, kön: Kön? = nil, points: [Point]) {
    self.id = id
    self.name = name
    self.level = level
    self.kön = kön
    let sorted = points.sorted { $0.year < $1.year }
    var filled: [Point] = []
    for p in sorted {
      if let last = filled.last {
        precondition(p.year != last.year, "year \(p.year) appears twice in series \(id)")
        for y in (last.year + 1)..<p.year { filled.append(Point(year: y, value: nil)) }
      }
      filled.append(p)
    }
    self.points = filled
  }

  /// The point of a year, or `nil` outside the series.
  ///
  /// - Complexity: O(1).
  public func point(year: Int) -> Point? {
    guard let first = points.first, year >= first.year, year - first.year < points.count else { return nil }
    return points[year - first.year]
  }

  /// The value of a year, or `nil` when missing or outside the series.
  package func value(year: Int) -> Double? { point(year: year)?.value }

  /// The years between the first and the last without a value.
  package var missingYears: [Int] { points.filter { $0.value == nil }.map(\.year) }

  /// The latest point with a value.
  package var latestObserved: Point? { points.last { $0.value != nil } }

  /// The first point with a value.
  package var firstObserved: Point? { points.first { $0.value != nil } }

  /// A copy with a point added or replaced (filling gaps as needed).
  ///
  /// - Parameter point: The point.
  package func setting(_ point: Point) -> IndicatorSeries {
    var ps = points.filter { $0.year != point.year && ($0.value != nil || $0.numerator != nil || $0.denominator != nil) }
    ps.append(point)
    return IndicatorSeries(id: id, name: name, level: level, kön: kön, points: ps)
  }
}
