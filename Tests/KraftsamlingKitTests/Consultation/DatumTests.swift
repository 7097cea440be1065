import Testing

@testable import KraftsamlingKit

@Suite("Datum")
struct DatumTests {
  @Test("ISO text round-trips and invalid days are rejected", arguments: [
    ("2025-06-13", true), ("2024-02-29", true), ("2023-02-29", false), ("2025-04-31", false),
    ("2025-6-13", false), ("13/06/2025", false), ("2025-13-01", false), ("0000-01-01", false),
  ])
  func iso(text: String, valid: Bool) {
    if valid {
      #expect((try? Datum(iso: text))?.description == text)
    } else {
      #expect(throws: DataError.self) { try Datum(iso: text) }
    }
  }

  @Test("leap years follow the Gregorian rule")
  func leap() {
    #expect(Datum.isLeapYear(2024) && Datum.isLeapYear(2000))
    #expect(!Datum.isLeapYear(1900) && !Datum.isLeapYear(2023))
  }

  @Test("adding months clamps the day to the month's end")
  func addingMonths() {
    // 2023-12-31 + 18 months = 2025-06-31 → clamped to 2025-06-30.
    #expect(Datum(2023, 12, 31)!.adding(months: 18).description == "2025-06-30")
    // 2024-01-31 + 1 month → 2024-02-29 (leap year).
    #expect(Datum(2024, 1, 31)!.adding(months: 1).description == "2024-02-29")
    #expect(Datum(2024, 3, 15)!.adding(months: -3).description == "2023-12-15")
    #expect(Datum(2023, 12, 31)!.adding(months: 24).description == "2025-12-31")
  }

  @Test("dates order chronologically and encode as ISO strings")
  func orderAndJSON() throws {
    #expect(Datum(2023, 11, 23)! < Datum(2025, 6, 13)!)
    #expect(Datum(2025, 1, 2)! > Datum(2024, 12, 31)!)
    #expect(try JSONCoding.encodeString([Datum(2025, 6, 13)!]).contains("\"2025-06-13\""))
    let decoded = try JSONCoding.decode([Datum].self, from: Array("[\"2023-11-23\"]".utf8), file: "d.json")
    #expect(decoded == [Datum(2023, 11, 23)!])
    #expect(throws: DataError.self) {
      try JSONCoding.decode([Datum].self, from: Array("[\"2023-11-31\"]".utf8), file: "d.json")
    }
  }
}
