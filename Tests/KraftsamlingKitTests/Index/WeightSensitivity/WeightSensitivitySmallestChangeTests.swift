import KraftsamlingKit
import Testing

/// The smallest change of the weights, checked against the index itself on
/// a seeded synthetic 4-indicator table the implementation never saw: the
/// shares found put the area in (or out of) the top K, and when the result
/// is labelled minimal no point of a 0.01 grid over the simplex does it
/// with a smaller change.
@Suite("WeightSensitivity: smallest change of the weights")
struct WeightSensitivitySmallestChangeTests {
  static let top = 10

  struct Fixture {
    let index: NormalizedIndex
    let analysis: WeightSensitivity
    let codes: [String]
    /// The normalised values of every area (rows in table order).
    let values: [[Double]]

    /// Whether the area is in the top K with `shares`, by the index's own
    /// arithmetic (Σ share × value) and tie rule, without building the
    /// whole result: fast enough for every point of a grid.
    func quicklySelected(_ code: String, _ shares: [Double]) -> Bool {
      let a = codes.firstIndex(of: code)!
      var scores = [Double](repeating: 0, count: values.count)
      var largest = 0.0
      for i in values.indices {
        var v = 0.0
        for k in 0..<4 { v += values[i][k] * shares[k] }
        scores[i] = v
        largest = max(largest, abs(v))
      }
      let tau = 0x1p-44 * largest
      var above = 0
      for v in scores where v - scores[a] > tau {
        above += 1
        if above >= WeightSensitivitySmallestChangeTests.top { return false }
      }
      return true
    }

    /// The area's rank when the index scores with `shares`.
    func rank(_ code: String, _ shares: [Double]) -> Int {
      IndexRanking.ranks(of: index.scores(weights: shares))[codes.firstIndex(of: code)!]
    }

    /// Whether the area is in the top K with `shares`.
    func selected(_ code: String, _ shares: [Double]) -> Bool {
      let r = rank(code, shares)
      return r > 0 && r <= WeightSensitivitySmallestChangeTests.top
    }

    /// The ranked codes in rank order at the nominal weights.
    func ranked() throws -> [String] {
      let result = try index.result()
      return result.order.filter { result.ranks[$0] != nil }.map { codes[$0] }
    }
  }

  static func fixture() throws -> Fixture {
    let table = SyntheticData.areaTable(areas: 70, indicators: 4, seed: 60_221, missingShare: 0)
    var definition = SyntheticData.definition(indicators: 4)
    definition.smallNumbers = SmallNumberPolicy(minDenominator: 0)
    let index = try definition.prepare(table).normalized()
    let values = table.codes.indices.map { i in (0..<4).map { index.value(indicator: $0, row: i)! } }
    return Fixture(index: index, analysis: try WeightSensitivity(index), codes: table.codes, values: values)
  }

  /// Every point of the simplex with shares in steps of 0.01 (within the
  /// bounds), and its L1 distance from the nominal shares.
  static func grid(_ nominal: [Double], bounds: ClosedRange<Double>?) -> [(shares: [Double], distance: Double)] {
    var out: [(shares: [Double], distance: Double)] = []
    for i in 0...100 {
      for j in 0...(100 - i) {
        for k in 0...(100 - i - j) {
          let s = [i, j, k, 100 - i - j - k].map { Double($0) / 100 }
          if let b = bounds, !zip(s, nominal).allSatisfy({ $0 >= $1 * b.lowerBound - 1e-12 && $0 <= $1 * b.upperBound + 1e-12 }) { continue }
          out.append((s, zip(s, nominal).reduce(0.0) { $0 + abs($1.0 - $1.1) }))
        }
      }
    }
    return out
  }

