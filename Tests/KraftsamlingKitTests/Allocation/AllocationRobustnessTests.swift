import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
import KraftsamlingKitData

@Suite("AllocationRobustness")
struct AllocationRobustnessTests {
  /// Two areas and two indicators pulling opposite ways: x says a is the
  /// more vulnerable, y says b. With weights 2 (x) and 1 (y) and min-max
  /// values, a scores 2/3 and b 1/3, unless x is left out (b scores 1, a 0).
  static var tiny: (table: AreaTable, definition: IndexDefinition) {
    var t = AreaTable(codes: ["a", "b"], names: ["A", "B"])
    try! t.addColumn("x", [10, 0])
    try! t.addColumn("y", [0, 10])
    try! t.addColumn("barn_0_18", [100, 100])
    let def = IndexDefinition(
      id: "tiny", indicators: [.init(id: "x", valueColumn: "x", weight: 2), .init(id: "y", valueColumn: "y", weight: 1)],
      normalization: MinMax())
    return (t, def)
  }

  /// Insats A in area a, insats B in area b, each asking 1 000 kr of a
  /// 1 000 kr budget; need-weighted, no minimum: the more vulnerable area's
  /// insats gets everything (its need is 100, the other's 0).
  static func tinyInput(_ table: AreaTable, _ definition: IndexDefinition) throws -> AllocationInput {
    let need = IndexNeedSource(result: try definition.run(on: table), table: table)
    var constraints = AllocationConstraints()
    constraints.minimumPerInsats = .zero
    let requests = [("A", "F1", "a"), ("B", "F2", "b")].map { id, f, area in
      let (n, p) = need.need(ofAreas: [area])
      return FundingRequest(
        insatsID: id, förvaltningID: f, requested: Belopp(kronor: 1_000), need: n, targetPopulation: p)
    }
    return AllocationInput(budget: Belopp(kronor: 1_000), requests: requests, constraints: constraints)
  }

  static let tinyAreas = ["A": ["a"], "B": ["b"]]

  /// How many of replications 0..<r leave x out: option ⌊u·3⌋ = 1 of the
  /// first uniform of stream r (none, x, y).
  static func xDropped(_ r: Int, seed: UInt64) -> Int {
    (0..<r).filter { rep in
      var g = SeededGenerator(seed: seed).stream(UInt64(rep))
      return RobustnessEngine.option(g.uniform(), 3) == 1
    }.count
  }

  @Test("the tiny case: the insats whose area ranks first gets all, so A is funded unless x is left out")
  func tinyDistribution() throws {
    let (table, definition) = Self.tiny
    let input = try Self.tinyInput(table, definition)
    let r = 300
    let analysis = RobustnessAnalysis(space: UncertaintySpace(dropsIndicator: true), replications: r, seed: 5, threads: 1)
    let result = try AllocationRobustness(analysis: analysis, sensitivitySamples: 300).run(
      NeedWeightedModel(), input: input, areas: Self.tinyAreas, definition: definition, table: table)
    let dropped = Self.xDropped(r, seed: 5)
    #expect(dropped > 70 && dropped < 130)
    let a = try #require(result.insatser.first { $0.id == "A" })
    let b = try #require(result.insatser.first { $0.id == "B" })
    #expect(a.nominal == Belopp(kronor: 1_000) && b.nominal == .zero)
    #expect(a.fundedProbability == Double(r - dropped) / Double(r))
    #expect(b.fundedProbability == Double(dropped) / Double(r))
    #expect(a.minimum == .zero && a.maximum == Belopp(kronor: 1_000))
    #expect(a.p05 == 0 && a.median == 1_000 && a.p95 == 1_000)
    #expect(b.p05 == 0 && b.median == 0 && b.p95 == 1_000)
    #expect(result.förvaltningar.map(\.id) == ["F1", "F2"])
    #expect(result.förvaltningar[0].fundedProbability == a.fundedProbability)
    #expect(result.undistributed.maximum == .zero)
    #expect(result.factors == [.droppedIndicator])
    #expect(a.mainFactor == .droppedIndicator)
    #expect(abs((a.firstOrder[0] ?? 0) - 1) < 0.2)
  }

  @Test("a choice that changes nothing has first-order index 0; the one that matters about 1")
  func sobol() throws {
    let (table, definition) = Self.tiny
    let input = try Self.tinyInput(table, definition)
    // Two min-max options: drawing the normalisation changes nothing.
    let space = UncertaintySpace(normalizations: [MinMax(), MinMax()], dropsIndicator: true)
    let analysis = RobustnessAnalysis(space: space, replications: 2_000, seed: 9, threads: 2)
    let result = try AllocationRobustness(analysis: analysis, sensitivitySamples: 2_000).run(
      NeedWeightedModel(), input: input, areas: Self.tinyAreas, definition: definition, table: table)
    #expect(result.factors == [.normalization, .droppedIndicator])
    for row in result.insatser + result.förvaltningar {
      #expect(row.firstOrder[0] == 0)
      #expect(abs((row.firstOrder[1] ?? 0) - 1) < 0.1)
      #expect(row.mainFactor == .droppedIndicator)
    }
  }

