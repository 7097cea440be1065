import KraftsamlingCore
import KraftsamlingIndex

/// The domain of the spatial statistics' errors.
public enum SpatialStatisticsDomain: StageErrorDomain {}

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
public typealias SpatialStatisticsError = StageError<SpatialStatisticsDomain>

extension StageError.Code where Domain == SpatialStatisticsDomain {
  /// The number of values differs from the number of areas in the weights.
  package static let lengthMismatch = Self(rawValue: "stats.length-mismatch")
  /// A value is NaN or infinite.
  package static let nonFiniteValue = Self(rawValue: "stats.non-finite-value")
  /// All values are equal, so they cannot be standardised.
  package static let constantValues = Self(rawValue: "stats.constant-values")
  /// Too few areas for the statistic (or for sampling neighbours).
  package static let tooFewAreas = Self(rawValue: "stats.too-few-areas")
  /// The weights have no links at all.
  package static let noLinks = Self(rawValue: "stats.no-links")
  /// Getis–Ord needs non-negative values with a positive sum.
  package static let negativeValue = Self(rawValue: "stats.negative-value")
  /// An injected permutation matrix has the wrong shape or content.
  package static let badPermutationMatrix = Self(rawValue: "stats.bad-permutation-matrix")
  /// An option is out of range (negative permutations, α outside (0, 1),
  /// fewer than one thread).
  package static let badOption = Self(rawValue: "stats.bad-option")
  /// More permutations than ``PermutationInference/maximumPermutations``.
  package static let permutationLimit = Self(rawValue: "limit.maximumPermutations")
}


extension StageError where Domain == SpatialStatisticsDomain {
  /// Creates an error about one area (its code is the diagnostic's field).
  package init(_ code: Code, _ message: String, area: String?) {
    self.init(code, message, at: SourceLocation(field: area), subjects: area.map { [.area($0)] } ?? [])
  }
}
