import KraftsamlingCore
import KraftsamlingIndex

/// Points checked and indexed for the distance-based weights: one finite
/// point per area, a metric, and a k-d tree in the metric's embedding.
struct PointLayout {
  let ids: [String]
  let metric: PointDistance
  let tree: PointTree
  /// Row of each code.
  let index: [String: Int]

  init(ids: [String], points: [Coordinate], metric: PointDistance) throws(GeographyError) {
    guard ids.count == points.count else {
      throw GeographyError(.invalidParameter, "need one point per area: \(ids.count) areas but \(points.count) points")
    }
    index = try NeighbourGraph.makeIndex(ids)
    for (id, p) in zip(ids, points) where !(p.x.isFinite && p.y.isFinite) {
      throw GeographyError(.invalidParameter, "area \(id) has no finite point (\(p))", areas: [id])
    }
    if case .greatCircle = metric {
      for (id, p) in zip(ids, points) where abs(p.y) > 90 || abs(p.x) > 360 {
        throw GeographyError(
          .invalidParameter, "area \(id) has point \(p), not longitude/latitude in degrees; use euclidean distance",
          areas: [id])
      }
    }
    self.ids = ids
    self.metric = try metric.validated()
    tree = PointTree(points.map(metric.embed))
  }

  var count: Int { ids.count }

  /// The `k` nearest other points of `i` with their distances, nearest
  /// first, ties by lower index.
  func nearest(_ i: Int, k: Int) -> [(index: Int, distance: Double)] {
    tree.nearest(to: i, k: k).map { ($0.index, metric.fromChord($0.squaredDistance.squareRoot())) }
  }

  /// Every other point within `threshold` of `i` (inclusive), by index.
  func within(_ threshold: Double, of i: Int) -> [(index: Int, distance: Double)] {
    guard case .greatCircle = metric else {
      // As scipy: squared distance against the squared threshold.
      return tree.within(threshold * threshold, of: i).map { ($0.index, $0.squaredDistance.squareRoot()) }
    }
    // Search a hair wider in chord space; the arc distance decides.
    let chord = metric.toChord(threshold) * (1 + 1e-12)
    return tree.within(chord * chord, of: i).map { ($0.index, metric.fromChord($0.squaredDistance.squareRoot())) }
      .filter { $0.distance <= threshold }
  }
}

extension NeighbourGraph {
  /// The *k*-nearest-neighbour graph of points (libpysal `KNN`): each area
  /// is linked to the `k` areas whose points are nearest to its own.
  ///
  /// The graph is not symmetric (*j* may be among *i*'s nearest without
  /// the converse); call ``symmetrized()`` for that. Coincident points are
  /// neighbours at distance 0, as in libpysal. When several points tie at
  /// the *k*-th distance, the ones with the lower index (earlier in `ids`)
  /// are taken; libpysal keeps whichever scipy's k-d tree meets first,
  /// which its documentation calls arbitrary.
  ///
  /// ```swift
  /// let g = try NeighbourGraph.nearestNeighbours(
  ///   k: 6, ids: layer.features.map(\.id), points: centroids, distance: .euclidean)
  /// ```
  ///
  /// - Parameters:
  ///   - k: The number of neighbours per area, 1 or more (fewer only when
  ///     there are not `k` other areas).
  ///   - ids: The area codes, unique.
  ///   - points: One point per area (centroid or label point).
  ///   - distance: How distances are measured.
  /// - Throws: ``GeographyError`` for a repeated code, a point that is not
  ///   finite (or not longitude/latitude with ``PointDistance/greatCircle(radius:)``)
  ///   or *k* < 1.
  /// - Complexity: O(*n* log *n* + *n k* log *k*) expected, with a k-d tree.
  public static func nearestNeighbours(k: Int, ids: [String], points: [Coordinate], distance: PointDistance)
    throws(GeographyError) -> NeighbourGraph
  {
    guard k >= 1 else { throw GeographyError(.invalidParameter, "k must be at least 1, not \(k)") }
    let layout = try PointLayout(ids: ids, points: points, metric: distance)
    let (width, flat, _) = layout.tree.allNearest(k: k)
    // Rows sorted ascending, unique and self-free: the checked initialiser's form.
    var neighbours = flat
    var offsets = [Int](repeating: 0, count: ids.count + 1)
    for i in 0..<ids.count {
      offsets[i + 1] = (i + 1) * width
      neighbours[(i * width)..<((i + 1) * width)].sort()
    }
    return NeighbourGraph(validIDs: ids, index: layout.index, offsets: offsets, neighbourIndices: neighbours)
  }

  /// The binary distance-band graph of points (libpysal `DistanceBand`
  /// with `binary=True`): *i* and *j* are neighbours when 0 < *dᵢⱼ* ≤
  /// `threshold`.
  ///
  /// The band is inclusive, as libpysal's (scipy's sparse distance matrix
  /// keeps distances *equal* to the maximum). Coincident points (distance
  /// 0) are *not* neighbours, as in libpysal, whose sparse matrix cannot
  /// store a zero distance. Areas with nothing within the threshold are
  /// islands. The graph is symmetric.
  ///
  /// - Parameters:
  ///   - threshold: The largest distance of a neighbour, in the units of
  ///     `distance` (layer units, or the radius's unit for great-circle).
  ///   - ids: The area codes, unique.
  ///   - points: One point per area.
  ///   - distance: How distances are measured.
  /// - Throws: ``GeographyError`` for a repeated code, a point that is not
  ///   finite, or a threshold that is negative or not finite.
  /// - Complexity: O(*n* log *n* + *m*) expected for *m* links.
  public static func distanceBand(threshold: Double, ids: [String], points: [Coordinate], distance: PointDistance)
    throws(GeographyError) -> NeighbourGraph
  {
    let rows = try bandRows(threshold: threshold, ids: ids, points: points, distance: distance)
    return try NeighbourGraph(ids: ids, neighbours: rows.map { $0.map(\.index) })
  }

  /// The links of a distance band with their distances.
  static func bandRows(threshold: Double, ids: [String], points: [Coordinate], distance: PointDistance)
    throws(GeographyError) -> [[(index: Int, distance: Double)]]
  {
    guard threshold.isFinite, threshold >= 0 else {
      throw GeographyError(.invalidParameter, "the distance threshold must be a non-negative number, not \(threshold)")
    }
    let layout = try PointLayout(ids: ids, points: points, metric: distance)
    return (0..<layout.count).map { i in layout.within(threshold, of: i).filter { $0.distance > 0 } }
  }
}
