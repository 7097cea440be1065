import KraftsamlingKit
import Testing

/// Weight thresholds of an index with dimensions (2 dimensions × 2
/// indicators, arithmetic inside and across), checked against the index
/// itself on seeded synthetic data the implementation never saw: every
/// breakpoint re-run through `IndexDefinition.run` flips membership as
/// stated, a grid of shares finds no unreported change, the smallest change
/// re-run puts the area in or out and no 0.01 grid point does it nearer.
@Suite("WeightSensitivity: an index with dimensions")
struct WeightSensitivityDimensionTests {
  static let top = 15

  /// Indicators 1–2 in `boende` (weight 2), 3–4 in `ekonomi` (weight 1),
  /// indicator weights 1, 3, 2, 1: effective shares 1/6, 1/2, 2/9, 1/9.
  static func definition() -> IndexDefinition {
    var d = SyntheticData.definition(indicators: 4)
    d.dimensions = [.init(id: "boende", weight: 2), .init(id: "ekonomi", weight: 1)]
    for (k, (dimension, weight)) in [("boende", 1.0), ("boende", 3), ("ekonomi", 2), ("ekonomi", 1)].enumerated() {
      d.indicators[k].indicator.dimension = dimension
      d.indicators[k].weight = weight
    }
    return d
  }

  struct Fixture {
    let table: AreaTable
    let definition: IndexDefinition
    let index: NormalizedIndex
    let analysis: WeightSensitivity

    /// The area's rank when the whole index is run again with `weights`
    /// as `kraftctl index --weights` passes them.
    func rerunRank(_ code: String, _ weights: [Double]) throws -> Int {
      let result = try definition.with(weights: weights).run(on: table)
      return result.ranks[table.codes.firstIndex(of: code)!] ?? 0
    }

    /// The ranks (by table row) of the index's own scoring with `weights`.
    func ranks(_ weights: [Double]) -> [Int] { IndexRanking.ranks(of: index.scores(weights: weights)) }

    func selected(_ code: String, _ weights: [Double]) -> Bool {
      let r = ranks(weights)[table.codes.firstIndex(of: code)!]
      return r > 0 && r <= WeightSensitivityDimensionTests.top
    }

    /// Ranked codes in rank order at the nominal weights.
    func ranked() throws -> [String] {
      let result = try index.result()
      return result.order.filter { result.ranks[$0] != nil }.map { table.codes[$0] }
    }
  }

  static func fixture(missing: Double = 0.05, seed: UInt64 = 48_611) throws -> Fixture {
    let table = SyntheticData.areaTable(areas: 150, indicators: 4, seed: seed, missingShare: missing)
    var definition = definition()
    definition.smallNumbers = SmallNumberPolicy(minDenominator: 0)
    let index = try definition.prepare(table).normalized()
    return Fixture(table: table, definition: definition, index: index, analysis: try WeightSensitivity(index))
  }

