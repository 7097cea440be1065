import KraftsamlingCore

/// How rates resting on few people are handled.
///
/// A rate whose denominator is below ``minDenominator`` (default 10) is
/// *missing* and flagged `small-denominator`; the missing-data policy then
/// decides. A denominator of 0 always makes the rate missing.
///
/// With ``shrinkage`` set to empirical Bayes, rates are instead pulled
/// towards the rate of the reference group (all areas, or the parent area
/// such as the GeSO), the more the fewer people they rest on, and areas
/// below ``minDenominator`` keep their (shrunk) rate but are still flagged.
/// The estimator is Marshall's (1991) method of moments:
///
/// - m = Σyᵢ/Σnᵢ (the group's pooled rate), s² = Σnᵢ(rᵢ − m)²/Σnᵢ,
///   A = max(0, s² − m/n̄) with n̄ = Σnᵢ/k;
/// - Cᵢ = A/(A + m/nᵢ) and the shrunk rate θᵢ = m + Cᵢ(rᵢ − m).
///
/// Groups with fewer than 3 areas with data use the global estimate. The
/// bundled definitions do not shrink (the 2025 proposal does not), so
/// results stay explainable as plain shares.
///
/// ```swift
/// let p = SmallNumberPolicy(minDenominator: 20, shrinkage: .empiricalBayes(within: .geso))
/// ```
///
/// JSON: `{"minDenominator": 10, "shrinkage": "none"}` or
/// `{"minDenominator": 10, "shrinkage": {"method": "empirical-bayes", "within": "geso"}}`.
///
/// - SeeAlso: R. J. Marshall, "Mapping disease and mortality rates using
///   empirical Bayes estimators", *Applied Statistics* 40 (1991) 283–294;
///   the Scottish Index of Multiple Deprivation 2020 technical notes
///   (shrinkage of small-area rates); PySAL `esda.smoothing.Empirical_Bayes`
///   (global form).
public struct SmallNumberPolicy: Sendable, Hashable, Codable {
  /// Shrinkage of small-number rates.
  public enum Shrinkage: Sendable, Hashable {
    /// No shrinkage: small denominators make a rate missing.
    case none
    /// Marshall's empirical-Bayes shrinkage toward the pooled rate of all
    /// areas (`within: nil`) or of each parent area.
    case empiricalBayes(within: AreaLevel?)
  }
  /// Rates with a denominator below this are missing (or, with shrinkage, flagged).
  package var minDenominator: Double
  /// Shrinkage of rates toward a reference rate.
  package var shrinkage: Shrinkage

  /// Creates a policy.
  public init(minDenominator: Double = 10, shrinkage: Shrinkage = .none) {
    self.minDenominator = minDenominator
    self.shrinkage = shrinkage
  }

  /// Our default: denominators below 10 make a rate missing.
  public static let standard = SmallNumberPolicy()

  private enum CodingKeys: String, CodingKey { case minDenominator, shrinkage }
  private enum ShrinkageKeys: String, CodingKey { case method, within }

  /// Decodes the documented object.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let minDen = try c.decodeIfPresent(Double.self, forKey: .minDenominator) ?? 10
    var shrink = Shrinkage.none
    if c.contains(.shrinkage) {
      if let s = try? c.decode(String.self, forKey: .shrinkage) {
        switch s {
        case "none": shrink = .none
        case "empirical-bayes": shrink = .empiricalBayes(within: nil)
        default:
          throw DecodingError.dataCorruptedError(
            forKey: .shrinkage, in: c, debugDescription: "unknown shrinkage '\(s)': use none or empirical-bayes")
        }
      } else {
        let s = try c.nestedContainer(keyedBy: ShrinkageKeys.self, forKey: .shrinkage)
        let m = try s.decode(String.self, forKey: .method)
        guard m == "empirical-bayes" || m == "none" else {
          throw DecodingError.dataCorruptedError(
            forKey: .method, in: s, debugDescription: "unknown shrinkage '\(m)': use none or empirical-bayes")
        }
        shrink = m == "none" ? .none : .empiricalBayes(within: try s.decodeIfPresent(AreaLevel.self, forKey: .within))
      }
    }
    self.init(minDenominator: minDen, shrinkage: shrink)
  }

  /// Encodes the documented object.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(minDenominator, forKey: .minDenominator)
    switch shrinkage {
    case .none: try c.encode("none", forKey: .shrinkage)
    case .empiricalBayes(let within):
      var s = c.nestedContainer(keyedBy: ShrinkageKeys.self, forKey: .shrinkage)
      try s.encode("empirical-bayes", forKey: .method)
      try s.encodeIfPresent(within, forKey: .within)
    }
  }
}
