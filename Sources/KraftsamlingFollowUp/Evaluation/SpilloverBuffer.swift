import KraftsamlingGeography

/// The areas a programme in the treated areas may spill over to.
enum SpilloverBuffer {
  /// The areas adjacent to a treated area (order 1), or within two steps
  /// (order 2), the treated areas themselves left out. Treated codes not in
  /// the graph contribute nothing.
  static func codes(around treated: [String], in graph: NeighbourGraph, order: Int) -> Set<String> {
    let treatedSet = Set(treated)
    var frontier = treated.compactMap { graph.index(of: $0) }
    var reached = Set(frontier)
    for _ in 0..<order {
      var next: [Int] = []
      for i in frontier {
        for j in graph.neighbours(of: i) where reached.insert(j).inserted { next.append(j) }
      }
      frontier = next
    }
    return Set(reached.map { graph.ids[$0] }).subtracting(treatedSet)
  }
}
