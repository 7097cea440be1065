import KraftsamlingKit
import Testing

/// The smallest change of the weights of an index with dimensions: the
/// shares found, re-run through `IndexDefinition.run` as `--weights`, put
/// the area in or out, and when labelled minimal no point of a 0.01 grid
/// (each dimension's shares in steps of 0.01; the dimensions keep their
/// shares) does it with a smaller change. Also the non-linear path.
@Suite("WeightSensitivity: smallest change with dimensions; non-linear dimensions")
struct WeightSensitivityDimensionChangeTests {
  static let top = 12

  /// Whether the area is in the top K with effective shares `e`, by
  /// Σ e·x (every area has every value) and the index's tie rule.
  static func quicklySelected(_ a: Int, _ e: [Double], _ values: [[Double]]) -> Bool {
    var scores = [Double](repeating: 0, count: values.count)
    var largest = 0.0
    for i in values.indices {
      var v = 0.0
      for k in 0..<4 { v += values[i][k] * e[k] }
      scores[i] = v
      largest = max(largest, abs(v))
    }
    let tau = 0x1p-44 * largest
    var above = 0
    for v in scores where v - scores[a] > tau {
      above += 1
      if above >= top { return false }
    }
    return true
  }

  @Test("the shares found, re-run, put the area in or out; a 0.01 grid finds no smaller change when proven minimal")
  func gridCheck() throws {
    let table = SyntheticData.areaTable(areas: 80, indicators: 4, seed: 71_003, missingShare: 0)
    var definition = WeightSensitivityDimensionTests.definition()
    definition.smallNumbers = SmallNumberPolicy(minDenominator: 0)
    let index = try definition.prepare(table).normalized()
    let analysis = try WeightSensitivity(index)
    let values = table.codes.indices.map { i in (0..<4).map { index.value(indicator: $0, row: i)! } }
    let result = try index.result()
    let ranked = result.order.filter { result.ranks[$0] != nil }.map { table.codes[$0] }
    let v = [2.0 / 3, 1.0 / 3]
    var proven = 0
    for bounds in [nil, 0.5...2.0] as [ClosedRange<Double>?] {
      var grid: [(e: [Double], distance: Double)] = []
      for x in 0...100 {
        for y in 0...100 {
          let e = [v[0] * Double(x) / 100, v[0] * Double(100 - x) / 100, v[1] * Double(y) / 100, v[1] * Double(100 - y) / 100]
          if let b = bounds, !zip(e, analysis.nominalShares).allSatisfy({ $0 >= $1 * b.lowerBound - 1e-12 && $0 <= $1 * b.upperBound + 1e-12 }) { continue }
          grid.append((e, zip(e, analysis.nominalShares).reduce(0.0) { $0 + abs($1.0 - $1.1) }))
        }
      }
      for code in [Self.top, Self.top + 1, Self.top + 4, Self.top - 2, Self.top + 9].map({ ranked[$0] }) {
        let a = table.codes.firstIndex(of: code)!
        let change = try analysis.smallestChange(area: code, top: Self.top, bounds: bounds)
        guard let shares = change.shares, let distance = change.distance else {
          // Proven impossible (the dimensions keep their shares, so even
          // without bounds some areas cannot be moved): no grid point does it.
          #expect(change.claim == .provenMinimal, "\(code)")
          #expect(!grid.contains { Self.quicklySelected(a, $0.e, values) == change.entering }, "\(code)")
          proven += 1
          continue
        }
        // Each dimension keeps its share; re-run as --weights.
        #expect(abs(shares[0] + shares[1] - v[0]) < 1e-12 && abs(shares[2] + shares[3] - v[1]) < 1e-12)
        let rerun = try definition.with(weights: shares.map { max($0, 1e-300) }).run(on: table)
        let rank = rerun.ranks[a] ?? 0
        #expect((rank >= 1 && rank <= Self.top) == change.entering, "\(code)")
        #expect(change.rankAfter == rank)
        guard change.claim == .provenMinimal else { continue }
        proven += 1
        var gridBest = Double.infinity
        for p in grid where p.distance < distance + 0.04 && p.distance < gridBest {
          if Self.quicklySelected(a, p.e, values) == change.entering { gridBest = p.distance }
        }
        #expect(gridBest >= distance - 1e-9, "\(code): grid \(gridBest) < \(distance)")
        #expect(gridBest <= distance + 0.04, "\(code): grid \(gridBest), result \(distance)")
      }
    }
    #expect(proven >= 6)
  }

  @Test("geometric across dimensions: thresholds by bisection, labelled, and they hold when the index is re-run")
  func geometricDimensions() throws {
    let table = SyntheticData.areaTable(areas: 90, indicators: 4, seed: 52_909, missingShare: 0)
    var definition = WeightSensitivityDimensionTests.definition()
    definition.smallNumbers = SmallNumberPolicy(minDenominator: 0)
    definition.normalization = RankNormalization()
    definition.dimensionAggregation = .geometric(offset: 0)
    let analysis = try WeightSensitivity(definition, on: table)
    let ranked = try definition.run(on: table)
    let codes = ranked.order.filter { ranked.ranks[$0] != nil }.map { table.codes[$0] }
    var checked = 0
    for code in codes[(Self.top - 2)..<(Self.top + 3)] {
      for k in 0..<4 {
        let m = try analysis.membership(area: code, top: Self.top, indicator: k)
        #expect(m.tolerance == WeightSensitivity.bisectionTolerance)
        for b in m.breakpoints where b.share > 1e-6 && b.share < 1 - 1e-6 && b.selectedBelow != b.selectedAbove {
          for (offset, expected) in [(-1e-6, b.selectedBelow), (1e-6, b.selectedAbove)] {
            let r = try definition.with(weights: analysis.weights(indicator: k, share: b.share + offset)).run(on: table)
            let rank = r.ranks[table.codes.firstIndex(of: code)!] ?? 0
            #expect((rank >= 1 && rank <= Self.top) == expected, "\(code) k=\(k) at \(b.share)")
          }
          checked += 1
        }
      }
    }
    #expect(checked >= 2)
    let error = #expect(throws: RobustnessError.self) { try analysis.smallestChange(area: codes[0], top: Self.top) }
    #expect(error?.message.contains("geometric") == true)
  }
}
