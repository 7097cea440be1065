import Foundation
import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting
import KraftsamlingKitData
import Testing

@Suite("RobustnessAnalysis")
struct RobustnessAnalysisTests {
  static let table = SyntheticData.areaTable(areas: 300, indicators: 4, seed: 11)
  static let definition = SyntheticData.definition(indicators: 4)

  /// A space with every factor, noise included.
  static var everything: UncertaintySpace {
    UncertaintySpace(
      weights: .dirichlet(concentration: 20), normalizations: [RankNormalization(), PercentileRank()],
      aggregations: [WeightedArithmeticMean(), WeightedGeometricMean(offset: 1), MinimumAggregation()],
      dropsIndicator: true, binomialNoise: true)
  }

  @Test("nominal ranks are the index's own ranks (Malmö, stadskontoret-2025)")
  func nominalIsTheIndex() throws {
    let definition = IndexDefinition.stadskontoret2025
    let index = try definition.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let r = try RobustnessAnalysis(replications: 20, seed: 1).run(
      definition, on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    #expect(r.areas.count == index.rankedCount)
    for a in r.areas {
      #expect(index.area(code: a.code)?.rank == a.nominalRank)
      #expect(index.area(code: a.code)?.score == a.nominalScore)
    }
    #expect(Set(r.notRanked) == Set(index.excluded.map(\.code)))
    #expect(r.areas.first?.name != nil)
  }

  /// One `aggregate(_:weights:)` per row over its available, weighted
  /// values: the semantics every batch implementation must reproduce.
  static func rowByRow(_ agg: any Aggregation, _ matrix: IndicatorMatrix, _ weights: [Double]) -> [Double] {
    (0..<matrix.rowCount).map { i in
      let row = Array(matrix.row(i))
      let kept = row.indices.filter { !row[$0].isNaN && weights[$0] > 0 }
      return kept.isEmpty ? .nan : agg.aggregate(kept.map { row[$0] }, weights: kept.map { weights[$0] })
    }
  }

  static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
  }

  @Test("each built-in batch aggregation scores bit for bit as one aggregate per row", arguments: [
    ("zscore", "arithmetic"), ("rank", "geometric"), ("minmax", "geometric-offset"), ("rank", "harmonic"),
    ("zscore", "minimum"), ("zscore", "count"), ("zscore", "custom"),
  ])
  func batchAggregation(_ normalization: String, _ aggregation: String) throws {
    let norm: any Normalization =
      switch normalization {
      case "rank": RankNormalization()
      case "minmax": MinMax()
      default: ZScore()
      }
    let agg: any Aggregation =
      switch aggregation {
      case "geometric": WeightedGeometricMean()
      case "geometric-offset": WeightedGeometricMean(offset: 1)
      case "harmonic": WeightedHarmonicMean()
      case "minimum": MinimumAggregation()
      case "count": ThresholdCount(threshold: 0.5, required: 2)
      case "custom": SquaredMean()
      default: WeightedArithmeticMean()
      }
    let definition = Self.definition.with(normalization: norm).with(aggregation: agg)
    let prepared = try definition.prepare(Self.table)
    let engine = try RobustnessEngine(prepared: prepared, table: nil, hierarchy: nil, space: UncertaintySpace())
    // The engine's matrix (with column caches for the means) and the plain one of noisy data.
    let cached = engine.matrices[0]
    #expect((cached.meanColumns != nil) == (aggregation == "arithmetic"))
    #expect(!cached.logColumns.isEmpty == aggregation.hasPrefix("geometric"))
    for matrix in [cached, engine.normalizations[0].indicatorMatrix] {
      for weights in [[1.0, 1, 1, 1], [2.0, 0.5, 0, 1.5], [0.0, 0, 0, 0]] {
        var scores = [Double](repeating: 0, count: matrix.rowCount)
        agg.aggregate(matrix, weights: weights, into: &scores)
        #expect(Self.sameBits(scores, Self.rowByRow(agg, matrix, weights)))
      }
    }
    var scratch = Scratch(engine: engine)
    _ = engine.evaluate(Scenario(), &scratch)
    #expect(scratch.ranks.map(Int.init) == prepared.includedRows.map { IndexRanking.ranks(of: prepared.normalized(with: norm).scores(aggregation: agg))[$0] })
  }

