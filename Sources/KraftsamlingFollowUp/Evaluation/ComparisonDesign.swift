import KraftsamlingCore
import KraftsamlingGeography

/// Whom to compare with, chosen before the programme starts: comparison
/// areas matched to the treated areas on their pre-period outcome level and
/// trend (and chosen covariates), with a balance table, after excluding a
/// spillover buffer around the treated areas.
///
/// The features are each area's mean outcome over the pre-period, its
/// least-squares slope per year over the pre-period, and the covariates.
/// The distance is Mahalanobis, √((x − y)ᵀ S⁻¹ (x − y)), S the sample
/// covariance of the features over the treated areas and the eligible
/// candidates (a pseudo-inverse when S is singular). Matching is greedy
/// nearest-neighbour without replacement: the closest remaining
/// (treated, candidate) pair is matched first, until every treated area has
/// a match or none is left within the caliper. The buffer removes candidates
/// adjacent to a treated area in a `NeighbourGraph` (first order, or also
/// their neighbours with `bufferOrder: 2`), since insatser reach
/// neighbouring areas. See `Documentation/Evaluation.md`.
///
/// ```swift
/// let design = try ComparisonDesign(
///   panel: panel, treated: selected, candidates: others, preYears: 2019...2023, neighbours: graph)
/// design.matches            // (treated, comparison, distance)
/// design.balance            // standardised mean differences before and after
/// design.excludedByBuffer   // candidates next to a treated area
/// ```
///
/// - Complexity: O(*a*·*y* + *T*·*C*·*k*² + *T*·*C*·log(*T*·*C*)), *T*
///   treated, *C* candidates, *k* features.
public struct ComparisonDesign: Sendable, Hashable, Codable {
  /// The treated areas.
  package let treated: [String]
  /// The matched pairs, closest first.
  public let matches: [Match]
  /// Treated areas left without a match (no candidate within the caliper, or too few candidates).
  public let unmatched: [String]
  /// Candidates excluded because they are within the spillover buffer.
  public let excludedByBuffer: [String]
  /// The caliper on the Mahalanobis distance, if any.
  package let caliper: Double?
  /// The balance of every feature before matching (all eligible candidates) and after (the matched ones).
  public let balance: [Balance]

  /// A treated area and its comparison area.
  public struct Match: Sendable, Hashable, Codable {
    /// The treated area.
    public let treated: String
    /// The comparison area.
    public let comparison: String
    /// Their Mahalanobis distance.
    public let distance: Double
  }

  /// The standardised mean difference of one feature:
  /// (mean_T − mean_C) / √((s_T² + s_C²)/2), sample variances.
  public struct Balance: Sendable, Hashable, Codable {
    /// The feature: `nivå`, `trend` or a covariate's name.
    public let feature: String
    /// Against every eligible candidate.
    public let before: Double
    /// Against the matched comparison areas.
    public let after: Double
  }

  /// The matched comparison areas.
  package var comparison: [String] { matches.map(\.comparison) }

  /// Matches comparison areas to the treated areas.
  ///
  /// - Parameters:
  ///   - panel: The outcome panel.
  ///   - treated: The treated areas.
  ///   - candidates: The possible comparison areas (not treated).
  ///   - preYears: The pre-period (at least two years, for a trend).
  ///   - covariates: Further features (their `importance` is not used: Mahalanobis scales them).
  ///   - caliper: The largest distance accepted, or `nil` for none.
  ///   - neighbours: The contiguity graph for the spillover buffer, or `nil` for no buffer.
  ///   - bufferOrder: 1 excludes neighbours of treated areas, 2 also their neighbours.
  /// - Throws: `followup.bad-evaluation` for bad groups, a missing value, a
  ///   one-year pre-period, a buffer order other than 1 or 2, or no candidate outside the buffer.
  public init(
    panel: IndicatorPanel, treated: [String], candidates: [String], preYears: ClosedRange<Int>,
    covariates: [EvaluationCovariate] = [], caliper: Double? = nil, neighbours: NeighbourGraph? = nil,
    bufferOrder: Int = 1
  ) throws(FollowUpError) {
    guard preYears.count >= 2, bufferOrder == 1 || bufferOrder == 2 else {
      throw FollowUpError(
        .badEvaluation, "a trend needs two pre-period years, and the buffer order must be 1 or 2", context: "preYears")
    }
    let buffer = neighbours.map { SpilloverBuffer.codes(around: treated, in: $0, order: bufferOrder) } ?? []
    let eligible = candidates.filter { !buffer.contains($0) }
    let groups = try EvaluationGroups(treated: treated, comparison: eligible)
    let outcomes = try OutcomeMatrix(panel: panel, codes: groups.codes, years: preYears, weightYears: preYears)
    let values = try covariates.map { c throws(FollowUpError) in try groups.values(of: c) }
    let features = Matching.features(outcomes: outcomes, covariates: values)
    let names = ["nivå", "trend"] + covariates.map(\.name)
    let pairs = Matching.greedy(
      features: features, treated: groups.treatedRows, candidates: groups.comparisonRows, caliper: caliper)
    self.treated = treated
    matches = pairs.map { Match(treated: groups.codes[$0.0], comparison: groups.codes[$0.1], distance: $0.2) }
    let matchedTreated = Set(pairs.map(\.0))
    unmatched = groups.treatedRows.filter { !matchedTreated.contains($0) }.map { groups.codes[$0] }
    excludedByBuffer = candidates.filter { buffer.contains($0) }
    self.caliper = caliper
    balance = names.indices.map { k in
      let column = features.map { $0[k] }
      return Balance(
        feature: names[k], before: Matching.smd(column, groups.treatedRows, groups.comparisonRows),
        after: Matching.smd(column, groups.treatedRows, pairs.map(\.1)))
    }
  }
}
