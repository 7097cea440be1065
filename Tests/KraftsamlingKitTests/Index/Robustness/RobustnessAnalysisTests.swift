import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("RobustnessAnalysis")
struct RobustnessAnalysisTests {
  static let synthetic = SyntheticData.areaTable(areas: 400, indicators: 4, seed: 11)
  static let definition = SyntheticData.definition(indicators: 4)

  @Test("smoke")
  func smoke() throws {
    let r = try RobustnessAnalysis(replications: 200, seed: 3, selection: .top(12)).run(Self.definition, on: Self.synthetic)
    print(r.areas.prefix(5))
    print(r.factorEffects)
  }
}
