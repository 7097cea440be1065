import KraftsamlingKit

extension Workloads {
  /// The Monte Carlo uncertainty analysis: N = 6,160 synthetic areas × 4
  /// rate indicators (the shape of the utsatthetsindex), R = 10,000
  /// replications of the standard space (Dirichlet weights with
  /// concentration 20, the normalisation drawn from z-score, min-max and
  /// rank, one indicator left out or none), top 60 — on 1 and 2 threads.
  /// Timed: the whole analysis from the prepared index (normalising per
  /// method, the replications, the per-area quantiles, the per-factor
  /// effects). `--quick`: R = 1,000.
  static func robustnessWorkloads(quick: Bool) -> [Workload] {
    let n = 6_160
    let r = quick ? 1_000 : 10_000
    return [1, 2].map { threads in
      Workload(
        name: "robustness", n: n, details: [("replications", "\(r)"), ("indicators", "4"), ("threads", "\(threads)")]
      ) {
        let table = SyntheticData.areaTable(areas: n, indicators: 4, seed: 7)
        let prepared = try SyntheticData.definition(indicators: 4).prepare(table)
        let analysis = RobustnessAnalysis(space: .standard, replications: r, seed: 1, selection: .top(60), threads: threads)
        return { blackHole(try analysis.run(prepared)) }
      }
    }
  }
}
