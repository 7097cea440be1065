/// A position in the plane: longitude/latitude in degrees for WGS84 input
/// (GeoJSON order: x = longitude, y = latitude), or metres in a projected
/// system.
public struct Coordinate: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Easting or longitude.
  public package(set) var x: Double
  /// Northing or latitude.
  public package(set) var y: Double

  /// Creates a coordinate, e.g. a point of your own for the k-nearest-neighbour,
  /// distance-band and kernel weights (`NeighbourGraph.nearestNeighbours(k:ids:points:distance:)`).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// `(x, y)`.
  public var description: String { "(\(x), \(y))" }

  /// Encodes as a GeoJSON position `[x, y]`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(x)
    try c.encode(y)
  }

  /// Decodes a GeoJSON position `[x, y]` (further elements such as an
  /// altitude are ignored).
  public init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    x = try c.decode(Double.self)
    y = try c.decode(Double.self)
  }
}

/// A polygon: one exterior ring and zero or more holes.
///
/// Rings are stored *closed*, as in GeoJSON (RFC 7946 §3.1.6): the first
/// and last coordinates are equal and a ring has at least four
/// coordinates. Orientation is not enforced (RFC 7946 asks writers, not
/// readers, to follow the right-hand rule).
public struct Polygon: Sendable, Hashable, Codable {
  /// The outer boundary.
  package var exterior: [Coordinate]
  /// The holes, each a closed ring inside the exterior.
  package var holes: [[Coordinate]]

  /// Creates a polygon from closed rings.
  package init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
    self.exterior = exterior
    self.holes = holes
  }

  /// All rings, exterior first.
  package var rings: [[Coordinate]] { [exterior] + holes }

  /// The number of coordinates in all rings (closing repeats included).
  package var vertexCount: Int { exterior.count + holes.reduce(0) { $0 + $1.count } }
}

/// One or more polygons that together form an area's shape. A simple
/// GeoJSON `Polygon` is read as a multipolygon of one part.
public struct MultiPolygon: Sendable, Hashable, Codable {
  /// The parts.
  public package(set) var polygons: [Polygon]

  /// Creates a multipolygon from its parts.
  package init(_ polygons: [Polygon]) { self.polygons = polygons }

  /// The number of coordinates in all parts.
  package var vertexCount: Int { polygons.reduce(0) { $0 + $1.vertexCount } }
}

/// The coordinate reference system of a layer, as far as KraftsamlingKit
/// needs to know it.
package enum CoordinateSystem: String, Sendable, Hashable, Codable {
  /// Longitude/latitude in degrees (GeoJSON's default, WGS84).
  case geographic
  /// Planar coordinates in metres (e.g. SWEREF 99 TM), used as given.
  case projected
}

/// An area's shape with its identifier: one GeoJSON feature.
public struct AreaFeature: Sendable, Hashable, Codable, Identifiable {
  /// The area code read from the layer's id property, e.g. `"10101"`.
  public var id: String
  /// The feature's scalar properties as text (numbers in their shortest
  /// form, booleans as `true`/`false`); nested values are left out.
  package var properties: [String: String]
  /// The shape.
  public var geometry: MultiPolygon
  /// The 1-based line of the feature in its source file, when read from one.
  package var line: Int?

  /// Creates a feature.
  package init(id: String, properties: [String: String] = [:], geometry: MultiPolygon, line: Int? = nil) {
    self.id = id
    self.properties = properties
    self.geometry = geometry
    self.line = line
  }
}

/// A layer of area shapes, such as Malmö's 136 delområden or Sweden's 290
/// kommuner.
public struct AreaLayer: Sendable, Hashable, Codable {
  /// The features in file order.
  public var features: [AreaFeature]
  /// The property the area codes were read from, e.g. `do_kod`.
  package var idProperty: String
  /// Whether the coordinates are lon/lat degrees or projected metres.
  package var coordinateSystem: CoordinateSystem
  /// Where the layer came from (a file name), for messages and credits.
  package var source: String?

  /// Creates a layer.
  package init(
    features: [AreaFeature], idProperty: String, coordinateSystem: CoordinateSystem = .geographic,
    source: String? = nil
  ) {
    self.features = features
    self.idProperty = idProperty
    self.coordinateSystem = coordinateSystem
    self.source = source
  }

  /// The area codes in file order.
  public var ids: [String] { features.map(\.id) }

  /// The feature with a given code, or `nil`.
  ///
  /// - Complexity: O(*n*) in the number of features.
  package func feature(id: String) -> AreaFeature? { features.first { $0.id == id } }
}
