import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("IndexNeedSource")
struct NeedSourceTests {
  @Test("scores are rescaled to 0–100 and averaged by population")
  func rescaled() throws {
    // Three areas with one indicator, min-max normalised so the scores are 0, 50, 100.
    var t = AreaTable(codes: ["a", "b", "c"], names: ["A", "B", "C"])
    try t.addColumn("x", [10, 20, 30])
    try t.addColumn("barn_0_18", [100, 300, 0])
    let def = IndexDefinition(
      id: "t", indicators: [.init(id: "x", valueColumn: "x")], normalization: MinMax())
    let result = try def.run(on: t)
    let source = IndexNeedSource(result: result, table: t)
    #expect(source.needByCode == ["a": 0, "b": 50, "c": 100])
    // a and b: (0·100 + 50·300) / 400 = 37.5; population 400.
    let ab = source.need(ofAreas: ["a", "b"])
    #expect(ab.need == 37.5 && ab.population == 400)
    // c alone has no population: its need is used unweighted.
    #expect(source.need(ofAreas: ["c"]).need == 100)
    #expect(source.need(ofAreas: ["zz"]).need == nil)
  }
}
