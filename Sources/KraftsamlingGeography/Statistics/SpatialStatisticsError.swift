import KraftsamlingCore
import KraftsamlingIndex

/// The error thrown by the spatial statistics (Moran's I, Local Moran,
/// Getis–Ord) when their input cannot be used.
///
/// Each error carries a stable ``code``, a message that says what is wrong
/// and how to fix it, and, where it applies, the area it concerns.
///
/// ```swift
/// do {
///   _ = try LocalSpatialStatistics.moran(values: [1, 2], weights: w)  // w has 3 areas
/// } catch {
///   print(error.code)      // stats.length-mismatch
///   print(error.message)   // got 2 values for 3 areas; give one value per area, in the order of the weights' ids
/// }
/// ```
public struct SpatialStatisticsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A stable, machine-readable kind of problem. New codes may be added
  /// without breaking clients.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text, e.g. `stats.constant-values`.
    public var rawValue: String
    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// The number of values differs from the number of areas in the weights.
    public static let lengthMismatch = Code(rawValue: "stats.length-mismatch")
    /// A value is NaN or infinite.
    public static let nonFiniteValue = Code(rawValue: "stats.non-finite-value")
    /// All values are equal, so they cannot be standardised.
    public static let constantValues = Code(rawValue: "stats.constant-values")
    /// Too few areas for the statistic (or for sampling neighbours).
    public static let tooFewAreas = Code(rawValue: "stats.too-few-areas")
    /// The weights have no links at all.
    public static let noLinks = Code(rawValue: "stats.no-links")
    /// Getis–Ord needs non-negative values with a positive sum.
    public static let negativeValue = Code(rawValue: "stats.negative-value")
    /// An injected permutation matrix has the wrong shape or content.
    public static let badPermutationMatrix = Code(rawValue: "stats.bad-permutation-matrix")
    /// An option is out of range (negative permutations, α outside (0, 1),
    /// fewer than one thread).
    public static let badOption = Code(rawValue: "stats.bad-option")
    /// More permutations than ``PermutationInference/maximumPermutations``.
    public static let permutationLimit = Code(rawValue: "limit.maximumPermutations")
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong and how to fix it.
  public var message: String
  /// The area the problem concerns, when there is one.
  public var area: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong and how to fix it.
  ///   - area: The area concerned, if any.
  public init(_ code: Code, _ message: String, area: String? = nil) {
    self.code = code
    self.message = message
    self.area = area
  }

  /// `message (area CODE)`.
  public var description: String {
    if let area { return "\(message) (area \(area))" }
    return message
  }
}

extension SpatialStatisticsError: DiagnosticError {
  /// The error as one diagnostic, with the area as its field.
  public var diagnostics: [Diagnostic] {
    [
      Diagnostic(
        .error, code: DiagnosticCode(rawValue: code.rawValue), message,
        at: SourceLocation(field: area))
    ]
  }
}
