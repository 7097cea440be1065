import KraftsamlingCore
import KraftsamlingIndex

extension NeighbourGraph {
  /// The graph with every separate part (an island or a group of them)
  /// linked to the largest part by one link: between the two areas, one in
  /// each, whose centroids are closest (spopt's `policy="single"`).
  ///
  /// ```swift
  /// // a – b, and c alone further along the line: c is linked to b.
  /// let g = try NeighbourGraph(ids: ["a", "b", "c"], neighbours: [[1], [0], []])
  /// let joined = g.joiningComponents(centroids: [.init(x: 0, y: 0), .init(x: 1, y: 0), .init(x: 5, y: 0)])
  /// joined.links.map { "\($0.0)–\($0.1)" }   // ["c–b"]
  /// ```
  ///
  /// - Parameter centroids: One point per row (projected coordinates; for
  ///   longitude–latitude, distances are planar in degrees).
  /// - Returns: The symmetric joined graph and the links added, as
  ///   (area in the smaller part, area in the largest part).
  /// - Precondition: `centroids.count == count`.
  /// - Complexity: O(*s* · *L*) for *s* areas outside the largest part of *L*.
  public func joiningComponents(centroids: [Coordinate]) -> (graph: NeighbourGraph, links: [(String, String)]) {
    precondition(centroids.count == count, "need one centroid per area")
    let base = isSymmetric ? self : symmetrized()
    let parts = base.components()
    guard parts.count > 1 else { return (base, []) }
    let largest = parts[0]
    var rows = (0..<count).map { Array(base.neighbours(of: $0)) }
    var links: [(String, String)] = []
    for part in parts.dropFirst() {
      var best: (d: Double, a: Int, b: Int)?
      for a in part {
        for b in largest {
          let dx = centroids[a].x - centroids[b].x, dy = centroids[a].y - centroids[b].y
          let d = dx * dx + dy * dy
          if best == nil || d < best!.d { best = (d, a, b) }
        }
      }
      guard let best else { continue }
      rows[best.a].append(best.b)
      rows[best.b].append(best.a)
      links.append((ids[best.a], ids[best.b]))
    }
    // Rows hold valid, self-free indices, so this cannot throw.
    return ((try? NeighbourGraph(ids: ids, neighbours: rows)) ?? base, links)
  }
}
