import Foundation
import KraftsamlingKit

/// Test helpers for the geography suites: hand-built polygons and the real
/// layers in `../shared/data` (beside the package checkout).
enum GeoFixtures {
  /// The package root (two levels above this file's folder).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared/data/<relative>` next to the package.
  static func sharedData(_ relative: String) -> URL {
    packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative)
  }

  /// A unit-less closed square ring from (x, y) with side `s`.
  static func square(_ x: Double, _ y: Double, _ s: Double = 1) -> [Coordinate] {
    Ring.rectangle(x, y, x + s, y + s)
  }

  /// A feature made of one square.
  static func squareFeature(_ id: String, _ x: Double, _ y: Double, _ s: Double = 1) -> AreaFeature {
    AreaFeature(id: id, geometry: MultiPolygon([Polygon(exterior: square(x, y, s))]))
  }

  /// A projected layer from features.
  static func layer(_ features: [AreaFeature]) -> AreaLayer {
    AreaLayer(features: features, idProperty: "id", coordinateSystem: .projected)
  }

  nonisolated(unsafe) private static var cache: [String: AreaLayer] = [:]
  private static let lock = NSLock()

  /// Malmö's 136 delområden (id `do_kod`).
  static var malmö: AreaLayer { get throws { try load("malmo/delomraden.geojson", idProperty: "do_kod") } }
  /// Sweden's 290 kommuner (id `kommun_kod`).
  static var sweden: AreaLayer { get throws { try load("sverige/kommuner.geojson", idProperty: "kommun_kod") } }

  /// Reads a GeoJSON FeatureCollection of Polygons/MultiPolygons with the
  /// library's JSON parser.
  static func load(_ relative: String, idProperty: String) throws -> AreaLayer {
    lock.lock()
    defer { lock.unlock() }
    if let l = cache[relative] { return l }
    let url = sharedData(relative)
    let data = try Data(contentsOf: url)
    let root = try JSONParser.parse(Array(data), file: url.lastPathComponent)
    var features: [AreaFeature] = []
    for f in root["features"]?.arrayValue ?? [] {
      var props: [String: String] = [:]
      for (k, v) in f["properties"]?.objectValue ?? [] { props[k] = v.scalarText }
      guard let g = f["geometry"], let type = g["type"]?.stringValue, let coords = g["coordinates"] else { continue }
      func ring(_ n: JSONNode) -> [Coordinate] {
        (n.arrayValue ?? []).map { Coordinate(x: $0.arrayValue![0].doubleValue!, y: $0.arrayValue![1].doubleValue!) }
      }
      func polygon(_ n: JSONNode) -> Polygon {
        let rings = (n.arrayValue ?? []).map(ring)
        return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
      }
      let geometry: MultiPolygon =
        type == "Polygon" ? MultiPolygon([polygon(coords)]) : MultiPolygon((coords.arrayValue ?? []).map(polygon))
      features.append(
        AreaFeature(id: props[idProperty] ?? "", properties: props, geometry: geometry, line: f.line))
    }
    let layer = AreaLayer(features: features, idProperty: idProperty, source: url.lastPathComponent)
    cache[relative] = layer
    return layer
  }

  /// Parses `code,neighbour` lines into a set of "code,neighbour" strings.
  static func pairs(_ text: String) -> Set<String> {
    Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
  }

  /// The links of a graph as "code,neighbour" strings.
  static func pairs(_ graph: NeighbourGraph) -> Set<String> {
    Set(graph.sortedPairs.map { "\($0.code),\($0.neighbour)" })
  }
}
