import KraftsamlingCore

/// Goalpost normalisation onto [0, 100]: the position of each value between
/// two fixed goalposts given in the indicator's own units, truncated to the
/// goalposts.
///
/// For a `higherIsWorse` indicator, a value at or below `lower` gets 0 and
/// at or above `upper` gets 100: 100·(x − lower)/(upper − lower). For a
/// `higherIsBetter` indicator the goalposts swap roles: `upper` or more gets
/// 0, `lower` or less gets 100, i.e. 100·(upper − x)/(upper − lower). This
/// is COINr's `n_goalposts` with `direction = -1` negating the goalposts.
///
/// Unlike min-max, the scale does not depend on the data, so scores stay
/// comparable across years.
///
/// ```swift
/// var v = [0.05, 0.20, 0.50]
/// Goalposts(lower: 0.1, upper: 0.4).normalize(&v, context: NormalizationContext())
/// v   // [0, 33.33, 100]
/// ```
///
/// - Complexity: O(*n*).
/// - SeeAlso: UNDP *Human Development Report* technical notes (goalposts);
///   COINr `n_goalposts`.
public struct Goalposts: Normalization, Hashable {
  /// The lower goalpost, in the indicator's units.
  package var lower: Double
  /// The upper goalpost, in the indicator's units.
  package var upper: Double
  /// Whether values beyond the goalposts are truncated to 0 and 100.
  package var truncate: Bool
  /// Creates the normalisation.
  ///
  /// - Precondition: none; ``validate()`` reports `lower >= upper`.
  package init(lower: Double, upper: Double, truncate: Bool = true) {
    self.lower = lower
    self.upper = upper
    self.truncate = truncate
  }
  /// `goalposts(lower=…, upper=…)`.
  public var specification: StrategySpecification {
    StrategySpecification(
      "goalposts", parameters: ["lower": lower, "upper": upper], options: truncate ? [:] : ["truncate": "false"])
  }
  /// Requires finite goalposts with `lower < upper`.
  public func validate() throws(IndexError) {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw IndexError(
        .invalidParameter, "goalposts need lower < upper, got lower \(lower) and upper \(upper)",
        hint: "give the best and worst plausible values, e.g. lower 0 and upper 0.5 for a share")
    }
  }
  /// Places each value between the goalposts.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let a = context.orientation * lower
    let b = context.orientation * upper
    let lo = Swift.min(a, b)
    let hi = Swift.max(a, b)
    let scale = 100 / (hi - lo)
    for i in values.indices {
      var y = (values[i] - lo) * scale
      if truncate { y = Swift.min(100, Swift.max(0, y)) }
      values[i] = y
    }
  }
}

extension Normalization where Self == Goalposts {
  /// Goalposts in the indicator's own units.
  public static func goalposts(lower: Double, upper: Double, truncate: Bool = true) -> Goalposts {
    Goalposts(lower: lower, upper: upper, truncate: truncate)
  }
}
