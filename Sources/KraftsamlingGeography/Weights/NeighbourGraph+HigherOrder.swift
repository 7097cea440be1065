import KraftsamlingCore
import KraftsamlingIndex

extension NeighbourGraph {
  /// Neighbours of order *k* (libpysal `higher_order`): *j* is a neighbour
  /// of *i* when the shortest path of links from *i* to *j* has exactly
  /// `order` steps, or — with `includingLowerOrders` — at most `order`
  /// steps (libpysal `higher_order(w, k, lower_order=True)`).
  ///
  /// An area is never its own neighbour (libpysal `diagonal=False`). Paths
  /// follow links in their direction, so a non-symmetric graph (such as
  /// k-nearest neighbours) gives the powers of its non-symmetric matrix, as
  /// in libpysal.
  ///
  /// ```swift
  /// // a – b – c – d in a row.
  /// let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
  /// g.higherOrder(2).neighbours(of: "a")                               // ["c"]
  /// g.higherOrder(2, includingLowerOrders: true).neighbours(of: "a")   // ["b", "c"]
  /// ```
  ///
  /// - Parameters:
  ///   - order: The order *k* ≥ 1 (1 returns the graph itself).
  ///   - includingLowerOrders: Also keep neighbours of orders 1…*k* − 1.
  /// - Returns: The graph of order-*k* neighbours.
  /// - Complexity: O(*n* · *r*) where *r* is the number of areas within
  ///   `order` steps of an area (breadth-first search from every area).
  public func higherOrder(_ order: Int, includingLowerOrders: Bool = false) -> NeighbourGraph {
    let order = Swift.max(order, 1)
    var depth = [Int](repeating: -1, count: count)
    var rows: [[Int]] = []
    rows.reserveCapacity(count)
    for i in 0..<count {
      var frontier = [i]
      var seen = [i]
      depth[i] = 0
      var row: [Int] = []
      for step in 1...order {
        var next: [Int] = []
        for u in frontier {
          for v in neighbours(of: u) where depth[v] < 0 {
            depth[v] = step
            seen.append(v)
            next.append(v)
          }
        }
        if includingLowerOrders || step == order { row.append(contentsOf: next) }
        frontier = next
      }
      for v in seen { depth[v] = -1 }
      rows.append(row)
    }
    return (try? NeighbourGraph(ids: ids, neighbours: rows)) ?? self
  }

  /// The links of either graph (libpysal `w_union`): *j* is a neighbour of
  /// *i* if it is in `self` or in `other`.
  ///
  /// - Parameter other: A graph over the same area codes in the same order.
  /// - Throws: ``GeographyError`` `invalidParameter` if the codes differ.
  /// - Complexity: O(*n* + *m* log *d*).
  public func union(_ other: NeighbourGraph) throws(GeographyError) -> NeighbourGraph {
    try combined(other) { a, b in Array(Set(a).union(b)) }
  }

  /// The links in both graphs (libpysal `w_intersection`): *j* is a
  /// neighbour of *i* only if it is in `self` and in `other`.
  ///
  /// - Parameter other: A graph over the same area codes in the same order.
  /// - Throws: ``GeographyError`` `invalidParameter` if the codes differ.
  /// - Complexity: O(*n* + *m* log *d*).
  public func intersection(_ other: NeighbourGraph) throws(GeographyError) -> NeighbourGraph {
    try combined(other) { a, b in a.filter(Set(b).contains) }
  }

  private func combined(_ other: NeighbourGraph, _ rule: (ArraySlice<Int>, ArraySlice<Int>) -> [Int])
    throws(GeographyError) -> NeighbourGraph
  {
    guard ids == other.ids else {
      throw GeographyError(
        .invalidParameter, "the two graphs must have the same areas in the same order (\(count) and \(other.count) areas)")
    }
    let rows = (0..<count).map { rule(neighbours(of: $0), other.neighbours(of: $0)) }
    return try NeighbourGraph(ids: ids, neighbours: rows)
  }
}
