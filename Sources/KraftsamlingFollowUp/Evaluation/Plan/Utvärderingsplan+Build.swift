import KraftsamlingCore
import KraftsamlingGeography
import KraftsamlingIndex

extension Utvärderingsplan {
  /// What a plan is made from: the selection, the outcome panel as of
  /// planning, the contiguity graph for the buffer and the recorded inputs.
  package struct Request: Sendable {
    /// The frozen index definition.
    package var definition: IndexDefinition
    /// Its result on the statistics: the selection is its top N.
    package var index: IndexResult
    /// N.
    package var top: Int
    /// The outcome panel; its last year is the baseline.
    package var panel: IndicatorPanel
    /// The contiguity graph for the spillover buffer (`nil`: no buffer).
    package var neighbours: NeighbourGraph?
    /// The follow-up years, each after the baseline.
    package var followUpYears: [Int]
    /// The power simulation's seed.
    package var seed: UInt64
    /// The power simulation's replications (0: analytic only).
    package var replications: Int
    /// The tool's label.
    package var generator: String
    /// The input files and their hashes.
    package var inputs: [Input]

    /// An area's name: from the index, else the panel.
    func name(of code: String) -> String { index.area(code: code)?.name ?? panel.name(of: code) }

    /// A request with 2 000 replications.
    package init(
      definition: IndexDefinition, index: IndexResult, top: Int, panel: IndicatorPanel, neighbours: NeighbourGraph?,
      followUpYears: [Int], seed: UInt64, replications: Int = 2000, generator: String, inputs: [Input]
    ) {
      self.definition = definition
      self.index = index
      self.top = top
      self.panel = panel
      self.neighbours = neighbours
      self.followUpYears = followUpYears
      self.seed = seed
      self.replications = replications
      self.generator = generator
      self.inputs = inputs
    }
  }

  /// Makes the plan: selection, matched comparison areas, synthetic
  /// control, MDE per follow-up year, placebo selections, near misses,
  /// digests. The same request always gives the same plan.
  ///
  /// - Throws: `followup.bad-evaluation` when a selected area is not in the
  ///   panel, a follow-up year is not after the baseline, or a method refuses.
  package init(_ r: Request) throws(FollowUpError) {
    let pre = r.panel.years
    let treated = r.index.top(r.top).map { Area(code: $0.code, name: $0.name) }
    let codes = treated.map(\.code)
    if let missing = codes.first(where: { !r.panel.contains(code: $0) }) {
      throw FollowUpError(.badEvaluation, "the selected area \(missing) is not in the outcome panel", context: missing)
    }
    guard !r.followUpYears.isEmpty, r.followUpYears.allSatisfy({ $0 > pre.upperBound }) else {
      throw FollowUpError(
        .badEvaluation, "every follow-up year must come after the panel's last year \(pre.upperBound)",
        context: "years")
    }
    let candidates = r.panel.codes.filter { !codes.contains($0) && Self.isComplete($0, in: r.panel) }
    let design = try ComparisonDesign(
      panel: r.panel, treated: codes, candidates: candidates, preYears: pre, neighbours: r.neighbours)
    let donors = candidates.filter { !design.excludedByBuffer.contains($0) }
    let synthetic = try SyntheticControl(panel: r.panel, treated: codes, donors: donors, preYears: pre, years: pre)
    formatVersion = Self.currentFormatVersion
    generator = r.generator
    selection = Selection(
      definitionID: r.definition.id, definitionVersion: r.definition.version, definitionLabel: r.definition.label,
      definitionTitle: r.definition.title, top: r.top)
    self.treated = treated
    outcome = Outcome(
      name: "UVAS 16–29", numeratorColumn: PanelReadOptions.uvas.numerator,
      denominatorColumn: PanelReadOptions.uvas.denominator, source: Indicator.uvas.source ?? "SCB",
      publicationLagMonths: [PublicationLag.uvas.minimumMonths, PublicationLag.uvas.maximumMonths])
    preYears = Years(first: pre.lowerBound, last: pre.upperBound)
    followUpYears = r.followUpYears
    estimators = Self.estimatorDescriptions
    comparison = Comparison(
      matches: design.matches.map { Match(treated: $0.treated, comparison: $0.comparison, comparisonName: r.name(of: $0.comparison), distance: $0.distance) },
      unmatched: design.unmatched, bufferOrder: 1, excludedByBuffer: design.excludedByBuffer,
      balance: design.balance.map { Balance(feature: $0.feature, before: $0.before, after: $0.after) })
    syntheticControl = Synthetic(
      donors: zip(donors, synthetic.weights).map { DonorWeight(code: $0.0, name: r.name(of: $0.0), weight: $0.1) }, preRMSPE: synthetic.preRMSPE)
    power = try Self.power(r, treated: codes, comparison: design.comparison)
    placebo = try Self.placebo(panel: r.panel, top: codes.count)
    nearMisses = NearMiss.list(in: r.index, selected: codes.count, count: 5).map {
      NearMissArea(code: $0.code, name: $0.name, rank: $0.rank, distanceFromCut: $0.distanceFromCut)
    }
    inputs = r.inputs
    prePeriodSHA256 = PrePeriodDigest.sha256(
      of: r.panel, codes: codes + design.comparison + donors, years: pre)
    planSHA256 = ""
    planSHA256 = try Self.digest(self)
  }

