/// A predictor besides the outcome's own past, for a synthetic control or
/// a comparison-area match: one value per area (an index indicator, a
/// population share) and how much it counts.
///
/// ```swift
/// let trångboddhet = EvaluationCovariate(name: "trångboddhet", values: ["25611": 0.31, "25612": 0.12])
/// ```
public struct EvaluationCovariate: Sendable, Hashable, Codable {
  /// The covariate's name, for tables.
  package let name: String
  /// The value of every area that takes part (treated and candidates).
  package let values: [String: Double]
  /// The covariate's diagonal entry in V, relative to 1 for each outcome year.
  package let importance: Double

  /// Creates a covariate.
  ///
  /// - Parameters:
  ///   - name: The name.
  ///   - values: One value per area code.
  ///   - importance: Its weight in the fit (≥ 0); 1 counts it like one pre-period year.
  public init(name: String, values: [String: Double], importance: Double = 1) {
    self.name = name
    self.values = values
    self.importance = importance
  }
}
