import KraftsamlingCore

/// Distance to a reference value such as Malmö's or Sweden's rate, in per
/// cent of the reference: 100·(x − r)/|r|. An area at the reference gets 0,
/// one with twice the reference rate gets 100.
///
/// The reference is either fixed (e.g. Sweden's 6.8 % UVAS) or *pooled*:
/// the indicator's own rate over all areas of the table (Σ numerator /
/// Σ denominator, so Malmö's rate for a table of Malmö's delområden). With
/// ``Mode/difference`` the distance is 100·(x − r): percentage points for a
/// share. A reference of exactly 0 in `relative` mode falls back to the
/// difference.
///
/// Flipping: for a `higherIsBetter` indicator it is 100·(r − x)/|r|, so
/// falling short of the reference is positive (worse).
///
/// COINr's `n_dist2ref` is a different formula, 1 − (x_ref − x)/(x_ref −
/// x_min), which depends on the sample minimum; ours depends only on the
/// reference, which is what a comparison with "the city" or "Sweden" needs.
///
/// ```swift
/// var v = [0.05, 0.10, 0.30]
/// DistanceToReference(.value(0.10)).normalize(&v, context: NormalizationContext())
/// v   // [-50, 0, 200]
/// ```
///
/// - Complexity: O(*n*).
public struct DistanceToReference: Normalization, Hashable {
  /// Where the reference value comes from.
  public enum Reference: Sendable, Hashable {
    /// The indicator's pooled value over all areas with data.
    case pooled
    /// A fixed value in the indicator's units, e.g. `0.068` for Sweden's UVAS.
    case value(Double)
  }
  /// How the distance is expressed.
  public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 100·(x − r)/|r|: per cent of the reference.
    case relative
    /// 100·(x − r): percentage points for a share.
    case difference
  }
  /// The reference value.
  package var reference: Reference
  /// How the distance is expressed.
  package var mode: Mode
  /// Creates the normalisation.
  package init(_ reference: Reference = .pooled, mode: Mode = .relative) {
    self.reference = reference
    self.mode = mode
  }
  /// `distance`, with `reference` when fixed and `mode` when not relative.
  public var specification: StrategySpecification {
    var s = StrategySpecification("distance")
    if case .value(let r) = reference { s.parameters["reference"] = r }
    if mode != .relative { s.options["mode"] = mode.rawValue }
    return s
  }
  /// Requires a finite fixed reference.
  public func validate() throws(IndexError) {
    if case .value(let r) = reference, !r.isFinite {
      throw IndexError(.invalidParameter, "the reference value \(r) is not a number", hint: "give a rate such as 0.068")
    }
  }
  /// Replaces each value by its distance to the reference.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let raw: Double
    switch reference {
    case .value(let r): raw = r
    case .pooled: raw = context.pooledValue ?? IndexMath.mean(values) * context.orientation
    }
    let r = context.orientation * raw
    let divisor = mode == .relative && raw != 0 ? abs(raw) : 1
    for i in values.indices { values[i] = 100 * (values[i] - r) / divisor }
  }
}

extension Normalization where Self == DistanceToReference {
  /// Distance in per cent to the pooled (e.g. city-wide) rate.
  package static var distanceToReference: DistanceToReference { DistanceToReference() }
  /// Distance to a reference value.
  public static func distanceToReference(_ reference: DistanceToReference.Reference, mode: DistanceToReference.Mode = .relative)
    -> DistanceToReference
  {
    DistanceToReference(reference, mode: mode)
  }
}
