/// The minimum spanning forest of a contiguity graph whose links weigh the
/// squared Euclidean distance between the areas' standardised attributes
/// (Kruskal's algorithm; ties by the smaller, then the larger row).
struct SpanningTree {
  /// The forest's neighbours of each row.
  var adjacency: [[Int]]

  /// Builds the forest.
  ///
  /// - Complexity: O(*m* log *m* + *m* · *p*).
  init(_ problem: RegionalizationProblem) {
    let g = problem.graph, p = problem.dimensions, z = problem.z
    var edges: [(w: Double, i: Int, j: Int)] = []
    edges.reserveCapacity(g.linkCount / 2)
    for i in 0..<g.count {
      for j in g.neighbours(of: i) where j > i {
        var d = 0.0
        for k in 0..<p { d += (z[i * p + k] - z[j * p + k]) * (z[i * p + k] - z[j * p + k]) }
        edges.append((d, i, j))
      }
    }
    edges.sort { $0.w != $1.w ? $0.w < $1.w : ($0.i != $1.i ? $0.i < $1.i : $0.j < $1.j) }
    var sets = DisjointSets(g.count)
    var adjacency = [[Int]](repeating: [], count: g.count)
    for e in edges where sets.union(e.i, e.j) {
      adjacency[e.i].append(e.j)
      adjacency[e.j].append(e.i)
    }
    self.adjacency = adjacency
  }

  /// The trees of the forest, each its rows ascending, ordered by first row.
  func trees() -> [[Int]] {
    var seen = [Bool](repeating: false, count: adjacency.count)
    var out: [[Int]] = []
    for s in 0..<adjacency.count where !seen[s] {
      var stack = [s], rows: [Int] = []
      seen[s] = true
      while let v = stack.popLast() {
        rows.append(v)
        for u in adjacency[v] where !seen[u] {
          seen[u] = true
          stack.append(u)
        }
      }
      out.append(rows.sorted())
    }
    return out
  }

  /// Removes the link between `a` and `b`.
  mutating func cut(_ a: Int, _ b: Int) {
    adjacency[a].removeAll { $0 == b }
    adjacency[b].removeAll { $0 == a }
  }
}

/// Union–find with path halving and union by smaller root.
struct DisjointSets {
  private var parent: [Int]

  init(_ n: Int) { parent = Array(0..<n) }

  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Joins the sets of `a` and `b`; `false` if they were one already.
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    let ra = find(a), rb = find(b)
    guard ra != rb else { return false }
    parent[max(ra, rb)] = min(ra, rb)
    return true
  }
}
