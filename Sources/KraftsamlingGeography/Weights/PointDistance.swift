#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

/// How the distance between two points (centroids or label points) is
/// measured by the distance-based weights.
///
/// There is no guessing: a layer in longitude/latitude gives wrong
/// neighbours with ``euclidean`` (a degree of longitude in Malmö is about
/// 63 km, a degree of latitude 111 km), so callers state the metric.
/// `kraftctl neighbours` uses ``greatCircle(radius:)`` with
/// ``earthRadiusKilometres`` for a WGS84 layer and says so.
///
/// ```swift
/// PointDistance.euclidean.distance(a, b)                        // metres for a SWEREF 99 layer
/// PointDistance.greatCircle(radius: PointDistance.earthRadiusKilometres)
///   .distance(malmö, lund)                                       // ≈ 16.6 (km)
/// ```
public enum PointDistance: Sendable, Hashable, Codable {
  /// Straight-line distance √(Δx² + Δy²) in the layer's own units
  /// (libpysal `distance_metric="euclidean"`).
  case euclidean
  /// The great-circle (arc) distance on a sphere of the given radius, for
  /// points in degrees (x = longitude, y = latitude); the result is in the
  /// radius's unit (libpysal `distance_metric="arc"`, `radius=`).
  case greatCircle(radius: Double)

  /// The mean Earth radius libpysal uses (`RADIUS_EARTH_KM`), 6371 km.
  public static let earthRadiusKilometres = 6371.0

  /// The distance between two points.
  ///
  /// The great-circle distance is computed as libpysal does: the chord
  /// *c* between the points on the unit sphere, then 2R·asin(*c*/2)
  /// (equal to the haversine formula).
  package func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
    let p = embed(a), q = embed(b)
    return fromChord(((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot())
  }

  /// The point in the space where the k-d tree works: the plane (z = 0)
  /// for Euclidean distance, the unit sphere for great-circle distance.
  func embed(_ c: Coordinate) -> (Double, Double, Double) {
    switch self {
    case .euclidean: return (c.x, c.y, 0)
    case .greatCircle:
      let lon = c.x * .pi / 180, lat = c.y * .pi / 180
      return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }
  }

  /// The distance for a straight-line distance in the embedding space.
  func fromChord(_ chord: Double) -> Double {
    switch self {
    case .euclidean: return chord
    case .greatCircle(let r): return 2 * r * asin(Swift.min(chord / 2, 1))
    }
  }

  /// The straight-line distance in the embedding space for a distance.
  func toChord(_ distance: Double) -> Double {
    switch self {
    case .euclidean: return distance
    case .greatCircle(let r): return distance >= .pi * r ? 2 : 2 * sin(distance / (2 * r))
    }
  }

  /// A short description for reports: `euclidean` or `great-circle (R = 6371)`.
  package var label: String {
    switch self {
    case .euclidean: "euclidean"
    case .greatCircle(let r): "great-circle (R = \(DecimalFormatting.shortest(r)))"
    }
  }

  /// Checks the radius.
  func validated() throws(GeographyError) -> PointDistance {
    if case .greatCircle(let r) = self, !(r.isFinite && r > 0) {
      throw GeographyError(.invalidParameter, "the sphere's radius must be positive and finite, not \(r)")
    }
    return self
  }
}
