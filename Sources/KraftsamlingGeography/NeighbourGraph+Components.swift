import KraftsamlingCore
import KraftsamlingIndex

extension NeighbourGraph {
  /// The connected components: groups of areas linked by chains of
  /// neighbours.
  ///
  /// Links are followed in both directions, so an asymmetric graph gives
  /// its *weakly* connected components. Each component lists its rows
  /// ascending; components are ordered by size (largest first), ties by
  /// their smallest row. An island is a component of one.
  ///
  /// ```swift
  /// // Sweden's kommuner under rook contiguity: the mainland (283), Öland's
  /// // two kommuner, and five islands (Ekerö, Lidingö, Gotland, Öckerö, Tjörn).
  /// sweden.components().map(\.count)   // [283, 2, 1, 1, 1, 1, 1]
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) (union–find with path halving).
  public func components() -> [[Int]] {
    components(of: Array(0..<count))
  }

  /// The connected components of the subgraph induced by `rows`: two
  /// selected areas are in the same component when a chain of neighbours
  /// *inside the selection* joins them.
  ///
  /// Rows outside `0..<count` and repeats are ignored. Ordering as in
  /// ``components()``.
  ///
  /// - Complexity: O(*n* + *m*) for *m* links.
  package func components(of rows: [Int]) -> [[Int]] {
    var selected = [Bool](repeating: false, count: count)
    for r in rows where r >= 0 && r < count { selected[r] = true }
    var parent = Array(0..<count)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    for i in 0..<count where selected[i] {
      for j in neighbours(of: i) where selected[j] {
        let a = find(i), b = find(j)
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    var groupOfRoot = [Int](repeating: -1, count: count)
    var groups: [[Int]] = []
    for i in 0..<count where selected[i] {
      let r = find(i)
      if groupOfRoot[r] < 0 {
        groupOfRoot[r] = groups.count
        groups.append([])
      }
      groups[groupOfRoot[r]].append(i)
    }
    groups.sort { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    return groups
  }
}
