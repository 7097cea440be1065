import KraftsamlingCore

/// A synthetic control: the weighted mix of donor areas whose outcome
/// followed the treated area (or the pooled selection) most closely before
/// the programme, and the gap between the two in every year.
///
/// The weights are non-negative and sum to 1; they minimise the
/// pre-period fit ‖X₁ − X₀·w‖²_V, where the predictors are the outcome in
/// each pre-period year (and optional covariates), each standardised by its
/// sample standard deviation over the treated unit and the donors, and V is
/// diagonal (1 per year, a covariate's `importance`). The quadratic
/// programme is solved exactly by an active-set method: no random restarts,
/// the same weights on every run. See `Documentation/Evaluation.md`.
///
/// ```swift
/// let sc = try SyntheticControl(panel: panel, treated: ["25611"], donors: candidates, preYears: 2015...2023)
/// sc.weights          // one per donor, ≥ 0, summing to 1
/// sc.preRMSPE         // how well the mix followed the area before
/// sc.gaps.last        // treated and synthetic in the last year
/// ```
///
/// - Complexity: O(*k*·*J*²) per active-set step, *k* predictors, *J* donors.
public struct SyntheticControl: Sendable, Hashable, Codable {
  /// The treated areas; several are pooled into one unit, their rates
  /// weighted by population.
  package let treated: [String]
  /// The donor areas, in the order given.
  package let donors: [String]
  /// The donor weights, one per donor, each ≥ 0, summing to 1.
  public let weights: [Double]
  /// The pre-period the weights were fitted on.
  package let preYears: ClosedRange<Int>
  /// The diagonal of V as used: 1 per pre-period year, then each covariate's importance.
  package let predictorImportance: [Double]
  /// The root mean squared gap over the pre-period years (in the outcome's unit).
  public let preRMSPE: Double
  /// The treated and synthetic outcome and their gap in every year of the panel range given.
  public let gaps: [Gap]

  /// The treated and synthetic outcome in one year.
  public struct Gap: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// The treated unit's rate.
    public let treated: Double
    /// The synthetic control's rate, Σ wⱼ·yⱼ.
    public let synthetic: Double
    /// Treated minus synthetic.
    package var gap: Double { treated - synthetic }
  }

  /// The root mean squared gap over the years after the pre-period
  /// (NaN when there are none).
  public var postRMSPE: Double {
    let post = gaps.filter { $0.year > preYears.upperBound }.map(\.gap)
    return post.isEmpty ? .nan : (post.reduce(0) { $0 + $1 * $1 } / Double(post.count)).squareRoot()
  }

  /// Fits the synthetic control of `treated` from `donors` on the panel.
  ///
  /// - Parameters:
  ///   - panel: The outcome panel (e.g. UVAS by delområde and year).
  ///   - treated: The treated areas (pooled when more than one).
  ///   - donors: The candidate donors (at least two, none treated).
  ///   - preYears: The pre-period (at least two years in the panel).
  ///   - years: The years to report gaps for (default: the panel's years);
  ///     every area needs a value in each, and in each pre-period year.
  ///   - covariates: Further predictors with their importance.
  /// - Throws: `followup.bad-evaluation` for an empty or overlapping group,
  ///   a year outside the panel, a missing value or covariate.
  public init(
    panel: IndicatorPanel, treated: [String], donors: [String], preYears: ClosedRange<Int>,
    years: ClosedRange<Int>? = nil, covariates: [EvaluationCovariate] = []
  ) throws(FollowUpError) {
    let span = years ?? panel.years
    guard span.contains(preYears.lowerBound), span.contains(preYears.upperBound) else {
      throw FollowUpError(.badEvaluation, "the pre-period is not inside the years", context: "preYears")
    }
    let groups = try EvaluationGroups(treated: treated, comparison: donors, minimumComparison: 2)
    let outcomes = try OutcomeMatrix(panel: panel, codes: groups.codes, years: span, weightYears: preYears)
    let values = try covariates.map { c throws(FollowUpError) in try groups.values(of: c) }
    self.init(
      outcomes: outcomes, treatedRows: groups.treatedRows, donorRows: groups.comparisonRows, preYears: preYears,
      covariates: zip(covariates, values).map { ($0.1, $0.0.importance) })
  }

  /// Fits on an outcome matrix: rows of the treated unit and the donors,
  /// covariates as one value per row with their importance.
  package init(
    outcomes: OutcomeMatrix, treatedRows: [Int], donorRows: [Int], preYears: ClosedRange<Int>,
    covariates: [(values: [Double], importance: Double)] = []
  ) {
    let pre = outcomes.column(of: preYears.lowerBound)!...outcomes.column(of: preYears.upperBound)!
    let y1 = outcomes.pooled(treatedRows)
    let treatedPopulation = treatedRows.map { outcomes.populations[$0] }
    func pooledCovariate(_ v: [Double]) -> Double {
      zip(treatedRows, treatedPopulation).reduce(0) { $0 + v[$1.0] * $1.1 } / treatedPopulation.reduce(0, +)
    }
    let x1 = pre.map { y1[$0] } + covariates.map { pooledCovariate($0.values) }
    let x0 = donorRows.map { j in pre.map { outcomes.rates[j][$0] } + covariates.map { $0.values[j] } }
    let importance = [Double](repeating: 1, count: pre.count) + covariates.map(\.importance)
    let w = Self.weights(treated: x1, donors: x0, importance: importance)
    self.treated = treatedRows.map { outcomes.codes[$0] }
    self.donors = donorRows.map { outcomes.codes[$0] }
    self.weights = w
    self.preYears = preYears
    self.predictorImportance = importance
    self.gaps = outcomes.years.indices.map { t in
      Gap(year: outcomes.years[t], treated: y1[t], synthetic: zip(donorRows, w).reduce(0) { $0 + outcomes.rates[$1.0][t] * $1.1 })
    }
    let preGaps = gaps.filter { preYears.contains($0.year) }.map(\.gap)
    self.preRMSPE = (preGaps.reduce(0) { $0 + $1 * $1 } / Double(preGaps.count)).squareRoot()
  }
}
