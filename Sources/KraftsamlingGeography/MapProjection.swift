#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

/// A map projection: turns longitude/latitude in degrees into planar
/// coordinates in metres, and back.
///
/// KraftsamlingKit measures areas, finds label points and draws maps in a
/// plane. A layer in `CoordinateSystem.projected` is used as given; a layer
/// in longitude/latitude (`CoordinateSystem.geographic`, GeoJSON's default)
/// is first projected with one of these. Contiguity does **not** project:
/// it compares coordinates as they are in the file, as libpysal does.
///
/// Two projections are built in:
/// - ``LocalEquirectangular`` (`.localEquirectangular(about:)`), the default
///   for a city: fast, true to scale at the centre, and at Malmö's scale
///   (latitude 55.50°–55.64°) its scale error is below 0.2 %.
/// - ``TransverseMercator`` (`.sweref99TM`), the Swedish national grid
///   SWEREF 99 TM (EPSG:3006), for layers covering the whole country, where
///   an equirectangular projection stretches the north by up to 25 %.
///
/// ```swift
/// let p = TransverseMercator.sweref99TM
/// p.project(Coordinate(x: 13.0, y: 55.6))   // ≈ (373 988.37, 6 163 377.12) metres
/// ```
///
/// Conform your own type to use another projection.
public protocol MapProjection: Sendable {
  /// Planar coordinates (x = easting, y = northing, metres) of a
  /// longitude/latitude position in degrees (x = longitude, y = latitude).
  func project(_ lonLat: Coordinate) -> Coordinate
  /// The longitude/latitude in degrees of planar coordinates in metres.
  func unproject(_ point: Coordinate) -> Coordinate
}

extension MapProjection where Self == LocalEquirectangular {
  /// An equirectangular projection true to scale along latitude `φ₀`,
  /// centred at `centre` (usually the layer's bounding-box centre).
  package static func localEquirectangular(about centre: Coordinate) -> LocalEquirectangular {
    LocalEquirectangular(centre: centre)
  }
}

extension MapProjection where Self == TransverseMercator {
  /// SWEREF 99 TM (EPSG:3006): Transverse Mercator on GRS 80, central
  /// meridian 15° E, scale 0.9996, false easting 500 000 m.
  public static var sweref99TM: TransverseMercator { TransverseMercator.sweref99TM }
}

/// The equirectangular (plate carrée) projection about a centre point,
/// scaled to metres with the GRS 80 ellipsoid's radii of curvature at the
/// centre latitude φ₀ (the meridional radius *M*₀ and the prime-vertical
/// radius *N*₀):
///
/// x = N₀ · cos φ₀ · (λ − λ₀), y = M₀ · (φ − φ₀), angles in radians.
///
/// **Error.** At the centre the scale is exact in both directions. East–west
/// distances at latitude φ are scaled by about cos φ / cos φ₀, a relative
/// error of about tan φ₀ · |φ − φ₀| (radians); north–south distances are
/// off by the change of *M* with latitude (3e² · |φ − φ₀|, well under
/// 0.01 %). For Malmö (φ₀ ≈ 55.57°, the layer spans ±0.07°) the error is at
/// most 1.46 × 0.0012 ≈ 0.18 % at the northern and southern edges; areas
/// agree with SWEREF 99 TM's to within 0.25 % (TM itself is 0.02 % off at
/// Malmö, 126 km from its central meridian). Good for label points, maps and
/// areas of a city; for the whole of Sweden (φ from 55° to 69°, where the
/// east–west error reaches 25 %) use ``TransverseMercator/sweref99TM``.
///
/// ```swift
/// let p = LocalEquirectangular(centre: Coordinate(x: 13.0, y: 55.6))
/// p.project(Coordinate(x: 13.0, y: 55.61))   // (0.0, 1113.3…): 0.01° of latitude ≈ 1.113 km
/// ```
///
/// - Complexity: O(1) per point.
package struct LocalEquirectangular: MapProjection, Sendable, Hashable, Codable {
  /// The centre (λ₀, φ₀) in degrees; it maps to (0, 0).
  package var centre: Coordinate
  /// Metres per degree of longitude at the centre.
  package let metresPerDegreeX: Double
  /// Metres per degree of latitude at the centre.
  package let metresPerDegreeY: Double

  /// Creates the projection.
  ///
  /// - Parameters:
  ///   - centre: The longitude/latitude that maps to the origin; its
  ///     latitude is the one true to scale.
  ///   - semiMajorAxis: The ellipsoid's semi-major axis (GRS 80 by default).
  ///   - flattening: The ellipsoid's flattening (GRS 80 by default).
  package init(centre: Coordinate, semiMajorAxis: Double = 6_378_137, flattening: Double = 1 / 298.257_222_101) {
    self.centre = centre
    let e2 = flattening * (2 - flattening)
    let phi = centre.y * .pi / 180
    let s2 = sin(phi) * sin(phi)
    let w = (1 - e2 * s2).squareRoot()
    let n = semiMajorAxis / w
    let m = semiMajorAxis * (1 - e2) / (w * w * w)
    metresPerDegreeX = n * cos(phi) * .pi / 180
    metresPerDegreeY = m * .pi / 180
  }

  /// Metres east and north of the centre.
  package func project(_ lonLat: Coordinate) -> Coordinate {
    Coordinate(x: (lonLat.x - centre.x) * metresPerDegreeX, y: (lonLat.y - centre.y) * metresPerDegreeY)
  }

  /// Longitude/latitude of a point given in metres from the centre.
  package func unproject(_ point: Coordinate) -> Coordinate {
    Coordinate(x: centre.x + point.x / metresPerDegreeX, y: centre.y + point.y / metresPerDegreeY)
  }
}

