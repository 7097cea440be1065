import KraftsamlingCore

/// A Monte Carlo uncertainty analysis of an index-based selection: how
/// much do the areas' ranks, and the choice of the top *K*, depend on
/// choices that could reasonably have been made otherwise?
///
/// Each of ``replications`` replications draws the uncertain choices of
/// ``space`` (weights, normalisation, aggregation, a dropped indicator,
/// noise on the data), scores every area with them and ranks the areas.
/// The result gives each area its **nominal rank** (the definition's own
/// choices), the **median**, **5th** and **95th percentile** of its ranks
/// over the replications, and the **probability of being selected** (the
/// share of replications in which it is in the top *K*, or scores at least
/// a threshold); and each choice the mean absolute rank shift it causes.
///
/// ```swift
/// let analysis = RobustnessAnalysis(space: .standard, replications: 1_000, seed: 7, selection: .top(12))
/// let result = try analysis.run(IndexDefinition.stadskontoret2025, on: table, hierarchy: hierarchy)
/// for a in result.areas.prefix(12) {
///   print(a.nominalRank, a.displayName, a.p05Rank, a.p95Rank, a.selectionProbability)
/// }
/// result.stable(probability: 0.9).count   // how many of the top 12 are selected in ≥ 90 % of replications
/// ```
///
/// **Reproducible and parallel.** Replication *r* draws everything from
/// `SeededGenerator(seed: seed).stream(r)`, the replications are split
/// over ``threads`` threads, every replication writes only its own slots and
/// totals are formed afterwards in replication order: the same seed gives
/// bit-identical results with any number of threads.
///
/// **Fast.** The index is prepared and normalised once per normalisation;
/// a replication re-scores from the cached matrix (no allocation per area)
/// and ranks with an expected O(*n*) bucket sort. Ranks are kept in one
/// replication-major buffer of 16-bit integers (32-bit beyond 65,535
/// areas): *R*·*n*·2 bytes, 123 MB for 6,160 areas × 10,000 replications,
/// checked against ``memoryLimit``.
///
/// - Complexity: O(*R*·*n*·*m*) to score and O(*R*·*n*) expected to rank
///   *n* areas with *m* indicators over *R* replications, divided over the
///   threads; O(*R*·*n*) memory.
/// - SeeAlso: OECD/JRC (2008), *Handbook on Constructing Composite
///   Indicators*, §1.7 and step 7; COINr `get_sensitivity` (`SA_type =
///   "UA"`) and its `RankStats`; `Documentation/Robustness.md`.
public struct RobustnessAnalysis: Sendable {
  /// Which areas count as selected in a replication.
  public enum Selection: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Rank ≤ K (ties at the cut-off included, as ``IndexComparison``).
    case top(Int)
    /// Score ≥ the value (meaningful when every drawn normalisation and
    /// aggregation shares a scale, e.g. a threshold count).
    case scoreAtLeast(Double)

    /// `top 12` or `score ≥ 2.0`.
    public var description: String {
      switch self {
      case .top(let k): "top \(k)"
      case .scoreAtLeast(let v): "score ≥ \(v)"
      }
    }
  }

  /// The uncertain choices.
  package var space: UncertaintySpace
  /// The number of replications *R* (≥ 1).
  package var replications: Int
  /// The seed; replication *r* uses `SeededGenerator(seed:).stream(r)`.
  package var seed: UInt64
  /// Which areas count as selected.
  package var selection: Selection
  /// Threads to use (≥ 1); the result does not depend on it.
  package var threads: Int
  /// The largest rank buffer allowed, in bytes (default 2 GiB).
  package var memoryLimit: Int
  /// How many draws estimate the effect of weights (or noise) varied alone
  /// (the first draws of the replications; default 100).
  package var aloneDraws: Int

  /// The default seed.
  @usableFromInline package static let defaultSeed: UInt64 = 2025

  /// Creates an analysis.
  ///
  /// - Parameters:
  ///   - space: The uncertain choices (default ``UncertaintySpace/standard``).
  ///   - replications: *R* (default 1,000).
  ///   - seed: The seed (default 2025).
  ///   - selection: Which areas count as selected (default the top 12).
  ///   - threads: Threads to use (default: the processors available).
  public init(
    space: UncertaintySpace = .standard, replications: Int = 1_000, seed: UInt64 = RobustnessAnalysis.defaultSeed,
    selection: Selection = .top(12), threads: Int = ParallelWork.availableProcessors
  ) {
    self.space = space
    self.replications = replications
    self.seed = seed
    self.selection = selection
    self.threads = threads
    self.memoryLimit = 2 << 30
    self.aloneDraws = 100
  }

  /// Runs the analysis on a definition and a table.
  ///
  /// - Parameters:
  ///   - definition: The index definition (its choices are the nominal ones).
  ///   - table: The data.
  ///   - hierarchy: Needed when a policy of the definition works within GeSO.
  /// - Returns: Per-area rank statistics and per-factor effects.
  /// - Throws: ``RobustnessError``: a bad setting, incompatible choices, a
  ///   rank buffer above ``memoryLimit``, or the index error when the
  ///   definition does not fit the table (`robustness.index`).
  /// - Complexity: See ``RobustnessAnalysis``.
  public func run(
    _ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy? = nil
  ) throws(RobustnessError) -> RobustnessResult {
    try run(definition, on: table, hierarchy: hierarchy, progress: .none)
  }

  /// The same, reporting the number of replications done to `progress`.
  ///
  /// - Throws: ``RobustnessError``.
  package func run(
    _ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy?, progress: ProgressReporter
  ) throws(RobustnessError) -> RobustnessResult {
    let prepared: PreparedIndex
    do { prepared = try definition.prepare(table, hierarchy: hierarchy) } catch { throw RobustnessError(error) }
    let engine = try RobustnessEngine(prepared: prepared, table: table, hierarchy: hierarchy, space: space)
    return try monteCarlo(engine, progress: progress)
  }

  /// Runs the analysis on a prepared index (no binomial noise: that needs
  /// the table).
  ///
  /// - Parameters:
  ///   - prepared: The prepared index.
  ///   - progress: Receives the number of replications done.
  /// - Returns: Per-area rank statistics and per-factor effects.
  /// - Throws: ``RobustnessError``.
  /// - Complexity: See ``RobustnessAnalysis``.
  package func run(_ prepared: PreparedIndex, progress: ProgressReporter = .none) throws(RobustnessError) -> RobustnessResult {
    let engine = try RobustnessEngine(prepared: prepared, table: nil, hierarchy: nil, space: space)
    return try monteCarlo(engine, progress: progress)
  }

  /// Checks the settings.
  func validate() throws(RobustnessError) {
    guard replications >= 1 else {
      throw RobustnessError(
        .invalidSetting, "the number of replications is \(replications)", hint: "give at least 1, e.g. 1000")
    }
    guard threads >= 1 else {
      throw RobustnessError(.invalidSetting, "the number of threads is \(threads)", hint: "give 1 or more")
    }
    if case .top(let k) = selection, k < 1 {
      throw RobustnessError(.invalidSetting, "the selection size K is \(k)", hint: "give K ≥ 1, e.g. 12")
    }
    if case .scoreAtLeast(let v) = selection, !v.isFinite {
      throw RobustnessError(.invalidSetting, "the selection threshold is \(v)", hint: "give a finite score")
    }
    guard aloneDraws >= 0 else {
      throw RobustnessError(.invalidSetting, "aloneDraws is \(aloneDraws)", hint: "give 0 or more, e.g. 100")
    }
  }
}
