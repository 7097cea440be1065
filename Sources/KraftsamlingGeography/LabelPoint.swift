import KraftsamlingCore
import KraftsamlingIndex

/// A point guaranteed to lie inside a polygon, far from its edges: where a
/// map puts an area's label.
///
/// The main method is the *pole of inaccessibility* search of Agafonkin
/// (Mapbox `polylabel`, 2016): cover the bounding box with square cells,
/// keep them in a priority queue ordered by the best distance to the
/// boundary any point in the cell could have (the distance from the cell's
/// centre plus half its diagonal), split the most promising cell into four,
/// and stop when no cell can beat the best centre found by more than
/// `precision`. The result is within `precision` of the point that is
/// farthest from every edge (holes included), so labels land in the
/// "fattest" part of a concave area instead of at a centroid that may be
/// outside it.
///
/// Because the search works in a fixed number of steps on floating-point
/// data, a very thin polygon could in theory end with a point on or outside
/// the boundary. The result is therefore checked and, if it is not strictly
/// inside, replaced by a *scanline* point: the horizontal line through the
/// middle of the polygon's vertical extent (nudged off any vertex) is cut
/// by every ring, and the midpoint of the widest inside interval is
/// returned. By the even–odd rule that midpoint is inside.
///
/// ```swift
/// // An L-shape: the centroid (1.17, 1.17) is inside, but the label goes to the
/// // middle of the thicker arm.
/// let l = Polygon(exterior: [.init(x: 0, y: 0), .init(x: 4, y: 0), .init(x: 4, y: 1),
///                            .init(x: 1, y: 1), .init(x: 1, y: 4), .init(x: 0, y: 4), .init(x: 0, y: 0)])
/// l.labelPoint()   // a point with 0 < x < 4, 0 < y < 1 or 0 < x < 1, 0 < y < 4, ~0.5 from the edges
/// ```
///
/// - Complexity: O(*v* · log(1/ε) · *c*) where *v* is the number of
///   vertices, ε the relative precision and *c* the number of cells
///   examined (typically a few hundred); the scanline fallback is O(*v* log *v*).
extension Polygon {
  /// A point strictly inside the polygon (not in a hole), close to the
  /// pole of inaccessibility.
  ///
  /// Works in the polygon's own coordinates: project a longitude/latitude
  /// polygon first (or use ``AreaFeature/labelPoint(projection:)``), since
  /// degrees of longitude are shorter than degrees of latitude.
  ///
  /// - Parameter precision: How close to the true pole the answer must be,
  ///   in the polygon's units; `nil` means 1/1000 of the larger side of
  ///   the bounding box.
  /// - Returns: The point, or the first exterior vertex for a degenerate
  ///   polygon (fewer than three distinct vertices or zero area).
  public func labelPoint(precision: Double? = nil) -> Coordinate {
    let box = boundingBox
    guard !box.isEmpty, let first = exterior.first else { return Coordinate(x: 0, y: 0) }
    let cellSize = Swift.min(box.width, box.height)
    guard cellSize > 0, area > 0 else { return first }
    let eps = precision ?? Swift.max(box.width, box.height) / 1000
    let rings = self.rings
    let pole = poleOfInaccessibility(rings: rings, box: box, cellSize: cellSize, precision: eps)
    if signedDistance(pole, rings: rings) > 0 { return pole }
    return scanlinePoint(rings: rings, box: box) ?? pole
  }

  /// Whether a point is inside the polygon (even–odd rule over all rings;
  /// points exactly on the boundary may go either way).
  ///
  /// - Complexity: O(*v*).
  package func contains(_ p: Coordinate) -> Bool {
    var inside = false
    for ring in rings where ring.count >= 2 {
      var j = ring.count - 1
      for i in 0..<ring.count {
        let a = ring[i], b = ring[j]
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
          inside.toggle()
        }
        j = i
      }
    }
    return inside
  }
}

extension MultiPolygon {
  /// A point inside the largest part (by planar area), from
  /// ``Polygon/labelPoint(precision:)``.
  ///
  /// - Returns: `nil` when there are no parts.
  public func labelPoint(precision: Double? = nil) -> Coordinate? {
    guard let k = largestPartIndex else { return nil }
    return polygons[k].labelPoint(precision: precision)
  }

  /// Whether any part contains the point.
  package func contains(_ p: Coordinate) -> Bool { polygons.contains { $0.contains(p) } }
}

extension AreaFeature {
  /// A point inside the feature's largest part, for its label, in the
  /// feature's own coordinates.
  ///
  /// For longitude/latitude, pass a projection: the search then runs in
  /// metres and the answer is converted back to degrees. Without one the
  /// search runs directly on the coordinates (fine for projected layers).
  ///
  /// ```swift
  /// let holma = layer.feature(id: "25611")!
  /// holma.labelPoint(projection: layer.defaultProjection)   // ≈ (12.97…, 55.57…), inside Holma
  /// ```
  package func labelPoint(projection: (any MapProjection)? = nil) -> Coordinate? {
    guard let p = projection else { return geometry.labelPoint() }
    let projected = MultiPolygon(
      geometry.polygons.map { Polygon(exterior: $0.exterior.map(p.project), holes: $0.holes.map { $0.map(p.project) }) })
    return projected.labelPoint().map(p.unproject)
  }
}

