import KraftsamlingCore

/// What an uncertainty analysis found: each area's nominal rank, the
/// spread of its ranks over the replications and how often it was
/// selected; each uncertain choice's effect on the ranks.
///
/// **Definitions.** Over the *R* replications in which an area has a score
/// (normally all of them), with its ranks sorted x₁ ≤ … ≤ x_c:
///
/// - ``Area/medianRank``, ``Area/p05Rank``, ``Area/p95Rank`` are quantiles of
///   Hyndman & Fan's **type 7** (R's `quantile` default, as COINr's
///   `RankStats`): h = 1 + (c − 1)·p, Q(p) = (1 − (h − ⌊h⌋))·x_⌊h⌋ +
///   (h − ⌊h⌋)·x_⌈h⌉ — so they can be fractional (the median of 4 and 5 is 4.5);
/// - ``Area/selectionProbability`` = (replications in which the area is
///   selected) / *R* — a replication in which it has no score counts as not selected;
/// - ``replicationShifts``[r] = the mean over areas ranked both nominally
///   and in replication *r* of |rank − nominal rank| (the OECD/JRC
///   Handbook's R̄_S, COINr's "mean absolute rank change").
///
/// ```swift
/// let result = try RobustnessAnalysis(replications: 1_000, selection: .top(12)).run(definition, on: table)
/// result.areas[0].nominalRank            // 1
/// result.areas[0].selectionProbability   // e.g. 1.0
/// result.stable(probability: 0.9).count  // selected nominally and in ≥ 90 % of replications
/// ```
public struct RobustnessResult: Sendable, Hashable, Codable {
  /// One area's rank statistics.
  public struct Area: Sendable, Hashable, Codable, Identifiable {
    /// The area code.
    public package(set) var code: String
    /// The area name, if the table has one.
    package var name: String?
    /// The rank with the definition's own choices (1 = most vulnerable).
    public package(set) var nominalRank: Int
    /// The score with the definition's own choices.
    package var nominalScore: Double
    /// The median rank over the replications (type 7).
    public package(set) var medianRank: Double
    /// The mean rank over the replications.
    package var meanRank: Double
    /// The 5th percentile of the ranks (type 7): the better end of the 90 % interval.
    public package(set) var p05Rank: Double
    /// The 95th percentile of the ranks (type 7): the worse end of the 90 % interval.
    public package(set) var p95Rank: Double
    /// The best (lowest) rank in any replication.
    package var bestRank: Int
    /// The worst (highest) rank in any replication.
    package var worstRank: Int
    /// The share of replications in which the area is selected.
    public package(set) var selectionProbability: Double
    /// The replications in which the area had a score.
    package var scoredReplications: Int
    /// Whether the area is selected with the definition's own choices.
    public package(set) var isNominallySelected: Bool

    /// The code.
    public var id: String { code }
    /// The name, or the code when there is none.
    public var displayName: String { name ?? code }
  }

  /// The effect of one uncertain choice on the ranks.
  public struct FactorEffect: Sendable, Hashable, Codable {
    /// One option of a discrete choice (a normalisation, an aggregation, a
    /// dropped indicator or none).
    public struct Option: Sendable, Hashable, Codable {
      /// The option, e.g. `minmax`, `geometric` or an indicator id (`none` for no indicator dropped).
      public package(set) var label: String
      /// The mean absolute rank shift from nominal with only this option
      /// changed (every other choice nominal); `nil` when that combination
      /// is invalid (e.g. a geometric mean over the nominal z-scores).
      public package(set) var aloneShift: Double?
      /// The replications that drew this option.
      public package(set) var replications: Int
      /// The mean of those replications' mean absolute rank shifts (all
      /// choices varying); `nil` when none drew it.
      package var meanShift: Double?
    }

    /// The choice.
    public package(set) var factor: UncertainFactor
    /// The mean absolute rank shift when this choice alone varies, as
    /// drawn: the mean of the options' ``Option/aloneShift`` (each option
    /// being equally likely), or for weights and noise the mean over the
    /// first ``aloneDraws`` draws.
    public package(set) var aloneShift: Double?
    /// The draws behind ``aloneShift`` (the number of valid options for a discrete choice).
    package var aloneDraws: Int
    /// The options of a discrete choice (empty for weights and noise).
    public package(set) var options: [Option]
  }

  /// The ranked areas, in order of nominal rank (ties in table order).
  public package(set) var areas: [Area]
  /// The codes of the areas the index does not rank (excluded by its
  /// missing-data or small-number policies), in table order.
  package var notRanked: [String]
  /// The number of replications *R*.
  package var replications: Int
  /// The seed.
  package var seed: UInt64
  /// Which areas count as selected.
  package var selection: RobustnessAnalysis.Selection
  /// The uncertain choices, in order.
  package var factors: [UncertainFactor]
  /// The uncertain choices described (``UncertaintySpace/description``).
  package var space: String
  /// The definition analysed (``IndexDefinition/label``).
  package var definition: String
  /// The mean absolute rank shift from nominal of each replication.
  package var replicationShifts: [Double]
  /// The effect of each choice, in ``factors`` order.
  public package(set) var factorEffects: [FactorEffect]

  /// The mean of ``replicationShifts`` (summed in replication order).
  public var meanAbsoluteRankShift: Double {
    var s = 0.0
    var c = 0
    for x in replicationShifts where !x.isNaN {
      s += x
      c += 1
    }
    return c > 0 ? s / Double(c) : .nan
  }

