import KraftsamlingCore

/// Variance-based global sensitivity analysis: first-order and total-effect
/// Sobol indices of a model's scalar output with respect to *d* independent
/// input factors, estimated from Saltelli's design of *N*·(*d* + 2) runs.
///
/// **Design.** Two independent *N* × *d* matrices **A** and **B** of
/// uniform values in [0, 1) (row *j* of both from
/// `SeededGenerator(seed:).stream(j)`: first the *d* values of **A**, then
/// the *d* of **B**), and for each factor *i* the matrix **A**_B^(i) — **A**
/// with column *i* taken from **B**. The runs are ordered **A**, **B**,
/// **A**_B^(1), …, **A**_B^(d), *N* each, as COINr's `SA_sample`.
///
/// **Estimators** (Saltelli et al. 2010, table 2: (b) for Sᵢ, (f) =
/// Jansen 1999 for S_Tᵢ; the pair COINr's `SA_estimate` uses):
///
/// - V = the sample variance (denominator 2N − 1) of f(**A**) and f(**B**) together;
/// - Sᵢ = (1/N)·Σⱼ f(**B**)ⱼ·(f(**A**_B^(i))ⱼ − f(**A**)ⱼ) / V;
/// - S_Tᵢ = (1/2N)·Σⱼ (f(**A**)ⱼ − f(**A**_B^(i))ⱼ)² / V.
///
/// **Confidence intervals** by the bootstrap: ``bootstrapSamples`` times,
/// draw *N* row indices with replacement (`stream(b)` of a generator seeded
/// with `seed ^ 0xB007`), recompute V, Sᵢ and S_Tᵢ on those rows, and take
/// the type-7 quantiles (1 − c)/2 and (1 + c)/2 of the replicates for
/// confidence *c*. (COINr resamples each factor's terms separately and keeps
/// V fixed; resampling whole rows keeps the terms' dependence, as SALib does.)
///
/// ```swift
/// // Y = X₁ + 2·X₂ + 3·X₃ with Xᵢ ~ U(0, 1): Sᵢ = S_Tᵢ = aᵢ²/Σa² = 1/14, 4/14, 9/14.
/// let sobol = SobolSensitivity(samples: 20_000, seed: 1)
/// let s = sobol.analyze(factors: ["x1", "x2", "x3"]) { x in x[0] + 2 * x[1] + 3 * x[2] }
/// s.factors[2].firstOrder    // ≈ 0.643
/// ```
///
/// Estimates carry Monte Carlo error of order 1/√N: a small negative Sᵢ
/// for an unimportant factor, or Σ Sᵢ slightly above 1, is noise.
///
/// - Complexity: *N*·(*d* + 2) model runs (divided over the threads), then
///   O(*N*·*d*) to estimate and O(*B*·*N*·*d*) for *B* bootstrap samples.
/// - SeeAlso: A. Saltelli et al. (2010), "Variance based sensitivity
///   analysis of model output. Design and estimator for the total
///   sensitivity index", *Computer Physics Communications* 181, 259–270;
///   M. J. W. Jansen (1999), *Computer Physics Communications* 117, 35–43;
///   COINr `SA_sample`, `SA_estimate`.
package struct SobolSensitivity: Sendable, Hashable {
  /// *N*, the rows of each base matrix (≥ 2).
  package var samples: Int
  /// The seed of the design and the bootstrap.
  package var seed: UInt64
  /// Bootstrap samples for the intervals (0 = none; default 1,000).
  package var bootstrapSamples: Int
  /// The confidence of the intervals, in (0, 1) (default 0.95).
  package var confidence: Double
  /// Threads for the model runs (≥ 1); the result does not depend on it.
  package var threads: Int

  /// Creates an analysis.
  ///
  /// - Parameters:
  ///   - samples: *N* (≥ 2).
  ///   - seed: The seed.
  ///   - bootstrapSamples: Bootstrap samples (default 1,000).
  ///   - confidence: The interval's confidence (default 0.95).
  ///   - threads: Threads to use (default: the processors available).
  package init(
    samples: Int, seed: UInt64, bootstrapSamples: Int = 1_000, confidence: Double = 0.95,
    threads: Int = ParallelWork.availableProcessors
  ) {
    self.samples = samples
    self.seed = seed
    self.bootstrapSamples = bootstrapSamples
    self.confidence = confidence
    self.threads = threads
  }

  /// The number of runs of a design over `factors` factors: *N*·(*d* + 2).
  package func runs(factors: Int) -> Int { samples * (factors + 2) }

  /// The factor values of one run of the design.
  ///
  /// - Parameters:
  ///   - run: The run, in 0..<``runs(factors:)``.
  ///   - u: Receives the *d* values in [0, 1).
  /// - Complexity: O(*d*).
  package func point(run: Int, into u: inout [Double]) {
    let d = u.count
    let block = run / samples
    let j = run % samples
    var g = SeededGenerator(seed: seed).stream(UInt64(j))
    for i in 0..<d { u[i] = g.uniform() }  // A
    if block == 0 { return }
    if block == 1 {
      for i in 0..<d { u[i] = g.uniform() }  // B
      return
    }
    let swapped = block - 2
    var b = 0.0
    for _ in 0...swapped { b = g.uniform() }  // B's column `swapped`
    u[swapped] = b
  }

  /// The whole design, row-major: ``runs(factors:)`` rows of *d* values,
  /// for evaluating the model elsewhere and passing the outputs to
  /// ``estimate(outputs:factors:)``.
  ///
  /// - Complexity: O(*N*·*d*²).
  package func design(factors d: Int) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(runs(factors: d) * d)
    var u = [Double](repeating: 0, count: d)
    for run in 0..<runs(factors: d) {
      point(run: run, into: &u)
      out += u
    }
    return out
  }

  /// Runs the model on the design (in parallel) and estimates the indices.
  ///
  /// - Parameters:
  ///   - factors: The factors' names (*d* ≥ 1).
  ///   - progress: Receives the number of runs done.
  ///   - model: The output for one point of [0, 1)^d; called from several
  ///     threads at once.
  /// - Returns: The indices.
  /// - Precondition: At least one factor, ``samples`` ≥ 2.
  package func analyze(
    factors: [String], progress: ProgressReporter = .none, model: @Sendable ([Double]) -> Double
  ) -> SobolIndices {
    precondition(!factors.isEmpty, "at least one factor")
    precondition(samples >= 2, "at least 2 samples")
    let d = factors.count
    let total = runs(factors: d)
    var y = [Double](repeating: .nan, count: total)
    let counter = ProgressCounter(total: total, reporter: progress)
    let design = self
    y.withUnsafeMutableBufferPointer { yp in
      let out = SharedBuffer(yp)
      ParallelWork.ranges(count: total, threads: threads) { _, range in
        var u = [Double](repeating: 0, count: d)
        var pending = 0
        for run in range {
          design.point(run: run, into: &u)
          out[run] = model(u)
          pending += 1
          if pending >= counter.step {
            counter.add(pending)
            pending = 0
          }
        }
        counter.add(pending)
      }
    }
    return estimate(outputs: y, factors: factors)
  }

  /// Estimates the indices from the outputs of the design's runs.
  ///
  /// - Parameters:
  ///   - outputs: ``runs(factors:)`` outputs, in design order.
  ///   - factors: The factors' names.
  ///   - output: What the output is, recorded in the result.
  /// - Returns: The indices (NaN when the output does not vary: V = 0).
  /// - Precondition: `outputs.count == runs(factors: factors.count)`.
  /// - Complexity: O(*N*·*d*) plus O(*B*·*N*·*d*) for the bootstrap.
  package func estimate(outputs y: [Double], factors: [String], output: String = "") -> SobolIndices {
    let d = factors.count
    let n = samples
    precondition(y.count == runs(factors: d), "one output per run of the design")
    let all = [Int](0..<n)
    let (v, mean, s, st) = Self.indices(y, n: n, d: d, rows: all)
    var lower = [Double?](repeating: nil, count: 2 * d)
    var upper = [Double?](repeating: nil, count: 2 * d)
    if bootstrapSamples > 0 && v > 0 {
      var reps = [[Double]](repeating: [], count: 2 * d)
      let root = SeededGenerator(seed: seed ^ 0xB007)
      var rows = [Int](repeating: 0, count: n)
      for b in 0..<bootstrapSamples {
        var g = root.stream(UInt64(b))
        for j in 0..<n { rows[j] = g.uniform(below: n) }
        let (_, _, bs, bst) = Self.indices(y, n: n, d: d, rows: rows)
        for i in 0..<d {
          reps[i].append(bs[i])
          reps[d + i].append(bst[i])
        }
      }
      let pl = (1 - confidence) / 2
      let pu = (1 + confidence) / 2
      for t in 0..<(2 * d) {
        var r = reps[t].filter { !$0.isNaN }
        r.sort()
        guard !r.isEmpty else { continue }
        lower[t] = Self.quantile(r, pl)
        upper[t] = Self.quantile(r, pu)
      }
    }
    return SobolIndices(
      factors: (0..<d).map { i in
        SobolIndices.Factor(
          name: factors[i], firstOrder: s[i], totalEffect: st[i], firstOrderLower: lower[i], firstOrderUpper: upper[i],
          totalEffectLower: lower[d + i], totalEffectUpper: upper[d + i])
      }, samples: n, runs: y.count, mean: mean, variance: v, bootstrapSamples: v > 0 ? bootstrapSamples : 0,
      confidence: confidence, seed: seed, output: output)
  }

  /// V, the mean, Sᵢ and S_Tᵢ over the given rows of the design.
  static func indices(_ y: [Double], n: Int, d: Int, rows: [Int]) -> (Double, Double, [Double], [Double]) {
    let k = Double(rows.count)
    var sum = 0.0
    for j in rows { sum += y[j] + y[n + j] }
    let mean = sum / (2 * k)
    var ss = 0.0
    for j in rows {
      let a = y[j] - mean
      let b = y[n + j] - mean
      ss += a * a + b * b
    }
    let v = ss / (2 * k - 1)
    var s = [Double](repeating: .nan, count: d)
    var st = [Double](repeating: .nan, count: d)
    guard v > 0 else { return (v, mean, s, st) }
    for i in 0..<d {
      let base = (2 + i) * n
      var first = 0.0
      var total = 0.0
      for j in rows {
        let fa = y[j]
        let fb = y[n + j]
        let fab = y[base + j]
        first += fb * (fab - fa)
        total += (fa - fab) * (fa - fab)
      }
      s[i] = first / k / v
      st[i] = total / (2 * k) / v
    }
    return (v, mean, s, st)
  }

  /// Type-7 quantile of sorted values.
  static func quantile(_ x: [Double], _ p: Double) -> Double {
    let h = Double(x.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, x.count - 1)
    return RankSummary.type7(x[lo], x[hi], h - Double(lo))
  }
}

