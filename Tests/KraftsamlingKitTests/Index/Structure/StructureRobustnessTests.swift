import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("A structured definition in the analyses (#18 part 3)")
struct StructureRobustnessTests {
  /// Examples/data/struktur-index.json: goalposts on one indicator, min-max
  /// for the others, imd-exp on both dimensions, geometric across, AHP weights.
  static func example() throws -> IndexDefinition {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples/data/struktur-index.json")
    return try IndexDefinition(json: try String(contentsOf: url, encoding: .utf8), file: "struktur-index.json")
  }

  @Test func nominalRanksOfTheRobustnessAnalysisAreTheIndexsOwn() throws {
    let d = try Self.example()
    let index = try d.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    // dimension weights 1/3 and 2/3 from the AHP matrix [[1, 0.5], [2, 1]]
    #expect(close(index.definition.dimensions.map(\.weight), [1.0 / 3, 2.0 / 3], 1e-12))
    let space = UncertaintySpace(
      weights: .dirichlet(concentration: 20), normalizations: [ZScore(), MinMax(), RankNormalization()], dropsIndicator: true)
    let r = try RobustnessAnalysis(space: space, replications: 40, seed: 3, threads: 2)
      .run(d, on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    #expect(r.areas.count == index.rankedCount)
    for a in r.areas {
      #expect(index.area(code: a.code)?.rank == a.nominalRank)
      #expect(index.area(code: a.code)?.score == a.nominalScore)
    }
  }

  @Test func theExamplesOverrideIsKeptWhenTheDefaultChanges() throws {
    let d = try Self.example()
    let prepared = try d.prepare(MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let rank = prepared.normalized(with: RankNormalization())
    let own = prepared.normalized()
    // the goalposted indicator (0–100) is the same under either default; the others change
    var same = true
    var changed = false
    for row in 0..<prepared.codes.count {
      if rank.value(indicator: 0, row: row) != own.value(indicator: 0, row: row) { same = false }
      if rank.value(indicator: 2, row: row) != own.value(indicator: 2, row: row) { changed = true }
    }
    #expect(same && changed)
  }
}
