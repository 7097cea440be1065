/// SKATER's greedy pruning of the minimum spanning forest.
struct SkaterSolver {
  /// The best cut of one tree: the link (parent, child) and how much it
  /// lowers the sum of squared deviations; the child's side is `below`.
  struct Cut {
    var gain: Double
    var parent: Int
    var child: Int
    var below: [Int]
  }

  let z: [Double]
  let p: Int
  let floorValues: [Double]
  let minimum: Double
  var forest: SpanningTree
  /// The current trees, each its rows.
  var trees: [[Int]]
  /// The best feasible cut of each tree, or `nil`.
  var cuts: [Cut?]
  /// Scratch: per row its parent in the rooted tree, subtree count, floor
  /// and attribute sums.
  private var parent: [Int], count: [Double], floorSum: [Double], sums: [Double]

  init(_ problem: RegionalizationProblem) {
    z = problem.z
    p = problem.dimensions
    floorValues = problem.floorValues
    minimum = problem.floor?.minimum ?? -Double.infinity
    forest = SpanningTree(problem)
    trees = forest.trees()
    let n = problem.graph.count
    parent = [Int](repeating: -1, count: n)
    count = [Double](repeating: 0, count: n)
    floorSum = [Double](repeating: 0, count: n)
    sums = [Double](repeating: 0, count: n * p)
    cuts = []
    cuts = trees.map { bestCut($0) }
  }

  func floorTotal(_ rows: [Int]) -> Double { rows.reduce(0) { $0 + floorValues[$1] } }

  /// One label per row: its tree's index.
  var labels: [Int] {
    var out = [Int](repeating: -1, count: floorValues.count)
    for (t, rows) in trees.enumerated() { for i in rows { out[i] = t } }
    return out
  }

  /// Cuts until there are `k` trees or no feasible cut is left.
  mutating func cut(until k: Int) {
    while trees.count < k {
      var best: Int?
      for (t, c) in cuts.enumerated() {
        guard let c else { continue }
        if let b = best, let cb = cuts[b], cb.gain >= c.gain { continue }
        best = t
      }
      guard let t = best, let c = cuts[t] else { return }
      forest.cut(c.parent, c.child)
      var inBelow = Set(c.below)
      let above = trees[t].filter { !inBelow.contains($0) }
      inBelow.removeAll()
      trees[t] = above
      trees.append(c.below.sorted())
      cuts[t] = bestCut(above)
      cuts.append(bestCut(trees[trees.count - 1]))
    }
  }

  /// The best feasible cut of the tree on `rows`, rooted at its first row.
  ///
  /// - Complexity: O(|rows| · p).
  mutating func bestCut(_ rows: [Int]) -> Cut? {
    guard rows.count > 1 else { return nil }
    let order = preorder(from: rows[0])
    for v in order.reversed() {
      count[v] = 1
      floorSum[v] = floorValues[v]
      for k in 0..<p { sums[v * p + k] = z[v * p + k] }
      for u in forest.adjacency[v] where u != parent[v] {
        count[v] += count[u]
        floorSum[v] += floorSum[u]
        for k in 0..<p { sums[v * p + k] += sums[u * p + k] }
      }
    }
    let root = rows[0], n = count[root], floorAll = floorSum[root]
    var best: (gain: Double, child: Int)?
    for v in order where v != root {
      let nb = count[v], na = n - nb
      guard floorSum[v] >= minimum, floorAll - floorSum[v] >= minimum else { continue }
      var d2 = 0.0
      for k in 0..<p {
        let b = sums[v * p + k], a = sums[root * p + k] - b
        let diff = a / na - b / nb
        d2 += diff * diff
      }
      let gain = na * nb / n * d2
      if best == nil || gain > best!.gain { best = (gain, v) }
    }
    guard let best else { return nil }
    return Cut(gain: best.gain, parent: parent[best.child], child: best.child, below: subtree(best.child))
  }

  /// The rows of the tree from `root` in depth-first preorder; sets `parent`.
  private mutating func preorder(from root: Int) -> [Int] {
    var order: [Int] = [], stack = [root]
    parent[root] = -1
    while let v = stack.popLast() {
      order.append(v)
      for u in forest.adjacency[v] where u != parent[v] {
        parent[u] = v
        stack.append(u)
      }
    }
    return order
  }

  /// The rows below `child` (inclusive) in the current rooting.
  private func subtree(_ child: Int) -> [Int] {
    var out: [Int] = [], stack = [child]
    while let v = stack.popLast() {
      out.append(v)
      for u in forest.adjacency[v] where u != parent[v] { stack.append(u) }
    }
    return out
  }
}
