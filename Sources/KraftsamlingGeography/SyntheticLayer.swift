import KraftsamlingCore
import KraftsamlingIndex

/// Synthetic area layers for tests and benchmarks: reproducible from a
/// seed, with borders whose vertices are shared exactly, like a layer cut
/// from one topology.
///
/// ```swift
/// let layer = SyntheticLayer.grid(rows: 2, columns: 3, seed: 1)
/// layer.features.count                       // 6
/// layer.features[0].id                       // "r0c0"
/// try layer.contiguity(.rook).graph.linkCount   // 14: 7 shared edges, both directions
/// ```
package enum SyntheticLayer {
  /// A jittered grid of `rows × columns` quadrilaterals.
  ///
  /// The lattice corners (*r*, *c*) at (*c*·`cellSize`, *r*·`cellSize`)
  /// are each moved by a uniform random offset of up to `jitter`·`cellSize`
  /// in *x* and *y*; cell (*r*, *c*) is the ring through corners (r, c),
  /// (r, c+1), (r+1, c+1), (r+1, c), counter-clockwise. With
  /// `edgeVertices` > 0 each side also gets that many intermediate vertices
  /// (jittered sideways by up to `jitter`/4 of a cell), generated once per
  /// side so both cells sharing it have exactly the same coordinates. Hence
  /// exact rook contiguity is the 4-neighbourhood of the grid and exact
  /// queen contiguity the 8-neighbourhood.
  ///
  /// Feature ids are `r<row>c<column>`; the layer is `.projected` with
  /// coordinates in metres. Random numbers come from ``SeededGenerator``
  /// streams indexed by corner and side, so the layer depends only on the
  /// arguments.
  ///
  /// - Parameters:
  ///   - rows: Number of rows (≥ 1).
  ///   - columns: Number of columns (≥ 1).
  ///   - seed: The seed.
  ///   - cellSize: The side of an unjittered cell (default 100 m).
  ///   - jitter: The largest corner offset as a fraction of the cell side
  ///     (default 0.3; below 0.5 keeps every cell a simple polygon).
  ///   - edgeVertices: Extra shared vertices per side (default 0).
  /// - Returns: The layer.
  /// - Precondition: `rows ≥ 1`, `columns ≥ 1`, `0 ≤ jitter < 0.5`, `edgeVertices ≥ 0`.
  /// - Complexity: O(*rows* · *columns* · (1 + *edgeVertices*)).
  package static func grid(
    rows: Int, columns: Int, seed: UInt64, cellSize: Double = 100, jitter: Double = 0.3, edgeVertices: Int = 0
  ) -> AreaLayer {
    precondition(rows >= 1 && columns >= 1, "a grid needs at least one row and one column")
    precondition(jitter >= 0 && jitter < 0.5, "jitter must be in 0..<0.5 to keep cells simple")
    precondition(edgeVertices >= 0, "edgeVertices must not be negative")
    let root = SeededGenerator(seed: seed)
    let cornerColumns = columns + 1
    var corners = [Coordinate]()
    corners.reserveCapacity((rows + 1) * cornerColumns)
    for r in 0...rows {
      for c in 0...columns {
        var g = root.stream(UInt64(r * cornerColumns + c))
        let dx = (2 * g.uniform() - 1) * jitter * cellSize
        let dy = (2 * g.uniform() - 1) * jitter * cellSize
        corners.append(Coordinate(x: Double(c) * cellSize + dx, y: Double(r) * cellSize + dy))
      }
    }
    func corner(_ r: Int, _ c: Int) -> Coordinate { corners[r * cornerColumns + c] }
    // Intermediate vertices of a side from corner a to corner b, in that direction.
    let sideBase = UInt64((rows + 1) * cornerColumns)
    func side(_ key: UInt64, _ a: Coordinate, _ b: Coordinate) -> [Coordinate] {
      guard edgeVertices > 0 else { return [] }
      var g = root.stream(sideBase + key)
      let dx = b.x - a.x, dy = b.y - a.y
      let len = (dx * dx + dy * dy).squareRoot()
      let nx = -dy / len, ny = dx / len
      return (1...edgeVertices).map { k in
        let t = Double(k) / Double(edgeVertices + 1)
        let off = (2 * g.uniform() - 1) * jitter / 4 * cellSize
        return Coordinate(x: a.x + t * dx + off * nx, y: a.y + t * dy + off * ny)
      }
    }
    // Sides keyed uniquely: horizontal side (r, c)–(r, c+1) → 2·(r·cornerColumns + c); vertical → that + 1.
    func horizontal(_ r: Int, _ c: Int) -> [Coordinate] {
      side(UInt64(2 * (r * cornerColumns + c)), corner(r, c), corner(r, c + 1))
    }
    func vertical(_ r: Int, _ c: Int) -> [Coordinate] {
      side(UInt64(2 * (r * cornerColumns + c) + 1), corner(r, c), corner(r + 1, c))
    }
    var features: [AreaFeature] = []
    features.reserveCapacity(rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        var ring: [Coordinate] = []
        ring.reserveCapacity(5 + 4 * edgeVertices)
        ring.append(corner(r, c))
        ring += horizontal(r, c)
        ring.append(corner(r, c + 1))
        ring += vertical(r, c + 1)
        ring.append(corner(r + 1, c + 1))
        ring += horizontal(r + 1, c).reversed()
        ring.append(corner(r + 1, c))
        ring += vertical(r, c).reversed()
        ring.append(corner(r, c))
        features.append(AreaFeature(id: "r\(r)c\(c)", geometry: MultiPolygon([Polygon(exterior: ring)])))
      }
    }
    return AreaLayer(features: features, idProperty: "id", coordinateSystem: .projected, source: "synthetic grid")
  }
}
