import KraftsamlingCore
import KraftsamlingIndex

/// How contiguity decides that two boundaries meet: by exactly equal
/// coordinates (libpysal's classic vertex matching) or within a tolerance.
///
/// **Exact** (`.exact`, the default) compares vertex coordinates bit for
/// bit (−0.0 equals +0.0), exactly as libpysal's `Queen`/`Rook`
/// `from_dataframe` do by hashing vertex tuples. It is fast and
/// reproducible, and right for layers whose neighbouring polygons were cut
/// from one topology (Malmö's delområden, SCB's DeSO): their common borders
/// repeat the same vertices. It misses borders that are *not noded*: where
/// one area's vertex lies in the middle of the other's edge, or where the
/// two lines were digitised separately.
///
/// **Tolerance** (`.tolerance(ε)`) treats boundaries as line segments in the
/// layer's own units (degrees for a longitude/latitude layer — 1 × 10⁻⁶°
/// is about 0.1 m of latitude — metres for a projected one):
/// - *queen*: two areas touch when some point of one's boundary is within
///   ε of the other's boundary (this includes a vertex lying on the other's
///   edge and boundaries that cross);
/// - *rook*: two areas share a border when, in total, more than
///   ``minimumSharedLength`` of one's boundary runs within ε of the other's
///   (nearly collinear, overlapping segments), or when they share an edge
///   exactly as in exact mode;
/// - areas whose boundaries *cross* (their interiors overlap: a
///   generalisation artefact such as Håbo–Knivsta in the bundled kommun
///   layer) are neighbours under both rules and are reported in
///   ``Contiguity/overlaps``.
///
/// Tolerance mode finds everything exact mode finds (for rook: plus the
/// un-noded borders), so switching to it only ever adds links.
///
/// ```swift
/// layer.contiguity(.rook, matching: .exact)
/// layer.contiguity(.rook, matching: .tolerance(1e-6))   // ~0.1 m in degrees
/// ```
public struct BoundaryMatching: Sendable, Hashable, Codable, CustomStringConvertible {
  /// `nil` for exact matching; otherwise the distance within which
  /// boundaries count as touching, in the layer's units.
  package var tolerance: Double?
  /// In tolerance mode, the total length of boundary running within
  /// ``tolerance`` that makes a rook border (shorter contacts are points).
  /// Defaults to ten tolerances.
  package var minimumSharedLength: Double

  /// Exact vertex matching, as libpysal's classic builders.
  public static let exact = BoundaryMatching(tolerance: nil, minimumSharedLength: 0)

  /// Matching within a distance ε (≥ 0) in the layer's units.
  ///
  /// - Parameters:
  ///   - epsilon: The distance within which boundaries touch.
  ///   - minimumSharedLength: The shared length a rook border needs;
  ///     `nil` means 10·ε.
  public static func tolerance(_ epsilon: Double, minimumSharedLength: Double? = nil) -> BoundaryMatching {
    BoundaryMatching(tolerance: epsilon, minimumSharedLength: minimumSharedLength ?? 10 * epsilon)
  }

  /// Whether this is exact matching.
  package var isExact: Bool { tolerance == nil }

  /// `exact` or `tolerance 1e-06`.
  public var description: String {
    if let tolerance { return "tolerance \(tolerance)" }
    return "exact"
  }
}
