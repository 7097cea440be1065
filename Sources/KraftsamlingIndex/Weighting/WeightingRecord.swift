/// Derived weights with the method and inputs they came from and what the
/// method found along the way — the consistency ratio of an AHP matrix,
/// the R² of a regression, the residual of an optimisation.
///
/// ```swift
/// let (_, record) = try definition.weighted(by: .regression(outcome: "uvas_16_29", denominator: "unga_16_29"), on: table)
/// zip(record.ids, record.weights)           // each indicator's weight, summing to 1
/// record.diagnostics["rSquared"]
/// record.details["coefficient"]             // the regression coefficients, one per item
/// ```
public struct WeightingRecord: Sendable, Hashable, Codable {
  /// The method with its inputs.
  public let method: WeightingMethod
  /// Whether the weights are the indicators' or the dimensions'.
  public let level: WeightingLevel
  /// The ids of the items weighted, in definition order.
  public let ids: [String]
  /// The derived weights, one per item, summing to 1 (some may be 0).
  public let weights: [Double]
  /// Single numbers the method reports, by name (e.g. `consistencyRatio`,
  /// `rSquared`, `residual`); `Documentation/Weighting.md` lists them.
  public let diagnostics: [String: Double]
  /// Numbers per item, by name, in the order of ``ids`` (e.g. `coefficient`,
  /// `effective`, `component`).
  public let details: [String: [Double]]
  /// What the method could not do as asked, in words, e.g. why an
  /// optimisation ends short of its target; empty when all went as asked.
  public let notes: [String]
  /// The items' display names, in the order of ``ids``.
  package let names: [String]

  /// A record of weights derived by `method`.
  package init(
    method: WeightingMethod, level: WeightingLevel, ids: [String], names: [String], weights: [Double],
    diagnostics: [String: Double] = [:], details: [String: [Double]] = [:], notes: [String] = []
  ) {
    self.method = method
    self.level = level
    self.ids = ids
    self.names = names
    self.weights = weights
    self.diagnostics = diagnostics
    self.details = details
    self.notes = notes
  }

  /// The method's short name: `budget`, `ahp`, `pca`, `optimised` or `regression`.
  package var methodName: String { method.name }
}

extension WeightingMethod {
  /// The short name the CLI and the definition's modifications use.
  package var name: String {
    switch self {
    case .budgetAllocation: "budget"
    case .analyticHierarchy: "ahp"
    case .principalComponents: "pca"
    case .optimised: "optimised"
    case .regression: "regression"
    }
  }

  /// Whether the method reads the data (and so needs a table).
  package var needsData: Bool {
    switch self {
    case .budgetAllocation, .analyticHierarchy: false
    case .principalComponents, .optimised, .regression: true
    }
  }
}
