import KraftsamlingKit

extension Workloads {
  /// The composite index (the default pipeline: rates, small numbers,
  /// reweighting, z-scores, arithmetic mean, ranks, deciles) on synthetic
  /// tables of N areas × 10 indicators: the full, checked run from the
  /// table, and the fast re-score + rank of a robustness analysis.
  static func indexWorkloads(quick: Bool) -> [Workload] {
    let sizes = quick ? [6_160] : [6_160, 50_000]
    var w: [Workload] = []
    for n in sizes {
      w.append(
        Workload(name: "index", n: n, details: [("indicators", "10")]) {
          let table = SyntheticData.areaTable(areas: n, indicators: 10, seed: 7)
          let definition = SyntheticData.definition(indicators: 10)
          return { blackHole(try definition.run(on: table)) }
        })
      w.append(
        Workload(name: "index-rescore", n: n, details: [("indicators", "10")]) {
          let table = SyntheticData.areaTable(areas: n, indicators: 10, seed: 7)
          let normalized = try SyntheticData.definition(indicators: 10).prepare(table).normalized()
          let weights = (0..<10).map { Double($0 % 3 + 1) }
          return { blackHole(IndexRanking.ranks(of: normalized.scores(weights: weights))) }
        })
    }
    return w
  }
}
