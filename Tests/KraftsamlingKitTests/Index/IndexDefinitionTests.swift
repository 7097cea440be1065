import Foundation
import KraftsamlingKit
import Testing

@Suite("Index definitions")
struct IndexDefinitionTests {
  @Test func builtInDefinitionsRoundTripThroughJSON() throws {
    for d in try IndexDefinitionRegistry.builtIn.names.map({ try IndexDefinitionRegistry.builtIn.make($0) }) {
      let back = try IndexDefinition(json: d.jsonText)
      #expect(back == d, "\(d.id)")
      #expect(back.jsonText == d.jsonText)
    }
  }

  @Test func modificationsAndStrategiesWithParametersRoundTrip() throws {
    var d = try IndexDefinition.stadskontoret2025.with(normalization: .goalposts(lower: 0, upper: 0.5))
      .with(aggregation: .geometric(offset: 1)).with(weights: [2, 1, 1, 1])
    d.outliers = .coin(maxWinsorised: 3)
    d.smallNumbers.shrinkage = .empiricalBayes(within: .geso)
    d.missingData = MissingDataPolicy(.median, within: .geso, minimumAvailability: 0.5)
    d.classification = .atLeast(1.5)
    d.dimensions = [.init(id: "utbildning"), .init(id: "boende"), .init(id: "ekonomi", weight: 2)]
    let back = try IndexDefinition(json: d.jsonText)
    #expect(back == d)
    #expect(back.modifications.count == 3)
  }

  @Test func minimalJSONGetsTheDefaults() throws {
    let d = try IndexDefinition(
      json: #"{"id": "mitt", "indicators": [{"id": "t", "numerator": "a", "denominator": "b"}, {"id": "v", "value": "c", "direction": "higher-is-better", "weight": 2}]}"#)
    #expect(d.normalization.specification == StrategySpecification("zscore"))
    #expect(d.aggregation.specification == StrategySpecification("arithmetic"))
    #expect(d.missingData == .exclude)
    #expect(d.smallNumbers.minDenominator == 10)
    #expect(d.indicators[1].indicator.measure == .value(column: "c"))
    #expect(d.indicators[1].indicator.direction == .higherIsBetter)
    #expect(d.indicators[1].weight == 2)
  }

  @Test func unknownMethodIsLocatedAndSuggested() {
    let json = """
      {
        "id": "x",
        "indicators": [{"id": "a", "value": "a"}],
        "normalization": "minmaks"
      }
      """
    do {
      _ = try IndexDefinition(json: json, file: "def.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownMethod)
      #expect(error.location.file == "def.json")
      #expect(error.location.line == 4)
      #expect(error.hint == "did you mean minmax?")
    }
  }

  @Test func missingMembersAndSyntaxErrorsAreLocated() {
    do {
      _ = try IndexDefinition(json: "{\n  \"id\": \"x\",\n  \"indicators\": [{\"numerator\": \"a\"}]\n}", file: "d.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidDefinition)
      #expect(error.message.contains("\"id\""))
      #expect(error.location.line == 3)
    }
    do {
      _ = try IndexDefinition(json: "{\"id\": \"x\",, }", file: "d.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidDefinition)
      #expect(error.location.line == 1)
    }
  }

  @Test func newerFormatVersionsAreRejected() {
    #expect(throws: IndexError.self) {
      try IndexDefinition(json: #"{"formatVersion": 2, "id": "x", "indicators": []}"#)
    }
  }

  @Test func unknownColumnSuggestsTheNearestColumn() throws {
    let table = try IndexFixtures.malmoStatistics()
    var d = IndexDefinition.stadskontoret2025
    d.indicators[1] = .init(id: "trangbodda_0_18", numerator: "trangboda_0_18", denominator: "barn_0_18")
    do {
      try d.validate(against: table)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownColumn)
      #expect(error.location.field == "trangboda_0_18")
      #expect(error.hint == "did you mean trangbodda_0_18?")
      #expect(error.diagnostics.first?.locatedMessage.contains("statistik_exempel.csv") == true)
    }
  }

  @Test func everyProblemIsReportedAtOnce() {
    let table = IndexFixtures.workedExample()
    let d = IndexDefinition(
      id: "bad",
      indicators: [
        .init(id: "a", numerator: "nope", denominator: "vuxna", weight: 0),
        .init(id: "a", valueColumn: "bistand", weight: -1),
      ])
    do {
      try d.validate(against: table)
      Issue.record("expected an error")
    } catch {
      let codes = error.all.map(\.code)
      #expect(codes.contains(.invalidWeight))
      #expect(codes.contains(.duplicateID))
      #expect(codes.contains(.unknownColumn))
      #expect(error.all.count == 4)
      #expect(error.all.first { $0.code == .invalidWeight }?.hint?.contains("remove it") == true)
    }
  }

  @Test func emptyDataIsAnError() {
    do {
      _ = try IndexDefinition.stadskontoret2025.run(on: AreaTable(codes: []))
      Issue.record("expected an error")
    } catch {
      #expect(error.all.contains { $0.code == .emptyData })
    }
    // columns present but no area with data
    var t = AreaTable(codes: ["1"])
    try! t.addColumn("a", [nil])
    #expect(throws: IndexError.self) {
      try IndexDefinition(id: "t", indicators: [.init(id: "a", valueColumn: "a")]).run(on: t)
    }
  }

  @Test func weightOverridesAreCheckedAndRecorded() throws {
    let d = IndexDefinition.stadskontoret2025
    #expect(throws: IndexError.self) { try d.with(weights: [1, 1]) }
    #expect(throws: IndexError.self) { try d.with(weights: [1, 0, 1, 1]) }
    let e = try d.with(weights: ["trangbodda_0_18": 3])
    #expect(e.indicators.map(\.weight) == [1, 3, 1, 1])
    #expect(e.modifications == ["weights: 1.0,3.0,1.0,1.0"])
    #expect(e.label == "stadskontoret-2025@2025.1 (modified: weights: 1.0,3.0,1.0,1.0)")
    do {
      _ = try d.with(weights: ["trangboda": 3])
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownIndicator)
    }
  }

  @Test func registryFindsDefinitionsAndSuggests() throws {
    #expect(try IndexDefinitionRegistry.builtIn.make("SCB-RegSO").id == "scb-regso")
    do {
      _ = try IndexDefinitionRegistry.builtIn.make("stadskontoret-2024")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownDefinition)
      #expect(error.hint == "did you mean stadskontoret-2025?")
    }
  }

