import KraftsamlingCore
import KraftsamlingIndex

extension AllocationRobustness {
  /// The result: every column of the runs' amounts summarised (in
  /// parallel over the columns, each summary written to its own slot).
  func summarize(
    _ amounts: [Int64], plan: RunPlan, allocator: any NeedAllocating, nominal: Fördelning,
    factors: [UncertainFactor], definition: IndexDefinition
  ) -> AllocationRobustnessResult {
    let ids = allocator.insatsIDs + allocator.förvaltningIDs + ["undistributed"]
    var byInsats: [String: Int64] = [:]
    var byFörvaltning: [String: Int64] = [:]
    for row in nominal.rows {
      byInsats[row.insatsID, default: 0] += row.amount.kronor
      byFörvaltning[row.förvaltningID, default: 0] += row.amount.kronor
    }
    let nominals =
      allocator.insatsIDs.map { byInsats[$0] ?? 0 } + allocator.förvaltningIDs.map { byFörvaltning[$0] ?? 0 }
      + [nominal.undistributed.kronor]
    let placeholder = AllocationRobustnessResult.Distribution(
      id: "", nominal: .zero, minimum: .zero, p05: .nan, median: .nan, p95: .nan, maximum: .zero,
      fundedProbability: .nan, firstOrder: [], mainFactor: nil)
    var rows = [AllocationRobustnessResult.Distribution](repeating: placeholder, count: ids.count)
    var source = amounts
    source.withUnsafeMutableBufferPointer { sp in
      rows.withUnsafeMutableBufferPointer { rp in
        let input = SharedBuffer(sp)
        let out = SharedBuffer(rp)
        ParallelWork.units(count: ids.count, threads: plan.threads) { _, c in
          out[c] = Self.distribution(
            column: c, id: ids[c], nominal: nominals[c], amounts: UnsafeBufferPointer(input.buffer), plan: plan,
            factors: factors)
        }
      }
    }
    let insatser = allocator.insatsIDs.count
    let förvaltningar = allocator.förvaltningIDs.count
    return AllocationRobustnessResult(
      insatser: Array(rows[0..<insatser]), förvaltningar: Array(rows[insatser..<(insatser + förvaltningar)]),
      factors: factors, undistributed: rows[rows.count - 1], model: nominal.model, budget: nominal.budget,
      replications: plan.replications, sensitivitySamples: plan.samples, seed: analysis.seed,
      space: analysis.space.description, definition: definition.label)
  }

  /// One column's distribution: the replications' amounts sorted for the
  /// quantiles, the range widened to the nominal amount, the share above
  /// zero, and the first-order indices from the design's runs.
  ///
  /// - Complexity: O(*R* log *R* + *N*·*d*).
  static func distribution(
    column c: Int, id: String, nominal: Int64, amounts: UnsafeBufferPointer<Int64>, plan: RunPlan,
    factors: [UncertainFactor]
  ) -> AllocationRobustnessResult.Distribution {
    let r = plan.replications
    var x = [Int64](repeating: 0, count: r)
    var funded = 0
    for run in 0..<r {
      let a = amounts[run * plan.columns + c]
      x[run] = a
      funded += a > 0 ? 1 : 0
    }
    x.sort()
    var firstOrder = [Double?](repeating: nil, count: factors.count)
    if plan.samples > 0 {
      let s = plan.design.estimate(outputs: plan.designOutputs(amounts, column: c), factors: factors.map(\.rawValue))
      for (i, f) in s.factors.enumerated() where !f.firstOrder.isNaN { firstOrder[i] = f.firstOrder }
    }
    var main: UncertainFactor? = nil
    var best = 0.0
    for (i, s) in firstOrder.enumerated() {
      if let s, s > best {
        best = s
        main = factors[i]
      }
    }
    return AllocationRobustnessResult.Distribution(
      id: id, nominal: Belopp(kronor: nominal), minimum: Belopp(kronor: min(x[0], nominal)), p05: quantile(x, 0.05),
      median: quantile(x, 0.5), p95: quantile(x, 0.95), maximum: Belopp(kronor: max(x[r - 1], nominal)),
      fundedProbability: Double(funded) / Double(r), firstOrder: firstOrder, mainFactor: main)
  }

  /// The type-7 quantile of sorted amounts: x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋₊₁ − x_⌊h⌋)
  /// with h = (count − 1)·p, as numpy's default (`linear`).
  static func quantile(_ x: [Int64], _ p: Double) -> Double {
    let h = Double(x.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, x.count - 1)
    let fraction = h - Double(lo)
    return fraction > 0 && x[hi] != x[lo] ? Double(x[lo]) + fraction * Double(x[hi] - x[lo]) : Double(x[lo])
  }
}
