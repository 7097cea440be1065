import KraftsamlingCore
import KraftsamlingIndex
import Testing

@testable import KraftsamlingFollowUp

@Suite("PlaceboSelections")
struct PlaceboSelectionsTests {
  static let codes = ["A", "B", "C", "D"]
  /// UVAS by area (rows) and year 2010–2013 (columns); every area has 1 000 young people.
  static let rates: [[Double]] = [
    [0.20, 0.10, 0.15, 0.12], [0.10, 0.18, 0.10, 0.14], [0.12, 0.12, 0.20, 0.10], [0.08, 0.08, 0.09, 0.13],
  ]

  static func panel() -> IndicatorPanel {
    var observations: [IndicatorPanel.Observation] = []
    for (i, code) in codes.enumerated() {
      for t in 0..<4 {
        observations.append(.init(code: code, year: 2010 + t, numerator: rates[i][t] * 1000, denominator: 1000))
      }
    }
    return IndicatorPanel(observations: observations)
  }

  /// The indicator table of year index t: the outcome itself is the index's one indicator.
  static func table(_ t: Int) throws -> AreaTable {
    var table = AreaTable(codes: codes)
    try table.addColumn("uvas", rates.map { $0[t] * 1000 })
    try table.addColumn("unga", [1000, 1000, 1000, 1000])
    return table
  }

  static let definition = IndexDefinition(
    id: "uvas", version: "1", indicators: [.init(id: "uvas", numerator: "uvas", denominator: "unga")])

  @Test("the worst area of each earlier year falls back: hand-computed changes, mean and spread")
  func handComputed() throws {
    let tables = [2010: try Self.table(0), 2011: try Self.table(1), 2012: try Self.table(2)]
    let placebo = try PlaceboSelections(definition: Self.definition, tables: tables, top: 1, panel: Self.panel(), horizon: 1)
    #expect(placebo.years.map(\.year) == [2010, 2011, 2012])
    #expect(placebo.years.map(\.areas) == [["A"], ["B"], ["C"]])
    // 2010: A 0.20 → 0.10; rest (0.10 + 0.12 + 0.08)/3 → (0.18 + 0.12 + 0.08)/3.
    #expect(abs(placebo.years[0].selectedChange - -0.10) < 1e-12)
    #expect(abs(placebo.years[0].restChange - 0.08 / 3) < 1e-12)
    // 2011: B 0.18 → 0.10; rest 0.30/3 → 0.44/3.  2012: C 0.20 → 0.10; rest 0.34/3 → 0.39/3.
    let differences = [-0.10 - 0.08 / 3, -0.08 - 0.14 / 3, -0.10 - 0.05 / 3]
    #expect(zip(placebo.years.map(\.difference), differences).allSatisfy { abs($0 - $1) < 1e-12 })
    let mean = differences.reduce(0, +) / 3
    #expect(abs(placebo.meanDifference - mean) < 1e-12)
    let sd = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 2).squareRoot()
    #expect(abs(placebo.standardDeviation - sd) < 1e-12)
  }

  @Test("years without outcome data h years later are skipped; none at all is refused")
  func usableYears() throws {
    let tables = [2010: try Self.table(0), 2011: try Self.table(1), 2012: try Self.table(2)]
    let placebo = try PlaceboSelections(definition: Self.definition, tables: tables, top: 2, panel: Self.panel(), horizon: 2)
    #expect(placebo.years.map(\.year) == [2010, 2011])
    #expect(placebo.years[0].areas == ["A", "C"])
    #expect(throws: FollowUpError.self) {
      try PlaceboSelections(definition: Self.definition, tables: tables, top: 1, panel: Self.panel(), horizon: 5)
    }
  }
}
