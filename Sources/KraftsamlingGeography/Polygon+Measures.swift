import KraftsamlingCore
import KraftsamlingIndex

/// Planar measures of rings, polygons and multipolygons: signed and
/// unsigned area by the shoelace formula, perimeter and area centroid.
///
/// The measures are *planar*: they treat `x` and `y` as Cartesian
/// coordinates in the same unit. For a layer in longitude/latitude, project
/// it first (``AreaLayer/projected(with:)``) to get square metres; areas of
/// raw degrees are only useful to compare shapes at the same latitude.
///
/// ```swift
/// // A 4 × 4 square with a 2 × 2 hole: 16 − 4 = 12.
/// let outer = Ring.rectangle(0, 0, 4, 4), hole = Ring.rectangle(1, 1, 3, 3)
/// Polygon(exterior: outer, holes: [hole]).area   // 12.0
/// ```
///
/// The shoelace formula (Gauss's area formula): for a closed ring
/// p₀ … pₙ = p₀, A = ½ Σₖ (xₖ·yₖ₊₁ − xₖ₊₁·yₖ), positive for
/// counter-clockwise rings. KraftsamlingKit evaluates it with coordinates
/// taken relative to the ring's first vertex, which avoids the
/// cancellation of large products for projected coordinates (SWEREF 99 TM
/// northings are about 6 × 10⁶ m).
package enum Ring {
  /// The signed area of a ring by the shoelace formula: positive when the
  /// ring runs counter-clockwise (in a y-up system), negative when
  /// clockwise. The ring may be closed (last = first) or not.
  ///
  /// ```swift
  /// Ring.signedArea(Ring.rectangle(0, 0, 2, 1))   // 2.0 (counter-clockwise)
  /// ```
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  package static func signedArea<C: RandomAccessCollection>(_ ring: C) -> Double
  where C.Element == Coordinate, C.Index == Int {
    guard ring.count >= 3 else { return 0 }
    let o = ring[ring.startIndex]
    var sum = 0.0
    var px = 0.0
    var py = 0.0
    for k in (ring.startIndex + 1)..<ring.endIndex {
      let x = ring[k].x - o.x
      let y = ring[k].y - o.y
      sum += px * y - x * py
      px = x
      py = y
    }
    // Closing edge back to the origin vertex (0, 0) contributes px·0 − 0·py = 0.
    return sum / 2
  }

  /// The perimeter of a ring (closing edge included when the ring is not
  /// stored closed).
  ///
  /// - Complexity: O(*n*).
  package static func length<C: RandomAccessCollection>(_ ring: C) -> Double
  where C.Element == Coordinate, C.Index == Int {
    guard ring.count >= 2 else { return 0 }
    var total = 0.0
    var prev = ring[ring.endIndex - 1]
    for c in ring {
      total += ((c.x - prev.x) * (c.x - prev.x) + (c.y - prev.y) * (c.y - prev.y)).squareRoot()
      prev = c
    }
    return total
  }

  /// A closed, counter-clockwise axis-aligned rectangle ring, handy for
  /// tests and examples: `(minX, minY) → (maxX, minY) → (maxX, maxY) →
  /// (minX, maxY) → (minX, minY)`.
  package static func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Coordinate] {
    [
      Coordinate(x: minX, y: minY), Coordinate(x: maxX, y: minY), Coordinate(x: maxX, y: maxY),
      Coordinate(x: minX, y: maxY), Coordinate(x: minX, y: minY),
    ]
  }
}

extension Polygon {
  /// The planar area: |area of the exterior| − Σ |area of each hole|, by
  /// the shoelace formula. Ring orientation does not matter.
  ///
  /// ```swift
  /// Polygon(exterior: Ring.rectangle(0, 0, 4, 4), holes: [Ring.rectangle(1, 1, 3, 3)]).area  // 12.0
  /// ```
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  public var area: Double {
    var a = abs(Ring.signedArea(exterior))
    for h in holes { a -= abs(Ring.signedArea(h)) }
    return a
  }

  /// The total length of all rings (holes included).
  ///
  /// - Complexity: O(*n*).
  package var perimeter: Double { rings.reduce(0) { $0 + Ring.length($1) } }

  /// The area centroid (centre of mass) of the polygon with its holes, or
  /// the exterior's first vertex for a degenerate polygon of zero area.
  ///
  /// The centroid may lie outside a concave polygon; use ``labelPoint(precision:)``
  /// for a point guaranteed to be inside.
  ///
  /// - Complexity: O(*n*).
  package var centroid: Coordinate {
    guard let o = exterior.first else { return Coordinate(x: 0, y: 0) }
    var sumA = 0.0
    var sumX = 0.0
    var sumY = 0.0
    for (r, ring) in rings.enumerated() {
      let sign: Double = {
        let s = Ring.signedArea(ring)
        // Exterior counts positively, holes negatively, whatever their orientation.
        return (r == 0) == (s >= 0) ? 1 : -1
      }()
      guard ring.count >= 2 else { continue }
      var prev = ring[ring.count - 1]
      for c in ring {
        let x0 = prev.x - o.x, y0 = prev.y - o.y, x1 = c.x - o.x, y1 = c.y - o.y
        let cross = (x0 * y1 - x1 * y0) * sign
        sumA += cross
        sumX += (x0 + x1) * cross
        sumY += (y0 + y1) * cross
        prev = c
      }
    }
    guard sumA != 0 else { return o }
    return Coordinate(x: o.x + sumX / (3 * sumA), y: o.y + sumY / (3 * sumA))
  }
}

extension MultiPolygon {
  /// The planar area: the sum of the parts' areas (parts are assumed not to
  /// overlap, as GeoJSON requires).
  ///
  /// - Complexity: O(*n*) in the number of coordinates.
  public var area: Double { polygons.reduce(0) { $0 + $1.area } }

  /// The total length of all rings of all parts.
  ///
  /// - Complexity: O(*n*).
  package var perimeter: Double { polygons.reduce(0) { $0 + $1.perimeter } }

  /// The index of the part with the largest area (the "main" part, used for
  /// labels), or `nil` when there are no parts.
  package var largestPartIndex: Int? {
    polygons.indices.max { polygons[$0].area < polygons[$1].area }
  }
}
