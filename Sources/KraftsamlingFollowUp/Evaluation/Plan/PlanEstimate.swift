import KraftsamlingCore

/// The estimate a frozen ``Utvärderingsplan`` prescribes, computed when the
/// data arrive: the difference-in-differences of every follow-up year in the
/// panel with its cluster-robust interval, the synthetic-control gap per
/// year after the pre-period with its placebo-in-space p-value, and the
/// event study. Whether the plan's checks were overridden is part of the
/// value, so that every output can say so.
package struct PlanEstimate: Sendable, Hashable, Codable {
  /// The plan's `plan_sha256`.
  package var planSHA256: String
  /// True when the estimate was made although an input differed from the plan (`--force`).
  package var forced: Bool
  /// What differed from the plan, one sentence each (empty when nothing did).
  package var changes: [String]
  /// The warning every forced output carries (absent when not forced).
  package var warning: String?
  /// The panel's last year.
  package var lastYear: Int
  /// One difference-in-differences per follow-up year in the panel (or the
  /// last year, when no follow-up year is in it yet), against the pre-period mean.
  package var differenceInDifferences: [YearEffect]
  /// The event study: every year against the last pre-period year.
  package var eventStudy: [YearEffect]
  /// The synthetic control's gaps after the pre-period.
  package var syntheticGaps: [Gap]
  /// Its pre-period RMSPE, refitted on this panel.
  package var preRMSPE: Double
  /// The placebo-in-space permutation p-value.
  package var placeboPValue: Double
  /// The number of donors in the placebo distribution.
  package var donors: Int

  enum CodingKeys: String, CodingKey {
    case planSHA256 = "plan_sha256", forced, changes, warning, lastYear = "last_year"
    case differenceInDifferences = "difference_in_differences", eventStudy = "event_study"
    case syntheticGaps = "synthetic_gaps", preRMSPE = "pre_rmspe", placeboPValue = "placebo_p_value", donors
  }

  /// The sentence every forced output carries.
  package static let forcedWarning =
    "forced: the estimate was made although inputs differ from the plan (--force); it is not the pre-registered evaluation"

  /// An effect estimate for a year.
  package struct YearEffect: Sendable, Hashable, Codable {
    /// The year.
    package var year: Int
    /// The estimate, in the outcome's unit.
    package var estimate: Double
    /// Its CR1 standard error.
    package var standardError: Double
    /// The 95 % interval's lower end.
    package var lower: Double
    /// The 95 % interval's upper end.
    package var upper: Double
    /// The two-sided p-value.
    package var pValue: Double
    enum CodingKeys: String, CodingKey {
      case year, estimate, standardError = "standard_error", lower, upper, pValue = "p_value"
    }

    init(year: Int, _ e: DifferenceInDifferences.Estimate) {
      self.year = year
      estimate = e.estimate
      standardError = e.standardError
      lower = e.lower
      upper = e.upper
      pValue = e.pValue
    }
  }

  /// The synthetic control in one year.
  package struct Gap: Sendable, Hashable, Codable {
    /// The year.
    package var year: Int
    /// The pooled treated areas' rate.
    package var treated: Double
    /// The synthetic control's rate.
    package var synthetic: Double
    /// Treated minus synthetic.
    package var gap: Double
  }

  /// Estimates what `plan` prescribes on `panel`.
  ///
  /// - Parameters:
  ///   - plan: The frozen plan.
  ///   - panel: The outcome panel, with years after the plan's pre-period.
  ///   - changes: What differed from the plan (the caller's checks).
  ///   - forced: Whether the caller went on despite `changes`.
  /// - Throws: `followup.bad-evaluation` when no year follows the
  ///   pre-period or an area lacks a value.
  package init(plan: Utvärderingsplan, panel: IndicatorPanel, changes: [String], forced: Bool) throws(FollowUpError) {
    let pre = plan.preYears.range
    let last = panel.years.upperBound
    guard last > pre.upperBound, panel.years.lowerBound <= pre.lowerBound else {
      throw FollowUpError(
        .badEvaluation, "the panel has no year after the plan's pre-period \(pre.lowerBound)–\(pre.upperBound)",
        hint: "estimate when the first follow-up data are published", context: "panel")
    }
    let treated = plan.treated.map(\.code)
    let comparison = plan.comparison.areas
    let present = plan.followUpYears.filter { $0 <= last }
    differenceInDifferences = try (present.isEmpty ? [last] : present).map { y throws(FollowUpError) in
      let did = try DifferenceInDifferences(
        panel: panel, treated: treated, comparison: comparison, preYears: pre, postYears: y...y)
      return YearEffect(year: y, did.effect)
    }
    let all = try DifferenceInDifferences(
      panel: panel, treated: treated, comparison: comparison, preYears: pre, postYears: (pre.upperBound + 1)...last)
    eventStudy = all.eventStudy.map { YearEffect(year: $0.year, $0.estimate) }
    let placebo = try PlaceboInSpace(
      panel: panel, treated: treated, donors: plan.syntheticControl.codes, preYears: pre,
      years: pre.lowerBound...last)
    syntheticGaps = placebo.treatedFit.gaps.filter { $0.year > pre.upperBound }.map {
      Gap(year: $0.year, treated: $0.treated, synthetic: $0.synthetic, gap: $0.gap)
    }
    preRMSPE = placebo.treatedFit.preRMSPE
    placeboPValue = placebo.pValue
    donors = placebo.donorRatios.count
    planSHA256 = plan.planSHA256
    self.forced = forced
    self.changes = changes
    warning = forced ? Self.forcedWarning : nil
    lastYear = last
  }
}