  @Test func indexErrorsAreDiagnosticErrors() {
    let e: any DiagnosticError = IndexError(.emptyData, "no rows", hint: "add rows")
    #expect(!e.isUnreadable)
    #expect(e.diagnostics.first?.code == "index.empty-data")
    #expect(e.description == "no rows (hint: add rows)")
  }
}

@Suite("The pipeline guide")
struct IndexPipelineGuideTests {
  /// The JSON example of Documentation/IndexPipeline.md parses, and runs on
  /// the bundled data once a trygghet column is added.
  @Test func jsonExampleOfTheGuideIsValid() throws {
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Documentation/IndexPipeline.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    let start = try #require(text.range(of: "## The JSON format of a definition"))
    let open = try #require(text.range(of: "```json\n", range: start.upperBound..<text.endIndex))
    let close = try #require(text.range(of: "```", range: open.upperBound..<text.endIndex))
    let d = try IndexDefinition(json: String(text[open.upperBound..<close.lowerBound]), file: "IndexPipeline.md")
    #expect(d.id == "utsatthet-med-trygghet")
    #expect(d.dimensions.map(\.weight) == [1, 2, 1])
    #expect(d.indicators[4].indicator.direction == .higherIsBetter)
    var table = try IndexFixtures.malmoStatistics()
    try table.addColumn("trygghet_index", (0..<table.count).map { Double($0 % 7) })
    let r = try d.run(on: table)
    #expect(r.rankedCount > 100)
  }
}
