import KraftsamlingCore

/// The replications of a power simulation: for each, the
/// difference-in-differences estimate without an effect and its CR1
/// standard error. A planted reduction δ in every treated area shifts the
/// estimate by exactly −δ and leaves the residuals, hence the standard
/// error, unchanged, so one set of draws answers every δ.
struct PowerSimulation: Sendable, Hashable {
  /// The estimates without an effect, one per replication.
  let estimates: [Double]
  /// Their standard errors.
  let standardErrors: [Double]
  /// G − 1.
  let degreesOfFreedom: Int

  /// Draws `replications` panels of changes: area i's change is one of its
  /// own historical residuals with a random sign (a wild bootstrap with
  /// Rademacher signs), chosen by replication r's stream of `seed`. The
  /// sign makes every area's draw centred, so that a world without an
  /// effect has no effect on average even when an area's few historical
  /// windows happen to lean one way; its variance stays σ̂ᵢ².
  ///
  /// - Returns: `nil` for zero replications.
  init?(
    history: ChangeResiduals, treated: [Int], comparison: [Int], populations: [Double], replications: Int,
    seed: UInt64, threads: Int
  ) {
    guard replications > 0 else { return nil }
    var estimates = [Double](repeating: 0, count: replications)
    var errors = [Double](repeating: 0, count: replications)
    let root = SeededGenerator(seed: seed)
    estimates.withUnsafeMutableBufferPointer { ep in
      errors.withUnsafeMutableBufferPointer { sp in
        let e = SharedBuffer(ep)
        let s = SharedBuffer(sp)
        ParallelWork.units(count: replications, threads: threads) { _, r in
          var g = root.stream(UInt64(r))
          let changes = history.residuals.map { r in
            let e = r[g.uniform(below: r.count)]
            return g.next() & 1 == 0 ? e : -e
          }
          let c = ClusteredContrast(changes: changes, treated: treated, comparison: comparison, populations: populations)
          e[r] = c.estimate
          s[r] = c.standardError
        }
      }
    }
    self.estimates = estimates
    standardErrors = errors
    degreesOfFreedom = treated.count + comparison.count - 1
  }

  /// The share of replications whose t test rejects "no effect" at level
  /// α (two-sided, t with G − 1 df) when a reduction of `effect` is planted.
  func power(effect: Double, alpha: Double) -> Double {
    let critical = Quantiles.studentT(1 - alpha / 2, degreesOfFreedom: Double(degreesOfFreedom))
    return power(effect: effect, critical: critical)
  }

  private func power(effect: Double, critical: Double) -> Double {
    var rejections = 0
    for (e, s) in zip(estimates, standardErrors) where s > 0 && abs(e - effect) > critical * s { rejections += 1 }
    return Double(rejections) / Double(estimates.count)
  }

  /// The smallest planted reduction with simulated power ≥ `power`, by
  /// bisection from [0, guess], the upper end doubled until it is enough.
  func minimumDetectableEffect(power target: Double, alpha: Double, guess: Double) -> Double {
    let critical = Quantiles.studentT(1 - alpha / 2, degreesOfFreedom: Double(degreesOfFreedom))
    var hi = max(guess, 1e-12)
    for _ in 0..<60 where power(effect: hi, critical: critical) < target { hi *= 2 }
    var lo = 0.0
    for _ in 0..<100 {
      let mid = (lo + hi) / 2
      if mid == lo || mid == hi { break }
      if power(effect: mid, critical: critical) >= target { hi = mid } else { lo = mid }
    }
    return hi
  }
}
