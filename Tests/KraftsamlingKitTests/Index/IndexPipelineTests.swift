import KraftsamlingKit
import Testing

@Suite("Index pipeline")
struct IndexPipelineTests {
  // The worked example of Documentation/IndexPipeline.md.
  //
  // Rates            bistand  trangbodda   behoriga (higher is better)
  //   Ana      (1)    0.10     0.20         0.90
  //   Bo       (2)    0.30     0.40         0.90
  //   Cecilia  (3)    0.10     0.20         0.90
  //   David    (4)    0.10     0.40         0.90
  //   Eva      (5)    0.10     3/8 (n = 8)  0.50
  //
  // Eva's 8 children are below minDenominator 10: trangbodda is missing for
  // her; with 2 of 3 indicators (≥ 0.6) she is still ranked (reweight).
  // bistand: mean 0.14, deviations (−1, 4, −1, −1, −1)·0.04, SD 0.08 →
  //   z = −0.5, 2, −0.5, −0.5, −0.5
  // trangbodda (Ana–David): mean 0.30, SD 0.10 → z = −1, 1, −1, 1
  // behoriga, negated: −0.9 ×4, −0.5: mean −0.82, SD 0.16 → z = −0.5 ×4, 2
  // scores: Ana (−0.5 − 1 − 0.5)/3 = −2/3, Bo (2 + 1 − 0.5)/3 = 5/6,
  //   Cecilia −2/3, David (−0.5 + 1 − 0.5)/3 = 0, Eva (−0.5 + 2)/2 = 0.75
  // ranks: Bo 1, Eva 2, David 3, Ana 4, Cecilia 4 (tie); deciles 2r: 2, 4, 6, 8, 8
  @Test func workedExampleFromTheGuide() throws {
    let r = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    #expect(close(r.scores[0], -2.0 / 3))
    #expect(close(r.scores[1], 5.0 / 6))
    #expect(close(r.scores[2], -2.0 / 3))
    #expect(close(r.scores[3], 0))
    #expect(close(r.scores[4], 0.75))
    #expect(r.ranks == [4, 1, 4, 3, 2])
    #expect(r.deciles == [8, 2, 8, 6, 4])
    #expect(r.ranked.map(\.name) == ["Bo", "Eva", "David", "Ana", "Cecilia"])
    #expect(r.excluded.isEmpty)
    // Eva: trangbodda observed 3/8 but small and missing; contributions −0.5/2 and 2/2
    let eva = r.area(code: "5")!
    #expect(close(eva.indicators[1].rate, 0.375))
    #expect(eva.indicators[1].value == nil)
    #expect(eva.indicators[1].flags == [.smallDenominator])
    #expect(close(eva.indicators[0].contribution, -0.25))
    #expect(close(eva.indicators[2].contribution, 1))
    #expect(eva.flags == ["small-denominator:trangbodda"])
    // the rate shown for a higher-is-better indicator is the raw share
    #expect(close(eva.indicators[2].rate, 0.5))
    // Ana's contributions −1/6, −1/3, −1/6 sum to her score
    let ana = r.area(code: "1")!
    #expect(close(ana.indicators.compactMap(\.contribution).reduce(0, +), -2.0 / 3))
    #expect(close(ana.indicators[1].contribution, -1.0 / 3))
  }

  @Test func workedExampleRecordsTheDefinition() throws {
    let r = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    #expect(r.definition.id == "exempel")
    #expect(r.definition.label == "exempel@1")
    #expect(r.definition.modifications.isEmpty)
  }

  @Test func excludePolicyDropsAreasWithAnyMissingIndicator() throws {
    let d = IndexFixtures.workedDefinition().with(missingData: .exclude)
    let r = try d.run(on: IndexFixtures.workedExample())
    #expect(r.ranks[4] == nil)
    #expect(r.exclusions[4]?.reason == .missingData)
    #expect(r.exclusions[4]?.indicators == ["trangbodda"])
    let eva = r.excluded.first!
    #expect(eva.flags == ["excluded:missing-data", "small-denominator:trangbodda"])
    // Four areas are left: bistand 0.1, 0.3, 0.1, 0.1 → mean 0.15, SD √(0.0075) = 0.0866
    // behoriga is constant (0.9) over them → z = 0 and a warning
    #expect(r.rankedCount == 4)
    #expect(r.warnings.contains { $0.code == "index.constant-indicator" })
    #expect(r.order.last == 4)
  }