  /// Whether an area has a rate and a positive population in every year of the panel
  /// (areas without young residents cannot be compared).
  static func isComplete(_ code: String, in panel: IndicatorPanel) -> Bool {
    guard let series = panel.series(code: code) else { return false }
    return panel.years.allSatisfy { year in
      guard let p = series.point(year: year), let v = p.value, v.isFinite, let d = p.denominator else { return false }
      return d > 0
    }
  }

  /// The estimators, as recorded in the plan.
  static let estimatorDescriptions = [
    "difference-in-differences: population-weighted area rates, treated vs matched comparison areas, each follow-up year against the pre-period mean; CR1 cluster-robust (by area) 95 % interval, t with G − 1 df",
    "synthetic control: pooled treated areas vs the donors outside the buffer, weights fitted on the pre-period outcome; placebo-in-space permutation p-value from post/pre RMSPE ratios",
    "event study: the same contrast for every year against the last pre-period year",
  ]

  /// The MDE of every follow-up year, from the longest history window
  /// available, scaled by √(h / h_used) when the history is shorter than h.
  static func power(_ r: Request, treated: [String], comparison: [String]) throws(FollowUpError) -> [Power] {
    let baseline = r.panel.years.upperBound
    let longest = baseline - r.panel.years.lowerBound
    guard longest >= 1 else {
      throw FollowUpError(.badEvaluation, "the panel needs at least two years for a power analysis", context: "panel")
    }
    var rows: [Power] = []
    for year in r.followUpYears {
      let h = year - baseline
      let used = min(h, longest)
      let analysis = try PowerAnalysis(
        panel: r.panel, treated: treated, comparison: comparison, baselineYear: baseline, horizon: used,
        replications: r.replications, seed: r.seed)
      let scale = (Double(h) / Double(used)).squareRoot()
      func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
      rows.append(
        Power(
          year: year, horizon: h, horizonUsed: used, extrapolated: used < h,
          minimumDetectableEffect: analysis.minimumDetectableEffect * scale,
          simulatedMinimumDetectableEffect: finite(analysis.simulatedMinimumDetectableEffect * scale),
          simulatedPowerAtMDE: finite(analysis.simulatedPowerAtMDE),
          simulatedFalsePositiveRate: finite(analysis.simulatedFalsePositiveRate), replications: r.replications,
          seed: r.seed))
    }
    return rows
  }

  /// The rule of the placebo selections: with one year of index statistics
  /// the index cannot be rerun for earlier years, so each earlier year's
  /// placebo selection is the N areas with the highest outcome that year.
  static let placeboRule = "top-n-by-outcome"

  /// Placebo selections over the panel's history: horizon ⌊(years − 1)/2⌋
  /// (at least 1), so that several placebo years fit; `nil` for a panel
  /// of one year.
  static func placebo(panel: IndicatorPanel, top n: Int) throws(FollowUpError) -> Placebo? {
    let span = panel.years.count
    guard span >= 2 else { return nil }
    let h = max(1, (span - 1) / 2)
    var rows: [PlaceboYear] = []
    for year in panel.years.lowerBound...(panel.years.upperBound - h) {
      let rated = panel.codes.filter { isComplete($0, in: panel) }.compactMap { c in panel.series(code: c)?.value(year: year).map { (c, $0) } }
      let areas = rated.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(n).map(\.0)
      let row = try PlaceboSelections.placebo(year: year, areas: Array(areas), panel: panel, horizon: h)
      rows.append(PlaceboYear(year: year, selectedChange: row.selectedChange, restChange: row.restChange))
    }
    let d = rows.map { $0.selectedChange - $0.restChange }
    let mean = d.reduce(0, +) / Double(d.count)
    let sd = d.count > 1 ? (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1)).squareRoot() : nil
    return Placebo(rule: placeboRule, horizon: h, years: rows, meanDifference: mean, standardDeviation: sd)
  }
}
