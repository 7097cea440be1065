import KraftsamlingCore

/// A way to combine an area's normalised indicator values into one score:
/// weighted arithmetic, geometric or harmonic mean, the minimum, or a count
/// of indicators beyond a threshold — or your own.
///
/// The engine calls ``aggregate(_:weights:)`` once per area (and, with a
/// tree of dimensions, once per dimension of each area) with only the
/// *available* values and their weights as written in the definition
/// (positive, not normalised). Each aggregation decides how weights act;
/// the built-in means divide by the sum of the weights given, which is how
/// the `reweight` missing-data policy "reweights over the available
/// indicators".
///
/// A higher input is worse, and a higher score must be worse too.
///
/// ```swift
/// WeightedArithmeticMean().aggregate([1, 3], weights: [1, 3])   // (1 + 9)/4 = 2.5
/// ```
///
/// To plug in your own, conform a `Sendable` struct, give it a
/// ``specification`` and register it in an ``IndexStrategyCatalog`` if JSON
/// definitions should name it.
public protocol Aggregation: Sendable, CustomStringConvertible {
  /// The method's name and parameters, as written in definitions and run records.
  var specification: StrategySpecification { get }

  /// Checks the parameters.
  ///
  /// - Throws: ``IndexError`` `index.invalid-parameter`.
  func validate() throws(IndexError)

  /// Whether some values cannot be aggregated (a geometric or harmonic
  /// mean needs values > 0). When `false` (the default) the engine skips
  /// ``domainProblem(for:)``.
  var restrictsDomain: Bool { get }

  /// Why a normalised value cannot be aggregated, or `nil` when it can
  /// (a geometric mean needs values > 0). The engine checks every value
  /// before a checked run and reports the areas concerned.
  func domainProblem(for value: Double) -> String?

  /// The score of one area (or dimension).
  ///
  /// - Parameters:
  ///   - values: The available normalised values; at least one.
  ///   - weights: Their weights, each ≥ 0, at least one > 0.
  /// - Returns: The score, or NaN when it is undefined.
  /// - Complexity: O(*k*) in the number of values.
  func aggregate(_ values: [Double], weights: [Double]) -> Double

  /// How much each value contributes to `score`, written into
  /// `contributions` (same count as `values`).
  ///
  /// For the arithmetic mean the contributions sum to the score; each
  /// aggregation documents what its contributions mean.
  func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double])
}

extension Aggregation {
  /// No parameters to check.
  public func validate() throws(IndexError) {}
  /// Every value can be aggregated.
  public var restrictsDomain: Bool { false }
  /// Every value can be aggregated.
  public func domainProblem(for value: Double) -> String? { nil }
  /// The specification's text.
  public var description: String { specification.description }
}