/// The Transverse Mercator projection on an ellipsoid, by Krüger's series
/// to fourth order in the third flattening *n* (the "Gauss–Krüger"
/// formulas published by Lantmäteriet for SWEREF 99; accurate to well
/// under a millimetre within 1 000 km of the central meridian).
///
/// ```swift
/// let tm = TransverseMercator.sweref99TM
/// let p = tm.project(Coordinate(x: 13.0, y: 55.6))   // ≈ (373 988.37, 6 163 377.12)
/// tm.unproject(p)                                     // ≈ (13.0, 55.6)
/// ```
///
/// - Complexity: O(1) per point.
public struct TransverseMercator: MapProjection, Sendable, Hashable, Codable {
  /// The ellipsoid's semi-major axis in metres.
  package var semiMajorAxis: Double
  /// The ellipsoid's flattening.
  package var flattening: Double
  /// The central meridian in degrees.
  package var centralMeridian: Double
  /// The scale factor on the central meridian.
  package var scale: Double
  /// Added to every easting, in metres.
  package var falseEasting: Double
  /// Added to every northing, in metres.
  package var falseNorthing: Double

  /// Creates a Transverse Mercator projection.
  package init(
    semiMajorAxis: Double = 6_378_137, flattening: Double = 1 / 298.257_222_101, centralMeridian: Double,
    scale: Double, falseEasting: Double, falseNorthing: Double = 0
  ) {
    self.semiMajorAxis = semiMajorAxis
    self.flattening = flattening
    self.centralMeridian = centralMeridian
    self.scale = scale
    self.falseEasting = falseEasting
    self.falseNorthing = falseNorthing
  }

  /// SWEREF 99 TM (EPSG:3006): GRS 80, central meridian 15° E, scale
  /// 0.9996, false easting 500 000 m.
  package static let sweref99TM = TransverseMercator(centralMeridian: 15, scale: 0.9996, falseEasting: 500_000)

  private var e2: Double { flattening * (2 - flattening) }
  private var n: Double { flattening / (2 - flattening) }
  private var rectifyingRadius: Double {
    let n2 = n * n
    return semiMajorAxis / (1 + n) * (1 + n2 / 4 + n2 * n2 / 64)
  }

