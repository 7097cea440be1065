import KraftsamlingCore

/// How long after the end of its reference year an indicator's value is
/// published: a window of `minimumMonths`…`maximumMonths` counted from
/// 31 December of the year.
///
/// UVAS for year Y arrives about 1.5–2 years after the year it
/// describes, counted from the middle of the year: 12–18 months after the
/// year ends (the lag of ``VersionedIndicator/uvas``). So the 2023 value is expected between 2024-12-31
/// and 2025-06-30 (STK-2024-1374 cited it in March 2025), the 2030 value
/// between 2031-12-31 and 2032-06-30 ("around 2032"), and a follow-up in
/// mid-2030 sees at best the 2028 value.
///
/// ```swift
/// let lag = VersionedIndicator.uvas.publicationLag
/// lag.availability(ofYear: 2030)                             // 2031-12-31 ... 2032-06-30
/// lag.latestPublishedYear(asOf: CalendarDate(2025, 11, 1)!)          // 2023
/// lag.latestPossiblyPublishedYear(asOf: CalendarDate(2025, 11, 1)!)  // 2023 (2024's window opens 2025-12-31)
/// ```
///
/// - Complexity: O(1) per call.
public struct PublicationLag: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The earliest publication, in months after the end of the year.
  package var minimumMonths: Int
  /// The latest expected publication, in months after the end of the year.
  package var maximumMonths: Int

  /// Creates a lag.
  ///
  /// - Precondition: `0 <= minimumMonths <= maximumMonths` (programmer misuse otherwise).
  package init(minimumMonths: Int, maximumMonths: Int) {
    precondition(minimumMonths >= 0 && minimumMonths <= maximumMonths, "need 0 <= minimumMonths <= maximumMonths")
    self.minimumMonths = minimumMonths
    self.maximumMonths = maximumMonths
  }

  /// UVAS: 12–18 months after the end of the year, i.e. 1.5–2 years after
  /// the middle of the year the register statistics describe.
  package static let uvas = PublicationLag(minimumMonths: 12, maximumMonths: 18)

  /// The window in which the value for `year` is expected.
  ///
  /// - Parameter year: The reference year.
  /// - Returns: From the end of the year plus the minimum lag to the end
  ///   of the year plus the maximum lag, days clamped to month ends.
  public func availability(ofYear year: Int) -> ClosedRange<CalendarDate> {
    let end = CalendarDate.endOfYear(year)
    return end.adding(months: minimumMonths)...end.adding(months: maximumMonths)
  }

  /// The latest year whose value should certainly be out by `date` (its
  /// whole window has passed), or `nil` before any.
  ///
  /// - Parameter date: The date of the follow-up.
  public func latestPublishedYear(asOf date: CalendarDate) -> Int? {
    var y = date.year
    while y > 0 && availability(ofYear: y).upperBound > date { y -= 1 }
    return y > 0 ? y : nil
  }

  /// The latest year whose value may be out by `date` (its window has
  /// opened), or `nil` before any.
  ///
  /// - Parameter date: The date of the follow-up.
  package func latestPossiblyPublishedYear(asOf date: CalendarDate) -> Int? {
    var y = date.year
    while y > 0 && availability(ofYear: y).lowerBound > date { y -= 1 }
    return y > 0 ? y : nil
  }

  /// `18–24 months after the year`.
  public var description: String { "\(minimumMonths)–\(maximumMonths) months after the year" }
}
