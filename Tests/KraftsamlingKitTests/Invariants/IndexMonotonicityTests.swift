import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// "An index with higher-is-worse indicators and arithmetic aggregation
/// never lowers an area's score when one of its indicators rises" — what
/// exactly holds, checked over seeded random tables.
///
/// Raising area *i*'s value of indicator *k* changes only column *k*, so
/// the other terms of *i*'s weighted mean are unchanged and *i*'s score
/// moves with its own normalised value *xᵢₖ*:
///
/// 1. **The area's own score never falls**, for every built-in
///    normalisation:
///    - min-max: *xᵢ* rises or, if it becomes the maximum, is 100;
///    - rank, percentile rank, IMD exponential: competition ranks of the
///      area's own value can only rise;
///    - goalposts and a fixed reference: fixed, increasing maps;
///    - pooled distance to reference: the pooled rate *R* rises by δ/D
///      while the area's rate rises by δ/dᵢ ≥ δ/D (difference mode), and
///      rᵢ/R rises because Σ numerators ≥ the area's own (relative mode);
///    - **z-score**, although the mean and SD move: ∂zᵢ/∂xᵢ =
///      ((n − 1) − zᵢ²)/(n·σ) with the population SD (and
///      ((n − 1)/n − zᵢ²/(n − 1))/s with the sample SD), which is ≥ 0
///      because |zᵢ| ≤ √(n − 1) (resp. (n − 1)/√n) always holds
///      (Samuelson's inequality).
/// 2. **No other area's score rises, so the area's rank never worsens**,
///    for min-max, rank, percentile, IMD exponential, goalposts and pooled
///    distance: other areas' normalised values are unchanged or fall.
/// 3. **With z-scores the rank can worsen**: the SD grows, which pulls the
///    other areas' (negative) z-scores towards 0, and another area can
///    overtake (a hand-computed example below).
///
/// Instances: 5–25 areas, 1–4 rate indicators (higher is worse), random
/// positive weights, no missing data, no outlier treatment; one numerator
/// raised by 1–20 people. Scores are compared with a tolerance of 1e-9
/// (rounding of sums).
@Suite("Index monotonicity")
struct IndexMonotonicityTests {
  struct Instance {
    var table: AreaTable
    var definition: IndexDefinition
    var raised: AreaTable
    var area: Int
  }

  /// A random table and the same table with one numerator raised.
  static func instance(_ g: inout SeededGenerator, normalization: any Normalization) -> Instance? {
    let n = 5 + g.uniform(below: 21)
    let m = 1 + g.uniform(below: 4)
    var table = AreaTable(codes: (0..<n).map { "a\($0)" })
    var numerators: [[Double?]] = []
    for k in 0..<m {
      var num: [Double?] = []
      var den: [Double?] = []
      for _ in 0..<n {
        let d = Double(10 + g.uniform(below: 500))
        den.append(d)
        num.append(Double(g.uniform(below: Int(d) + 1)))
      }
      numerators.append(num)
      try! table.addColumn("n\(k)", num)
      try! table.addColumn("d\(k)", den)
    }
    let definition = IndexDefinition(
      id: "m", version: "1",
      indicators: (0..<m).map { k in
        .init(id: "i\(k)", numerator: "n\(k)", denominator: "d\(k)", weight: Double(1 + g.uniform(below: 30)) / 10)
      }, normalization: normalization, aggregation: .arithmetic, missingData: .exclude,
      smallNumbers: SmallNumberPolicy(minDenominator: 0))
    let area = g.uniform(below: n)
    let k = g.uniform(below: m)
    let d = table.value("d\(k)", row: area)!
    let x = numerators[k][area]!
    guard x < d else { return nil }
    var raisedColumn = numerators[k]
    raisedColumn[area] = min(d, x + Double(1 + g.uniform(below: 20)))
    var raised = AreaTable(codes: table.codes)
    for c in table.columnNames { try! raised.addColumn(c, c == "n\(k)" ? raisedColumn : table.column(c)!) }
    return Instance(table: table, definition: definition, raised: raised, area: area)
  }