  /// Easting (x) and northing (y) in metres of a longitude/latitude.
  public func project(_ lonLat: Coordinate) -> Coordinate {
    let e2 = self.e2, n = self.n
    let e4 = e2 * e2, e6 = e4 * e2, e8 = e4 * e4
    let A = e2
    let B = (5 * e4 - e6) / 6
    let C = (104 * e6 - 45 * e8) / 120
    let D = 1237 * e8 / 1260
    let phi = lonLat.y * .pi / 180
    let dl = (lonLat.x - centralMeridian) * .pi / 180
    let s = sin(phi), c = cos(phi), s2 = s * s
    let phiStar = phi - s * c * (A + s2 * (B + s2 * (C + s2 * D)))
    let xi = atan2(tan(phiStar), cos(dl))
    let eta = atanh(cos(phiStar) * sin(dl))
    let n2 = n * n, n3 = n2 * n, n4 = n3 * n
    let beta = [
      n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
      13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
      61 * n3 / 240 - 103 * n4 / 140,
      49561 * n4 / 161280,
    ]
    var x = xi
    var y = eta
    for j in 1...4 {
      let k = Double(2 * j)
      x += beta[j - 1] * sin(k * xi) * cosh(k * eta)
      y += beta[j - 1] * cos(k * xi) * sinh(k * eta)
    }
    let kA = scale * rectifyingRadius
    return Coordinate(x: kA * y + falseEasting, y: kA * x + falseNorthing)
  }

  /// Longitude/latitude in degrees of an easting/northing in metres.
  public func unproject(_ point: Coordinate) -> Coordinate {
    let e2 = self.e2, n = self.n
    let e4 = e2 * e2, e6 = e4 * e2, e8 = e4 * e4
    let kA = scale * rectifyingRadius
    let xi = (point.y - falseNorthing) / kA
    let eta = (point.x - falseEasting) / kA
    let n2 = n * n, n3 = n2 * n, n4 = n3 * n
    let delta = [
      n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360,
      n2 / 48 + n3 / 15 - 437 * n4 / 1440,
      17 * n3 / 480 - 37 * n4 / 840,
      4397 * n4 / 161280,
    ]
    var xiP = xi
    var etaP = eta
    for j in 1...4 {
      let k = Double(2 * j)
      xiP -= delta[j - 1] * sin(k * xi) * cosh(k * eta)
      etaP -= delta[j - 1] * cos(k * xi) * sinh(k * eta)
    }
    let phiStar = asin(sin(xiP) / cosh(etaP))
    let dl = atan2(sinh(etaP), cos(xiP))
    let As = e2 + e4 + e6 + e8
    let Bs = -(7 * e4 + 17 * e6 + 30 * e8) / 6
    let Cs = (224 * e6 + 889 * e8) / 120
    let Ds = -4279 * e8 / 1260
    let s = sin(phiStar), c = cos(phiStar), s2 = s * s
    let phi = phiStar + s * c * (As + s2 * (Bs + s2 * (Cs + s2 * Ds)))
    return Coordinate(x: centralMeridian + dl * 180 / .pi, y: phi * 180 / .pi)
  }
}

extension AreaLayer {
  /// The projection KraftsamlingKit uses by default for this layer: `nil`
  /// for a projected layer (used as given), otherwise
  /// ``LocalEquirectangular`` about the centre of the layer's bounding box.
  package var defaultProjection: (any MapProjection)? {
    coordinateSystem == .projected ? nil : LocalEquirectangular(centre: boundingBox.centre)
  }

  /// The layer with every coordinate projected to metres and
  /// ``coordinateSystem`` set to `.projected`. A layer that is already
  /// projected is returned unchanged.
  ///
  /// ```swift
  /// let metres = malmö.projected(with: .sweref99TM)
  /// metres.features[0].geometry.area   // ≈ 2.18e6 m² for Västra Hamnen
  /// ```
  ///
  /// - Parameter projection: The projection; `nil` uses ``defaultProjection``.
  /// - Complexity: O(*n*) in the number of coordinates.
  public func projected(with projection: (any MapProjection)? = nil) -> AreaLayer {
    guard coordinateSystem == .geographic, let p = projection ?? defaultProjection else { return self }
    var copy = self
    copy.coordinateSystem = .projected
    for f in copy.features.indices {
      for k in copy.features[f].geometry.polygons.indices {
        copy.features[f].geometry.polygons[k].exterior = copy.features[f].geometry.polygons[k].exterior.map(p.project)
        copy.features[f].geometry.polygons[k].holes = copy.features[f].geometry.polygons[k].holes.map {
          $0.map(p.project)
        }
      }
    }
    return copy
  }
}
