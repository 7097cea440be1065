import KraftsamlingCore

/// How ranked areas are put into classes beside their rank and decile.
///
/// - `standardDeviationBands`: SCB's RegSO *områdestyp* style, five classes
///   cut at ±1 and ±2 standard deviations (population SD over the ranked
///   areas) from the mean score. Class 1 = score > mean + 2 SD (largest
///   challenges), 2 = above mean + 1 SD up to mean + 2 SD, 3 = within ±1 SD,
///   4 = from mean − 2 SD to below mean − 1 SD, 5 = below mean − 2 SD. A
///   score exactly on a cut goes to the class nearer the middle.
/// - `atLeast(v)`: class 1 when the score is ≥ v (e.g. 2 indicators beyond
///   the threshold of a count), class 2 otherwise.
///
/// ```swift
/// let c = IndexClassification.standardDeviationBands
/// ```
///
/// JSON: `"none"`, `"sd-bands"` or `{"method": "at-least", "value": 2}`.
///
/// - SeeAlso: SCB, *Regionala statistikområden (RegSO): områdestyper*, 2021.
public enum IndexClassification: Sendable, Hashable, Codable {
  /// No classes.
  case none
  /// Five classes at ±1 and ±2 SD (class 1 = most vulnerable).
  case standardDeviationBands
  /// Class 1 when the score is at least the value, else class 2.
  case atLeast(Double)

  private enum CodingKeys: String, CodingKey { case method, value }

  /// Decodes `"none"`, `"sd-bands"` or `{"method": "at-least", "value": v}`.
  public init(from decoder: any Decoder) throws {
    if let s = try? decoder.singleValueContainer().decode(String.self) {
      switch s {
      case "none": self = .none
      case "sd-bands": self = .standardDeviationBands
      default:
        throw DecodingError.dataCorrupted(
          DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown classification '\(s)': use none, sd-bands or at-least"))
      }
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let m = try c.decode(String.self, forKey: .method)
    switch m {
    case "none": self = .none
    case "sd-bands": self = .standardDeviationBands
    case "at-least": self = .atLeast(try c.decode(Double.self, forKey: .value))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .method, in: c, debugDescription: "unknown classification '\(m)': use none, sd-bands or at-least")
    }
  }

  /// Encodes the documented form.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .none:
      var c = encoder.singleValueContainer()
      try c.encode("none")
    case .standardDeviationBands:
      var c = encoder.singleValueContainer()
      try c.encode("sd-bands")
    case .atLeast(let v):
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode("at-least", forKey: .method)
      try c.encode(v, forKey: .value)
    }
  }
}
