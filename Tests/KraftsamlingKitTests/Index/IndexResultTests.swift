import Foundation
import KraftsamlingKit
import Testing

@Suite("Index results")
struct IndexResultTests {
  private let hierarchy = try! AreaHierarchy(areas: [
    Area(code: "N", name: "Norr", level: .geso), Area(code: "S", name: "Söder", level: .geso),
    Area(code: "1", name: "Ana", level: .delområde, parents: [.geso: "N"]),
    Area(code: "2", name: "Bo", level: .delområde, parents: [.geso: "N"]),
    Area(code: "3", name: "Cecilia", level: .delområde, parents: [.geso: "S"]),
    Area(code: "4", name: "David", level: .delområde, parents: [.geso: "S"]),
    Area(code: "5", name: "Eva", level: .delområde, parents: [.geso: "S"]),
  ])

  @Test func scoresAggregateToParentsWeightedByPopulation() throws {
    let table = IndexFixtures.workedExample()
    let r = try IndexFixtures.workedDefinition().run(on: table)
    let g = r.aggregated(to: .geso, hierarchy: hierarchy, population: table.column("befolkning")!)
    // Norr: (1000·(−2/3) + 2000·(5/6))/3000 = (−666.67 + 1666.67)/3000 = 1/3
    // Söder: (1000·(−2/3) + 1000·0 + 500·0.75)/2500 = (−666.67 + 375)/2500 = −0.116667
    #expect(g.rows.map(\.code) == ["N", "S"])
    #expect(close(g.rows[0].score, 1.0 / 3))
    #expect(close(g.rows[1].score, (-2000.0 / 3 + 375) / 2500))
    #expect(g.rows[0].rank == 1 && g.rows[1].rank == 2)
    #expect(g.rows[0].name == "Norr" && g.rows[1].population == 2500 && g.rows[1].areas == 3)
    #expect(g.orphans.isEmpty)
  }

  @Test func comparisonShowsRankShiftsAndTopK() throws {
    let table = IndexFixtures.workedExample()
    let a = try IndexFixtures.workedDefinition().run(on: table)
    // Doubling behoriga: Eva (−0.5 + 2·2)/3 = 1.1667 moves to rank 1;
    // Bo (2 + 1 − 1)/4 = 0.5; David (−0.5 + 1 − 1)/4 = −0.125; Ana, Cecilia (−0.5 − 1 − 1)/4 = −0.625
    let b = try IndexFixtures.workedDefinition().with(weights: [1, 1, 2]).run(on: table)
    #expect(b.ranks == [4, 2, 4, 3, 1])
    let c = try IndexComparison(base: a, other: b, top: 1)
    #expect(c.entering.map(\.name) == ["Eva"])
    #expect(c.leaving.map(\.name) == ["Bo"])
    #expect(c.rows.first { $0.code == "5" }?.shift == 1)  // 2 → 1
    #expect(c.rows.first { $0.code == "2" }?.shift == -1)  // 1 → 2
    #expect(c.meanAbsoluteShift == 0.4)
    #expect(c.maximumAbsoluteShift == 1)
    // average ranks a: Bo 1, Eva 2, David 3, Ana/Cecilia 4.5; b: Eva 1, Bo 2, David 3, 4.5, 4.5
    // both have mean 3 and Σ(r − 3)² = 4 + 1 + 0 + 2.25 + 2.25 = 9.5;
    // Σ(a − 3)(b − 3) = 2 + 2 + 0 + 2.25 + 2.25 = 8.5 → ρ = 8.5/9.5 = 0.894737
    #expect(close(c.spearman, 8.5 / 9.5))
    #expect(throws: IndexError.self) { try IndexComparison(base: a, other: b, top: 0) }
  }

  @Test func topKIncludesTiesAtK() throws {
    let r = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    #expect(r.top(4).count == 5)  // Ana and Cecilia share rank 4
    #expect(r.top(3).map(\.name) == ["Bo", "Eva", "David"])
  }

