import KraftsamlingCore

/// Counts of one rate indicator for many areas and years (a *panel*),
/// optionally split by kön, in flat arrays: the input of a follow-up.
///
/// Years span the first to the last year in the data; a cell without data
/// is missing (kept visible as a gap, never filled in). Aggregates (a
/// cluster, the rest of the city, the city) sum counts over areas, so a
/// share is always numerator sum / denominator sum — never a mean of
/// shares.
///
/// ```swift
/// let panel = try IndicatorPanel.read(CSVReader.parse(MalmöData.uvasSeriesCSV.text)).panel
/// panel.years                                         // 2019...2023
/// panel.series(code: "25611")?.point(year: 2023)?.value   // Holma's share
/// panel.aggregate(codes: panel.codes, id: "malmo", name: "Malmö", level: .city)
/// ```
///
/// - Complexity: storage O(a·k·y), a areas, k kön strata, y years;
///   a series O(y); an aggregate O(m·y), m member areas.
public struct IndicatorPanel: Sendable, Hashable, Codable {
  /// The area codes, in first-seen order.
  public private(set) var codes: [String]
  /// The area names where the data has them.
  package private(set) var names: [String?]
  /// The first year.
  package private(set) var firstYear: Int
  /// The number of years (from `firstYear`, consecutive).
  package private(set) var yearCount: Int
  /// The strata: `[nil]` for no kön breakdown, or `nil` (total) and the kön values present.
  package private(set) var strata: [Kön?]
  /// Numerators, index ((area · strata + stratum) · years + year); NaN when missing.
  private var numerators: [Double]
  /// Denominators, same layout; NaN when missing.
  private var denominators: [Double]
  private var rowIndex: [String: Int]

  /// Creates a panel from observations.
  ///
  /// When kön rows are given without total rows for an area and year, the
  /// total is their sum (only when every kön in the data is present for it).
  ///
  /// - Parameter observations: One per (area, year, kön); `kön == nil` is the total.
  /// - Precondition: no (area, year, kön) appears twice and there is at
  ///   least one observation (readers check this and throw located errors).
  public init(observations: [Observation]) {
    precondition(!observations.isEmpty, "a panel needs at least one observation")
    var codes: [String] = []
    var names: [String?] = []
    var rowIndex: [String: Int] = [:]
    var minYear = Int.max
    var maxYear = Int.min
    var kön = Set<Kön>()
    for o in observations {
      if rowIndex[o.code] == nil {
        rowIndex[o.code] = codes.count
        codes.append(o.code)
        names.append(o.name)
      }
      minYear = min(minYear, o.year)
      maxYear = max(maxYear, o.year)
      if let k = o.kön { kön.insert(k) }
    }
    let strata: [Kön?] = [nil] + Kön.allCases.filter { kön.contains($0) }
    let years = maxYear - minYear + 1
    let n = codes.count * strata.count * years
    var num = [Double](repeating: .nan, count: n)
    var den = [Double](repeating: .nan, count: n)
    var hasTotal = [Bool](repeating: false, count: codes.count * years)
    func index(_ row: Int, _ s: Int, _ y: Int) -> Int { (row * strata.count + s) * years + (y - minYear) }
    for o in observations {
      let row = rowIndex[o.code]!
      let s = o.kön.map { k in strata.firstIndex(of: k)! } ?? 0
      let i = index(row, s, o.year)
      precondition(num[i].isNaN && den[i].isNaN, "observation \(o.code) \(o.year) \(o.kön?.rawValue ?? "total") given twice")
      num[i] = o.numerator ?? .nan
      den[i] = o.denominator ?? .nan
      if o.kön == nil { hasTotal[row * years + (o.year - minYear)] = true }
    }
    if strata.count > 1 {
      for row in 0..<codes.count {
        for y in minYear...maxYear where !hasTotal[row * years + (y - minYear)] {
          var a = 0.0
          var b = 0.0
          var complete = true
          for s in 1..<strata.count {
            let i = index(row, s, y)
            if num[i].isNaN || den[i].isNaN { complete = false }
            a += num[i]
            b += den[i]
          }
          if complete {
            num[index(row, 0, y)] = a
            den[index(row, 0, y)] = b
          }
        }
      }
    }
    self.codes = codes
    self.names = names
    self.firstYear = minYear
    self.yearCount = years
    self.strata = strata
    self.numerators = num
    self.denominators = den
    self.rowIndex = rowIndex
  }

