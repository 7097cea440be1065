import KraftsamlingCore

/// A statistical audit of a composite index, over the areas it ranks and
/// the values its aggregation combines (after imputation, outlier
/// treatment, orientation and normalisation): how its parts correlate,
/// how consistent its dimensions are, how many directions its indicators
/// really span, and whether each indicator weighs as much as its weight
/// says. See `Documentation/IndexAudit.md`.
///
/// The correlation matrices run over the *variables*: the indicators (in
/// definition order), then the dimensions' scores, then the index score.
///
/// ```swift
/// let audit = try IndexAudit(IndexDefinition.stadskontoret2025, on: table)
/// audit.pearson.coefficients[0][1]      // indicators 1 and 2
/// audit.alphas.last!                    // Cronbach's alpha of all indicators
/// audit.explainedVariance.first!        // the first principal component's share
/// zip(audit.nominalShares, audit.effectiveShares).map { ($0, $1) }
/// audit.flags.filter { $0.kind == "collinear" }
/// ```
///
/// - Complexity: O(*n*·*v*² log *n*) for *v* = indicators + dimensions + 1
///   variables over *n* areas (the log from Spearman's ranks), plus O(*m*³)
///   per Jacobi sweep for *m* indicators.
public struct IndexAudit: Sendable, Hashable, Codable {
  /// The label of the definition audited (`id@version`, with modifications).
  package let definition: String
  /// The |r| at or above which two indicators are flagged as collinear.
  package let threshold: Double
  /// The indicator ids, in definition order.
  package let indicatorIDs: [String]
  /// The dimension ids, in definition order; empty for a flat index.
  public let dimensionIDs: [String]
  /// Pearson correlations between the variables.
  public let pearson: Correlations
  /// Spearman rank correlations (average ranks for ties) between the variables.
  public let spearman: Correlations
  /// Raw Cronbach's alpha of each dimension's indicators, then of all
  /// indicators; `nil` where a group has fewer than two indicators or no variance.
  public let alphas: [Double?]
  /// Standardised Cronbach's alpha (from the mean correlation), in the order of ``alphas``.
  public let standardizedAlphas: [Double?]
  /// The eigenvalues of the indicators' correlation matrix, descending
  /// (empty when it is undefined).
  public let eigenvalues: [Double]
  /// Each principal component's share of the total variance.
  public let explainedVariance: [Double]
  /// The principal components' unit loadings, one row per component, one
  /// entry per indicator, each turned so that its largest entry is positive.
  public let loadings: [[Double]]
  /// Each indicator's nominal weight share in the index (within its
  /// dimension times the dimension's share); they sum to 1.
  public let nominalShares: [Double]
  /// Each indicator's effective importance: its squared Pearson correlation
  /// with the index, normalised to sum to 1; `nil` when undefined.
  public let effectiveShares: [Double?]
  /// Collinear pairs, negative correlations within a dimension, and
  /// indicators whose effective importance is off its weight by more than a factor 2.
  public let flags: [Flag]

  /// The indicator names, in definition order.
  package let indicatorNames: [String]
  /// The dimension names, in definition order.
  package let dimensionNames: [String]
  /// The dimension of each indicator (0 for a flat index).
  package let dimensionOf: [Int]
  /// The areas audited: those the index ranks.
  package let areaCount: Int
  /// The areas the principal component analysis used (every indicator present).
  package let componentAreaCount: Int

  /// Correlation coefficients between the variables with their p-values
  /// and the number of areas each rests on; symmetric matrices.
  public struct Correlations: Sendable, Hashable, Codable {
    /// The coefficients; `nil` where a variable is constant over the areas.
    public let coefficients: [[Double?]]
    /// Two-sided p-values of the hypothesis of no correlation (Student's t
    /// with n − 2 degrees of freedom); `nil` on the diagonal and where undefined.
    public let pValues: [[Double?]]
    /// The number of areas where both variables are present.
    public let counts: [[Int]]
  }

  /// A finding worth a second look.
  public struct Flag: Sendable, Hashable, Codable {
    /// `collinear` (|r| ≥ threshold between two indicators),
    /// `negative-within-dimension` (r < 0 between two indicators of one
    /// dimension, or of a flat index), or `importance-mismatch` (effective
    /// share over twice or under half the nominal one).
    public let kind: String
    /// The first indicator's id.
    public let first: String
    /// The second indicator's id; `nil` for an importance mismatch.
    public let second: String?
    /// The Pearson r of the pair, or effective over nominal share.
    public let value: Double
  }

  /// Audits `definition` over `table`, as its index sees the data.
  ///
  /// - Parameters:
  ///   - definition: The index definition.
  ///   - table: The data, one row per area.
  ///   - hierarchy: Needed when a policy works within parent areas.
  ///   - threshold: The |r| that flags two indicators as collinear (default 0.9).
  /// - Throws: ``IndexError`` when the index cannot be computed.
  /// - Precondition: 0 < threshold ≤ 1.
  public init(
    _ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy? = nil, threshold: Double = 0.9
  ) throws(IndexError) {
    let index = try definition.prepare(table, hierarchy: hierarchy).normalized()
    _ = try index.result()  // the same checks as a run: the aggregation's domain, some area scored
    self.init(index, threshold: threshold)
  }
}
