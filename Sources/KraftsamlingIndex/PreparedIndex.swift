import KraftsamlingCore

/// An index definition applied to a table up to, but not including,
/// normalisation: validated, rates computed, the small-number rule and any
/// shrinkage applied, areas excluded, missing values imputed and outliers
/// treated. It is the compiled form that robustness analyses re-use.
///
/// A Monte Carlo or sensitivity analysis changes one choice thousands of
/// times. Everything up to here depends only on the data and the
/// small-number, missing-data and outlier policies, so it is done once;
/// ``normalized(with:)`` then caches the normalised columns for one
/// normalisation, and ``NormalizedIndex/scores(weights:dimensionWeights:aggregation:dimensionAggregation:)``
/// re-aggregates with other weights or another aggregation in O(*n*·*m*)
/// without validating or allocating per area.
///
/// ```swift
/// let prepared = try IndexDefinition.stadskontoret2025.prepare(table)
/// let z = prepared.normalized()                       // the definition's own normalisation
/// let base = z.scores()
/// let heavy = z.scores(weights: [2, 1, 1, 1])         // first indicator doubled
/// let ranks = IndexRanking.ranks(of: heavy)           // 1 = most vulnerable, 0 = not ranked
/// let mm = prepared.normalized(with: .minMax).scores(aggregation: .geometric(offset: 1))
/// ```
///
/// To vary the small-number, missing-data or outlier policy, prepare once
/// per policy.
///
/// - Complexity: O(*m*·*n* log *n*) to prepare *m* indicators over *n*
///   areas (the log factor from the quartiles of the summaries).
public struct PreparedIndex: Sendable {
  /// The definition.
  package let definition: IndexDefinition
  /// Area codes in table order.
  package let codes: [String]
  /// Area names in table order.
  package let names: [String?]
  /// The rows that will be ranked (not excluded), ascending.
  package let includedRows: [Int]
  /// Why each row is excluded, or `nil`.
  package let exclusions: [IndexResult.Exclusion?]
  /// Spread of each indicator over the ranked areas.
  package let summaries: [IndexResult.IndicatorSummary]
  /// Remarks made while preparing.
  package let warnings: [Diagnostic]
  /// How the weights were derived, when the definition has a weighting rule.
  package internal(set) var weighting: WeightingRecord?

  let observed: [[Double]]
  let denominators: [[Double?]]
  let values: [[Double]]
  let cellFlags: [[IndexResult.CellFlags]]
  let orientation: [Double]
  let pooled: [Double?]
  let breakdown: [IndexResult.KönBreakdown]
  /// The dimension of each indicator (0 for a flat index).
  let dimensionOf: [Int]

  /// The number of indicators.
  package var indicatorCount: Int { definition.indicators.count }
  /// The number of areas in the table.
  package var areaCount: Int { codes.count }

  /// Prepares a definition for a table.
  ///
  /// - Parameters:
  ///   - definition: The index definition.
  ///   - table: The data, one row per area.
  ///   - hierarchy: Needed when a policy works within parent areas.
  /// - Throws: ``IndexError`` from ``IndexDefinition/validate(against:hierarchy:)``,
  ///   or `index.empty-data` when no area has enough data to be ranked.
  package init(definition: IndexDefinition, table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) {
    try definition.validate(against: table, hierarchy: hierarchy)
    var work = Preparation(definition: definition, table: table, hierarchy: hierarchy)
    work.measureIndicators()
    try work.selectRankedRows()
    work.summarise()
    work.imputeMissing()
    work.treatOutliers()
    work.clearExcludedRows()

    self.definition = definition
    self.codes = table.codes
    self.names = table.names
    self.includedRows = work.included
    self.exclusions = work.exclusions
    self.summaries = work.summaries
    self.warnings = work.warnings
    self.observed = work.observed
    self.denominators = work.denominators
    self.values = work.values
    self.cellFlags = work.flags
    self.orientation = definition.indicators.map { $0.indicator.direction == .higherIsBetter ? -1 : 1 }
    self.pooled = work.pooled
    self.breakdown = work.breakdown
    self.dimensionOf = work.dimensionOfIndicators()
  }

