import KraftsamlingCore

/// What to do when an area lacks a value for an indicator — because the
/// cell is empty (SCB's `..`), the denominator is 0, or the denominator is
/// below the small-number limit.
///
/// - `exclude`: the area is not ranked (its reason is recorded).
/// - `mean` / `median`: the missing rate is replaced by the mean or median
///   of the rates of the other ranked areas — or, with ``within`` set to a
///   level such as `.geso`, of the areas in the same parent area (falling
///   back to all areas when the parent has none with data). The cell is
///   flagged `imputed`.
/// - `reweight`: the area is scored over its available indicators, their
///   weights renormalised to sum to 1 (the aggregation divides by the sum
///   of the weights present).
///
/// Independently, ``minimumAvailability`` excludes areas with fewer than
/// that share of the indicators available (e.g. 0.75: at least 3 of 4),
/// before any imputation. With `exclude` it is in effect 1.
///
/// ```swift
/// let p = MissingDataPolicy(.median, within: .geso, minimumAvailability: 0.5)
/// ```
///
/// JSON: `{"method": "median", "within": "geso", "minimumAvailability": 0.5}`.
///
/// - SeeAlso: OECD/JRC Handbook (2008), §3; COINr `Impute` (`i_mean`,
///   `i_median`, `i_mean_grp`) and `Screen` (`dat_thresh`).
public struct MissingDataPolicy: Sendable, Hashable, Codable {
  /// How missing values are handled.
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// Do not rank an area with any missing indicator.
    case exclude
    /// Impute the mean of the other areas' rates.
    case mean
    /// Impute the median of the other areas' rates.
    case median
    /// Aggregate over the available indicators only.
    case reweight
  }
  /// How missing values are handled.
  package var method: Method
  /// Impute within parent areas of this level (e.g. `.geso`); needs a
  /// hierarchy when the index is run.
  package var within: AreaLevel?
  /// The least share (0…1) of indicators an area must have to be ranked.
  package var minimumAvailability: Double

  /// Creates a policy.
  public init(_ method: Method, within: AreaLevel? = nil, minimumAvailability: Double = 0) {
    self.method = method
    self.within = within
    self.minimumAvailability = minimumAvailability
  }

  /// Exclude areas with any missing indicator.
  public static let exclude = MissingDataPolicy(.exclude)

  private enum CodingKeys: String, CodingKey { case method, within, minimumAvailability }

  /// Decodes `{"method": …, "within": …, "minimumAvailability": …}` or a bare method name.
  public init(from decoder: any Decoder) throws {
    if let s = try? decoder.singleValueContainer().decode(Method.self) {
      self.init(s)
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      try c.decode(Method.self, forKey: .method), within: try c.decodeIfPresent(AreaLevel.self, forKey: .within),
      minimumAvailability: try c.decodeIfPresent(Double.self, forKey: .minimumAvailability) ?? 0)
  }

  /// Encodes as an object.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(method, forKey: .method)
    try c.encodeIfPresent(within, forKey: .within)
    try c.encode(minimumAvailability, forKey: .minimumAvailability)
  }
}
