/// A calendar day (year, month, day) without time or time zone, written
/// `YYYY-MM-DD` (ISO 8601).
///
/// Decisions, remisser, remissvar and publication dates are days in the
/// Swedish administrative calendar; a time of day or a time zone would add
/// nothing and would pull in Foundation's `Date`. The proleptic Gregorian
/// calendar is used: the type checks that the day exists, orders
/// chronologically, adds months with the day clamped to the month's end,
/// and encodes as a JSON string.
///
/// ```swift
/// let d = CalendarDate("2025-08-20")!
/// d < CalendarDate(2025, 9, 1)!                   // true
/// CalendarDate("2025-02-29")                      // nil: 2025 is not a leap year
/// CalendarDate("13/6/2025")                       // nil: not YYYY-MM-DD
/// d.description                                   // "2025-08-20"
/// ```
///
/// JSON: a string `"2025-08-20"`.
///
/// - Complexity: O(1) for every operation.
/// - SeeAlso: ISO 8601-1:2019, §5.2.2, calendar date, complete
///   representation, extended format.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
  /// The year, 1…9999.
  package let year: Int
  /// The month, 1…12.
  package let month: Int
  /// The day of the month, 1…28/29/30/31.
  package let day: Int

  /// Creates a date, or `nil` when the day does not exist (e.g. 2025-02-29).
  ///
  /// - Parameters:
  ///   - year: 1…9999.
  ///   - month: 1…12.
  ///   - day: 1 up to the length of the month.
  package init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Creates a date from year, month and day, or `nil` when the day does not
  /// exist: `CalendarDate(2024, 2, 29)`.
  public init?(_ year: Int, _ month: Int, _ day: Int) {
    self.init(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD` (exactly four, two and two digits), or returns
  /// `nil`.
  ///
  /// - Parameter description: The text, e.g. `"2025-08-20"`.
  public init?(_ description: String) {
    let u = Array(description.utf8)
    func digits(_ r: Range<Int>) -> Int? {
      var n = 0
      for i in r {
        guard u[i] >= 48 && u[i] <= 57 else { return nil }
        n = n * 10 + Int(u[i] - 48)
      }
      return n
    }
    guard u.count == 10, u[4] == 45, u[7] == 45,
      let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Parses `YYYY-MM-DD`, throwing a helpful error.
  ///
  /// - Throws: ``DataError`` `date.invalid` when the text is not of that
  ///   form or the day does not exist.
  package init(iso text: String) throws(DataError) {
    guard let d = CalendarDate(text) else {
      throw DataError(
        code: "date.invalid", "'\(text)' is not a valid date",
        hint: "write dates as YYYY-MM-DD, e.g. 2025-06-13, and check that the day exists")
    }
    self = d
  }

  /// Whether a year is a Gregorian leap year (divisible by 4, except
  /// centuries not divisible by 400).
  package static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days of a month: 28…31, or 0 for a month outside 1…12.
  ///
  /// - Parameters:
  ///   - year: The year (for February).
  ///   - month: 1…12.
  package static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: 31
    case 4, 6, 9, 11: 30
    case 2: isLeapYear(year) ? 29 : 28
    default: 0
    }
  }

  /// The date `months` months later (earlier when negative), with the day
  /// clamped to the end of the resulting month.
  ///
  /// ```swift
  /// CalendarDate(2023, 12, 31)!.adding(months: 18)   // 2025-06-30
  /// CalendarDate(2024, 1, 31)!.adding(months: 1)     // 2024-02-29
  /// ```
  ///
  /// - Precondition: the result lies in the years 1–9999 (programmer misuse otherwise).
  package func adding(months: Int) -> CalendarDate {
    let total = year * 12 + (month - 1) + months
    let y = total / 12
    let m = total % 12 + 1
    let d = Swift.min(day, CalendarDate.daysInMonth(year: y, month: m))
    guard let result = CalendarDate(year: y, month: m, day: d) else { preconditionFailure("date out of range: \(y)-\(m)-\(d)") }
    return result
  }

  /// The last day of a year: 31 December.
  ///
  /// - Precondition: `year` is 1–9999.
  package static func endOfYear(_ year: Int) -> CalendarDate {
    guard let d = CalendarDate(year: year, month: 12, day: 31) else { preconditionFailure("year out of range: \(year)") }
    return d
  }

  /// Orders by year, then month, then day.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Encodes as the string `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }

  /// Decodes from a string `YYYY-MM-DD`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the text is not a valid
  ///   date.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    guard let d = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "'\(text)' is not a valid date; write YYYY-MM-DD, e.g. 2025-06-13")
    }
    self = d
  }
}