  /// Normalises every indicator, with the definition's normalisation or
  /// another one, ready for repeated scoring.
  ///
  /// `normalization` replaces the definition's *default*: an indicator
  /// with a normalisation of its own
  /// (``IndexDefinition/WeightedIndicator/normalization``) keeps it, as a
  /// robustness analysis that varies the normalisation does.
  ///
  /// - Complexity: O(*m*·*n* log *n*) for rank-based methods, O(*m*·*n*) otherwise.
  public func normalized(with normalization: (any Normalization)? = nil) -> NormalizedIndex {
    NormalizedIndex(prepared: self, normalization: normalization ?? definition.normalization)
  }
}

extension IndexResult.IndicatorSummary {
  /// A summary with no values.
  static func empty(_ wi: IndexDefinition.WeightedIndicator) -> IndexResult.IndicatorSummary {
    IndexResult.IndicatorSummary(
      id: wi.id, name: wi.indicator.name, direction: wi.indicator.direction, count: 0, missing: 0, smallDenominators: 0,
      imputed: 0, treatment: .none)
  }

  /// Location and spread of dense values (reordered by the quartile selection).
  static func make(_ wi: IndexDefinition.WeightedIndicator, _ x: inout [Double], missing: Int) -> IndexResult.IndicatorSummary {
    var s = empty(wi)
    s.count = x.count
    s.missing = missing
    guard !x.isEmpty else { return s }
    let mo = IndexMath.moments(x)
    s.mean = mo.mean
    s.standardDeviation = mo.sd
    var lo = x[0]
    var hi = x[0]
    for v in x {
      if v < lo { lo = v }
      if v > hi { hi = v }
    }
    s.minimum = lo
    s.maximum = hi
    let q = IndexMath.quartiles(selecting: &x)
    s.q1 = q.q1
    s.median = q.median
    s.q3 = q.q3
    s.skewness = mo.skewness.isNaN ? nil : mo.skewness
    s.kurtosis = mo.kurtosis.isNaN ? nil : mo.kurtosis
    return s
  }
}

extension IndexDefinition {
  /// Validates the definition against a table and prepares it for
  /// (repeated) scoring; see ``PreparedIndex``. A definition with a
  /// `"weighting"` rule first derives its weights (from this table when the
  /// method reads data); the prepared definition carries them.
  ///
  /// - Throws: ``IndexError``.
  public func prepare(_ table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) -> PreparedIndex {
    guard weighting != nil else { return try PreparedIndex(definition: self, table: table, hierarchy: hierarchy) }
    try validate(against: table, hierarchy: hierarchy)
    let (definition, record) = try resolvingWeighting(on: table, hierarchy: hierarchy)
    var prepared = try PreparedIndex(definition: definition, table: table, hierarchy: hierarchy)
    prepared.weighting = record
    return prepared
  }

  /// Runs the whole pipeline on a table: validate, compute rates, apply the
  /// small-number, missing-data and outlier policies, normalise, check the
  /// aggregation's domain, aggregate, rank and classify.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: table)
  /// result.ranked.prefix(13).map(\.name)
  /// ```
  ///
  /// - Parameters:
  ///   - table: One row per area.
  ///   - hierarchy: Needed when a policy works within parent areas (GeSO).
  /// - Throws: ``IndexError``: every definition problem at once
  ///   (``validate(against:hierarchy:)``), `index.empty-data`, or
  ///   `index.nonpositive-values` when the aggregation cannot take the
  ///   normalised values.
  /// - Complexity: O(*m*·*n* log *n*) for *m* indicators and *n* areas.
  public func run(on table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(IndexError) -> IndexResult {
    try prepare(table, hierarchy: hierarchy).normalized().result()
  }
}
