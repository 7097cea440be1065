import KraftsamlingCore

/// A population-weighted difference-in-differences of area rates with a
/// cluster-robust interval (clusters = areas), and an event-study table.
///
/// Each area's change Dᵢ is its mean rate over the post-period minus its mean
/// over the pre-period; the effect is the population-weighted mean change of
/// the treated areas minus that of the comparison areas (populations: mean
/// denominators over the pre-period). This is the estimate of a two-way
/// fixed-effects regression with a treated×post dummy on the balanced panel,
/// computed on the collapsed pre/post data as Bertrand, Duflo and
/// Mullainathan (2004) recommend. The standard error is CR1 (the sandwich
/// times G/(G − 1)·(N − 1)/(N − K)), the interval uses Student's t with
/// G − 1 degrees of freedom, G the number of areas. The event study does the
/// same for each year against the last pre-period year.
/// See `Documentation/Evaluation.md` for the assumptions (parallel trends,
/// no spillover onto the comparison areas).
///
/// ```swift
/// let did = try DifferenceInDifferences(
///   panel: panel, treated: selected, comparison: matched, preYears: 2019...2023, postYears: 2029...2030)
/// did.effect.estimate                  // e.g. −0.012: 1.2 percentage points lower than expected
/// (did.effect.lower, did.effect.upper) // 95 % interval
/// ```
///
/// - Complexity: O(*a*·*y*), *a* areas, *y* years.
public struct DifferenceInDifferences: Sendable, Hashable, Codable {
  /// The treated areas.
  package let treated: [String]
  /// The comparison areas.
  package let comparison: [String]
  /// The pre-period.
  package let preYears: ClosedRange<Int>
  /// The post-period.
  package let postYears: ClosedRange<Int>
  /// The confidence level of the intervals (e.g. 0.95).
  package let level: Double
  /// The degrees of freedom of the t distribution, G − 1.
  package let degreesOfFreedom: Int
  /// The effect: post-minus-pre change of the treated minus that of the comparison areas.
  public let effect: Estimate
  /// One row per year of the panel range, each against the last pre-period year (which has estimate 0).
  public let eventStudy: [YearEstimate]

  /// An estimate with its cluster-robust standard error, interval and p-value.
  public struct Estimate: Sendable, Hashable, Codable {
    /// The point estimate, in the outcome's unit.
    public let estimate: Double
    /// The CR1 standard error (0 for the reference year).
    public let standardError: Double
    /// The interval's lower end.
    public let lower: Double
    /// The interval's upper end.
    public let upper: Double
    /// The two-sided p-value of "no effect" (1 for the reference year).
    public let pValue: Double
  }

  /// The event-study estimate of one year.
  public struct YearEstimate: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// The difference in change from the reference year to this year.
    public let estimate: Estimate
  }

  /// Estimates the difference-in-differences on a panel.
  ///
  /// - Parameters:
  ///   - panel: The outcome panel.
  ///   - treated: The treated areas.
  ///   - comparison: The comparison areas (not treated).
  ///   - preYears: The pre-period.
  ///   - postYears: The post-period, after the pre-period.
  ///   - level: The confidence level, between 0 and 1.
  /// - Throws: `followup.bad-evaluation` for overlapping or empty groups,
  ///   fewer than three areas, periods in the wrong order or outside the
  ///   panel, or a missing value.
  public init(
    panel: IndicatorPanel, treated: [String], comparison: [String], preYears: ClosedRange<Int>,
    postYears: ClosedRange<Int>, level: Double = 0.95
  ) throws(FollowUpError) {
    guard preYears.upperBound < postYears.lowerBound, level > 0, level < 1 else {
      throw FollowUpError(
        .badEvaluation, "the post-period must follow the pre-period and the level lie in (0, 1)", context: "years")
    }
    let groups = try EvaluationGroups(treated: treated, comparison: comparison)
    guard groups.codes.count > 2 else {
      throw FollowUpError(.badEvaluation, "at least three areas are needed", context: "comparison")
    }
    let span = preYears.lowerBound...postYears.upperBound
    let outcomes = try OutcomeMatrix(panel: panel, codes: groups.codes, years: span, weightYears: preYears)
    self.init(outcomes: outcomes, treatedRows: groups.treatedRows, comparisonRows: groups.comparisonRows,
              preYears: preYears, postYears: postYears, level: level)
  }

  /// Estimates on an outcome matrix covering at least both periods.
  package init(
    outcomes: OutcomeMatrix, treatedRows: [Int], comparisonRows: [Int], preYears: ClosedRange<Int>,
    postYears: ClosedRange<Int>, level: Double = 0.95
  ) {
    let pre = outcomes.column(of: preYears.lowerBound)!...outcomes.column(of: preYears.upperBound)!
    let post = outcomes.column(of: postYears.lowerBound)!...outcomes.column(of: postYears.upperBound)!
    func mean(_ row: [Double], _ range: ClosedRange<Int>) -> Double {
      range.reduce(0) { $0 + row[$1] } / Double(range.count)
    }
    let changes = outcomes.rates.map { mean($0, post) - mean($0, pre) }
    let critical = Quantiles.studentT(
      (1 + level) / 2, degreesOfFreedom: Double(treatedRows.count + comparisonRows.count - 1))
    func estimate(_ d: [Double]) -> Estimate {
      let c = ClusteredContrast(changes: d, treated: treatedRows, comparison: comparisonRows, populations: outcomes.populations)
      guard c.standardError > 0 else {
        return Estimate(estimate: c.estimate, standardError: 0, lower: c.estimate, upper: c.estimate, pValue: c.estimate == 0 ? 1 : 0)
      }
      return Estimate(
        estimate: c.estimate, standardError: c.standardError, lower: c.estimate - critical * c.standardError,
        upper: c.estimate + critical * c.standardError, pValue: c.pValue)
    }
    treated = treatedRows.map { outcomes.codes[$0] }
    comparison = comparisonRows.map { outcomes.codes[$0] }
    self.preYears = preYears
    self.postYears = postYears
    self.level = level
    degreesOfFreedom = treatedRows.count + comparisonRows.count - 1
    effect = estimate(changes)
    eventStudy = outcomes.years.indices.map { t in
      YearEstimate(year: outcomes.years[t], estimate: estimate(outcomes.rates.map { $0[t] - $0[pre.upperBound] }))
    }
  }
}
