import KraftsamlingCore

/// Treatment of outliers before normalisation.
///
/// `.coin` follows COINr's `Treat()` defaults exactly: an indicator *fails*
/// when |skewness| ≥ 2 **and** excess kurtosis ≥ 3.5 (COINr passes it when
/// |skew| < 2 or kurt < 3.5), with skewness and kurtosis as COINr's `skew()`
/// and `kurt()` (e1071 type 2, Excel's `SKEW`/`KURT`: bias-corrected sample
/// skewness and *excess* kurtosis). A failing indicator is winsorised one
/// step at a time — all values equal to the maximum (or, when the skew is
/// negative, the minimum) are set to the next value in — until it passes or
/// ``maxWinsorised`` points have been changed (ties may take it past the
/// limit, as in COINr). If it still fails, the winsorisation is undone and
/// the original values are log-transformed instead: ln(x − min + 0.01·(max −
/// min)) (COINr's `log_CT`). Winsorised cells are flagged `winsorised`; a
/// log transform is recorded in the indicator's summary.
///
/// ```swift
/// let t = OutlierTreatment.coin()     // thresholds 2 and 3.5, up to 5 points
/// ```
///
/// JSON: `"none"` or `{"method": "coin", "skewness": 2, "kurtosis": 3.5, "maxWinsorised": 5}`.
///
/// - SeeAlso: COINr `Treat.numeric`, `winsorise`, `check_SkewKurt`, `log_CT`;
///   OECD/JRC Handbook (2008), §3.
public struct OutlierTreatment: Sendable, Hashable, Codable {
  /// Whether to treat outliers at all.
  package var enabled: Bool
  /// The absolute skewness at or above which an indicator may fail.
  package var skewness: Double
  /// The excess kurtosis at or above which an indicator may fail.
  package var kurtosis: Double
  /// The most points winsorised before falling back to the log transform.
  package var maxWinsorised: Int

  /// No treatment.
  public static let none = OutlierTreatment(enabled: false, skewness: 2, kurtosis: 3.5, maxWinsorised: 5)
  /// The COIN rule with COINr's defaults, or other thresholds.
  public static func coin(skewness: Double = 2, kurtosis: Double = 3.5, maxWinsorised: Int = 5) -> OutlierTreatment {
    OutlierTreatment(enabled: true, skewness: skewness, kurtosis: kurtosis, maxWinsorised: maxWinsorised)
  }

  private init(enabled: Bool, skewness: Double, kurtosis: Double, maxWinsorised: Int) {
    self.enabled = enabled
    self.skewness = skewness
    self.kurtosis = kurtosis
    self.maxWinsorised = maxWinsorised
  }

  private enum CodingKeys: String, CodingKey { case method, skewness, kurtosis, maxWinsorised }

  /// Decodes `"none"`, `"coin"` or the object form.
  public init(from decoder: any Decoder) throws {
    if let s = try? decoder.singleValueContainer().decode(String.self) {
      switch s {
      case "none": self = .none
      case "coin": self = .coin()
      default:
        throw DecodingError.dataCorrupted(
          DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown outlier treatment '\(s)': use none or coin"))
      }
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let m = try c.decode(String.self, forKey: .method)
    guard m == "coin" || m == "none" else {
      throw DecodingError.dataCorruptedError(
        forKey: .method, in: c, debugDescription: "unknown outlier treatment '\(m)': use none or coin")
    }
    let t = OutlierTreatment.coin(
      skewness: try c.decodeIfPresent(Double.self, forKey: .skewness) ?? 2,
      kurtosis: try c.decodeIfPresent(Double.self, forKey: .kurtosis) ?? 3.5,
      maxWinsorised: try c.decodeIfPresent(Int.self, forKey: .maxWinsorised) ?? 5)
    self = m == "none" ? OutlierTreatment(enabled: false, skewness: t.skewness, kurtosis: t.kurtosis, maxWinsorised: t.maxWinsorised) : t
  }

  /// Encodes `"none"` or the object form.
  public func encode(to encoder: any Encoder) throws {
    guard enabled else {
      var c = encoder.singleValueContainer()
      try c.encode("none")
      return
    }
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("coin", forKey: .method)
    try c.encode(skewness, forKey: .skewness)
    try c.encode(kurtosis, forKey: .kurtosis)
    try c.encode(maxWinsorised, forKey: .maxWinsorised)
  }
}