  @Test("column caches on complete data (no missing value) score as one aggregate per row", arguments: [
    [1.0, 1, 1, 1], [2.0, 0.5, 0, 1.5], [0.0, 0, 3, 0], [0.0, 0, 0, 0],
  ])
  func completeColumns(_ weights: [Double]) throws {
    let table = SyntheticData.areaTable(areas: 150, indicators: 4, seed: 5, missingShare: 0)
    for agg in [WeightedArithmeticMean() as any Aggregation, WeightedGeometricMean(offset: 1)] {
      // No missing cells and no small denominators: every value is available.
      let definition = Self.definition.with(normalization: RankNormalization()).with(aggregation: agg).with(minDenominator: 1)
      let prepared = try definition.prepare(table)
      let engine = try RobustnessEngine(prepared: prepared, table: nil, hierarchy: nil, space: UncertaintySpace())
      let matrix = engine.matrices[0]
      let cache = try #require(matrix.meanColumns ?? matrix.logColumns[1])
      #expect(cache.complete)
      var scores = [Double](repeating: 0, count: matrix.rowCount)
      agg.aggregate(matrix, weights: weights, into: &scores)
      #expect(Self.sameBits(scores, Self.rowByRow(agg, matrix, weights)))
    }
  }

  @Test("the same seed gives bit-identical results with 1, 2 and 3 threads (noise included)")
  func threadIndependence() throws {
    var results: [RobustnessResult] = []
    for threads in [1, 2, 3] {
      var analysis = RobustnessAnalysis(space: Self.everything, replications: 30, seed: 99, selection: .top(10), threads: threads)
      analysis.aloneDraws = 5
      results.append(try analysis.run(Self.definition, on: Self.table))
    }
    #expect(results[0] == results[1])
    #expect(results[0] == results[2])
    var another = RobustnessAnalysis(space: Self.everything, replications: 30, seed: 100, threads: 2)
    another.aloneDraws = 5
    let other = try another.run(Self.definition, on: Self.table)
    #expect(other.replicationShifts != results[0].replicationShifts)
  }

  @Test("the same seed gives the same ranks without noise on 1 and 2 threads, larger R")
  func threadIndependenceLarge() throws {
    let prepared = try Self.definition.prepare(Self.table)
    let one = try RobustnessAnalysis(replications: 500, seed: 5, threads: 1).run(prepared)
    let two = try RobustnessAnalysis(replications: 500, seed: 5, threads: 2).run(prepared)
    #expect(one == two)
  }

  @Test("nothing varies: every replication is the nominal ranking")
  func nothingVaries() throws {
    let r = try RobustnessAnalysis(space: UncertaintySpace(), replications: 10, selection: .top(5)).run(
      Self.definition, on: Self.table)
    #expect(r.replicationShifts.allSatisfy { $0 == 0 })
    for a in r.areas {
      #expect(a.medianRank == Double(a.nominalRank) && a.p05Rank == a.medianRank && a.p95Rank == a.medianRank)
      #expect(a.selectionProbability == (a.nominalRank <= 5 ? 1 : 0))
    }
    #expect(r.factorEffects.isEmpty && r.factors.isEmpty)
  }

