/// A calendar date (year, month, day) without time or time zone, written as
/// ISO 8601 text `YYYY-MM-DD`.
///
/// Remisser, remissvar and publication dates are days in the Swedish
/// administrative calendar; they need no clock, no time zone and no
/// Foundation. `Datum` is a small value type for exactly that: it checks
/// that the day exists (leap years by the Gregorian rule), orders
/// chronologically, adds months with the day clamped to the month's end,
/// and encodes as a JSON string.
///
/// ```swift
/// let deadline = try Datum(iso: "2025-06-13")
/// deadline.description                       // "2025-06-13"
/// Datum(2023, 12, 31)!.adding(months: 18)     // 2025-06-30
/// Datum(2023, 2, 29)                         // nil: 2023 is not a leap year
/// ```
///
/// - Complexity: every operation is O(1).
/// - SeeAlso: ISO 8601-1:2019, §5.2.2 (calendar date, extended format).
public struct Datum: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The year, 1–9999.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31 (checked against the month).
  public let day: Int

  /// Creates a date, or `nil` when the day does not exist.
  ///
  /// ```swift
  /// Datum(2024, 2, 29)   // 2024-02-29
  /// Datum(2025, 4, 31)   // nil
  /// ```
  ///
  /// - Parameters:
  ///   - year: 1–9999.
  ///   - month: 1–12.
  ///   - day: 1 to the length of the month.
  public init?(_ year: Int, _ month: Int, _ day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= Datum.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses ISO 8601 extended calendar-date text `YYYY-MM-DD`.
  ///
  /// ```swift
  /// try Datum(iso: "2023-11-23").month   // 11
  /// try Datum(iso: "23/11/2023")         // throws datum.invalid
  /// ```
  ///
  /// - Parameter text: exactly four digits, `-`, two digits, `-`, two digits.
  /// - Throws: ``DataError`` `datum.invalid` when the text is not of that
  ///   form or the day does not exist.
  public init(iso text: String) throws(DataError) {
    let u = Array(text.utf8)
    func digits(_ r: Range<Int>) -> Int? {
      var n = 0
      for i in r {
        guard u[i] >= 48 && u[i] <= 57 else { return nil }
        n = n * 10 + Int(u[i] - 48)
      }
      return n
    }
    guard u.count == 10, u[4] == 45, u[7] == 45,
      let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
      let value = Datum(y, m, d)
    else {
      throw DataError(
        code: "datum.invalid", "'\(text)' is not a valid date",
        hint: "write dates as YYYY-MM-DD, e.g. 2025-06-13, and check that the day exists")
    }
    self = value
  }

  /// Whether a year is a leap year in the Gregorian calendar.
  ///
  /// ```swift
  /// Datum.isLeapYear(2024)  // true
  /// Datum.isLeapYear(1900)  // false
  /// ```
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month.
  ///
  /// - Parameters:
  ///   - year: The year (for February).
  ///   - month: 1–12; any other value gives 0.
  public static func daysInMonth(year: Int, month: Int) -> Int {
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
  /// Datum(2023, 12, 31)!.adding(months: 18)   // 2025-06-30
  /// Datum(2024, 1, 31)!.adding(months: 1)     // 2024-02-29
  /// ```
  ///
  /// - Precondition: the result lies in the years 1–9999 (programmer misuse otherwise).
  public func adding(months: Int) -> Datum {
    let total = year * 12 + (month - 1) + months
    let y = total / 12
    let m = total % 12 + 1
    let d = Swift.min(day, Datum.daysInMonth(year: y, month: m))
    guard let result = Datum(y, m, d) else { preconditionFailure("date out of range: \(y)-\(m)-\(d)") }
    return result
  }

  /// The last day of a year: 31 December.
  ///
  /// - Precondition: `year` is 1–9999.
  public static func endOfYear(_ year: Int) -> Datum {
    guard let d = Datum(year, 12, 31) else { preconditionFailure("year out of range: \(year)") }
    return d
  }

  /// The ISO text `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: Swift.max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Chronological order.
  public static func < (lhs: Datum, rhs: Datum) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Decodes from an ISO `YYYY-MM-DD` string.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the text is not a valid date.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    do {
      self = try Datum(iso: text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "'\(text)' is not a valid date; write YYYY-MM-DD, e.g. 2025-06-13")
    }
  }

  /// Encodes as an ISO `YYYY-MM-DD` string.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
