import KraftsamlingCore

/// Min-max normalisation onto [0, 100]: 100·(x − min)/(max − min).
///
/// The worst area (after orientation) gets 100, the best 0. A constant
/// indicator gets 50 everywhere (COINr returns NaN) and the run records a
/// warning.
///
/// Flipping: a `higherIsBetter` indicator arrives negated, so it gets
/// 100 − minmax(raw): the area with the *lowest* raw value gets 100.
///
/// ```swift
/// var v = [2.0, 4, 10]
/// MinMax.minMax.normalize(&v, context: NormalizationContext())
/// v   // [0, 25, 100]
/// ```
///
/// - Complexity: O(*n*).
/// - SeeAlso: COINr `n_minmax` with `l_u = c(0, 100)`.
public struct MinMax: Normalization, Hashable {
  /// Creates the normalisation.
  package init() {}
  /// `minmax`.
  public var specification: StrategySpecification { StrategySpecification("minmax") }
  /// Rescales the values onto [0, 100].
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    guard let lo = values.min(), let hi = values.max() else { return }
    guard hi > lo else {
      for i in values.indices { values[i] = 50 }
      return
    }
    let scale = 100 / (hi - lo)
    for i in values.indices { values[i] = (values[i] - lo) * scale }
  }
}

extension Normalization where Self == MinMax {
  /// Min-max onto [0, 100].
  public static var minMax: MinMax { MinMax() }
}
