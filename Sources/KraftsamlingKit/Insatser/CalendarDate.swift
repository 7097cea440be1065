/// A calendar day (year, month, day) without time or time zone, written
/// `YYYY-MM-DD` (ISO 8601).
///
/// Decisions are dated by the day of the meeting; a time of day or a time
/// zone would add nothing and would pull in Foundation's `Date`. The
/// proleptic Gregorian calendar is used.
///
/// ```swift
/// let d = CalendarDate("2025-08-20")!
/// d.year                                   // 2025
/// d < CalendarDate(year: 2025, month: 9, day: 1)!   // true
/// CalendarDate("2025-02-29")               // nil: 2025 is not a leap year
/// String(describing: d)                    // "2025-08-20"
/// ```
///
/// JSON: a string `"2025-08-20"`.
///
/// - Complexity: O(1) for every operation.
/// - SeeAlso: ISO 8601-1:2019, calendar date, complete representation,
///   extended format.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
  /// The year, 1…9999.
  public let year: Int
  /// The month, 1…12.
  public let month: Int
  /// The day of the month, 1…28/29/30/31.
  public let day: Int

  /// Creates a date, or `nil` when the day does not exist (e.g. 2025-02-29).
  ///
  /// - Parameters:
  ///   - year: 1…9999.
  ///   - month: 1…12.
  ///   - day: 1 up to the length of the month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` (exactly four, two and two digits), or returns
  /// `nil`.
  ///
  /// - Parameter description: The text, e.g. `"2025-08-20"`.
  public init?(_ description: String) {
    let parts = description.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The number of days of a month.
  ///
  /// - Parameters:
  ///   - month: 1…12.
  ///   - year: The year (for February).
  /// - Returns: 28…31, or 0 for a month outside 1…12.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }

  /// Whether a year is a Gregorian leap year (divisible by 4, except
  /// centuries not divisible by 400).
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
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
        in: c, debugDescription: "'\(text)' is not a date; write YYYY-MM-DD, e.g. 2025-08-20")
    }
    self = d
  }
}
