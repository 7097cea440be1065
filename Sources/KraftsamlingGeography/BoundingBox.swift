import KraftsamlingCore
import KraftsamlingIndex

/// An axis-aligned rectangle that contains a shape: the smallest and
/// largest *x* and *y* of its coordinates.
///
/// ```swift
/// let square = Polygon(exterior: [.init(x: 0, y: 0), .init(x: 2, y: 0),
///                                  .init(x: 2, y: 1), .init(x: 0, y: 1), .init(x: 0, y: 0)])
/// square.boundingBox   // BoundingBox(minX: 0, minY: 0, maxX: 2, maxY: 1)
/// ```
///
/// An *empty* box (no coordinates) has `minX > maxX`; ``isEmpty`` tells.
package struct BoundingBox: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The smallest *x*.
  package var minX: Double
  /// The smallest *y*.
  package var minY: Double
  /// The largest *x*.
  package var maxX: Double
  /// The largest *y*.
  package var maxY: Double

  /// Creates a box from its corners.
  package init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// The box that contains nothing; adding a point to it gives that point.
  package static let empty = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

  /// The smallest box containing `coordinates` (``empty`` if there are none).
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  package init<C: Collection>(_ coordinates: C) where C.Element == Coordinate {
    var box = BoundingBox.empty
    for c in coordinates { box.add(c) }
    self = box
  }

  /// Whether the box contains no point.
  package var isEmpty: Bool { minX > maxX || minY > maxY }
  /// `maxX − minX` (0 when empty).
  package var width: Double { isEmpty ? 0 : maxX - minX }
  /// `maxY − minY` (0 when empty).
  package var height: Double { isEmpty ? 0 : maxY - minY }
  /// The centre of the box.
  package var centre: Coordinate { Coordinate(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

  /// Grows the box to contain `c`.
  package mutating func add(_ c: Coordinate) {
    if c.x < minX { minX = c.x }
    if c.x > maxX { maxX = c.x }
    if c.y < minY { minY = c.y }
    if c.y > maxY { maxY = c.y }
  }

  /// The smallest box containing both boxes.
  package func union(_ other: BoundingBox) -> BoundingBox {
    BoundingBox(
      minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
      maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
  }

  /// Whether the boxes overlap or touch, after growing this one by `margin`
  /// on every side.
  package func intersects(_ other: BoundingBox, margin: Double = 0) -> Bool {
    !(other.minX > maxX + margin || other.maxX < minX - margin || other.minY > maxY + margin
      || other.maxY < minY - margin)
  }

  /// Whether `c` lies in the box (edges included).
  package func contains(_ c: Coordinate) -> Bool { c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY }

  /// `BoundingBox(minX: …, minY: …, maxX: …, maxY: …)`.
  package var description: String { "BoundingBox(minX: \(minX), minY: \(minY), maxX: \(maxX), maxY: \(maxY))" }
}

extension Polygon {
  /// The smallest box containing the exterior ring (holes lie inside it).
  ///
  /// - Complexity: O(*n*) in the number of exterior coordinates.
  package var boundingBox: BoundingBox { BoundingBox(exterior) }
}

extension MultiPolygon {
  /// The smallest box containing every part.
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  package var boundingBox: BoundingBox {
    polygons.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
  }
}

extension AreaLayer {
  /// The smallest box containing every feature of the layer.
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  package var boundingBox: BoundingBox {
    features.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
  }
}
