import KraftsamlingKit

extension Workloads {
  /// Apportioning 10⁹ units (kronor) over 10,000 recipients with seeded
  /// weights, by each built-in method (exact arithmetic, divisor methods
  /// without handing out one unit at a time). `--quick`: 1,000 recipients.
  static func apportionmentWorkloads(quick: Bool) -> [Workload] {
    let recipients = quick ? 1_000 : 10_000
    let total: Int64 = 1_000_000_000
    return ApportionmentRegistry.standard.names.map { name in
      Workload(name: "apportionment", n: recipients, details: [("method", "\"\(name)\""), ("total", "\(total)")]) {
        let method = try ApportionmentRegistry.standard.make(name)
        var g = SeededGenerator(seed: 3)
        let weights = (0..<recipients).map { _ in ApportionmentWeight(Int64(1 + g.uniform(below: 1_000_000))) }
        return { blackHole(try method.apportion(weights, total: total, ties: .inputOrder)) }
      }
    }
  }

  /// Dividing a budget among 1,000 synthetic insatser × 20 förvaltningar
  /// (about 3,000 requests) with each registered fördelningsmodell.
  /// `--quick`: 200 insatser.
  static func allocationWorkloads(quick: Bool) -> [Workload] {
    let insatser = quick ? 200 : 1_000
    return FördelningsmodellRegistry.standard.names.map { name in
      Workload(name: "allocation", n: insatser, details: [("model", "\"\(name)\""), ("förvaltningar", "20")]) {
        let model = try FördelningsmodellRegistry.standard.make(name)
        let input = SyntheticAllocation.input(insatser: insatser, förvaltningar: 20, seed: 1)
        return { blackHole(try model.allocate(input)) }
      }
    }
  }
}

extension Workloads {
  /// Money under uncertainty: R = 10,000 replications of the standard
  /// space over 136 synthetic areas, each turned into the need of the
  /// insatser behind 1,000 requests (20 förvaltningar) and divided by the
  /// need-weighted model with the 1 MSEK minimum per insats; a Sobol design
  /// of N = 1,000 rows on top (4,000 further runs) — on 1 and 2 threads.
  /// `--quick`: R = 1,000, N = 100.
  static func allocationRobustnessWorkloads(quick: Bool) -> [Workload] {
    let r = quick ? 1_000 : 10_000
    let requests = 1_000
    return [1, 2].map { threads in
      Workload(
        name: "allocation-robustness", n: requests,
        details: [("replications", "\(r)"), ("areas", "136"), ("model", "\"need-weighted\""), ("threads", "\(threads)")]
      ) {
        let c = try SyntheticAllocation.indexed(requests: requests, seed: 7)
        var robustness = AllocationRobustness(
          analysis: RobustnessAnalysis(space: .standard, replications: r, seed: 1, threads: threads),
          sensitivitySamples: quick ? 100 : 1_000)
        robustness.populationColumn = "befolkning"
        return {
          blackHole(
            try robustness.run(
              NeedWeightedModel(), input: c.input, areas: c.areas, definition: c.definition, table: c.table))
        }
      }
    }
  }
}
