import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("StatisticsValidator")
struct StatisticsValidatorTests {
  let indicators = [Indicator.trångbodda, Indicator.ekonomisktBistånd]

  @Test("negative, fractional and excessive counts are errors on their line; zero denominators and gaps are warnings")
  func countProblems() throws {
    let (table, read) = try AreaTable.read(path: Fixtures.path("csv/bad-counts.csv"))
    let found = StatisticsValidator(indicators: indicators).validate(table)
    let summary = found.map { "\($0.severity.rawValue):\($0.code):\($0.location.line ?? 0)" }
    #expect(summary == [
      "error:statistics.numerator-exceeds-denominator:2",
      "error:statistics.negative-count:3",
      "error:statistics.fractional-count:3",
      "warning:statistics.zero-denominator:4",
    ])
    #expect(found[0].message == "A (10101): trangbodda_0_18 (120) is greater than barn_0_18 (100)")
    #expect(read.warnings.map(\.location.line) == [4])
  }

  @Test("a missing column is named, with a suggestion")
  func missingColumn() throws {
    let (table, _) = try AreaTable.read(CSVReader.parse("kod,barn_0_18,trangboda_0_18\n1,10,1\n", source: "m.csv"))
    let found = StatisticsValidator(indicators: [Indicator.trångbodda]).validate(table)
    #expect(found.count == 1)
    #expect(found[0].message == "column 'trangbodda_0_18' needed by indicator trangbodda_0_18 is missing")
    #expect(found[0].hint == "did you mean trangboda_0_18?")
  }

  @Test("codes absent from the geometry are errors; geometry areas without data are warnings")
  func geometryMatch() throws {
    let layer = try GeoJSONReader.read(path: Fixtures.path("geojson/holes-multi.geojson"), idProperty: "code")
    let (table, _) = try AreaTable.read(CSVReader.parse("kod,barn_0_18,trangbodda_0_18\nA,10,1\nC,5,1\n", source: "g.csv"))
    let found = StatisticsValidator(indicators: [Indicator.trångbodda]).validate(table, geometry: layer)
    #expect(found.map(\.code) == ["statistics.unknown-area", "statistics.area-without-data"])
    #expect(found[0].location.line == 3)
  }
}
