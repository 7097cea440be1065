import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting
import KraftsamlingKitData

@Suite("StatisticsCheck: every problem at once, once")
struct StatisticsCheckTests {
  @Test("a missing column, a non-numeric cell and a repeated area code are reported together, each once")
  func threeKindsAtOnce() throws {
    let path = Fixtures.path("csv/three-problems.csv")
    let check = try StatisticsCheck.read(path: path)
    #expect(check.diagnostics.map { "\($0.code):\($0.location.line ?? 0):\($0.location.field ?? "")" } == [
      "statistics.missing-column:1:lag_inkomststandard_0_18",
      "table.non-numeric:3:barn_0_18",
      "table.duplicate-code:4:kod",
    ])
    #expect(check.diagnostics.map(\.description) == [
      "\(path):1 (field lag_inkomststandard_0_18): error: column 'lag_inkomststandard_0_18' needed by indicator lag_inkomststandard_0_18 is missing (hint: add the column, or use an index definition that does not need it)",
      "\(path):3:3 (field barn_0_18): error: cell is not a number: 'tolv' (hint: write numbers with a decimal point, or use ';' as delimiter for decimal commas)",
      "\(path):4:1 (field kod): error: area code 1280C1010 appears again (first on line 2) (hint: each area must have exactly one row)",
    ])
    #expect(check.errorCount == 3)
    #expect(check.warningCount == 0)
    #expect(check.table?.codes == ["1280C1010", "1280C1020"])
    #expect(check.summary == "2 areas checked: 3 error(s), 0 warning(s)")
  }

  @Test("the throwing reader reports CSV-level and cell-level problems together")
  func readerReportsAll() {
    #expect {
      try AreaTable.read(path: Fixtures.path("csv/broken.csv"))
    } throws: { error in
      (error as? DataError)?.diagnostics.map(\.code)
        == ["table.non-numeric", "table.duplicate-code", "csv.ragged-row", "csv.unclosed-quote"]
    }
  }

  @Test("one negative count in a column two indicators share is exactly one diagnostic")
  func oneNegativeCountOnce() throws {
    let path = Fixtures.path("csv/one-negative-count.csv")
    let check = try StatisticsCheck.read(path: path)
    #expect(check.diagnostics.count == 1)
    #expect(check.diagnostics.first?.description
      == "\(path):2 (field barn_0_18): error: Centrum (1280C1010): count barn_0_18 is negative (-400) (hint: counts cannot be negative)")
    // The validator alone, with both indicators that read barn_0_18.
    let (table, _) = try AreaTable.read(path: path)
    let found = StatisticsValidator(indicators: [.trångbodda, .lågInkomststandard]).validate(table)
    #expect(found.map(\.code) == ["statistics.negative-count"])
  }

  @Test("a zero denominator is one warning naming every share it leaves undefined")
  func zeroDenominatorOnce() throws {
    let doc = try CSVReader.parse(
      "kod,barn_0_18,trangbodda_0_18,lag_inkomststandard_0_18\nA,0,0,0\nB,10,1,2\n", source: "z.csv")
    let (table, _) = try AreaTable.read(doc)
    let found = StatisticsValidator(indicators: [.trångbodda, .lågInkomststandard]).validate(table)
    #expect(found.map(\.description) == [
      "z.csv:2 (field barn_0_18): warning: A (A): barn_0_18 is 0, so the shares trangbodda_0_18/barn_0_18 and lag_inkomststandard_0_18/barn_0_18 are undefined"
    ])
  }

  @Test("the bundled data: 0 errors and 80 warnings, one per zero denominator cell, with the index and UVAS checked")
  func bundledCounts() {
    let check = StatisticsCheck(table: MalmöData.statistik, geometry: MalmöData.layer)
    #expect(check.indicators.map(\.id) == [
      "ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18", "ekonomiskt_bistand_20_64", "lag_inkomststandard_0_18", "uvas_16_29",
    ])
    #expect(check.errorCount == 0)
    #expect(check.warningCount == 80)
    #expect(check.diagnostics.allSatisfy { $0.code == "statistics.zero-denominator" })
    let cells = check.diagnostics.map { "\($0.location.line ?? 0):\($0.location.field ?? "")" }
    #expect(Set(cells).count == 80)
  }

  @Test("the pipeline's data check and its report state the same counts as the check")
  func pipelineAgrees() throws {
    var c = PipelineConfiguration(
      statistics: MalmöData.statistik, definition: .stadskontoret2025, municipality: "Malmö", catalogue: .malmö,
      rules: .stk2024_1374())
    c.layer = MalmöData.layer
    c.robustnessReplications = 0
    c.permutations = 0
    let result = try KraftsamlingPipeline.run(c)
    let check = StatisticsCheck(table: MalmöData.statistik, geometry: MalmöData.layer)
    #expect(result.dataCheck.diagnostics == check.diagnostics)
    #expect(result.validation.warnings.count == 80)
    let report = try result.artifacts().document.markdown()
    #expect(report.contains("Datakontrollen fann 0 fel och 80 varningar"))
  }

  @Test("the catalogue's other indicators are checked only when the table has their columns")
  func optionalIndicators() throws {
    let (table, _) = try AreaTable.read(path: Fixtures.path("csv/one-negative-count.csv"))
    let ids = StatisticsCheck.indicators(definition: .stadskontoret2025, catalogue: .stadskontoret2025, table: table).map(\.id)
    #expect(ids == ["ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18", "ekonomiskt_bistand_20_64", "lag_inkomststandard_0_18"])
  }

  @Test("a file that cannot be read throws unreadable; one without a header gives no table")
  func unreadableAndEmpty() throws {
    #expect {
      try StatisticsCheck.read(path: Fixtures.path("csv/does-not-exist.csv"))
    } throws: { error in
      (error as? DataError)?.kind == .unreadable
    }
    let (table, diagnostics) = try AreaTable.readLeniently(path: Fixtures.path("csv/three-problems.csv"), options: .init(idColumn: "kood"))
    #expect(table == nil)
    #expect(diagnostics.map(\.code) == ["table.no-id-column"])
  }

  @Test("a diagnostics list drops exact repetitions and keeps the order")
  func removingDuplicates() {
    let a = Diagnostic(.error, code: "x", "a", at: SourceLocation(file: "f", line: 2))
    let b = Diagnostic(.warning, code: "y", "b", at: SourceLocation(file: "f", line: 1))
    #expect([a, b, a, b].removingDuplicates() == [a, b])
  }
}