  /// The number of areas selected with the definition's own choices.
  package var nominallySelectedCount: Int { areas.filter(\.isNominallySelected).count }

  /// The nominally selected areas that are also selected in at least
  /// `probability` of the replications: the stable part of the selection.
  ///
  /// - Parameter probability: The share of replications (default 0.9).
  /// - Returns: The areas, in nominal rank order.
  /// - Complexity: O(*n*).
  public func stable(probability: Double = 0.9) -> [Area] {
    areas.filter { $0.isNominallySelected && $0.selectionProbability >= probability }
  }

  /// The area with a code, or `nil`.
  ///
  /// - Complexity: O(*n*).
  package func area(code: String) -> Area? { areas.first { $0.code == code } }

  /// Creates a result from given ranks, for analyses run elsewhere and for
  /// checking the statistics by hand: every statistic is computed exactly
  /// as the Monte Carlo engine computes it.
  ///
  /// ```swift
  /// // Three areas, four replications; K = 1.
  /// let r = RobustnessResult(
  ///   codes: ["A", "B", "C"], nominalRanks: [1, 2, 3],
  ///   replicationRanks: [[1, 2, 3], [2, 1, 3], [1, 3, 2], [1, 2, 3]], top: 1)
  /// r.areas[0].medianRank              // ranks 1, 1, 1, 2 → 1
  /// r.areas[0].selectionProbability    // 3/4 = 0.75
  /// ```
  ///
  /// - Parameters:
  ///   - codes: The area codes.
  ///   - names: The names (default none).
  ///   - nominalRanks: Each area's nominal rank (≥ 1).
  ///   - replicationRanks: One array of ranks per replication (0 = no score).
  ///   - top: *K*: an area is selected in a replication when its rank is 1…K.
  ///   - seed: Recorded as is.
  /// - Precondition: Every rank array has one entry per area; at least one replication.
  /// - Complexity: O(*R*·*n*).
  public init(
    codes: [String], names: [String?]? = nil, nominalRanks: [Int], replicationRanks: [[Int]], top: Int,
    seed: UInt64 = 0
  ) {
    let n = codes.count
    precondition(nominalRanks.count == n, "one nominal rank per area")
    precondition(!replicationRanks.isEmpty, "at least one replication")
    var flat: [UInt32] = []
    flat.reserveCapacity(replicationRanks.count * n)
    var selected = [Int](repeating: 0, count: n)
    var shifts: [Double] = []
    for ranks in replicationRanks {
      precondition(ranks.count == n, "one rank per area in every replication")
      var sum = 0
      var count = 0
      for k in 0..<n {
        flat.append(UInt32(ranks[k]))
        if ranks[k] >= 1 && ranks[k] <= top { selected[k] += 1 }
        if ranks[k] > 0 && nominalRanks[k] > 0 {
          sum += abs(ranks[k] - nominalRanks[k])
          count += 1
        }
      }
      shifts.append(count > 0 ? Double(sum) / Double(count) : .nan)
    }
    let summaries = flat.withUnsafeBufferPointer {
      RankSummary.summarize(
        ranks: $0, replications: replicationRanks.count, areas: n, largestRank: Int(flat.max() ?? 0), selected: selected,
        threads: 1)
    }
    self.init(
      codes: codes, names: names ?? [String?](repeating: nil, count: n), nominalRanks: nominalRanks.map { Int32($0) },
      nominalScores: [Double](repeating: .nan, count: n), summaries: summaries, replications: replicationRanks.count,
      seed: seed, selection: .top(top), factors: [], space: "given ranks", definition: "", shifts: shifts, effects: [],
      notRanked: [])
  }

  /// Assembles a result (areas sorted by nominal rank, then position).
  init(
    codes: [String], names: [String?], nominalRanks: [Int32], nominalScores: [Double], summaries: [RankSummary],
    replications: Int, seed: UInt64, selection: RobustnessAnalysis.Selection, factors: [UncertainFactor],
    space: String, definition: String, shifts: [Double], effects: [FactorEffect], notRanked: [String]
  ) {
    let order = codes.indices.sorted { a, b in
      let ra = nominalRanks[a] > 0 ? Int(nominalRanks[a]) : Int.max
      let rb = nominalRanks[b] > 0 ? Int(nominalRanks[b]) : Int.max
      return ra < rb || (ra == rb && a < b)
    }
    let r = Double(replications)
    areas = order.map { k in
      let s = summaries[k]
      let nominal = Int(nominalRanks[k])
      let selected: Bool
      switch selection {
      case .top(let top): selected = nominal >= 1 && nominal <= top
      case .scoreAtLeast(let v): selected = !nominalScores[k].isNaN && nominalScores[k] >= v
      }
      return Area(
        code: codes[k], name: names[k], nominalRank: nominal, nominalScore: nominalScores[k], medianRank: s.median,
        meanRank: s.count > 0 ? Double(s.sum) / Double(s.count) : .nan, p05Rank: s.p05, p95Rank: s.p95,
        bestRank: s.best, worstRank: s.worst, selectionProbability: Double(s.selected) / r,
        scoredReplications: s.count, isNominallySelected: selected)
    }
    self.notRanked = notRanked
    self.replications = replications
    self.seed = seed
    self.selection = selection
    self.factors = factors
    self.space = space
    self.definition = definition
    self.replicationShifts = shifts
    self.factorEffects = effects
  }
}
