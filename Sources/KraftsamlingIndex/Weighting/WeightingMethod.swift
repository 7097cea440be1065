/// How a definition's weights are derived instead of set by hand: five
/// methods of the OECD/JRC *Handbook on Constructing Composite Indicators*
/// (2008, §6), each recorded with its inputs in a ``WeightingRecord``.
///
/// The weights are derived for the indicators or, with
/// ``WeightingLevel/dimensions``, for the dimensions; participatory methods
/// (budget allocation, AHP) take one column per item of that level in
/// definition order, statistical ones read the data. See
/// `Documentation/Weighting.md` for the formulas.
///
/// ```swift
/// let ahp = WeightingMethod.analyticHierarchy(matrix: [[1, 3, 5], [1.0 / 3, 1, 2], [0.2, 0.5, 1]])
/// let (weighted, record) = try definition.weighted(by: ahp)
/// record.diagnostics["consistencyRatio"]   // ≈ 0.0036
/// let pca = try definition.weighted(by: .principalComponents(), on: table)
/// ```
public enum WeightingMethod: Sendable, Hashable, Codable {
  /// Budget allocation: each expert distributes `total` points over the
  /// items (one row per expert, one column per item); the weights are the
  /// experts' mean shares.
  case budgetAllocation(points: [[Double]], total: Double = 100)
  /// The analytic hierarchy process: a positive reciprocal matrix of
  /// pairwise comparisons on Saaty's 1–9 scale (`matrix[i][j]` = how much
  /// more important item i is than item j). The weights are its principal
  /// eigenvector; a consistency ratio above 0.1 is refused unless `force`.
  case analyticHierarchy(matrix: [[Double]], randomIndex: AHPRandomIndex = .saaty, force: Bool = false)
  /// Weights from principal components with varimax rotation (Handbook
  /// §6.1): components with an eigenvalue above `minimumEigenvalue` that
  /// each explain more than `minimumShare` of the variance.
  case principalComponents(minimumEigenvalue: Double = 1, minimumShare: Double = 0.1)
  /// The weights whose effective importance (squared correlation with the
  /// index, normalised) comes closest to `target` (equal shares when `nil`).
  case optimised(target: [Double]? = nil)
  /// Non-negative least squares of an outcome on the normalised items, the
  /// coefficients scaled to sum 1: the outcome is the column `outcome`, or
  /// `outcome / denominator` when a denominator is given.
  case regression(outcome: String, denominator: String? = nil)
}

/// What derived weights are for: the indicators, or the dimensions of a
/// definition that groups its indicators.
public enum WeightingLevel: String, Sendable, Hashable, Codable, CaseIterable {
  /// One weight per indicator. With dimensions, each dimension's weight
  /// becomes the sum of its indicators' weights, so the indicators' nominal
  /// shares in the index are the derived weights.
  case indicators
  /// One weight per dimension; the indicator weights are kept.
  case dimensions
}

/// The table of random consistency indices that turns an AHP consistency
/// index into a consistency ratio: the mean consistency index of random
/// reciprocal matrices of the same size.
public enum AHPRandomIndex: String, Sendable, Hashable, Codable, CaseIterable {
  /// Saaty's values (2005, p. 31; as `ahpy` with `random_index='saaty'`),
  /// for 3 to 15 items.
  case saaty
  /// Donegan and Dodd's (1991) values, for 3 to 100 items, interpolated
  /// between the sizes they tabulate (`ahpy`'s default, `'dd'`).
  case doneganDodd
}