  @Test("the shares: effective shares of the index, each indicator's share of its dimension, weights as --weights takes them")
  func shares() throws {
    let f = try Self.fixture()
    let a = f.analysis
    #expect(a.indicatorDimensions == ["boende", "boende", "ekonomi", "ekonomi"])
    for (x, y) in zip(a.nominalShares, [1.0 / 6, 1.0 / 2, 2.0 / 9, 1.0 / 9]) { #expect(abs(x - y) < 1e-15) }
    let m = try a.membership(area: try f.ranked()[0], top: Self.top, indicator: 0)
    #expect(abs(m.nominalShare - 0.25) < 1e-15)
    // Indicator 0 at 40 % of boende: 0.4·2/3 and 0.6·2/3; ekonomi unchanged.
    let w = a.weights(indicator: 0, share: 0.4)
    for (x, y) in zip(w, [0.4 * 2 / 3, 0.6 * 2 / 3, 2.0 / 9, 1.0 / 9]) { #expect(abs(x - y) < 1e-15) }
    // The index scores the same with those weights as --weights and as the definition's own weights.
    let byOption = try f.definition.with(weights: w).run(on: f.table)
    let byDefinition = try f.definition.with(weights: [0.4, 0.6, 2, 1]).run(on: f.table)
    #expect(byOption.ranks == byDefinition.ranks)
  }

  @Test("every breakpoint, re-run through IndexDefinition.run at ±1e-6, flips membership as stated")
  func breakpointsFlip() throws {
    let f = try Self.fixture()
    let ranked = try f.ranked()
    var flips = 0
    for code in Array(ranked[(Self.top - 3)..<(Self.top + 5)]) + [ranked[0]] {
      for k in 0..<4 {
        let m = try f.analysis.membership(area: code, top: Self.top, indicator: k)
        #expect(m.tolerance == nil)  // exact
        let shares = m.breakpoints.map(\.share)
        for (t, b) in m.breakpoints.enumerated() {
          let isolated = (t == 0 || b.share - shares[t - 1] > 4e-6) && (t + 1 == shares.count || shares[t + 1] - b.share > 4e-6)
          guard isolated, b.share > 1e-6, b.share < 1 - 1e-6 else { continue }
          let below = try f.rerunRank(code, f.analysis.weights(indicator: k, share: b.share - 1e-6))
          let above = try f.rerunRank(code, f.analysis.weights(indicator: k, share: b.share + 1e-6))
          #expect((below >= 1 && below <= Self.top) == b.selectedBelow, "\(code) k=\(k) at \(b.share)")
          #expect((above >= 1 && above <= Self.top) == b.selectedAbove, "\(code) k=\(k) at \(b.share)")
          #expect(above == b.rankAbove, "\(code) k=\(k) at \(b.share)")
          if b.selectedBelow != b.selectedAbove { flips += 1 }
        }
      }
    }
    #expect(flips >= 8)  // the check is not empty
  }

  @Test("a grid of shares (step 0.001) finds no change of membership the intervals do not report")
  func denseGrid() throws {
    let f = try Self.fixture()
    let ranked = try f.ranked()
    for code in ranked[(Self.top - 2)..<(Self.top + 3)] {
      for k in 0..<4 {
        let m = try f.analysis.membership(area: code, top: Self.top, indicator: k)
        let edges = m.intervals.flatMap { [$0.lower, $0.upper] }
        // Shares 0 and 1 leave the weight 0 (not a weight --weights takes): limits only.
        for step in 1..<1000 {
          let s = Double(step) / 1000
          guard !edges.contains(where: { abs($0 - s) < 1e-9 }) else { continue }
          let inside = m.intervals.contains { $0.contains(s) }
          #expect(f.selected(code, f.analysis.weights(indicator: k, share: s)) == inside, "\(code) k=\(k) s=\(s)")
        }
        for e in edges where e > 0 && e < 1 {
          #expect(m.breakpoints.contains { $0.share == e && $0.selectedBelow != $0.selectedAbove }, "\(code) k=\(k) \(e)")
        }
      }
    }
  }

  @Test("stability: the nominal selection holds inside each interval and changes just outside, as named")
  func stability() throws {
    let f = try Self.fixture()
    let nominalWeights = f.analysis.nominalShares
    let selection = { (w: [Double]) -> Set<String> in
      let r = f.ranks(w)
      return Set(f.table.codes.indices.filter { r[$0] > 0 && r[$0] <= Self.top }.map { f.table.codes[$0] })
    }
    let nominal = selection(nominalWeights)
    for s in f.analysis.stability(top: Self.top) {
      let i = s.interval
      #expect(i.lower < s.nominalShare && s.nominalShare < i.upper)
      for step in 1..<50 {
        let x = i.lower + (i.upper - i.lower) * Double(step) / 50
        #expect(selection(f.analysis.weights(indicator: s.indicator, share: x)) == nominal)
      }
      for (edge, change, outside) in [(i.lower, s.lowerChange, -1e-6), (i.upper, s.upperChange, 1e-6)] {
        guard let change else {
          #expect(edge == 0 || edge == 1)
          continue
        }
        let beyond = selection(f.analysis.weights(indicator: s.indicator, share: edge + outside))
        #expect(beyond == nominal.subtracting([change.leaving]).union([change.entering]), "\(s.indicatorID) at \(edge)")
      }
    }
  }

  @Test("tie point: equal scores there, each dimension keeps its share, and no tie point is nearer")
  func tiePoint() throws {
    let f = try Self.fixture(missing: 0)
    let ranked = try f.ranked()
    var checked = 0
    for (a, b) in [(ranked[0], ranked[20]), (ranked[10], ranked[11]), (ranked[3], ranked[40]), (ranked[5], ranked[6]), (ranked[30], ranked[32])] {
      let tie = try f.analysis.tie(a, b)
      let i = f.table.codes.firstIndex(of: a)!
      let j = f.table.codes.firstIndex(of: b)!
      let nominal = f.index.scores()
      #expect(abs(tie.margin - (nominal[i] - nominal[j])) < 1e-12)
      guard let w = tie.weights, let distance = tie.distance else { continue }
      checked += 1
      #expect(abs(w[0] + w[1] - 2.0 / 3) < 1e-12 && abs(w[2] + w[3] - 1.0 / 3) < 1e-12 && w.allSatisfy { $0 >= 0 })
      let scores = f.index.scores(weights: w)
      #expect(abs(scores[i] - scores[j]) < 1e-10)
      // The tie set: x = share of indicator 1 in boende, y in ekonomi, d·e = 0
      // a line in (x, y); walk x finely, solve y, keep y in [0, 1].
      let d = (0..<4).map { f.index.value(indicator: $0, row: i)! - f.index.value(indicator: $0, row: j)! }
      for step in 0...20_000 {
        let x = Double(step) / 20_000
        // (2/3)(x d0 + (1 − x) d1) + (1/3)(y d2 + (1 − y) d3) = 0
        let c = 2.0 / 3 * (x * d[0] + (1 - x) * d[1]) + 1.0 / 3 * d[3]
        guard d[2] != d[3] else { continue }
        let y = -c / (1.0 / 3 * (d[2] - d[3]))
        guard y >= 0 && y <= 1 else { continue }
        let p = [2.0 / 3 * x, 2.0 / 3 * (1 - x), 1.0 / 3 * y, 1.0 / 3 * (1 - y)]
        let dist = zip(p, f.analysis.nominalShares).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(dist >= distance - 1e-9)
      }
    }
    #expect(checked >= 2)
  }
}
