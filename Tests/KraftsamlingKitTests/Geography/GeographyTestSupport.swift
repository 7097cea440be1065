import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// Test helpers for the geography suites: hand-built polygons and the real
/// layers in the repository's `Data/` folder.
enum GeoFixtures {
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

  /// Malmö's 136 delområden (id `do_kod`), from the bundled copy of
  /// `Data/malmo/delomraden.geojson`.
  static var malmö: AreaLayer { MalmöData.layer }

  /// Sweden's 290 kommuner (id `kommun_kod`) from `Data/sverige/kommuner.geojson`,
  /// read with the library's GeoJSON reader. A missing or unreadable file
  /// throws, failing the test that asked for it.
  static func sweden() throws -> AreaLayer {
    try GeoJSONReader.read(path: Fixtures.dataPath("sverige/kommuner.geojson"), idProperty: "kommun_kod")
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