  @Test func minimumAvailabilityExcludesThinAreas() throws {
    let d = IndexFixtures.workedDefinition().with(missingData: MissingDataPolicy(.reweight, minimumAvailability: 0.9))
    let r = try d.run(on: IndexFixtures.workedExample())
    #expect(r.exclusions[4] == IndexResult.Exclusion(reason: .belowAvailability, indicators: ["trangbodda"], available: 2, total: 3))
    #expect(r.excluded.first?.flags.first == "excluded:availability")
  }

  @Test func meanImputationFillsTheMissingRate() throws {
    // Eva's trangbodda ← mean(0.2, 0.4, 0.2, 0.4) = 0.3, so her z is 0 and
    // the SD over five values is √(0.04/5) = 0.0894
    let d = IndexFixtures.workedDefinition().with(missingData: MissingDataPolicy(.mean))
    let r = try d.run(on: IndexFixtures.workedExample())
    #expect(close(r.value(1, row: 4), 0.3))
    #expect(r.cellFlags[1][4] == [.smallDenominator, .imputed])
    #expect(close(r.normalizedValue(1, row: 4), 0))
    // Eva: (−0.5 + 0 + 2)/3 = 0.5
    #expect(close(r.scores[4], 0.5))
    #expect(r.summaries[1].imputed == 1)
  }

  @Test func medianImputationWithinParentAreas() throws {
    // Parents: P = {Ana, Bo, Eva}, Q = {Cecilia, David}. Eva's trangbodda ←
    // median of P's available rates (0.2, 0.4) = 0.3; with within Q only it would be 0.3 too,
    // so give Q a different area: move Eva to Q → median(0.2, 0.4) again. Use a three-area parent instead:
    // P = {Ana, Cecilia, Eva} → median(0.2, 0.2) = 0.2.
    let h = try AreaHierarchy(areas: [
      Area(code: "P", name: "Parent P", level: .geso), Area(code: "Q", name: "Parent Q", level: .geso),
      Area(code: "1", name: "Ana", level: .delområde, parents: [.geso: "P"]),
      Area(code: "2", name: "Bo", level: .delområde, parents: [.geso: "Q"]),
      Area(code: "3", name: "Cecilia", level: .delområde, parents: [.geso: "P"]),
      Area(code: "4", name: "David", level: .delområde, parents: [.geso: "Q"]),
      Area(code: "5", name: "Eva", level: .delområde, parents: [.geso: "P"]),
    ])
    let d = IndexFixtures.workedDefinition().with(missingData: MissingDataPolicy(.median, within: .geso))
    let r = try d.run(on: IndexFixtures.workedExample(), hierarchy: h)
    #expect(close(r.value(1, row: 4), 0.2))
    // without the hierarchy the definition cannot run
    #expect(throws: IndexError.self) { try d.run(on: IndexFixtures.workedExample()) }
  }

  @Test func smallDenominatorLimitIsAParameter() throws {
    // With minDenominator 5, Eva's 3/8 counts: trangbodda over five areas
    let r = try IndexFixtures.workedDefinition().with(minDenominator: 5).run(on: IndexFixtures.workedExample())
    #expect(close(r.value(1, row: 4), 0.375))
    #expect(r.cellFlags[1][4] == [])
    #expect(r.definition.modifications == ["minDenominator: 5.0"])
  }

  @Test func zeroDenominatorIsMissingEvenWithoutALimit() throws {
    var t = IndexFixtures.workedExample()
    try t.addColumn("barn", [50, 50, 50, 50, 0])
    let r = try IndexFixtures.workedDefinition().with(minDenominator: 0).run(on: t)
    #expect(r.rate(1, row: 4) == nil)
    #expect(r.cellFlags[1][4] == [.missing])
  }