/// Signed distance from `p` to the polygon boundary: positive inside.
func signedDistance(_ p: Coordinate, rings: [[Coordinate]]) -> Double {
  var inside = false
  var minD2 = Double.infinity
  for ring in rings where ring.count >= 2 {
    var j = ring.count - 1
    for i in 0..<ring.count {
      let a = ring[i], b = ring[j]
      if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
        inside.toggle()
      }
      let d2 = segmentDistanceSquared(p, a, b)
      if d2 < minD2 { minD2 = d2 }
      j = i
    }
  }
  let d = minD2.squareRoot()
  return inside ? d : -d
}

/// Squared distance from `p` to the segment `a`–`b`.
func segmentDistanceSquared(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
  var x = a.x, y = a.y
  let dx = b.x - x, dy = b.y - y
  if dx != 0 || dy != 0 {
    let t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy)
    if t > 1 {
      x = b.x
      y = b.y
    } else if t > 0 {
      x += dx * t
      y += dy * t
    }
  }
  let ex = p.x - x, ey = p.y - y
  return ex * ex + ey * ey
}

private struct LabelCell {
  var x: Double
  var y: Double
  var h: Double
  var d: Double
  var max: Double
  init(_ x: Double, _ y: Double, _ h: Double, rings: [[Coordinate]]) {
    self.x = x
    self.y = y
    self.h = h
    d = signedDistance(Coordinate(x: x, y: y), rings: rings)
    max = d + h * 2.0.squareRoot()
  }
}

private func poleOfInaccessibility(rings: [[Coordinate]], box: BoundingBox, cellSize: Double, precision: Double)
  -> Coordinate
{
  var heap: [LabelCell] = []
  func push(_ c: LabelCell) {
    heap.append(c)
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      if heap[parent].max >= heap[i].max { break }
      heap.swapAt(parent, i)
      i = parent
    }
  }
  func pop() -> LabelCell {
    let top = heap[0]
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < heap.count && heap[l].max > heap[m].max { m = l }
        if r < heap.count && heap[r].max > heap[m].max { m = r }
        if m == i { break }
        heap.swapAt(i, m)
        i = m
      }
    }
    return top
  }
  let h = cellSize / 2
  var x = box.minX
  while x < box.maxX {
    var y = box.minY
    while y < box.maxY {
      push(LabelCell(x + h, y + h, h, rings: rings))
      y += cellSize
    }
    x += cellSize
  }
  let c = Polygon(exterior: rings[0], holes: Array(rings.dropFirst())).centroid
  var best = LabelCell(c.x, c.y, 0, rings: rings)
  let boxCell = LabelCell(box.centre.x, box.centre.y, 0, rings: rings)
  if boxCell.d > best.d { best = boxCell }
  var steps = 0
  while !heap.isEmpty && steps < 100_000 {
    steps += 1
    let cell = pop()
    if cell.d > best.d { best = cell }
    if cell.max - best.d <= precision { continue }
    let h2 = cell.h / 2
    push(LabelCell(cell.x - h2, cell.y - h2, h2, rings: rings))
    push(LabelCell(cell.x + h2, cell.y - h2, h2, rings: rings))
    push(LabelCell(cell.x - h2, cell.y + h2, h2, rings: rings))
    push(LabelCell(cell.x + h2, cell.y + h2, h2, rings: rings))
  }
  return Coordinate(x: best.x, y: best.y)
}

/// The midpoint of the widest inside interval on a horizontal line through
/// the middle of the polygon, avoiding vertex heights.
private func scanlinePoint(rings: [[Coordinate]], box: BoundingBox) -> Coordinate? {
  var ys = rings.flatMap { $0.map(\.y) }
  ys.sort()
  // Pick the widest gap between distinct vertex heights near the middle, so the line meets no vertex.
  var bestY = box.centre.y
  var bestGap = -1.0
  for k in 1..<ys.count where ys[k] > ys[k - 1] {
    let gap = ys[k] - ys[k - 1]
    let mid = (ys[k] + ys[k - 1]) / 2
    // Prefer wide gaps near the vertical centre.
    let score = gap / (1 + abs(mid - box.centre.y) / Swift.max(box.height, .leastNonzeroMagnitude))
    if score > bestGap {
      bestGap = score
      bestY = mid
    }
  }
  var xs: [Double] = []
  for ring in rings where ring.count >= 2 {
    var j = ring.count - 1
    for i in 0..<ring.count {
      let a = ring[i], b = ring[j]
      if (a.y > bestY) != (b.y > bestY) {
        xs.append(a.x + (bestY - a.y) * (b.x - a.x) / (b.y - a.y))
      }
      j = i
    }
  }
  xs.sort()
  var best: Coordinate?
  var widest = 0.0
  var k = 0
  while k + 1 < xs.count {
    let w = xs[k + 1] - xs[k]
    if w > widest {
      widest = w
      best = Coordinate(x: (xs[k] + xs[k + 1]) / 2, y: bestY)
    }
    k += 2
  }
  return best
}