  @Test("the Sobol design's block A is the first N replications")
  func designReusesReplications() {
    let design = SobolSensitivity(samples: 50, seed: 42, bootstrapSamples: 0, threads: 1)
    var u = [Double](repeating: 0, count: 3)
    var v = u
    for j in 0..<50 {
      design.point(run: j, into: &u)
      var g = SeededGenerator(seed: 42).stream(UInt64(j))
      for i in v.indices { v[i] = g.uniform() }
      #expect(u == v)
    }
  }

  /// Malmö: the stadskontoret-2025 index, the sample insatser, 4 MSEK.
  static func malmö(budget: Int64 = 4_000_000) throws -> (input: AllocationInput, areas: [String: [String]]) {
    let table = MalmöData.statistik
    let index = try IndexDefinition.stadskontoret2025.run(on: table, hierarchy: MalmöData.hierarchy)
    let insatser = SampleInsatser.insatser
    let (input, _) = try AllocationInput.from(
      insatser: insatser, verdicts: nil, need: IndexNeedSource(result: index, table: table),
      budget: Belopp(kronor: budget))
    return (input, Dictionary(insatser.map { ($0.id, $0.areas) }, uniquingKeysWith: { a, _ in a }))
  }

  static func malmöRun(
    _ model: any Fördelningsmodell, space: UncertaintySpace = .standard, replications: Int = 200, threads: Int
  ) throws -> AllocationRobustnessResult {
    let (input, areas) = try malmö()
    let analysis = RobustnessAnalysis(space: space, replications: replications, seed: 3, threads: threads)
    return try AllocationRobustness(analysis: analysis, sensitivitySamples: 50).run(
      model, input: input, areas: areas, definition: .stadskontoret2025, table: MalmöData.statistik,
      hierarchy: MalmöData.hierarchy)
  }

  @Test("with nothing varying every replication is the nominal allocation, to the krona")
  func nothingVaries() throws {
    for model in [NeedWeightedModel(), BasePlusNeedModel()] as [any Fördelningsmodell] {
      let r = try Self.malmöRun(model, space: UncertaintySpace(), replications: 5, threads: 1)
      #expect(r.factors.isEmpty)
      for row in r.insatser + r.förvaltningar {
        #expect(row.minimum == row.nominal && row.maximum == row.nominal, "\(model.name) \(row.id)")
        #expect(row.median == Double(row.nominal.kronor))
      }
    }
  }

  @Test("1, 2 and 4 threads give identical results; the nominal lies within [min, max]")
  func threads() throws {
    let one = try Self.malmöRun(NeedWeightedModel(), threads: 1)
    #expect(try Self.malmöRun(NeedWeightedModel(), threads: 2) == one)
    #expect(try Self.malmöRun(NeedWeightedModel(), threads: 4) == one)
    #expect(!one.insatser.isEmpty)
    for row in one.insatser + one.förvaltningar {
      #expect(row.minimum <= row.nominal && row.nominal <= row.maximum)
      #expect(Double(row.minimum.kronor) <= row.p05 && row.p05 <= row.median && row.median <= row.p95)
      #expect(row.p95 <= Double(row.maximum.kronor))
    }
    // Every replication adds up: the förvaltningar's medians cannot exceed the budget's worth.
    #expect(one.undistributed.maximum == .zero)
    #expect(one.förvaltningar.contains { $0.maximum != $0.minimum })
  }

  @Test("bad settings are allocation.uncertainty errors")
  func badSettings() throws {
    let (table, definition) = Self.tiny
    let input = try Self.tinyInput(table, definition)
    let space = UncertaintySpace(dropsIndicator: true)
    for (r, n) in [(0, 10), (10, 1)] {
      let robustness = AllocationRobustness(
        analysis: RobustnessAnalysis(space: space, replications: r, threads: 1), sensitivitySamples: n)
      #expect(throws: AllocationError.self) {
        try robustness.run(NeedWeightedModel(), input: input, areas: Self.tinyAreas, definition: definition, table: table)
      }
      do {
        _ = try robustness.run(NeedWeightedModel(), input: input, areas: Self.tinyAreas, definition: definition, table: table)
      } catch {
        #expect(error.code == .uncertainty)
      }
    }
  }

  @Test("type-7 quantiles of whole kronor, as numpy's default")
  func quantiles() {
    // numpy.quantile([0, 10, 20, 1000], [0.05, 0.5, 0.95]) = [1.5, 15.0, 853.0]
    let x: [Int64] = [0, 10, 20, 1_000]
    #expect(abs(AllocationRobustness.quantile(x, 0.05) - 1.5) < 1e-12)
    #expect(AllocationRobustness.quantile(x, 0.5) == 15)
    #expect(abs(AllocationRobustness.quantile(x, 0.95) - 853) < 1e-9)
    #expect(AllocationRobustness.quantile([7], 0.95) == 7)
  }
}