  @Test("factor effects: options, counts and alone shifts")
  func factorEffects() throws {
    let space = UncertaintySpace(
      weights: .uniform(share: 0.2), normalizations: [ZScore(), MinMax()], dropsIndicator: true)
    let r = try RobustnessAnalysis(space: space, replications: 300, seed: 4).run(Self.definition, on: Self.table)
    #expect(r.factors == [.weights, .normalization, .droppedIndicator])
    let w = r.factorEffects[0]
    #expect(w.options.isEmpty && w.aloneDraws == 100 && (w.aloneShift ?? 0) > 0)
    let n = r.factorEffects[1]
    #expect(n.options.map(\.label) == ["zscore", "minmax"])
    #expect(n.options[0].aloneShift == 0)  // the nominal normalisation alone changes nothing
    #expect(n.options.map(\.replications).reduce(0, +) == 300)
    let d = r.factorEffects[2]
    #expect(d.options.map(\.label) == ["none", "ind01", "ind02", "ind03", "ind04"])
    #expect(d.options[0].aloneShift == 0 && d.options.dropFirst().allSatisfy { ($0.aloneShift ?? 0) > 0 })
    // The factor alone is the mean over its options: (0 + four shifts)/5.
    let mean = d.options.compactMap(\.aloneShift).reduce(0, +) / 5
    #expect(close(d.aloneShift, mean))
  }

  @Test("a score threshold selects by score")
  func threshold() throws {
    let definition = Self.definition.with(aggregation: ThresholdCount(threshold: 1, required: 2))
    let space = UncertaintySpace(dropsIndicator: true)
    let r = try RobustnessAnalysis(space: space, replications: 50, seed: 3, selection: .scoreAtLeast(2)).run(
      definition, on: Self.table)
    for a in r.areas { #expect(a.isNominallySelected == (a.nominalScore >= 2)) }
    #expect(r.areas.contains { $0.isNominallySelected && $0.selectionProbability > 0 })
  }

  @Test("binomial noise alone moves ranks a little, and redraws only rates")
  func noise() throws {
    let space = UncertaintySpace(binomialNoise: true)
    let r = try RobustnessAnalysis(space: space, replications: 20, seed: 6, selection: .top(10)).run(
      Self.definition, on: Self.table)
    #expect(r.meanAbsoluteRankShift > 0)
    #expect(r.factorEffects.map(\.factor) == [.noise])
  }

  @Test("settings that cannot work are errors that say how to fix them")
  func errors() throws {
    let prepared = try Self.definition.prepare(Self.table)
    #expect(throws: RobustnessError.self) { try RobustnessAnalysis(replications: 0).run(prepared) }
    do {
      _ = try RobustnessAnalysis(space: UncertaintySpace(aggregations: [WeightedGeometricMean()])).run(prepared)
      Issue.record("a geometric mean over z-scores must be refused")
    } catch {
      #expect(error.code == .incompatibleChoices)
      #expect(error.message.contains("geometric"))
      #expect(error.hint != nil)
    }
    var big = RobustnessAnalysis(replications: 1_000)
    big.memoryLimit = 1_000
    #expect(throws: RobustnessError.self) { try big.run(prepared) }
    do {
      _ = try RobustnessAnalysis(space: UncertaintySpace(binomialNoise: true)).run(prepared)
      Issue.record("noise needs the table")
    } catch {
      #expect(error.code == .invalidSetting)
    }
    #expect(throws: RobustnessError.self) {
      try RobustnessAnalysis(space: UncertaintySpace(weights: .dirichlet(concentration: -1))).run(prepared)
    }
    #expect(throws: RobustnessError.self) { try RobustnessAnalysis(selection: .top(0)).run(prepared) }
    do {
      _ = try RobustnessAnalysis().run(Self.definition, on: AreaTable(codes: ["x"]))
      Issue.record("a table without the columns must be refused")
    } catch {
      #expect(error.code == .index)
      #expect(!error.diagnostics.isEmpty)
    }
  }
}

/// A user aggregation: the weighted mean of squares (to exercise the protocol path).
struct SquaredMean: Aggregation {
  var specification: StrategySpecification { StrategySpecification("squared-mean") }
  func aggregate(_ values: [Double], weights: [Double]) -> Double {
    var s = 0.0
    var w = 0.0
    for i in values.indices {
      s += weights[i] * values[i] * values[i]
      w += weights[i]
    }
    return w > 0 ? s / w : .nan
  }
  func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double]) {
    for i in values.indices { contributions[i] = 0 }
  }
}