  static let ownScoreMonotone: [(String, any Normalization)] = [
    ("zscore-population", ZScore(deviation: .population)), ("zscore-sample", ZScore(deviation: .sample)),
    ("minmax", MinMax()), ("rank", RankNormalization()), ("percentile", PercentileRank()), ("imd-exp", IMDExponential()),
    ("goalposts", Goalposts(lower: 0, upper: 1)), ("distance-pooled-relative", DistanceToReference(.pooled, mode: .relative)),
    ("distance-pooled-difference", DistanceToReference(.pooled, mode: .difference)),
    ("distance-fixed", DistanceToReference(.value(0.1), mode: .relative)),
  ]
  /// The normalisations under which no other area's score can rise.
  static let rankMonotone: Set<String> = [
    "minmax", "rank", "percentile", "imd-exp", "goalposts", "distance-pooled-relative", "distance-pooled-difference",
    "distance-fixed",
  ]

  @Test("the area's own score never falls; under rank-like normalisations its rank never worsens (250 instances each)",
    arguments: 0..<10)
  func monotone(normalization index: Int) throws {
    let (name, normalization) = Self.ownScoreMonotone[index]
    var g = SeededGenerator(seed: 900 + UInt64(index))
    var checked = 0
    while checked < 250 {
      guard let inst = Self.instance(&g, normalization: normalization),
        let before = try? inst.definition.run(on: inst.table), let after = try? inst.definition.run(on: inst.raised),
        let s0 = before.scores[inst.area], let s1 = after.scores[inst.area]
      else { continue }
      checked += 1
      let tolerance = 1e-9 * max(1, abs(s0))
      #expect(s1 >= s0 - tolerance, "\(name): area \(inst.area) fell from \(s0) to \(s1)")
      if Self.rankMonotone.contains(name) {
        for j in 0..<inst.table.count where j != inst.area {
          if let a = before.scores[j], let b = after.scores[j] {
            #expect(b <= a + 1e-9 * max(1, abs(a)), "\(name): area \(j) rose from \(a) to \(b)")
          }
        }
        #expect(after.ranks[inst.area]! <= before.ranks[inst.area]!, "\(name): rank worsened")
      }
    }
  }

  @Test("with z-scores the rank can worsen although the score rises: a hand-computed example")
  func zScoreRankCounterexample() throws {
    // A = [2, 1, 0], B = [2, 5, 9] (per 10 people, so rates are A/10, B/10); raise area 0's A from 2 to 7.
    // Before: zA = [1.2247, 0, −1.2247], zB = [−1.1625, −0.1162, 1.2787] (population SD):
    //   scores [0.0311, −0.0581, 0.0270] → area 0 ranks 1.
    // After: A = [7, 1, 0], mean 8/3, SD √(258/27) = 3.0912 → zA = [1.4018, −0.5392, −0.8627]:
    //   scores [(1.4018 − 1.1625)/2, …, (−0.8627 + 1.2787)/2] = [0.1197, −0.3277, 0.2080]
    //   → area 0's score rose (0.031 → 0.120) but area 2 overtook it: rank 1 → 2.
    func table(_ a0: Double) -> AreaTable {
      var t = AreaTable(codes: ["0", "1", "2"])
      try! t.addColumn("a", [a0, 1, 0])
      try! t.addColumn("b", [2, 5, 9])
      try! t.addColumn("n", [10, 10, 10])
      return t
    }
    let d = IndexDefinition(
      id: "z", version: "1",
      indicators: [.init(id: "a", numerator: "a", denominator: "n"), .init(id: "b", numerator: "b", denominator: "n")],
      normalization: .zScore, aggregation: .arithmetic, smallNumbers: SmallNumberPolicy(minDenominator: 0))
    let before = try d.run(on: table(2))
    let after = try d.run(on: table(7))
    #expect(close(before.scores[0], 0.031134241976698118, 1e-12))
    #expect(close(after.scores[0], 0.11967483210325336, 1e-12))
    #expect(close(after.scores[2], 0.20803092027725256, 1e-12))
    #expect(before.ranks == [1, 3, 2])
    #expect(after.ranks == [2, 3, 1])
  }
}