  @Test func emptyCellsAreMissing() throws {
    var t = IndexFixtures.workedExample()
    try t.addColumn("bistand", [10, 30, 10, 10, nil])
    let r = try IndexFixtures.workedDefinition().with(missingData: .exclude).run(on: t)
    #expect(r.exclusions[4]?.indicators == ["bistand", "trangbodda"])
    #expect(r.area(code: "5")!.flags == ["excluded:missing-data", "missing:bistand", "small-denominator:trangbodda"])
  }

  @Test func tiedScoresShareTheLowestRank() throws {
    // scores 3, 1, 3, 2 (identity, one indicator) → ranks 1, 4, 1, 3
    let t = IndexFixtures.valueTable(["v": [3, 1, 3, 2]])
    let d = IndexDefinition(id: "t", indicators: [.init(id: "v", valueColumn: "v")], normalization: .identity)
    let r = try d.run(on: t)
    #expect(r.ranks == [1, 4, 1, 3])
    #expect(r.ranked.map(\.code) == ["1", "3", "4", "2"])
    // deciles ⌈10·r/4⌉: 3, 10, 3, 8
    #expect(r.deciles == [3, 10, 3, 8])
  }

  @Test func standardDeviationBandsClassifyLikeRegSO() throws {
    // scores 0 ×8, 10, −10: mean 0, population SD √(200/10) = 4.47:
    // 10 > 2 SD (8.94) → class 1; −10 < −2 SD → class 5; zeros → class 3
    let v: [Double?] = [0, 0, 0, 0, 0, 0, 0, 0, 10, -10]
    let t = IndexFixtures.valueTable(["v": v])
    let d = IndexDefinition(
      id: "t", indicators: [.init(id: "v", valueColumn: "v")], normalization: .identity,
      classification: .standardDeviationBands)
    let r = try d.run(on: t)
    #expect(r.classes == [3, 3, 3, 3, 3, 3, 3, 3, 1, 5])
    // scores exactly on a cut go to the class nearer the middle: −1, 1 have
    // mean 0 and SD 1, so both sit on ±1 SD → class 3
    let onCut = try d.run(on: IndexFixtures.valueTable(["v": [-1, 1]]))
    #expect(onCut.classes == [3, 3])
  }

  @Test func breakdownByKönHasItsOwnSummaries() throws {
    // girls 2/10 and 9/30, boys 1/5 (below 10: missing) and 6/20
    var t = AreaTable(codes: ["a", "b"])
    try t.addColumn("n", [3, 15])
    try t.addColumn("d", [15, 50])
    try t.addColumn("nf", [2, 9])
    try t.addColumn("df", [10, 30])
    try t.addColumn("nm", [1, 6])
    try t.addColumn("dm", [5, 20])
    let d = IndexDefinition(
      id: "t",
      indicators: [
        .init(
          id: "x", numerator: "n", denominator: "d",
          byKön: [.kvinna: ColumnPair(numerator: "nf", denominator: "df"), .man: ColumnPair(numerator: "nm", denominator: "dm")])
      ])
    let r = try d.run(on: t)
    #expect(r.breakdownByKön.map(\.kön) == [.kvinna, .man])
    let girls = r.breakdownByKön[0]
    #expect(close(girls.rates[0], 0.2) && close(girls.rates[1], 0.3))
    #expect(girls.summary.id == "x.kvinna")
    #expect(close(girls.pooled, 11.0 / 40))
    let boys = r.breakdownByKön[1]
    #expect(boys.rates[0] == nil && close(boys.rates[1], 0.3))
    // pooled over all areas with a denominator, small ones included: 7/25
    #expect(close(boys.pooled, 7.0 / 25))
    #expect(boys.summary.count == 1 && boys.summary.missing == 1)
  }

