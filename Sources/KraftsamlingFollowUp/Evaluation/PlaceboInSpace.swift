import KraftsamlingCore

/// Placebo-in-space inference for a synthetic control (Abadie, Diamond and
/// Hainmueller 2010): every donor in turn is treated as if it had received
/// the programme, with the other donors as its pool, and the treated unit's
/// ratio of post- to pre-period RMSPE is ranked among the donors' ratios.
///
///     p = (1 + #{donors j : ratioⱼ ≥ ratio_treated}) / (1 + J)
///
/// the permutation p-value of "no effect": if the treated unit were just
/// one more area, its ratio would be equally likely to hold any rank.
/// Dividing by the pre-period RMSPE discounts donors the method cannot fit.
///
/// ```swift
/// let inference = try PlaceboInSpace(panel: panel, treated: selected, donors: others, preYears: 2019...2023)
/// inference.pValue       // e.g. 0.04 with 24 donors: only the treated unit's gap stands out
/// ```
///
/// - Complexity: J + 1 synthetic-control fits.
public struct PlaceboInSpace: Sendable, Hashable, Codable {
  /// The synthetic control of the treated unit.
  package let treatedFit: SyntheticControl
  /// The treated unit's post/pre RMSPE ratio.
  public let treatedRatio: Double
  /// Each donor's post/pre RMSPE ratio as a placebo, in donor order.
  public let donorRatios: [Double]
  /// The permutation p-value.
  public let pValue: Double

  /// Fits the treated unit and every donor as a placebo.
  ///
  /// - Parameters:
  ///   - panel: The outcome panel, with years after the pre-period.
  ///   - treated: The treated areas (pooled by population).
  ///   - donors: The donor pool (at least three, so that every placebo has two donors).
  ///   - preYears: The pre-period.
  ///   - years: The years of the fit (default: the panel's); some must follow the pre-period.
  /// - Throws: `followup.bad-evaluation` as ``SyntheticControl`` does, or when no year follows the pre-period.
  public init(
    panel: IndicatorPanel, treated: [String], donors: [String], preYears: ClosedRange<Int>,
    years: ClosedRange<Int>? = nil
  ) throws(FollowUpError) {
    let span = years ?? panel.years
    guard span.upperBound > preYears.upperBound, span.contains(preYears.lowerBound) else {
      throw FollowUpError(.badEvaluation, "no year follows the pre-period", context: "preYears")
    }
    let groups = try EvaluationGroups(treated: treated, comparison: donors, minimumComparison: 3)
    let outcomes = try OutcomeMatrix(panel: panel, codes: groups.codes, years: span, weightYears: preYears)
    self.init(outcomes: outcomes, treatedRows: groups.treatedRows, donorRows: groups.comparisonRows, preYears: preYears)
  }

  /// Fits on an outcome matrix.
  package init(outcomes: OutcomeMatrix, treatedRows: [Int], donorRows: [Int], preYears: ClosedRange<Int>) {
    func ratio(_ fit: SyntheticControl) -> Double { fit.postRMSPE / fit.preRMSPE }
    let fit = SyntheticControl(outcomes: outcomes, treatedRows: treatedRows, donorRows: donorRows, preYears: preYears)
    let ratios = donorRows.map { j in
      ratio(SyntheticControl(
        outcomes: outcomes, treatedRows: [j], donorRows: donorRows.filter { $0 != j }, preYears: preYears))
    }
    let own = ratio(fit)
    treatedFit = fit
    treatedRatio = own
    donorRatios = ratios
    let atLeast = ratios.filter { $0 >= own }.count
    pValue = Double(1 + atLeast) / Double(1 + ratios.count)
  }
}
