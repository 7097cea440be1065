/// Articulation points of a region (the subgraph its members induce):
/// members whose removal disconnects it. Iterative Tarjan lowlink; scratch
/// arrays are reused between regions.
struct ArticulationFinder {
  private var discovery: [Int], low: [Int], parent: [Int], epoch: [Int]
  private var current = 0

  init(count: Int) {
    discovery = [Int](repeating: 0, count: count)
    low = discovery
    parent = discovery
    epoch = discovery
  }

  /// The articulation points of region `r`, whose members are connected.
  ///
  /// - Complexity: O(size + links of the members).
  mutating func articulationPoints(region r: Int, _ members: [Int], labels: [Int], graph: NeighbourGraph) -> Set<Int> {
    current += 1
    var cut = Set<Int>()
    guard let root = members.first else { return cut }
    var timer = 0, rootChildren = 0
    func visit(_ v: Int, from w: Int) {
      epoch[v] = current
      discovery[v] = timer
      low[v] = timer
      parent[v] = w
      timer += 1
    }
    visit(root, from: -1)
    var stack: [(v: Int, next: Int)] = [(root, graph.offsets[root])]
    while let top = stack.last {
      let v = top.v
      if top.next < graph.offsets[v + 1] {
        stack[stack.count - 1].next += 1
        let u = graph.neighbourIndices[top.next]
        guard labels[u] == r else { continue }
        if epoch[u] != current {
          visit(u, from: v)
          if v == root { rootChildren += 1 }
          stack.append((u, graph.offsets[u]))
        } else if u != parent[v] {
          low[v] = min(low[v], discovery[u])
        }
      } else {
        stack.removeLast()
        let w = parent[v]
        guard w >= 0 else { continue }
        low[w] = min(low[w], low[v])
        if w != root, low[v] >= discovery[w] { cut.insert(w) }
      }
    }
    if rootChildren > 1 { cut.insert(root) }
    return cut
  }
}
