import KraftsamlingKit
import Testing

@Suite("Area code maps in an index over time")
struct AreaCodeMapTests {
  /// 2022: A, B, C, D; C and D merge into E and B splits into B1 and B2 in 2023.
  static let map = AreaCodeMap([("C", "E"), ("D", "E"), ("B", "B1"), ("B", "B2")])

  static func table(_ codes: [String], _ n: [Double?], _ d: [Double?], _ v: [Double?]? = nil) -> AreaTable {
    var t = AreaTable(codes: codes)
    try! t.addColumn("n", n)
    try! t.addColumn("d", d)
    if let v { try! t.addColumn("v", v) }
    return t
  }

  static let definition = IndexDefinition(
    id: "map", indicators: [.init(id: "r", numerator: "n", denominator: "d")], normalization: .identity,
    smallNumbers: SmallNumberPolicy(minDenominator: 1))

  @Test("merged areas' counts are summed, a split area is left out, each with a warning")
  func mergeAndSplit() throws {
    let y22 = Self.table(["A", "B", "C", "D"], [10, 20, 3, 9], [100, 100, 30, 90])
    let y23 = Self.table(["A", "B1", "B2", "E"], [10, 5, 5, 12], [100, 50, 50, 100])
    let t = try Self.definition.run(on: [2022: y22, 2023: y23], reference: 2023, top: 1, codeMap: Self.map)
    let r22 = t.rows.filter { $0.year == 2022 }
    #expect(Set(r22.map(\.code)) == ["A", "E"])
    #expect(r22.first { $0.code == "E" }?.score == 0.1)  // (3 + 9)/(30 + 90)
    #expect(t.rows.filter { $0.code == "B1" }.map(\.year) == [2023])
    let messages = t.warnings.map(\.message)
    #expect(messages.contains("year 2022: area B was split into B1, B2; its row is left out of 2022 and the new areas have no values that year"))
    #expect(messages.contains("year 2022: areas C, D are merged into E: their counts are summed, other columns left missing"))
    #expect(!messages.contains { $0.hasPrefix("year 2023") })
  }

  @Test("a merged row's other columns are missing; a table the map does not touch is unchanged")
  func otherColumns() {
    let t = Self.table(["C", "D"], [1, 2], [10, 20], [0.5, 0.7])
    let (merged, _) = Self.map.apply(to: t, year: 1, countColumns: ["n", "d"])
    #expect(merged.codes == ["E"])
    #expect(merged.column("n") == [3])
    #expect(merged.column("v") == [nil])
    let untouched = Self.table(["A", "E"], [1, 2], [10, 20])
    let same = Self.map.apply(to: untouched, year: 1, countColumns: ["n", "d"])
    #expect(same.table == untouched)
    #expect(same.warnings.isEmpty)
  }

  @Test("a single pair renames the area, with a warning")
  func rename() {
    let (t, w) = AreaCodeMap([("X", "Y")]).apply(to: Self.table(["X"], [1], [2]), year: 2020, countColumns: [])
    #expect(t.codes == ["Y"])
    #expect(w.map(\.message) == ["year 2020: area X is reported as Y"])
  }
}
