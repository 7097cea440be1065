import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Permuting the rows of an input (areas of a table, features of a layer,
/// requests of an allocation) must not change any result *per area or per
/// request*. What holds exactly and what only up to rounding:
///
/// - **Index**: scores per area equal up to floating-point rounding (means
///   and standard deviations are sums in table order; |Δ| ≤ 1e-9), ranks,
///   deciles, exclusions and flags per area exactly.
/// - **Contiguity**: the neighbours of every area exactly.
/// - **Spatial statistics**: Iᵢ, Gᵢ, their analytical moments, quadrants
///   and global Moran's I equal up to rounding (1e-9). Global Moran's
///   permutation test with an injected matrix permuted consistently
///   (p′[π(k)] = π(p[k])) gives the same simulated values, so the same
///   pseudo p-value exactly. The *local* tests draw one shared conditional
///   matrix of indices into "the other n − 1 areas in table order"; no
///   single matrix reproduces every site's draws after a relabelling, so
///   local pseudo p-values are invariant only in distribution (checked:
///   within 0.1 at 999 permutations), as in esda.
/// - **Allocation**: the amount of every (insats, förvaltning, year)
///   exactly, with caps, floors, minimum and yearly budgets (requests are
///   sorted canonically first).
@Suite("Invariance under permuted input rows")
struct RowOrderInvarianceTests {
  /// A seeded permutation of 0..<n.
  static func permutation(_ n: Int, seed: UInt64) -> [Int] {
    var p = Array(0..<n)
    var g = SeededGenerator(seed: seed)
    g.shuffle(&p)
    return p
  }

  static let definitions: [IndexDefinition] = {
    let base = SyntheticData.definition(indicators: 5)
    return [
      base,
      base.with(normalization: .minMax),
      base.with(normalization: .rank).with(aggregation: .geometric),
      base.with(normalization: .imdExponential).with(missingData: MissingDataPolicy(.mean, minimumAvailability: 0.5)),
      base.with(normalization: .percentileRank).with(missingData: MissingDataPolicy(.median, minimumAvailability: 0.5)),
      base.with(normalization: .distanceToReference).with(aggregation: .minimum),
      IndexDefinition.stadskontoret2025,
    ]
  }()

  @Test("index: scores, ranks, deciles, exclusions and flags per area", arguments: 0..<7)
  func index(definition d: Int) throws {
    let definition = Self.definitions[d]
    let table: AreaTable
    if definition.id == "synthetic" {
      table = SyntheticData.areaTable(areas: 300, indicators: 5, seed: UInt64(40 + d), missingShare: 0.03)
    } else {
      table = try IndexFixtures.malmoStatistics()
    }
    let a = try definition.run(on: table)
    for seed in UInt64(1)...3 {
      let b = try definition.run(on: table.selecting(rows: Self.permutation(table.count, seed: seed)))
      for i in 0..<table.count {
        let ra = a.areaRow(i)
        let rb = b.area(code: ra.code)!
        #expect(ra.rank == rb.rank, "\(definition.label) \(ra.code)")
        #expect(ra.decile == rb.decile)
        #expect(ra.exclusion == rb.exclusion)
        #expect(ra.flags == rb.flags)
        #expect((ra.score == nil) == (rb.score == nil))
        if let x = ra.score, let y = rb.score { #expect(abs(x - y) <= 1e-9 * max(1, abs(x)), "\(ra.code) \(x) \(y)") }
      }
    }
  }

  @Test("contiguity: every area keeps its neighbours, rook and queen, exact and with a tolerance")
  func contiguity() throws {
    let layer = SyntheticLayer.grid(rows: 9, columns: 11, seed: 3, edgeVertices: 1)
    var shuffled = layer
    shuffled.features = Self.permutation(layer.features.count, seed: 9).map { layer.features[$0] }
    for (rule, matching) in [
      (Rook() as any ContiguityRule, BoundaryMatching.exact), (Queen(), .exact), (Rook(), .tolerance(1e-6)),
    ] {
      let a = try layer.contiguity(rule: rule, matching: matching).graph
      let b = try shuffled.contiguity(rule: rule, matching: matching).graph
      for id in layer.ids {
        #expect(Set(a.neighbours(of: id)!) == Set(b.neighbours(of: id)!), "\(rule) \(id)")
      }
    }
  }

  /// The lattice relabelled by `p` (new index of old area k is position of k in p… see body).
  static func relabel(_ w: SpatialWeights, _ values: [Double], order: [Int]) throws -> (SpatialWeights, [Double]) {
    // order[newIndex] = oldIndex; inverse[oldIndex] = newIndex.
    var inverse = [Int](repeating: 0, count: order.count)
    for (new, old) in order.enumerated() { inverse[old] = new }
    let ids = order.map { w.ids[$0] }
    let neighbours = order.map { old in w.neighbours(of: old).map { inverse[$0] } }
    let weights = order.map { old in Array(w.weights(of: old)) }
    return (try SpatialWeights(ids: ids, neighbours: neighbours, weights: weights), order.map { values[$0] })
  }

  @Test("local Moran and Getis–Ord: statistics, moments and quadrants per area; p-values in distribution")
  func localStatistics() throws {
    let w = SyntheticSpatialData.lattice(rows: 8, columns: 9, queen: true)
    let y = SyntheticSpatialData.values(rows: 8, columns: 9, seed: 4).map { abs($0) + 1 }
    let order = Self.permutation(w.count, seed: 5)
    let (w2, y2) = try Self.relabel(w, y, order: order)
    let inference = PermutationInference(permutations: 999, seed: 7, threads: 2)
    let runs: [(LocalSpatialStatistics, LocalSpatialStatistics)] = [
      (
        try LocalSpatialStatistics.moran(values: y, weights: w, inference: inference),
        try LocalSpatialStatistics.moran(values: y2, weights: w2, inference: inference)
      ),
      (
        try LocalSpatialStatistics.getisOrd(values: y, weights: w, inference: inference),
        try LocalSpatialStatistics.getisOrd(values: y2, weights: w2, inference: inference)
      ),
      (
        try LocalSpatialStatistics.getisOrd(values: y, weights: w, star: true, inference: inference),
        try LocalSpatialStatistics.getisOrd(values: y2, weights: w2, star: true, inference: inference)
      ),
    ]
    for (a, b) in runs {
      for (new, old) in order.enumerated() {
        let x = a.areas[old]
        let z = b.areas[new]
        #expect(x.id == z.id)
        #expect(abs(x.statistic - z.statistic) <= 1e-9 * max(1, abs(x.statistic)), "\(x.id)")
        #expect(abs(x.expected - z.expected) <= 1e-9 * max(1, abs(x.expected)))
        #expect(abs(x.variance - z.variance) <= 1e-9 * max(1, abs(x.variance)))
        #expect(x.quadrant == z.quadrant)
        #expect(x.neighbourCount == z.neighbourCount)
        #expect(abs(x.pValue! - z.pValue!) <= 0.1, "\(x.id): \(x.pValue!) vs \(z.pValue!)")
      }
    }
  }

  @Test("global Moran: the same statistic, and with a consistently permuted matrix the same p-value exactly")
  func globalMoran() throws {
    let w = SyntheticSpatialData.lattice(rows: 7, columns: 7, queen: false)
    let y = SyntheticSpatialData.values(rows: 7, columns: 7, seed: 11)
    let order = Self.permutation(w.count, seed: 12)
    var inverse = [Int](repeating: 0, count: order.count)
    for (new, old) in order.enumerated() { inverse[old] = new }
    let (w2, y2) = try Self.relabel(w, y, order: order)
    let matrix = PermutationMatrix.full(observations: w.count, permutations: 499, seed: 13)
    // p′[π(k)] = π(p[k]) with π = inverse: permuted area π(k) receives the value
    // of π(p[k]), which is y[p[k]] — the value area k received.
    var rows: [[Int]] = []
    for r in 0..<matrix.rows {
      let p = matrix.row(r)
      var q = [Int](repeating: 0, count: p.count)
      for k in p.indices { q[inverse[k]] = inverse[p[k]] }
      rows.append(q)
    }
    let a = try GlobalMoran(values: y, weights: w, inference: PermutationInference(matrix: matrix, threads: 2))
    let b = try GlobalMoran(values: y2, weights: w2, inference: PermutationInference(matrix: PermutationMatrix(rows), threads: 2))
    #expect(abs(a.statistic - b.statistic) <= 1e-12)
    #expect(abs(a.zNormality! - b.zNormality!) <= 1e-9)
    #expect(a.pValue == b.pValue)
    #expect(abs(a.simulatedMean! - b.simulatedMean!) <= 1e-12)
  }

  @Test("allocation: every request's amount, with caps, floors, the minimum and yearly budgets, over 400 instances")
  func allocation() throws {
    let models: [any Fördelningsmodell] = FördelningsmodellRegistry.standard.entries.map { try! $0.make(StrategySpecification($0.name)) }
    var g = SeededGenerator(seed: 808)
    for case_ in 0..<400 {
      var input = SyntheticAllocation.input(
        insatser: 2 + g.uniform(below: 7), förvaltningar: 2 + g.uniform(below: 4), years: 1 + g.uniform(below: 3),
        budgetShare: 30 + g.uniform(below: 90), seed: UInt64(10_000 + case_))
      AllocationInvariantTests.addConstraints(&input, &g)
      if g.uniform(below: 4) == 0, let years = Optional(Set(input.requests.compactMap(\.year))), !years.isEmpty {
        // Yearly budgets: the budget split evenly over the years, in whole tkr.
        let per = input.budget.kronor / Int64(years.count) / 1000 * 1000
        input.budgetPerYear = Dictionary(uniqueKeysWithValues: years.map { ($0, Belopp(kronor: per)) })
      }
      var shuffled = input
      shuffled.requests = Self.permutation(input.requests.count, seed: UInt64(case_)).map { input.requests[$0] }
      let model = models[case_ % models.count]
      let a: Fördelning
      do { a = try model.allocate(input) } catch {
        // The same input in any order fails the same way.
        #expect(throws: AllocationError.self) { try model.allocate(shuffled) }
        continue
      }
      let b = try model.allocate(shuffled)
      func amounts(_ f: Fördelning) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: f.rows.map { ("\($0.insatsID)|\($0.förvaltningID)|\($0.year ?? 0)", $0.amount.kronor) })
      }
      #expect(amounts(a) == amounts(b), "\(model.name) case \(case_)")
      #expect(a.distributed == b.distributed)
    }
  }
}
