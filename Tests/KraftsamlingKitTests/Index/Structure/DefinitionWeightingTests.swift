import Foundation
import KraftsamlingKit
import Testing

@Suite("Weights a definition derives (#18 part 2)")
struct DefinitionWeightingTests {
  /// Three plain-value indicators; each area has 7 in one of them.
  static let table = IndexFixtures.valueTable(
    ["a": [7, 0, 0, 1], "b": [0, 7, 0, 2], "c": [0, 0, 7, 3], "utfall": [5, 3, 1, 2]], codes: ["1", "2", "3", "4"])

  static func definition(weighting: String) throws(IndexError) -> IndexDefinition {
    try IndexDefinition(
      json: """
        {
          "id": "viktad",
          "indicators": [{"id": "a", "value": "a"}, {"id": "b", "value": "b"}, {"id": "c", "value": "c"}],
          "normalization": "identity",
          "weighting": \(weighting)
        }
        """, file: "viktad.json")
  }

  @Test func anAHPMatrixInTheDefinitionSetsTheWeights() throws {
    // A consistent matrix: priorities 4/7, 2/7, 1/7, consistency ratio 0.
    let d = try Self.definition(weighting: #"{"method": "ahp", "matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]}"#)
    let r = try d.run(on: Self.table)
    // scores: 7·4/7 = 4, 7·2/7 = 2, 7·1/7 = 1; area 4: (4·1 + 2·2 + 1·3)/7 = 11/7
    let expected: [Double] = [4, 2, 1, 11.0 / 7]
    #expect(close(r.scores.map { $0! }, expected))
    let w = try #require(r.weighting)
    let sevenths: [Double] = [4.0 / 7, 2.0 / 7, 1.0 / 7]
    #expect(close(w.weights, sevenths))
    #expect(close(w.diagnostics["consistencyRatio"], 0, 1e-12))
    #expect(w.level == .indicators)
    #expect(close(r.definition.indicators.map(\.weight), sevenths))
    #expect(r.definition.modifications.first == "weighting: ahp (indicators)")
    // the result's definition has its weights, no longer the rule
    #expect(!r.definition.jsonText.contains("\"weighting\""))
  }

  @Test func budgetPointsAreAveraged() throws {
    let d = try Self.definition(weighting: #"{"method": "budget", "points": [[70, 20, 10], [50, 30, 20]]}"#)
    let r = try d.run(on: Self.table)
    // mean shares 0.6, 0.25, 0.15 → scores 4.2, 1.75, 1.05
    #expect(close(r.weighting?.weights ?? [], [0.6, 0.25, 0.15]))
    let expected: [Double] = [4.2, 1.75, 1.05, 1.55]
    #expect(close(r.scores.map { $0! }, expected))
  }

  @Test func theRuleRoundTripsThroughJSON() throws {
    for rule in [
      #"{"method": "ahp", "level": "indicators", "matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], "force": true}"#,
      #"{"method": "budget", "points": [[70, 20, 10]], "total": 100}"#,
      #"{"method": "pca", "minimumEigenvalue": 0.5}"#,
      #"{"method": "optimised", "target": [0.5, 0.25, 0.25]}"#,
      #"{"method": "regression", "outcome": "utfall"}"#,
    ] {
      let d = try Self.definition(weighting: rule)
      let back = try IndexDefinition(json: d.jsonText)
      #expect(back == d, "\(rule)")
      #expect(back.jsonText == d.jsonText)
    }
  }

  @Test func aStatisticalMethodReadsTheTableTheDefinitionRunsOn() throws {
    let d = try Self.definition(weighting: #"{"method": "regression", "outcome": "utfall"}"#)
    let r = try d.run(on: Self.table)
    var plain = try Self.definition(weighting: "null")
    plain.modifications = []
    let (_, record) = try plain.weighted(by: .regression(outcome: "utfall"), on: Self.table)
    #expect(r.weighting == record)
    #expect(r.weighting?.method == .regression(outcome: "utfall", denominator: nil))
    #expect(close(r.definition.indicators.map(\.weight), record.weights.map { $0 }))
  }

  @Test func judgementsOfTheWrongSizeNameTheField() throws {
    let d = try Self.definition(weighting: #"{"method": "ahp", "matrix": [[1, 2], [0.5, 1]]}"#)
    do {
      _ = try d.run(on: Self.table)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .weightsMismatch)
      #expect(error.message == "weighting.matrix: the matrix has 2 rows, but the definition has 3 indicators")
    }
    let e = try Self.definition(weighting: #"{"method": "budget", "points": [[70, 20, -10]]}"#)
    #expect(throws: IndexError.self) { try e.validate(against: Self.table) }
    do { try e.validate(against: Self.table) } catch {
      #expect(error.message.hasPrefix("weighting.points[0][2]: expert 1 gives -10.0 points"))
    }
  }

  @Test func inconsistentComparisonsAreRefusedNamingTheField() throws {
    let d = try Self.definition(weighting: #"{"method": "ahp", "matrix": [[1, 9, 0.1111111111], [0.1111111111, 1, 9], [9, 0.1111111111, 1]]}"#)
    do {
      _ = try d.run(on: Self.table)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .inconsistentComparisons)
      #expect(error.message.hasPrefix("weighting.matrix (ahp): the comparisons are too inconsistent"))
    }
  }

  @Test func anUnknownMethodOrAMissingInputIsLocated() {
    do {
      _ = try Self.definition(weighting: #"{"method": "delphi"}"#)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidDefinition)
      #expect(error.message.contains("unknown method 'delphi'"))
      #expect(error.location.line == 5)
    }
    do {
      _ = try Self.definition(weighting: #"{"method": "ahp"}"#)
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("missing member \"matrix\""))
    }
  }

  @Test func anIndexOverTimeDerivesTheWeightsOnceAtTheReferenceYear() throws {
    let d = try Self.definition(weighting: #"{"method": "budget", "points": [[70, 20, 10], [50, 30, 20]]}"#)
    let t = try d.run(on: [2023: Self.table, 2024: Self.table], reference: 2023, top: 1)
    #expect(t.results.allSatisfy { close($0.weighting?.weights ?? [], [0.6, 0.25, 0.15]) })
  }
}