  @Test("the shares found put the area in or out as stated; a 0.01 grid finds no smaller change when proven minimal")
  func gridCheck() throws {
    let f = try Self.fixture()
    let ranked = try f.ranked()
    let areas = [Self.top, Self.top + 1, Self.top + 3, Self.top - 2, Self.top + 7].map { ranked[$0] }
    var proven = 0
    for bounds in [nil, 0.5...2.0] as [ClosedRange<Double>?] {
      let grid = Self.grid(f.analysis.nominalShares, bounds: bounds)
      for code in areas {
        let change = try f.analysis.smallestChange(area: code, top: Self.top, bounds: bounds)
        #expect(change.entering == !f.selected(code, f.analysis.nominalShares))
        guard let shares = change.shares, let distance = change.distance else {
          // Proven impossible within the bounds: no grid point does it either.
          #expect(change.claim == .provenMinimal && bounds != nil, "\(code)")
          #expect(!grid.contains { f.quicklySelected(code, $0.shares) == change.entering }, "\(code)")
          proven += 1
          continue
        }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12 && shares.allSatisfy { $0 >= 0 })
        #expect(f.selected(code, shares) == change.entering, "\(code)")
        #expect(f.quicklySelected(code, shares) == change.entering, "\(code)")
        #expect(change.rankAfter == f.rank(code, shares))
        if let b = bounds {
          #expect(zip(shares, f.analysis.nominalShares).allSatisfy { $0 >= $1 * b.lowerBound - 1e-12 && $0 <= $1 * b.upperBound + 1e-12 })
        }
        guard change.claim == .provenMinimal else { continue }
        proven += 1
        // No grid point nearer than the result reaches the goal; the grid's
        // best is within its resolution (4 shares each off by < 0.01).
        var gridBest = Double.infinity
        for p in grid where p.distance < distance + 0.04 && p.distance < gridBest {
          if f.quicklySelected(code, p.shares) == change.entering { gridBest = p.distance }
        }
        #expect(gridBest >= distance - 1e-9, "\(code): grid \(gridBest) < \(distance)")
        #expect(gridBest <= distance + 0.04, "\(code): grid \(gridBest), result \(distance)")
      }
    }
    #expect(proven >= 8)
  }

  @Test("bounds that keep the weights near their nominal values can make it impossible, and that is proven")
  func impossible() throws {
    let f = try Self.fixture()
    let last = try f.ranked().last!
    let change = try f.analysis.smallestChange(area: last, top: Self.top, bounds: 0.9...1.1)
    #expect(change.entering)
    #expect(change.shares == nil && change.distance == nil)
    #expect(change.claim == .provenMinimal)
  }

  @Test("bad settings and missing values are errors")
  func errors() throws {
    let f = try Self.fixture()
    let code = try f.ranked()[Self.top]
    #expect(throws: RobustnessError.self) { try f.analysis.smallestChange(area: code, top: 0) }
    #expect(throws: RobustnessError.self) { try f.analysis.smallestChange(area: code, top: 5, bounds: 1.5...2) }
    #expect(throws: RobustnessError.self) { try f.analysis.smallestChange(area: "nowhere", top: 5) }
    let gappy = SyntheticData.areaTable(areas: 60, indicators: 4, seed: 60_222, missingShare: 0.1)
    let index = try SyntheticData.definition(indicators: 4).prepare(gappy).normalized()
    let analysis = try WeightSensitivity(index)
    let rows = index.prepared.includedRows
    let lacking = try #require(rows.firstIndex { i in (0..<4).contains { index.value(indicator: $0, row: i) == nil } })
    #expect(throws: RobustnessError.self) { try analysis.smallestChange(area: analysis.codes[lacking], top: 5) }
  }

  @Test("other areas without every indicator: the change found still works, and is claimed minimal only when they cannot matter")
  func partialAreas() throws {
    let gappy = SyntheticData.areaTable(areas: 60, indicators: 4, seed: 60_223, missingShare: 0.08)
    let index = try SyntheticData.definition(indicators: 4).prepare(gappy).normalized()
    let analysis = try WeightSensitivity(index)
    let result = try index.result()
    let ranked = result.order.filter { result.ranks[$0] != nil }
    let complete = ranked.filter { i in (0..<4).allSatisfy { index.value(indicator: $0, row: i) != nil } }
    var found = 0
    for i in complete where (4...10).contains(result.ranks[i]!) {
      let change = try analysis.smallestChange(area: gappy.codes[i], top: 6)
      guard let shares = change.shares else { continue }
      found += 1
      let rank = IndexRanking.ranks(of: index.scores(weights: shares))[i]
      #expect((rank >= 1 && rank <= 6) == change.entering, "\(gappy.codes[i])")
    }
    #expect(found >= 4)
  }
}
