import KraftsamlingKit
import Testing

@Suite("Index on the bundled Malmö data")
struct MalmoIndexTests {
  @Test func defaultDefinitionRanksThePublishedSelectionInTheTop13() throws {
    let table = try IndexFixtures.malmoStatistics()
    let r = try IndexDefinition.stadskontoret2025.run(on: table)
    let top13 = Set(r.top(13).map(\.name))
    for name in IndexFixtures.published {
      #expect(top13.contains(name), "\(name) is not in the top 13")
    }
    #expect(r.rankedCount > 100)
  }

  @Test func builtInDefinitionsRunOnTheBundledData() throws {
    let table = try IndexFixtures.malmoStatistics()
    for d in try IndexDefinitionRegistry.builtIn.names.map({ try IndexDefinitionRegistry.builtIn.make($0) }) {
      let r = try d.run(on: table)
      #expect(r.rankedCount > 0, "\(d.id)")
    }
  }

  @Test func breakdownByKönUsesTheGirlsAndBoysColumns() throws {
    let table = try IndexFixtures.malmoStatistics()
    let r = try IndexDefinition.stadskontoret2025.run(on: table)
    let kinds = r.breakdownByKön.map { "\($0.indicator).\($0.kön.rawValue)" }
    #expect(kinds == ["ej_behoriga_yrkesprogram_ak9.kvinna", "ej_behoriga_yrkesprogram_ak9.man"])
    // every rate is its own numerator over its own denominator
    let girls = r.breakdownByKön[0]
    let row = table.row(ofCode: table.codes.first { (table.value("avgangna_ak9_flickor", row: table.row(ofCode: $0)!) ?? 0) >= 10 }!)!
    let expected = table.value("ej_behoriga_ak9_flickor", row: row)! / table.value("avgangna_ak9_flickor", row: row)!
    #expect(close(girls.rates[row], expected))
  }
}
