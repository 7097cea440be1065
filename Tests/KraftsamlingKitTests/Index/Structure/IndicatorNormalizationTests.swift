import Foundation
import KraftsamlingKit
import Testing

@Suite("Normalisation per indicator (#18 part 3)")
struct IndicatorNormalizationTests {
  /// a: 1, 2, 3 (z-scores, the default); b: 2, 5, 8 with goalposts 0–10 of its own.
  static func definition() -> IndexDefinition {
    var b = IndexDefinition.WeightedIndicator(id: "b", valueColumn: "b")
    b.normalization = .goalposts(lower: 0, upper: 10)
    return IndexDefinition(id: "per", indicators: [.init(id: "a", valueColumn: "a"), b])
  }

  static let table = IndexFixtures.valueTable(["a": [1, 2, 3], "b": [2, 5, 8]])

  @Test func anIndicatorsOwnNormalisationOverridesTheDefault() throws {
    let r = try Self.definition().run(on: Self.table)
    // a: mean 2, population SD √(2/3) = 0.816497 → −1.224745, 0, 1.224745
    // b: 100·x/10 → 20, 50, 80
    let a = (0..<3).map { r.normalizedValue(0, row: $0)! }
    let b = (0..<3).map { r.normalizedValue(1, row: $0)! }
    #expect(close(a, [-1.224744871391589, 0, 1.224744871391589]))
    #expect(close(b, [20, 50, 80]))
    // arithmetic mean: (−1.224745 + 20)/2 = 9.387628, 25, 40.612372
    #expect(close(r.scores[0], 9.387627564304206))
    #expect(close(r.scores[2], 40.61237243569579))
  }

  @Test func anotherDefaultLeavesTheOverrideInPlace() throws {
    // What a robustness analysis does when it varies the normalisation.
    let prepared = try Self.definition().prepare(Self.table)
    let minMax = prepared.normalized(with: .minMax)
    #expect(close(minMax.value(indicator: 0, row: 0), 0) && close(minMax.value(indicator: 0, row: 2), 100))
    #expect(close(minMax.value(indicator: 1, row: 0), 20) && close(minMax.value(indicator: 1, row: 2), 80))
    let r = try Self.definition().with(normalization: .rank).run(on: Self.table)
    #expect(close(r.normalizedValue(0, row: 2), 3))
    #expect(close(r.normalizedValue(1, row: 2), 80))
  }

  @Test func theOverrideRoundTripsThroughJSON() throws {
    let d = Self.definition()
    let back = try IndexDefinition(json: d.jsonText)
    #expect(back == d)
    #expect(back.indicators[1].normalization?.specification == StrategySpecification("goalposts", parameters: ["lower": 0, "upper": 10]))
    #expect(back.indicators[0].normalization == nil)
    #expect(d.jsonText.contains("\"normalization\" : {"))
    let read = try IndexDefinition(
      json: #"{"id": "x", "indicators": [{"id": "a", "value": "a", "normalization": "rank"}, {"id": "b", "value": "b"}]}"#)
    #expect(read.indicators[0].normalization?.specification == StrategySpecification("rank"))
    let plain = try IndexDefinition(json: #"{"id": "x", "indicators": [{"id": "a", "value": "a"}, {"id": "b", "value": "b"}]}"#)
    #expect(read != plain)
  }

  @Test func anUnknownMethodNamesTheIndicatorAndItsLine() {
    let json = """
      {
        "id": "x",
        "indicators": [
          {"id": "a", "value": "a"},
          {"id": "b", "value": "b", "normalization": "minmaks"}
        ]
      }
      """
    do {
      _ = try IndexDefinition(json: json, file: "def.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownMethod)
      #expect(error.message.hasPrefix("indicator b: normalization:"))
      #expect(error.location.line == 5)
      #expect(error.hint == "did you mean minmax?")
    }
  }

  @Test func badParametersNameTheIndicator() {
    var d = Self.definition()
    d.indicators[1].normalization = Goalposts(lower: 5, upper: 5)
    do {
      try d.validate(against: Self.table)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidParameter)
      #expect(error.message.hasPrefix("indicator b: normalization: goalposts need lower < upper"))
    }
  }

  @Test func anIndexOverTimeFixesEachIndicatorsOwnNormalisation() throws {
    // Year 2 = year 1 + 1 in both columns. a (z-scores fixed at year 1):
    // (x + 1 − 2)/0.816497; b (goalposts): 100·(x + 1)/10.
    let y2 = IndexFixtures.valueTable(["a": [2, 3, 4], "b": [3, 6, 9]])
    let t = try Self.definition().run(on: [1: Self.table, 2: y2], reference: 1, top: 1)
    let r = t.results[1]
    #expect(close(r.normalizedValue(0, row: 0), 0))
    #expect(close(r.normalizedValue(0, row: 2), 2.449489742783178))
    #expect(close((0..<3).map { r.normalizedValue(1, row: $0)! }, [30, 60, 90]))
  }
}
