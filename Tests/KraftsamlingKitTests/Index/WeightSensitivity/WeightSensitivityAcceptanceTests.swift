import KraftsamlingKit
import Testing

/// The thresholds checked against the index itself, on seeded synthetic data
/// the implementation never saw: every reported breakpoint flips membership
/// as stated, and a grid of shares finds no unreported change.
@Suite("WeightSensitivity: acceptance against re-running the index")
struct WeightSensitivityAcceptanceTests {
  static let top = 20
  static let indicators = 4

  struct Fixture {
    let index: NormalizedIndex
    let analysis: WeightSensitivity
    let codes: [String]

    /// The ranks of the index's own scoring with indicator k at share s.
    func ranks(indicator k: Int, share s: Double) -> [Int] {
      IndexRanking.ranks(of: index.scores(weights: analysis.weights(indicator: k, share: s)))
    }

    /// Whether `code` is in the top N of the index at share s.
    func selected(_ code: String, indicator k: Int, share s: Double) -> Bool {
      let r = ranks(indicator: k, share: s)[codes.firstIndex(of: code)!]
      return r > 0 && r <= WeightSensitivityAcceptanceTests.top
    }

    /// The index's selection at share s.
    func selection(indicator k: Int, share s: Double) -> Set<String> {
      let r = ranks(indicator: k, share: s)
      return Set(codes.indices.filter { r[$0] > 0 && r[$0] <= WeightSensitivityAcceptanceTests.top }.map { codes[$0] })
    }
  }

  static func fixture() throws -> Fixture {
    let table = SyntheticData.areaTable(areas: 240, indicators: indicators, seed: 9_173, missingShare: 0.04)
    let index = try SyntheticData.definition(indicators: indicators).prepare(table).normalized()
    return Fixture(index: index, analysis: try WeightSensitivity(index), codes: table.codes)
  }

  /// Areas near the cut at the nominal weights (the interesting ones), and some far away.
  static func areas(_ f: Fixture) throws -> [String] {
    let result = try f.index.result()
    let ranked = result.order.filter { result.ranks[$0] != nil }.map { f.codes[$0] }
    return Array(ranked[(top - 4)..<(top + 8)]) + [ranked[0], ranked[top + 30]]
  }

  @Test("every breakpoint flips membership at ±1e-6 as stated")
  func breakpointsFlip() throws {
    let f = try Self.fixture()
    var flips = 0
    for code in try Self.areas(f) {
      for k in 0..<Self.indicators {
        let m = try f.analysis.membership(area: code, top: Self.top, indicator: k)
        let shares = m.breakpoints.map(\.share)
        for (t, b) in m.breakpoints.enumerated() {
          let isolated = (t == 0 || b.share - shares[t - 1] > 4e-6) && (t + 1 == shares.count || shares[t + 1] - b.share > 4e-6)
          guard isolated, b.share > 1e-6, b.share < 1 - 1e-6 else { continue }
          #expect(f.selected(code, indicator: k, share: b.share - 1e-6) == b.selectedBelow, "\(code) k=\(k) at \(b.share)")
          #expect(f.selected(code, indicator: k, share: b.share + 1e-6) == b.selectedAbove, "\(code) k=\(k) at \(b.share)")
          let r = f.ranks(indicator: k, share: b.share + 1e-6)[f.codes.firstIndex(of: code)!]
          #expect(r == b.rankAbove, "\(code) k=\(k) at \(b.share)")
          if b.selectedBelow != b.selectedAbove { flips += 1 }
        }
      }
    }
    #expect(flips >= 10)  // the check is not empty
  }

