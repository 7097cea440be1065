import Foundation
import KraftsamlingKit
import KraftsamlingKitData

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

  /// Malmö's 136 delområden (id `do_kod`), from the bundled copy of
  /// `../shared/data/malmo/delomraden.geojson`.
  static var malmö: AreaLayer { MalmöData.layer }

  /// Sweden's 290 kommuner (id `kommun_kod`), read with the library's GeoJSON reader.
  static let sweden: AreaLayer = {
    do {
      return try GeoJSONReader.read(path: sharedData("sverige/kommuner.geojson").path, idProperty: "kommun_kod")
    } catch {
      fatalError("cannot read ../shared/data/sverige/kommuner.geojson: \(error)")
    }
  }()

  /// Parses `code,neighbour` lines into a set of "code,neighbour" strings.
  static func pairs(_ text: String) -> Set<String> {
    Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
  }

  /// The links of a graph as "code,neighbour" strings.
  static func pairs(_ graph: NeighbourGraph) -> Set<String> {
    Set(graph.sortedPairs.map { "\($0.code),\($0.neighbour)" })
  }
}
