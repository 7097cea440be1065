import KraftsamlingKit
import Testing

/// An index whose dimensions go through IMD's rank → exponential transform
/// is not linear in the weights: its thresholds are found by bisection (and
/// say so through their tolerance), and the exact-only answers are refused.
@Suite("WeightSensitivity: dimensions with the IMD transform")
struct WeightSensitivityTransformTests {
  static let top = 10

  static func fixture() throws -> (NormalizedIndex, WeightSensitivity, [String]) {
    let table = SyntheticData.areaTable(areas: 80, indicators: 4, seed: 9_405, missingShare: 0)
    var d = SyntheticData.definition(indicators: 4)
    d.dimensions = [
      .init(id: "boende", weight: 2, transform: .imdExponential), .init(id: "ekonomi", weight: 1, transform: .imdExponential),
    ]
    for (k, dimension) in ["boende", "boende", "ekonomi", "ekonomi"].enumerated() { d.indicators[k].indicator.dimension = dimension }
    let index = try d.prepare(table).normalized()
    return (index, try WeightSensitivity(index), table.codes)
  }

  @Test("thresholds come from bisection and agree with the index on a grid of shares")
  func bisectionAgainstTheIndex() throws {
    let (index, analysis, codes) = try Self.fixture()
    let result = try index.result()
    let ranked = result.order.filter { result.ranks[$0] != nil }.map { codes[$0] }
    for code in ranked[(Self.top - 2)..<(Self.top + 2)] {
      let m = try analysis.membership(area: code, top: Self.top, indicator: 0)
      #expect(m.tolerance == 1e-9)
      let edges = m.intervals.flatMap { [$0.lower, $0.upper] }
      for step in 0..<200 {
        let s = (Double(step) + 0.41) / 200
        guard !edges.contains(where: { abs($0 - s) < 1e-8 }) else { continue }
        let rank = IndexRanking.ranks(of: index.scores(weights: analysis.weights(indicator: 0, share: s)))[codes.firstIndex(of: code)!]
        #expect((rank > 0 && rank <= Self.top) == m.intervals.contains { $0.contains(s) }, "\(code) s=\(s)")
      }
    }
  }

  @Test("the smallest change is refused, naming the transform")
  func smallestChangeRefused() throws {
    let (index, analysis, codes) = try Self.fixture()
    let result = try index.result()
    let outside = codes[result.order[Self.top + 1]]
    #expect {
      _ = try analysis.smallestChange(area: outside, top: Self.top)
    } throws: { error in
      (error as? RobustnessError)?.message.contains("IMD transform") == true
    }
  }
}
