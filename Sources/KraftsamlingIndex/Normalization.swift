import KraftsamlingCore

/// A way to bring an indicator onto a common scale before aggregation:
/// z-scores, min-max, ranks, percentile ranks, goalposts, distance to a
/// reference value, the IMD exponential transform — or your own.
///
/// The engine hands a normalisation the *available* values of one
/// indicator over the ranked areas (missing values already removed or
/// imputed), **oriented so that a higher value is worse**: values of a
/// `higherIsBetter` indicator are multiplied by −1 first, as COINr does with
/// `direction = -1`. A normalisation must keep that orientation (a higher
/// input gives a higher or equal output), so that after aggregation a higher
/// score always means more vulnerable. Parametric methods (goalposts, a fixed
/// reference value) read ``NormalizationContext/orientation`` and multiply
/// their parameters by it, so that parameters are always written in the
/// indicator's own units. `Documentation/Normalisation.md` shows how each
/// built-in method flips.
///
/// Call sites read `.zScore`, `.minMax`, `.rank`…:
///
/// ```swift
/// var v = [0.1, 0.2, 0.3]
/// ZScore().normalize(&v, context: NormalizationContext())
/// v   // [-1.2247…, 0, 1.2247…]  (population SD √(2/300) = 0.0816…)
/// ```
///
/// To plug in your own method, conform a `Sendable` struct, give it a
/// ``specification`` (recorded with every run) and, if it should be usable
/// from JSON definitions, register it in an ``IndexStrategyCatalog``.
public protocol Normalization: Sendable, CustomStringConvertible {
  /// The method's name and parameters, as written in definitions and run records.
  var specification: StrategySpecification { get }

  /// Checks the parameters (e.g. goalposts that coincide).
  ///
  /// - Throws: ``IndexError`` `index.invalid-parameter`.
  func validate() throws(IndexError)

  /// Normalises the values in place.
  ///
  /// - Parameters:
  ///   - values: The available values of one indicator over the ranked
  ///     areas, oriented so that higher is worse; never NaN.
  ///   - context: The indicator's orientation and reference values.
  /// - Complexity: Should be O(*n* log *n*) or better in the number of values.
  func normalize(_ values: inout [Double], context: NormalizationContext)
}

extension Normalization {
  /// No parameters to check.
  public func validate() throws(IndexError) {}
  /// The specification's text.
  public var description: String { specification.description }
}

/// What a normalisation may need to know about the indicator it normalises.
///
/// ```swift
/// let c = NormalizationContext(indicator: "trangbodda_0_18", orientation: 1, pooledValue: 0.12)
/// ```
public struct NormalizationContext: Sendable, Hashable {
  /// The id of the indicator being normalised.
  package var indicator: String
  /// `+1` when the indicator is `higherIsWorse`, `−1` when it is
  /// `higherIsBetter` and its values have been negated.
  public var orientation: Double
  /// The indicator's pooled value over all areas with data, in the
  /// indicator's own units (not oriented): Σ numerator / Σ denominator for a
  /// rate — Malmö's own rate when the table is Malmö — or the mean for a
  /// plain value. `nil` when unknown.
  package var pooledValue: Double?

  /// Creates a context.
  public init(indicator: String = "", orientation: Double = 1, pooledValue: Double? = nil) {
    self.indicator = indicator
    self.orientation = orientation
    self.pooledValue = pooledValue
  }
}
