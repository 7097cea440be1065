import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("PublicationLag and VersionedIndicator")
struct PublicationLagTests {
  @Test("UVAS for year Y is expected 12–18 months after the year ends")
  func uvasWindow() {
    let lag = PublicationLag.uvas
    // 2030-12-31 + 12 months = 2031-12-31; + 18 months = 2032-06-30 ("around 2032").
    #expect(lag.availability(ofYear: 2030) == CalendarDate(2031, 12, 31)!...CalendarDate(2032, 6, 30)!)
    // 2023's window 2024-12-31 – 2025-06-30 contains March 2025, when STK-2024-1374 cited it.
    #expect(lag.availability(ofYear: 2023).contains(CalendarDate(2025, 3, 24)!))
  }

  @Test("latest published years as of a date", arguments: [
    // as of        certainly out  possibly out
    ("2025-03-24", 2022, 2023),
    ("2025-07-01", 2023, 2023),
    ("2026-01-15", 2023, 2024),
    ("2026-06-30", 2024, 2024),
  ])
  func latest(date: String, certain: Int, possible: Int) throws {
    let d = try CalendarDate(iso: date)
    #expect(PublicationLag.uvas.latestPublishedYear(asOf: d) == certain)
    #expect(PublicationLag.uvas.latestPossiblyPublishedYear(asOf: d) == possible)
  }

  @Test("UVAS has two definition versions and a series break in 2015")
  func versions() {
    let u = VersionedIndicator.uvas
    #expect(u.seriesBreaks == [2015])
    #expect(u.version(forYear: 2014)?.version == "före 2015")
    #expect(u.version(forYear: 2015)?.version == "2015.1")
    #expect(u.version(forYear: 2030)?.version == "2015.1")
    #expect(u.breaks(after: 2014, upTo: 2015) == [2015])
    #expect(u.breaks(after: 2013, upTo: 2017) == [2015])
    #expect(u.breaks(after: 2015, upTo: 2023).isEmpty)
    #expect(u.breaks(after: 2010, upTo: 2014).isEmpty)
  }
}