  @Test("a grid of shares (step 0.001) agrees with the reported intervals everywhere")
  func denseGrid() throws {
    let f = try Self.fixture()
    for code in try Self.areas(f).prefix(8) {
      for k in 0..<Self.indicators {
        let m = try f.analysis.membership(area: code, top: Self.top, indicator: k)
        let edges = m.intervals.flatMap { [$0.lower, $0.upper] }
        for step in 0...1000 {
          let s = Double(step) / 1000
          guard !edges.contains(where: { abs($0 - s) < 1e-9 }) else { continue }
          let inside = m.intervals.contains { $0.contains(s) }
          #expect(f.selected(code, indicator: k, share: s) == inside, "\(code) k=\(k) s=\(s)")
        }
        // Every end of an interval inside (0, 1) is a reported breakpoint that changes membership.
        for e in edges where e > 0 && e < 1 {
          #expect(m.breakpoints.contains { $0.share == e && $0.selectedBelow != $0.selectedAbove }, "\(code) k=\(k) \(e)")
        }
      }
    }
  }

  @Test("stability: the nominal selection holds inside each interval and changes just outside, as named")
  func stability() throws {
    let f = try Self.fixture()
    let nominal = f.selection(indicator: 0, share: f.analysis.nominalShares[0])
    for s in f.analysis.stability(top: Self.top) {
      let i = s.interval
      #expect(i.lower < s.nominalShare && s.nominalShare < i.upper)
      for step in 1..<50 {
        let x = i.lower + (i.upper - i.lower) * Double(step) / 50
        #expect(f.selection(indicator: s.indicator, share: x) == nominal)
      }
      for (edge, change, outside) in [(i.lower, s.lowerChange, -1e-6), (i.upper, s.upperChange, 1e-6)] {
        guard let change else {
          #expect(edge == 0 || edge == 1)
          continue
        }
        #expect(f.selection(indicator: s.indicator, share: edge - outside) == nominal)
        let beyond = f.selection(indicator: s.indicator, share: edge + outside)
        #expect(beyond == nominal.subtracting([change.leaving]).union([change.entering]), "\(s.indicatorID) at \(edge)")
      }
    }
  }

  @Test("tie point: the two areas score the same there, and no other tie point on the simplex is nearer")
  func tiePoint() throws {
    let f = try Self.fixture()
    let result = try f.index.result()
    let complete = result.order.filter { i in result.ranks[i] != nil && (0..<Self.indicators).allSatisfy { f.index.value(indicator: $0, row: i) != nil } }
    var checked = 0
    var generator = SeededGenerator(seed: 5)
    for (a, b) in [(complete[0], complete[25]), (complete[10], complete[11]), (complete[3], complete[60])] {
      let tie = try f.analysis.tie(f.codes[a], f.codes[b])
      let scoresNominal = f.index.scores()
      #expect(abs(tie.margin - (scoresNominal[a] - scoresNominal[b])) < 1e-12)
      guard let w = tie.weights, let distance = tie.distance else { continue }
      checked += 1
      #expect(abs(w.reduce(0, +) - 1) < 1e-12 && w.allSatisfy { $0 >= 0 })
      let scores = f.index.scores(weights: w)
      #expect(abs(scores[a] - scores[b]) < 1e-10)
      // Feasible tie points: convex combinations of the edge points where d·w = 0.
      let d = (0..<Self.indicators).map { f.index.value(indicator: $0, row: a)! - f.index.value(indicator: $0, row: b)! }
      var corners: [[Double]] = []
      for i in d.indices { for j in d.indices where d[i] > 0 && d[j] < 0 {
        let t = -d[j] / (d[i] - d[j])
        corners.append(d.indices.map { $0 == i ? t : $0 == j ? 1 - t : 0 })
      } }
      for _ in 0..<2000 {
        let raw = corners.map { _ in Double(generator.next() % 1000 + 1) }
        let total = raw.reduce(0, +)
        let p = d.indices.map { j in zip(raw, corners).reduce(0.0) { $0 + $1.0 * $1.1[j] } / total }
        let dist = zip(p, f.analysis.nominalShares).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(dist >= distance - 1e-12)
      }
    }
    #expect(checked >= 2)
  }
}