/// First-order and total-effect Sobol indices with bootstrap intervals;
/// see ``SobolSensitivity``.
///
/// ```swift
/// s.factors[0].firstOrder        // Sᵢ: the share of V(Y) due to factor i alone
/// s.factors[0].totalEffect       // S_Tᵢ: the share involving factor i, interactions included
/// s.factors[0].totalEffect - s.factors[0].firstOrder   // its interactions
/// ```
public struct SobolIndices: Sendable, Hashable, Codable {
  /// One factor's indices.
  public struct Factor: Sendable, Hashable, Codable {
    /// The factor's name.
    public package(set) var name: String
    /// Sᵢ, the first-order (main-effect) index (Saltelli 2010's estimator).
    public package(set) var firstOrder: Double
    /// S_Tᵢ, the total-effect index (Jansen's estimator).
    public package(set) var totalEffect: Double
    /// The bootstrap interval of Sᵢ, or `nil` without a bootstrap.
    package var firstOrderLower: Double?
    /// The upper end of Sᵢ's interval.
    package var firstOrderUpper: Double?
    /// The bootstrap interval of S_Tᵢ.
    public package(set) var totalEffectLower: Double?
    /// The upper end of S_Tᵢ's interval.
    public package(set) var totalEffectUpper: Double?
  }

  /// The factors, in design order.
  public package(set) var factors: [Factor]
  /// *N*.
  package var samples: Int
  /// *N*·(*d* + 2).
  package var runs: Int
  /// The mean output over **A** and **B**.
  package var mean: Double
  /// V(Y) over **A** and **B** (sample variance).
  public package(set) var variance: Double
  /// Bootstrap samples behind the intervals (0 = none).
  package var bootstrapSamples: Int
  /// The intervals' confidence.
  package var confidence: Double
  /// The seed.
  package var seed: UInt64
  /// What the output is (e.g. "mean absolute rank shift").
  package var output: String
}
