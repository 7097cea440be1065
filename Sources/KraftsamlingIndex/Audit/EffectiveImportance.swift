/// Effective importance of the indicators of a linear index: the
/// correlation ratio Sᵢ = V(E(y | xᵢ))/V(y) of Paruolo, Saisana & Saltelli
/// (2013), which for a linear relation is the squared Pearson correlation
/// rᵢ² of indicator i with the index y, normalised so the indicators' shares
/// sum to 1, to set beside their nominal weight shares.
///
/// ```swift
/// EffectiveImportance.shares(correlations: [0.9, 0.3, nil])   // [0.9, 0.1, nil]
/// ```
package enum EffectiveImportance {
  /// rᵢ² / Σⱼ rⱼ² over the defined correlations; `nil` where rᵢ is, and
  /// all `nil` when every r is 0 or undefined.
  ///
  /// - Complexity: O(*m*).
  package static func shares(correlations: [Double?]) -> [Double?] {
    let total = correlations.reduce(0.0) { $0 + ($1.map { $0 * $0 } ?? 0) }
    guard total > 0 else { return correlations.map { _ in nil } }
    return correlations.map { r in r.map { $0 * $0 / total } }
  }

  /// Effective over nominal share; a mismatch when it is above 2 or below ½.
  static func isMismatch(effective: Double, nominal: Double) -> Bool {
    effective > 2 * nominal || 2 * effective < nominal
  }
}
