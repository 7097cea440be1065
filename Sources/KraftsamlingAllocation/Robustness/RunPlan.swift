import KraftsamlingCore
import KraftsamlingIndex

/// The runs of an allocation robustness analysis and where each writes.
///
/// Runs 0..<*R* are the replications; runs *R*..<*R* + *N*·(*d* + 1) are the
/// Sobol design's blocks **B**, **A**_B^(1), …, **A**_B^(d) (its block **A**
/// is the first *N* replications: row *j* of **A** is the first *d*
/// uniforms of stream *j*, exactly the factor values of replication *j*).
/// Each run stores one row of `columns` kronor: the insatser's totals, the
/// förvaltningar's totals, the amount left undistributed.
struct RunPlan: Sendable {
  let replications: Int
  /// *N* (0 = no Sobol design).
  let samples: Int
  let factors: Int
  let columns: Int
  let threads: Int
  let design: SobolSensitivity

  /// Checks the settings and sizes the runs.
  ///
  /// - Throws: `allocation.uncertainty` for a bad *N*; `.invalidParameter`
  ///   when the amounts would not fit in the memory limit.
  init(_ settings: AllocationRobustness, factors d: Int, columns: Int) throws(AllocationError) {
    let r = settings.analysis.replications
    let n = settings.sensitivitySamples
    guard n == 0 || n >= 2 else {
      throw AllocationError(
        .uncertainty, "the Sobol design needs N ≥ 2 rows, got \(n)", hint: "give 0 (none) or 2 or more, e.g. 1000",
        context: "robustness")
    }
    replications = r
    samples = d == 0 ? 0 : min(n, r)
    factors = d
    self.columns = columns
    threads = settings.analysis.threads
    design = SobolSensitivity(samples: max(2, samples), seed: settings.analysis.seed, bootstrapSamples: 0, threads: 1)
    let (cells, o1) = runs.multipliedReportingOverflow(by: columns)
    let (bytes, o2) = cells.multipliedReportingOverflow(by: 8)
    guard !o1, !o2, bytes <= settings.memoryLimit else {
      throw AllocationError(
        .invalidParameter,
        "keeping the amounts of \(runs) runs × \(columns) totals needs more than the limit of \(settings.memoryLimit >> 20) MB",
        hint: "use fewer replications or a smaller Sobol design", context: "robustness")
    }
  }

  /// Every run: *R* replications and *N*·(*d* + 1) further Sobol runs.
  var runs: Int { replications + samples * (factors + 1) }

  /// The factor values of a run (see ``RunPlan``).
  func point(run: Int, scores: ReplicationScores, into u: inout [Double]) {
    if run < replications {
      scores.point(replication: run, into: &u)
    } else {
      design.point(run: samples + (run - replications), into: &u)
    }
  }

  /// The design's outputs of one column, in design order (**A** = the
  /// first *N* replications, then the further runs).
  func designOutputs(_ amounts: UnsafeBufferPointer<Int64>, column c: Int) -> [Double] {
    var y: [Double] = []
    y.reserveCapacity(samples * (factors + 2))
    for run in 0..<samples { y.append(Double(amounts[run * columns + c])) }
    for run in replications..<runs { y.append(Double(amounts[run * columns + c])) }
    return y
  }
}
