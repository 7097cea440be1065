import KraftsamlingCore
import KraftsamlingIndex

/// Money under uncertainty: how much each insats and each förvaltning would
/// get if the index behind the need had been built with other reasonable
/// choices.
///
/// Every replication of ``analysis`` (weights, normalisation, aggregation,
/// an indicator left out, noise — its ``UncertaintySpace``) scores the
/// areas, turns the scores into the need of each insats exactly as
/// ``IndexNeedSource`` does (rescaled 0–100, population-weighted over the
/// insats's areas) and divides the budget with the model under the same
/// constraints (minimum per insats, floors, caps, unit, ties). Each
/// replication is a complete exact allocation: its amounts, plus what it
/// leaves undistributed, add up to the budget to the krona, which is
/// checked for every replication.
///
/// The result gives each insats and förvaltning the nominal amount (the
/// input's own allocation, as `model.allocate(input)`), the 5th, 50th and
/// 95th percentile (type 7, numpy's default linear interpolation), the
/// range, the probability of getting anything, and the first-order Sobol
/// index of each uncertain choice on the amount — which choice moves the
/// money most.
///
/// ```swift
/// let need = IndexNeedSource(result: try definition.run(on: table), table: table)
/// let (input, _) = try AllocationInput.from(insatser: insatser, verdicts: nil, need: need, budget: budget)
/// let robustness = AllocationRobustness(analysis: RobustnessAnalysis(replications: 10_000, seed: 7))
/// let r = try robustness.run(
///   NeedWeightedModel(), input: input, areas: Dictionary(uniqueKeysWithValues: insatser.map { ($0.id, $0.areas) }),
///   definition: definition, table: table)
/// for row in r.insatser { print(row.id, row.nominal, row.p05, row.p95, row.fundedProbability, row.mainFactor as Any) }
/// ```
///
/// **Reproducible and parallel.** Replication *r* takes the choices of
/// replication *r* of ``RobustnessAnalysis`` with the same seed; runs are
/// split over the analysis's threads, each writes only its own slots, and
/// everything is summarised afterwards in run order: the same seed gives
/// identical results with any number of threads.
///
/// - Complexity: (*R* + *N*·(*d* + 1)) scorings and allocations for *R*
///   replications and a Sobol design of *N* rows over *d* choices, divided
///   over the threads; O((*R* + *N*·*d*)·(*I* + *F*)) memory for *I*
///   insatser and *F* förvaltningar.
/// - SeeAlso: `Documentation/Robustness.md` (Money under uncertainty).
public struct AllocationRobustness: Sendable {
  /// The replications: the uncertainty space, their number *R*, the seed
  /// and the threads (its selection is not used).
  package var analysis: RobustnessAnalysis
  /// *N*, the rows of the Sobol design (0 = no sensitivity indices; else
  /// 2 … *R*). Its first block is the first *N* replications.
  package var sensitivitySamples: Int
  /// The target population column the need is weighted by.
  package var populationColumn: String
  /// The largest amount buffer allowed, in bytes (default 2 GiB).
  package var memoryLimit: Int

  /// Creates an analysis of an allocation.
  ///
  /// - Parameters:
  ///   - analysis: The replications (space, *R*, seed, threads).
  ///   - sensitivitySamples: *N* of the Sobol design (default 1,000; at
  ///     most *R* is used; 0 = none).
  public init(analysis: RobustnessAnalysis, sensitivitySamples: Int = 1_000) {
    self.analysis = analysis
    self.sensitivitySamples = sensitivitySamples
    self.populationColumn = "barn_0_18"
    self.memoryLimit = 2 << 30
  }

  /// Allocates the budget under every replication and summarises the amounts.
  ///
  /// - Parameters:
  ///   - model: The fördelningsmodell.
  ///   - input: The nominal input (need from ``IndexNeedSource`` of
  ///     `definition`); only its need changes between replications.
  ///   - areas: The area codes of each insats, by insats id; an insats not
  ///     listed keeps the need it has in `input`.
  ///   - definition: The index definition (its choices are the nominal ones).
  ///   - table: The statistics (indicators and the population column).
  ///   - hierarchy: Needed when a policy of the definition works within GeSO.
  /// - Returns: The distribution of the amount of every insats and förvaltning.
  /// - Throws: ``AllocationError``: the input's own errors; `.invariantViolated`
  ///   when a replication does not add up to the budget; `.overflow`; code
  ///   `allocation.uncertainty` for bad settings of the analysis or an index
  ///   that does not fit the table.
  /// - Complexity: See ``AllocationRobustness``.
  public func run(
    _ model: any Fördelningsmodell, input: AllocationInput, areas: [String: [String]], definition: IndexDefinition,
    table: AreaTable, hierarchy: AreaHierarchy? = nil
  ) throws(AllocationError) -> AllocationRobustnessResult {
    try run(model, input: input, areas: areas, definition: definition, table: table, hierarchy: hierarchy, progress: .none)
  }

  /// The same, reporting the number of runs done to `progress`.
  ///
  /// - Throws: ``AllocationError``.
  package func run(
    _ model: any Fördelningsmodell, input: AllocationInput, areas: [String: [String]], definition: IndexDefinition,
    table: AreaTable, hierarchy: AreaHierarchy?, progress: ProgressReporter
  ) throws(AllocationError) -> AllocationRobustnessResult {
    let scores: ReplicationScores
    do {
      scores = try ReplicationScores(analysis, definition: definition, table: table, hierarchy: hierarchy)
    } catch {
      throw AllocationError(.uncertainty, error.message, hint: error.hint, context: "robustness")
    }
    let allocator = try needAllocator(model, input)
    let need = ReplicatedNeed(
      areaCodes: allocator.insatsIDs.map { areas[$0] ?? [] }, codes: scores.codes, table: table,
      populationColumn: populationColumn)
    let follows = allocator.insatsIDs.map { areas[$0] != nil }
    let plan = try RunPlan(self, factors: scores.factors.count, columns: allocator.insatsIDs.count + allocator.förvaltningIDs.count + 1)
    let amounts = try plan.execute(scores: scores, need: need, follows: follows, allocator: allocator, progress: progress)
    let nominal = try model.allocate(input)
    return summarize(amounts, plan: plan, allocator: allocator, nominal: nominal, factors: scores.factors, definition: definition)
  }
}

extension StageError.Code where Domain == AllocationDomain {
  /// The uncertainty analysis behind an allocation's robustness cannot run
  /// (a bad setting, choices that cannot be combined, an index that does
  /// not fit the table); the analysis's message is passed on.
  package static let uncertainty = Self(rawValue: "allocation.uncertainty")
}
