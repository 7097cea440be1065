import KraftsamlingCore

/// No normalisation: the values are aggregated as they are (oriented).
///
/// Use it when the indicators already share a scale, e.g. SCB's RegSO
/// index, the plain mean of three shares.
///
/// Flipping: a `higherIsBetter` indicator arrives negated, so its value is
/// −x (as COINr's `direction = -1` with no normalisation).
///
/// ```swift
/// var v = [0.1, 0.3]
/// IdentityNormalization().normalize(&v, context: NormalizationContext())
/// v   // [0.1, 0.3]
/// ```
///
/// - Complexity: O(1).
package struct IdentityNormalization: Normalization, Hashable {
  /// Creates the normalisation.
  package init() {}
  /// `identity`.
  package var specification: StrategySpecification { StrategySpecification("identity") }
  /// Leaves the values unchanged.
  package func normalize(_ values: inout [Double], context: NormalizationContext) {}
}

extension Normalization where Self == IdentityNormalization {
  /// The values as they are (oriented).
  package static var identity: IdentityNormalization { IdentityNormalization() }
}
