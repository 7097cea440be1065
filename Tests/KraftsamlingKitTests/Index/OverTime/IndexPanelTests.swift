import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("Index over time")
struct IndexPanelTests {
  /// Eight areas, two plain-value indicators: `a` (higher is worse; mean 5,
  /// population SD 2, range 2…9) and `b` (higher is better; mean 10, SD 4,
  /// range 4…18).
  static func year1() -> AreaTable {
    IndexFixtures.valueTable(
      ["a": [2, 4, 4, 4, 5, 5, 7, 9], "b": [18, 4, 8, 10, 8, 14, 10, 8]], codes: ["A", "B", "C", "D", "E", "F", "G", "H"])
  }

  /// Year 1 with every raw value shifted: `a` by +1, `b` by −4.
  static func year2() -> AreaTable {
    let t = year1()
    return IndexFixtures.valueTable(
      ["a": t.column("a")!.map { $0! + 1 }, "b": t.column("b")!.map { $0! - 4 }], codes: t.codes)
  }

  static func definition(_ normalization: any Normalization) -> IndexDefinition {
    IndexDefinition(
      id: "panel", indicators: [.init(id: "a", valueColumn: "a"), .init(id: "b", valueColumn: "b", direction: .higherIsBetter)],
      normalization: normalization)
  }

  @Test("z-scores fixed at year 1: year-2 scores are year-1 scores + (1/2 + 4/4)/2 = 0.75")
  func zScoreShift() throws {
    let t = try Self.definition(.zScore).run(on: [1: Self.year1(), 2: Self.year2()], reference: 1, top: 3)
    for code in Self.year1().codes {
      let s = t.rows.filter { $0.code == code }.map { $0.score! }
      #expect(s.count == 2)
      #expect(abs(s[1] - s[0] - 0.75) < 1e-12, "area \(code)")
    }
    // Same shift everywhere: the ranks do not move.
    #expect(t.mobility[0].comparison.meanAbsoluteShift == 0)
    #expect(t.mobility[0].comparison.entering.isEmpty)
  }

  @Test("min-max fixed at year 1: year-2 scores are year-1 scores + (100/7 + 400/14)/2 = 150/7")
  func minMaxShift() throws {
    let t = try Self.definition(.minMax).run(on: [1: Self.year1(), 2: Self.year2()], reference: 1, top: 3)
    let byYear = Dictionary(grouping: t.rows, by: \.year)
    for (r1, r2) in zip(byYear[1]!, byYear[2]!) {
      #expect(r1.code == r2.code)
      #expect(abs(r2.score! - r1.score! - 150.0 / 7) < 1e-9)
    }
    // Without a reference year, min-max would absorb the shift entirely.
    let own = try Self.definition(.minMax).run(on: Self.year2())
    #expect(own.scores == (try Self.definition(.minMax).run(on: Self.year1())).scores)
  }

  @Test("the reference year's result is exactly the single-table run")
  func referenceYearIsTheSingleRun() throws {
    let table = MalmöData.statistik
    for d in [IndexDefinition.stadskontoret2025, .stadskontoret2025.with(normalization: .rank),
              .stadskontoret2025.with(normalization: .imdExponential).with(aggregation: .geometric(offset: 0))] {
      let single = try d.run(on: table)
      let only = try d.run(on: [2023: table], reference: 2023, top: 12)
      #expect(only.results == [single])
      #expect(only.mobility.isEmpty)
      #expect(only.rows.map(\.score) == single.order.map { single.scores[$0] })
      // With another year beside it, the reference year is still the single run.
      let two = try d.run(on: [2023: table, 2024: IndexPanelTests.perturbed(table)], reference: 2023, top: 12)
      #expect(two.results[0] == single)
    }
  }

  /// The table with every count column scaled by 1.1 (rates unchanged apart from rounding).
  static func perturbed(_ t: AreaTable) -> AreaTable {
    var out = AreaTable(codes: t.codes, names: t.names)
    for c in t.columnNames { try! out.addColumn(c, t.column(c)!.map { $0.map { $0 * 1.1 + 1 } }) }
    return out
  }

  @Test("rank mobility on a hand case: C enters, A leaves, mean |Δrank| 6/5, Spearman 0.3")
  func mobility() throws {
    let codes = ["A", "B", "C", "D", "E"]
    let y1 = IndexFixtures.valueTable(["x": [5, 4, 3, 2, 1]], codes: codes)
    let y2 = IndexFixtures.valueTable(["x": [2, 4, 5, 3, 1]], codes: codes)
    let d = IndexDefinition(id: "m", indicators: [.init(id: "x", valueColumn: "x")], normalization: .identity)
    let t = try d.run(on: [2022: y1, 2023: y2], reference: 2022, top: 2)
    let m = try #require(t.mobility.first)
    #expect((m.from, m.to) == (2022, 2023))
    #expect(m.comparison.entering.map(\.code) == ["C"])
    #expect(m.comparison.leaving.map(\.code) == ["A"])
    #expect(m.comparison.meanAbsoluteShift == 1.2)
    #expect(abs(m.comparison.spearman! - 0.3) < 1e-12)
    #expect(t.rows.filter(\.selected).map { "\($0.code)\($0.year)" } == ["A2022", "B2022", "B2023", "C2023"])
    #expect(t.rows.map(\.rank) == [1, 4, 2, 2, 3, 1, 4, 3, 5, 5])
    let table = t.mobilityTable(numbers: .exact)
    #expect(table.csv().hasPrefix("from,to,areas,entering,leaving,mean_abs_rank_change,max_abs_rank_change,spearman\n2022,2023,5,C,A,1.2,3,"))
  }

  @Test("a reference year not in the panel, and top < 1, are errors")
  func badArguments() throws {
    let d = Self.definition(.zScore)
    #expect(throws: IndexError.self) { try d.run(on: [1: Self.year1()], reference: 2, top: 3) }
    do {
      _ = try d.run(on: [1: Self.year1()], reference: 2, top: 3)
    } catch {
      #expect(error.code == .unknownYear)
    }
    #expect(throws: IndexError.self) { try d.run(on: [1: Self.year1()], reference: 1, top: 0) }
  }
}
