import KraftsamlingCore
import KraftsamlingIndex

extension SpatialWeights {
  /// The weights with every island linked to its nearest area (libpysal
  /// `attach_islands(w, KNN(k=1))`).
  ///
  /// An island *i* (an area without neighbours) gets its nearest area *j*
  /// by `distance` between `points` as neighbour, and *j* gets *i*; both
  /// links have weight 1, as in libpysal. Islands are handled in index
  /// order; an island that was already linked by an earlier island (the
  /// two are each other's nearest) is left as it is, so no link is added
  /// twice. Nearest ties go to the lower index.
  ///
  /// ```swift
  /// let (w, links) = try contiguity.graph.weights().linkingIslands(points: centroids, distance: .euclidean)
  /// links   // [(island: "1280", neighbour: "1281"), …]
  /// ```
  ///
  /// - Parameters:
  ///   - points: One point per area, in the order of ``ids``.
  ///   - distance: How distances are measured.
  /// - Returns: The weights and the links added, as (island, neighbour) codes.
  /// - Throws: ``GeographyError`` for a point that is not finite or a
  ///   count that does not match.
  /// - Complexity: O(*n* log *n* + *m*).
  public func linkingIslands(points: [Coordinate], distance: PointDistance) throws(GeographyError)
    -> (weights: SpatialWeights, links: [(island: String, neighbour: String)])
  {
    let islands = self.islands
    guard !islands.isEmpty, count > 1 else { return (self, []) }
    let layout = try PointLayout(ids: ids, points: points, metric: distance)
    var rows = (0..<count).map { i in zip(neighbours(of: i), weights(of: i)).map { (index: $0, weight: $1) } }
    var links: [(island: String, neighbour: String)] = []
    for i in islands where rows[i].isEmpty {
      guard let j = layout.nearest(i, k: 1).first?.index else { continue }
      rows[i].append((j, 1))
      rows[j].append((i, 1))
      links.append((ids[i], ids[j]))
    }
    var offsets = [0]
    for row in rows { offsets.append(offsets[offsets.count - 1] + row.count) }
    return (
      SpatialWeights(
        ids: ids, offsets: offsets, neighbourIndices: rows.flatMap { $0.map(\.index) },
        weightValues: rows.flatMap { $0.map(\.weight) }),
      links
    )
  }
}