  /// One observation of a panel.
  public struct Observation: Sendable, Hashable, Codable {
    /// The area code.
    package var code: String
    /// The area name, if known.
    package var name: String?
    /// The year.
    package var year: Int
    /// The kön, or `nil` for everyone.
    package var kön: Kön?
    /// The count with the condition (`nil`: missing).
    package var numerator: Double?
    /// The population counted (`nil`: missing).
    package var denominator: Double?

    /// Creates an observation.
    ///
    /// - Parameters:
    ///   - code: The area code.
    ///   - name: The area name.
    ///   - year: The year.
    ///   - kön: The kön, or `nil` for everyone.
    ///   - numerator: The count with the condition.
    ///   - denominator: The population counted.
    public init(code: String, name: String? = nil, year: Int, kön: Kön? = nil, numerator: Double?, denominator: Double?) {
      self.code = code
      self.name = name
      self.year = year
      self.kön = kön
      self.numerator = numerator
      self.denominator = denominator
    }
  }

  /// The years covered, consecutive.
  public var years: ClosedRange<Int> { firstYear...(firstYear + yearCount - 1) }

  /// Whether the data has a breakdown by kön.
  package var hasKön: Bool { strata.count > 1 }

  /// The name of an area, or its code.
  package func name(of code: String) -> String { rowIndex[code].flatMap { names[$0] } ?? code }

  /// Whether the panel has an area.
  package func contains(code: String) -> Bool { rowIndex[code] != nil }

  /// The series of one area.
  ///
  /// - Parameters:
  ///   - code: The area code.
  ///   - kön: A kön, or `nil` for everyone.
  ///   - level: The level to label the series with.
  /// - Returns: The series, or `nil` when the area (or the kön) is not in the data.
  /// - Complexity: O(y).
  public func series(code: String, kön: Kön? = nil, level: IndicatorSeries.Level = .delområde) -> IndicatorSeries? {
    guard let row = rowIndex[code] else { return nil }
    return aggregate(rows: [row], id: code, name: name(of: code), level: level, kön: kön)
  }

  /// The series of a group of areas: counts summed per year over the
  /// members that have data; a year with no member data is missing, and
  /// each point records how many members lacked data.
  ///
  /// - Parameters:
  ///   - codes: The member areas (codes not in the panel count as lacking data).
  ///   - id: The series id.
  ///   - name: The series name.
  ///   - level: The level.
  ///   - kön: A kön, or `nil` for everyone.
  /// - Returns: The aggregate series (`nil` when the kön is not in the data).
  /// - Complexity: O(m·y), m members.
  public func aggregate(codes: [String], id: String, name: String, level: IndicatorSeries.Level, kön: Kön? = nil)
    -> IndicatorSeries?
  {
    var rows: [Int] = []
    var unknown = 0
    var seen = Set<String>()
    for c in codes where seen.insert(c).inserted {
      if let r = rowIndex[c] { rows.append(r) } else { unknown += 1 }
    }
    return aggregate(rows: rows, id: id, name: name, level: level, kön: kön, unknownMembers: unknown)
  }

  /// The series of every area not in `codes` (the rest of the city).
  ///
  /// - Complexity: O(a·y).
  package func rest(excluding codes: [String], id: String, name: String, kön: Kön? = nil) -> IndicatorSeries? {
    let excluded = Set(codes)
    let rows = self.codes.indices.filter { !excluded.contains(self.codes[$0]) }
    return aggregate(rows: rows, id: id, name: name, level: .restOfCity, kön: kön)
  }

  private func aggregate(
    rows: [Int], id: String, name: String, level: IndicatorSeries.Level, kön: Kön?, unknownMembers: Int = 0
  ) -> IndicatorSeries? {
    guard let s = strata.firstIndex(of: kön) else { return nil }
    var points: [IndicatorSeries.Point] = []
    points.reserveCapacity(yearCount)
    for y in 0..<yearCount {
      var a = 0.0
      var b = 0.0
      var missing = unknownMembers
      var any = false
      for row in rows {
        let i = (row * strata.count + s) * yearCount + y
        if numerators[i].isNaN || denominators[i].isNaN {
          missing += 1
        } else {
          a += numerators[i]
          b += denominators[i]
          any = true
        }
      }
      if any {
        points.append(IndicatorSeries.Point(year: firstYear + y, numerator: a, denominator: b, missingMembers: missing))
      } else {
        var p = IndicatorSeries.Point(year: firstYear + y, value: nil)
        p.missingMembers = missing
        points.append(p)
      }
    }
    return IndicatorSeries(id: id, name: name, level: level, kön: kön, points: points)
  }
}
