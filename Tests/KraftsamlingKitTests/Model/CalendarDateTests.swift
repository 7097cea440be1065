import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("CalendarDate")
struct DatumTests {
  @Test("ISO text round-trips and invalid days are rejected", arguments: [
    ("2025-06-13", true), ("2024-02-29", true), ("2023-02-29", false), ("2025-04-31", false),
    ("2025-6-13", false), ("13/06/2025", false), ("2025-13-01", false), ("0000-01-01", false),
  ])
  func iso(text: String, valid: Bool) {
    if valid {
      #expect((try? CalendarDate(iso: text))?.description == text)
    } else {
      #expect(throws: DataError.self) { try CalendarDate(iso: text) }
    }
  }

  @Test("leap years follow the Gregorian rule")
  func leap() {
    #expect(CalendarDate.isLeapYear(2024) && CalendarDate.isLeapYear(2000))
    #expect(!CalendarDate.isLeapYear(1900) && !CalendarDate.isLeapYear(2023))
  }

  @Test("adding months clamps the day to the month's end")
  func addingMonths() {
    // 2023-12-31 + 18 months = 2025-06-31 → clamped to 2025-06-30.
    #expect(CalendarDate(2023, 12, 31)!.adding(months: 18).description == "2025-06-30")
    // 2024-01-31 + 1 month → 2024-02-29 (leap year).
    #expect(CalendarDate(2024, 1, 31)!.adding(months: 1).description == "2024-02-29")
    #expect(CalendarDate(2024, 3, 15)!.adding(months: -3).description == "2023-12-15")
    #expect(CalendarDate(2023, 12, 31)!.adding(months: 24).description == "2025-12-31")
  }

  @Test("dates order chronologically and encode as ISO strings")
  func orderAndJSON() throws {
    #expect(CalendarDate(2023, 11, 23)! < CalendarDate(2025, 6, 13)!)
    #expect(CalendarDate(2025, 1, 2)! > CalendarDate(2024, 12, 31)!)
    #expect(try JSONCoding.encodeString([CalendarDate(2025, 6, 13)!]).contains("\"2025-06-13\""))
    let decoded = try JSONCoding.decode([CalendarDate].self, from: Array("[\"2023-11-23\"]".utf8), file: "d.json")
    #expect(decoded == [CalendarDate(2023, 11, 23)!])
    #expect(throws: DataError.self) {
      try JSONCoding.decode([CalendarDate].self, from: Array("[\"2023-11-31\"]".utf8), file: "d.json")
    }
  }
}