  @Test func thresholdCountMarksCombinedProblems() throws {
    // identity values; threshold 0.5: area 1 has two beyond, area 2 one, area 3 none
    let t = IndexFixtures.valueTable(["a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 0, 0.5]])
    let d = IndexDefinition(
      id: "t", indicators: [.init(id: "a", valueColumn: "a"), .init(id: "b", valueColumn: "b"), .init(id: "c", valueColumn: "c")],
      normalization: .identity, aggregation: .thresholdCount(above: 0.5, required: 2), classification: .atLeast(2))
    let r = try d.run(on: t)
    #expect(r.scores == [2, 1, 0])
    #expect(r.classes == [1, 2, 2])
  }

  @Test func geometricMeanOverZScoresIsRejectedWithTheAreas() {
    let d = IndexFixtures.workedDefinition().with(aggregation: .geometric)
    do {
      _ = try d.run(on: IndexFixtures.workedExample())
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .nonPositiveValues)
      #expect(error.area != nil)
      #expect(error.hint?.contains("offset") == true)
    }
  }

  @Test func geometricMeanWorksWithRanks() throws {
    let r = try IndexFixtures.workedDefinition().with(normalization: .rank).with(aggregation: .geometric).run(on: IndexFixtures.workedExample())
    // bistand ranks (ascending, min ties): 1, 5, 1, 1, 1; behoriga negated: −0.9 ×4 → 1, −0.5 → 5
    // trangbodda (Ana–David): 1, 3, 1, 3. Bo: (5·3·1)^(1/3) = 15^(1/3)
    #expect(close(r.scores[1], 2.4662120743304703))
    #expect(r.definition.modifications == ["normalization: rank", "aggregation: geometric"])
  }

  @Test func dimensionsFormATree() throws {
    // dimension A = {bistand, trangbodda} weight 1, B = {behoriga} weight 3.
    // Ana: A = (−0.5 − 1)/2 = −0.75, B = −0.5 → (−0.75 + 3·(−0.5))/4 = −0.5625
    // Eva: A = −0.5 (only bistand), B = 2 → (−0.5 + 6)/4 = 1.375
    var d = IndexFixtures.workedDefinition()
    d.indicators[0].indicator.dimension = "A"
    d.indicators[1].indicator.dimension = "A"
    d.indicators[2].indicator.dimension = "B"
    d.dimensions = [.init(id: "A"), .init(id: "B", weight: 3)]
    let r = try d.run(on: IndexFixtures.workedExample())
    #expect(close(r.scores[0], -0.5625))
    #expect(close(r.scores[4], 1.375))
    #expect(close(r.dimensionScore(0, row: 0), -0.75))
    // contributions: within A −0.25 and −0.5; A's share of the index is
    // −0.75/4 = −0.1875, i.e. λ = 1/4 of its score → −0.0625, −0.125; B: 3·(−0.5)/4 = −0.375.
    // They sum to the score −0.5625.
    let c = (0..<3).map { r.contribution($0, row: 0)! }
    #expect(close(c, [-0.0625, -0.125, -0.375]))
  }

  @Test func indicatorSummariesShowSpread() throws {
    let r = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    let s = r.summaries[0]
    // bistand over five ranked areas: 0.1, 0.3, 0.1, 0.1, 0.1
    #expect(s.count == 5 && s.missing == 0)
    #expect(close(s.mean, 0.14))
    #expect(close(s.standardDeviation, 0.08))
    #expect(close(s.minimum, 0.1) && close(s.maximum, 0.3))
    // type 7 quartiles of sorted (0.1, 0.1, 0.1, 0.1, 0.3): h = 1, 2, 3 → 0.1, 0.1, 0.1
    #expect(close(s.q1, 0.1) && close(s.median, 0.1) && close(s.q3, 0.1))
    // pooled: 70/500
    #expect(close(s.pooled, 0.14))
    let t = r.summaries[1]
    // trangbodda: four values 0.2, 0.4, 0.2, 0.4 (Eva missing); q1 at h = 0.75 → 0.2
    #expect(t.count == 4 && t.missing == 1 && t.smallDenominators == 1)
    #expect(close(t.q1, 0.2) && close(t.median, 0.3) && close(t.q3, 0.4))
    // pooled over all areas with a denominator: 63/208
    #expect(close(t.pooled, 63.0 / 208))
  }

  @Test func quartilesUseTypeSeven() throws {
    // 1, 2, 3, 4: h = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25 (R's quantile default)
    let t = IndexFixtures.valueTable(["v": [4, 1, 3, 2]])
    let r = try IndexDefinition(id: "t", indicators: [.init(id: "v", valueColumn: "v")]).run(on: t)
    #expect(close(r.summaries[0].q1, 1.75) && close(r.summaries[0].median, 2.5) && close(r.summaries[0].q3, 3.25))
  }
}