  @Test func fastScoresMatchTheFullResult() throws {
    let table = SyntheticData.areaTable(areas: 500, indicators: 6, seed: 11)
    let d = SyntheticData.definition(indicators: 6)
    let z = try d.prepare(table).normalized()
    let full = try z.result()
    let fast = z.scores()
    for i in 0..<table.count {
      #expect(full.scores[i] == (fast[i].isNaN ? nil : fast[i]))
    }
    #expect(IndexRanking.ranks(of: fast).map { $0 == 0 ? nil : $0 } == full.ranks)
    // another weight set and aggregation through the fast path equals a checked run with those choices
    let w: [Double] = [3, 1, 1, 1, 1, 2]
    let fast2 = z.scores(weights: w, aggregation: .minimum)
    let full2 = try d.with(weights: w).with(aggregation: .minimum).run(on: table)
    for i in 0..<table.count { #expect(full2.scores[i] == (fast2[i].isNaN ? nil : fast2[i])) }
    // and another normalisation
    let mm = try d.prepare(table).normalized(with: .minMax)
    let full3 = try d.with(normalization: .minMax).run(on: table)
    #expect(IndexRanking.ranks(of: mm.scores()).map { $0 == 0 ? nil : $0 } == full3.ranks)
  }

  @Test func syntheticDataIsDeterministic() {
    let a = SyntheticData.areaTable(areas: 200, indicators: 3, seed: 5)
    let b = SyntheticData.areaTable(areas: 200, indicators: 3, seed: 5)
    let c = SyntheticData.areaTable(areas: 200, indicators: 3, seed: 6)
    #expect(a == b)
    #expect(a != c)
    #expect(a.columnNames == ["befolkning", "ind01_num", "ind01_den", "ind02_num", "ind02_den", "ind03_num", "ind03_den"])
    #expect(a.codes.first == "S0000001")
  }

  @Test func resultsRoundTripThroughJSON() throws {
    let r = try IndexFixtures.workedDefinition().run(on: IndexFixtures.workedExample())
    let data = try JSONEncoder().encode(r)
    let back = try JSONDecoder().decode(IndexResult.self, from: data)
    #expect(back == r)
  }

  @Test func largeInputsRankLikeSmallOnes() {
    // the radix path (≥ 1,024 values) must agree with the comparison sort
    var g = SeededGenerator(seed: 3)
    let x = (0..<3_000).map { _ in Double(g.uniform(below: 50)) - 25 + (g.uniform() < 0.01 ? Double.nan : 0) }
    let r = IndexRanking.ranks(of: x)
    for i in stride(from: 0, to: x.count, by: 97) where !x[i].isNaN {
      let expected = 1 + x.filter { !$0.isNaN && $0 > x[i] }.count
      #expect(r[i] == expected)
    }
    #expect(r.enumerated().allSatisfy { x[$0.offset].isNaN == ($0.element == 0) })
  }
}

@Suite("Quartiles by selection")
struct QuartileSelectionTests {
  @Test(arguments: [5, 17, 601, 2_000, 9_999])
  func selectionMatchesSortedType7Quartiles(count: Int) throws {
    // many ties (small integers) and a few outliers, like real rates
    var g = SeededGenerator(seed: UInt64(count))
    let x: [Double?] = (0..<count).map { _ in Double(g.uniform(below: 30)) / Double(1 + g.uniform(below: 9)) }
    let t = IndexFixtures.valueTable(["v": x])
    let r = try IndexDefinition(id: "q", indicators: [.init(id: "v", valueColumn: "v")]).run(on: t)
    let sorted = x.compactMap { $0 }.sorted()
    func q(_ p: Double) -> Double {
      let h = Double(sorted.count - 1) * p
      let lo = Int(h.rounded(.down))
      let hi = min(lo + 1, sorted.count - 1)
      return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
    #expect(close(r.summaries[0].q1, q(0.25), 1e-12))
    #expect(close(r.summaries[0].median, q(0.5), 1e-12))
    #expect(close(r.summaries[0].q3, q(0.75), 1e-12))
  }
}
