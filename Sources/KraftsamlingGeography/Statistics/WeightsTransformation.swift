import KraftsamlingCore
import KraftsamlingIndex

/// How spatial weights are transformed before a statistic is computed, as
/// libpysal's `W.transform`.
///
/// esda transforms the weights it is given: Moran's I and Local Moran
/// default to row-standardised weights (`"r"`), and so does Getis–Ord
/// (`"R"`). ``asGiven`` uses the weights exactly as they are (libpysal
/// `"o"`, the original weights).
///
/// ```swift
/// let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
/// WeightsTransformation.rowStandardised.apply(to: w).weights(of: 1)   // [0.5, 0.5]
/// WeightsTransformation(rawValue: "b")                                // .binary
/// ```
///
/// The raw values are libpysal's one-letter codes, so a result records its
/// transformation the way esda does.
public enum WeightsTransformation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each row divided by its sum (libpysal `"r"`); islands keep empty rows.
  case rowStandardised = "r"
  /// Every link weighted 1 (libpysal `"b"`).
  case binary = "b"
  /// The weights unchanged (libpysal `"o"`).
  case asGiven = "o"

  /// The transformed weights.
  ///
  /// - Parameter weights: The weights to transform.
  /// - Returns: The weights after the transformation.
  /// - Complexity: O(*n* + *m*) for *n* areas and *m* links.
  package func apply(to weights: SpatialWeights) -> SpatialWeights {
    switch self {
    case .rowStandardised: weights.rowStandardised()
    case .binary: weights.binary()
    case .asGiven: weights
    }
  }
}
