import KraftsamlingCore

extension PowerAnalysis {
  /// Computes the MDE of a difference-in-differences between `treated` and
  /// `comparison` over `horizon` years after `baselineYear`.
  ///
  /// - Parameters:
  ///   - panel: The outcome panel; its years up to `baselineYear` are the history.
  ///   - treated: The treated (selected) areas.
  ///   - comparison: The comparison areas.
  ///   - baselineYear: The last year of data; populations are its denominators.
  ///   - horizon: The years from baseline to follow-up; the history needs a window this long.
  ///   - alpha: The two-sided significance level.
  ///   - power: The power asked for.
  ///   - curveUpTo: The largest number of treated areas on the curve (default: twice the treated count).
  ///   - replications: Simulated replications (0: analytic only).
  ///   - seed: The simulation's seed.
  ///   - threads: Threads for the simulation; the result does not depend on it.
  /// - Throws: `followup.bad-evaluation` for bad groups or levels, a
  ///   missing value, or a history shorter than the horizon.
  public init(
    panel: IndicatorPanel, treated: [String], comparison: [String], baselineYear: Int, horizon: Int,
    alpha: Double = 0.05, power: Double = 0.8, curveUpTo: Int? = nil, replications: Int = 2000, seed: UInt64 = 2030,
    threads: Int = ParallelWork.availableProcessors
  ) throws(FollowUpError) {
    let groups = try EvaluationGroups(treated: treated, comparison: comparison)
    guard groups.codes.count > 2 else {
      throw FollowUpError(.badEvaluation, "at least three areas are needed", context: "comparison")
    }
    guard panel.years.contains(baselineYear) else {
      throw FollowUpError(.badEvaluation, "the baseline year \(baselineYear) is not in the panel", context: "baselineYear")
    }
    let outcomes = try OutcomeMatrix(
      panel: panel, codes: groups.codes, years: panel.years.lowerBound...baselineYear,
      weightYears: baselineYear...baselineYear)
    try self.init(
      outcomes: outcomes, treatedRows: groups.treatedRows, comparisonRows: groups.comparisonRows, horizon: horizon,
      alpha: alpha, power: power, curveUpTo: curveUpTo, replications: replications, seed: seed, threads: threads)
  }

  /// Computes on an outcome matrix whose last year is the baseline.
  package init(
    outcomes: OutcomeMatrix, treatedRows: [Int], comparisonRows: [Int], horizon: Int, alpha: Double = 0.05,
    power: Double = 0.8, curveUpTo: Int? = nil, replications: Int = 2000, seed: UInt64 = 2030,
    threads: Int = ParallelWork.availableProcessors
  ) throws(FollowUpError) {
    guard alpha > 0, alpha < 1, power > 0, power < 1, replications >= 0 else {
      throw FollowUpError(.badEvaluation, "alpha and power must lie in (0, 1)", context: "alpha")
    }
    let last = outcomes.years.last!
    guard let history = ChangeResiduals(outcomes: outcomes, horizon: horizon, lastYear: last) else {
      throw FollowUpError(
        .badEvaluation, "the panel \(outcomes.years.first!)–\(last) has no \(horizon)-year window",
        hint: "use a shorter horizon or a longer panel", context: "horizon")
    }
    let z = Quantiles.normal(1 - alpha / 2) + Quantiles.normal(power)
    let variances = history.variances
    let p = outcomes.populations
    func share(_ rows: [Int]) -> Double {
      let total = rows.reduce(0) { $0 + p[$1] }
      return rows.reduce(0) { $0 + (p[$1] / total) * (p[$1] / total) * variances[$1] }
    }
    let comparisonPart = share(comparisonRows)
    let se = (share(treatedRows) + comparisonPart).squareRoot()
    let meanTreated = treatedRows.reduce(0) { $0 + variances[$1] } / Double(treatedRows.count)
    let upTo = max(1, curveUpTo ?? 2 * treatedRows.count)
    treated = treatedRows.map { outcomes.codes[$0] }
    comparison = comparisonRows.map { outcomes.codes[$0] }
    baselineYear = last
    self.horizon = horizon
    self.alpha = alpha
    self.power = power
    windowStarts = history.starts
    standardError = se
    minimumDetectableEffect = z * se
    curve = (1...upTo).map { k in
      CurvePoint(treatedCount: k, minimumDetectableEffect: z * (meanTreated / Double(k) + comparisonPart).squareRoot())
    }
    self.replications = replications
    self.seed = seed
    let simulation = PowerSimulation(
      history: history, treated: treatedRows, comparison: comparisonRows, populations: p,
      replications: replications, seed: seed, threads: threads)
    simulatedPowerAtMDE = simulation.map { $0.power(effect: z * se, alpha: alpha) } ?? .nan
    simulatedMinimumDetectableEffect =
      simulation.map { $0.minimumDetectableEffect(power: power, alpha: alpha, guess: z * se) } ?? .nan
    simulatedFalsePositiveRate = simulation.map { $0.power(effect: 0, alpha: alpha) } ?? .nan
  }
}
