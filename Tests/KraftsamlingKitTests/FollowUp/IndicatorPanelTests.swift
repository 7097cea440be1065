import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("IndicatorPanel")
struct IndicatorPanelTests {
  @Test("the bundled UVAS series reads as 136 areas × 2019–2023")
  func bundled() throws {
    let (panel, notes) = try IndicatorPanel.read(CSVReader.parse(MalmöData.uvasSeriesCSV.text, source: "uvas.csv"))
    #expect(panel.codes.count == 136)
    #expect(panel.years == 2019...2023)
    #expect(!panel.hasKön)
    #expect(notes.errors.isEmpty)
    // Holma (25611): counts summed by hand from the CSV rows 25611,2023,…
    let holma = try #require(panel.series(code: "25611"))
    #expect(holma.points.count == 5 && holma.missingYears.isEmpty)
    // City 2023: 7184 of 94243 (column sums of the file).
    let city = try #require(panel.aggregate(codes: panel.codes, id: "city", name: "Malmö", level: .city))
    #expect(city.point(year: 2023)?.numerator == 7184 && city.point(year: 2023)?.denominator == 94243)
  }

  @Test("kön rows are read, totals derived from them, missing cells kept as gaps")
  func könAndMissing() throws {
    let csv = """
      kod;ar;kon;unga_16_29;uvas_16_29
      A;2022;kvinna;100;10
      A;2022;man;100;20
      A;2024;kvinna;100;..
      A;2024;man;110;12
      B;2022;k;50;5
      B;2022;m;50;5
      B;2024;k;50;4
      B;2024;m;50;6
      """
    let (panel, notes) = try IndicatorPanel.read(CSVReader.parse(csv, source: "k.csv"))
    #expect(panel.hasKön && panel.strata == [nil, .kvinna, .man])
    #expect(panel.years == 2022...2024)
    // The '..' is a warning on line 4, not an error.
    #expect(notes.warnings.map(\.location.line) == [4])
    // A 2022 total = 10 + 20 of 100 + 100 = 0.15; A 2024: kvinna missing, so no total.
    let a = try #require(panel.series(code: "A"))
    #expect(a.value(year: 2022) == 0.15)
    #expect(a.value(year: 2024) == nil)
    #expect(a.missingYears == [2023, 2024])  // 2023 is absent from the file, 2024 incomplete
    #expect(panel.series(code: "A", kön: .man)?.value(year: 2024) == 12.0 / 110)
    // City 2024: only B has a total (10 of 100); A counts as a member without data.
    let city = try #require(panel.aggregate(codes: ["A", "B"], id: "c", name: "C", level: .city))
    #expect(city.point(year: 2024)?.value == 0.1)
    #expect(city.point(year: 2024)?.missingMembers == 1)
    #expect(city.point(year: 2023)?.value == nil)
    // Rest of the city excluding B is A alone.
    #expect(panel.rest(excluding: ["B"], id: "r", name: "R")?.value(year: 2022) == 0.15)
  }

  @Test("errors name the line and column", arguments: [
    ("kod,ar,unga_16_29,uvas_16_29\nA,2023,100,120\n", "panel.numerator-above-denominator", 2),
    ("kod,ar,unga_16_29,uvas_16_29\nA,2023,100,10\nA,2023,100,11\n", "panel.duplicate", 3),
    ("kod,ar,unga_16_29,uvas_16_29\nA,tjugo,100,10\n", "panel.bad-year", 2),
    ("kod,ar,unga_16_29,uvas_16_29\nA,2023,100,2.5\n", "panel.bad-count", 2),
    ("kod,ar,kon,unga_16_29,uvas_16_29\nA,2023,x,100,10\n", "panel.bad-kon", 2),
  ])
  func errors(csv: String, code: String, line: Int) {
    #expect {
      try IndicatorPanel.read(CSVReader.parse(csv, source: "e.csv"))
    } throws: { error in
      let d = (error as! DataError).diagnostics.first!
      return d.code.rawValue == code && d.location.line == line && d.location.file == "e.csv"
    }
  }

  @Test("a missing column suggests the nearest name")
  func missingColumn() {
    #expect {
      try IndicatorPanel.read(CSVReader.parse("kod,ar,unga,uvas_16_2\nA,2023,1,0\n"))
    } throws: { error in
      (error as! DataError).diagnostics[0].hint == "did you mean uvas_16_2?"
    }
  }
}
