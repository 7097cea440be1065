/// A static k-d tree over points in three dimensions (the plane is z = 0),
/// answering k-nearest-neighbour and fixed-radius queries.
///
/// Built by median splits on the dimension of largest spread, with the
/// total order (coordinate, index), so the tree — and every answer — is
/// the same on every machine. Nearest neighbours are ranked by (distance,
/// index): among points at the same distance the lower index comes first.
///
/// - Complexity: build O(*n* log *n*); a k-nearest query O(log *n* + *k*)
///   expected for well-spread points; a radius query O(log *n* + answers).
struct PointTree {
  /// x, y, z of point *i* at `3i`, `3i + 1`, `3i + 2`.
  let coordinates: [Double]
  /// Point indices, reordered so that every node holds a contiguous range.
  private var order: [Int]
  private var nodes: [Node] = []

  private struct Node {
    var lo: Int
    var hi: Int
    /// The split dimension, or -1 for a leaf.
    var axis: Int
    var split: Double
    var left: Int
    var right: Int
  }

  private static let leafSize = 8

  var count: Int { order.count }

  init(_ points: [(Double, Double, Double)]) {
    var flat = [Double](repeating: 0, count: 3 * points.count)
    for (i, p) in points.enumerated() {
      flat[3 * i] = p.0
      flat[3 * i + 1] = p.1
      flat[3 * i + 2] = p.2
    }
    coordinates = flat
    order = Array(points.indices)
    nodes.reserveCapacity(2 * points.count / Self.leafSize + 2)
    if !points.isEmpty { _ = build(0, points.count) }
  }

  /// Builds the node over `order[lo..<hi]` and returns its index.
  private mutating func build(_ lo: Int, _ hi: Int) -> Int {
    let id = nodes.count
    nodes.append(Node(lo: lo, hi: hi, axis: -1, split: 0, left: -1, right: -1))
    guard hi - lo > Self.leafSize, let axis = widestAxis(lo, hi) else { return id }
    let mid = (lo + hi) / 2
    select(mid, lo, hi, axis)
    // Read the split before the children reorder their ranges.
    let split = coordinates[3 * order[mid] + axis]
    let left = build(lo, mid)
    let right = build(mid, hi)
    nodes[id] = Node(lo: lo, hi: hi, axis: axis, split: split, left: left, right: right)
    return id
  }

  /// The dimension with the largest spread, or `nil` if all points coincide.
  private func widestAxis(_ lo: Int, _ hi: Int) -> Int? {
    var best = -1
    var widest = 0.0
    for axis in 0..<3 {
      var mn = Double.infinity, mx = -Double.infinity
      for k in lo..<hi {
        let v = coordinates[3 * order[k] + axis]
        mn = Swift.min(mn, v)
        mx = Swift.max(mx, v)
      }
      if mx - mn > widest {
        widest = mx - mn
        best = axis
      }
    }
    return best < 0 ? nil : best
  }

  private func less(_ a: Int, _ b: Int, _ axis: Int) -> Bool {
    let u = coordinates[3 * a + axis], v = coordinates[3 * b + axis]
    return u != v ? u < v : a < b
  }

  /// Quickselect: puts the element of rank `k` (in the total order) at
  /// `order[k]`, smaller ones before it and larger ones after.
  private mutating func select(_ k: Int, _ lo: Int, _ hi: Int, _ axis: Int) {
    var lo = lo, hi = hi - 1
    while lo < hi {
      // Median of three as pivot, deterministic.
      let m = (lo + hi) / 2
      if less(order[m], order[lo], axis) { order.swapAt(m, lo) }
      if less(order[hi], order[lo], axis) { order.swapAt(hi, lo) }
      if less(order[m], order[hi], axis) { order.swapAt(m, hi) }
      let pivot = order[hi]
      var store = lo
      for r in lo..<hi where less(order[r], pivot, axis) {
        order.swapAt(r, store)
        store += 1
      }
      order.swapAt(store, hi)
      if store == k { return }
      if store < k { lo = store + 1 } else { hi = store - 1 }
    }
  }

  func squaredDistance(_ i: Int, _ j: Int) -> Double {
    let dx = coordinates[3 * i] - coordinates[3 * j]
    let dy = coordinates[3 * i + 1] - coordinates[3 * j + 1]
    let dz = coordinates[3 * i + 2] - coordinates[3 * j + 2]
    return dx * dx + dy * dy + dz * dz
  }

  /// The `k` points nearest to point `i` other than `i` itself, nearest
  /// first, ties by lower index; fewer when there are fewer points.
  func nearest(to i: Int, k: Int) -> [(index: Int, squaredDistance: Double)] {
    guard k > 0, !nodes.isEmpty else { return [] }
    var heap = NeighbourHeap(capacity: k)
    // Nodes to visit with a lower bound on their squared distance.
    var stack: [(node: Int, bound: Double)] = [(0, 0)]
    stack.reserveCapacity(64)
    while let (id, bound) = stack.popLast() {
      if heap.isFull && bound > heap.worst { continue }
      let node = nodes[id]
      if node.axis < 0 {
        for r in node.lo..<node.hi where order[r] != i {
          heap.offer(order[r], squaredDistance(i, order[r]))
        }
        continue
      }
      let diff = coordinates[3 * i + node.axis] - node.split
      let (near, far) = diff < 0 ? (node.left, node.right) : (node.right, node.left)
      // Far side pushed first so the near side is searched first.
      stack.append((far, Swift.max(bound, diff * diff)))
      stack.append((near, bound))
    }
    return heap.sorted()
  }

  /// The `k` nearest other points of every point, flattened: row *i* is
  /// `indices[i * w ..< (i + 1) * w]` with `w = min(k, count − 1)`, nearest
  /// first, ties by lower index. The same answers as ``nearest(to:k:)``,
  /// with the heap and stack reused across queries.
  func allNearest(k: Int) -> (width: Int, indices: [Int], squaredDistances: [Double]) {
    let n = count
    let w = Swift.max(0, Swift.min(k, n - 1))
    guard w > 0, !nodes.isEmpty else { return (0, [], []) }
    var indices = [Int](repeating: 0, count: n * w)
    var squared = [Double](repeating: 0, count: n * w)
    var heap = NeighbourHeap(capacity: w)
    var stack: [(node: Int, bound: Double)] = []
    stack.reserveCapacity(128)
    coordinates.withUnsafeBufferPointer { xyz in
      order.withUnsafeBufferPointer { order in
        nodes.withUnsafeBufferPointer { nodes in
          for i in 0..<n {
            heap.removeAll()
            stack.append((0, 0))
            let qx = xyz[3 * i], qy = xyz[3 * i + 1], qz = xyz[3 * i + 2]
            while let (id, bound) = stack.popLast() {
              if heap.isFull && bound > heap.worst { continue }
              let node = nodes[id]
              if node.axis < 0 {
                for r in node.lo..<node.hi {
                  let j = order[r]
                  if j == i { continue }
                  let dx = qx - xyz[3 * j], dy = qy - xyz[3 * j + 1], dz = qz - xyz[3 * j + 2]
                  heap.offer(j, dx * dx + dy * dy + dz * dz)
                }
                continue
              }
              let diff = xyz[3 * i + node.axis] - node.split
              let (near, far) = diff < 0 ? (node.left, node.right) : (node.right, node.left)
              stack.append((far, Swift.max(bound, diff * diff)))
              stack.append((near, bound))
            }
            heap.drainSorted { r, j, d2 in
              indices[i * w + r] = j
              squared[i * w + r] = d2
            }
          }
        }
      }
    }
    return (w, indices, squared)
  }

  /// Every point `j ≠ i` with squared distance to `i` at most `r2`.
  func within(_ r2: Double, of i: Int) -> [(index: Int, squaredDistance: Double)] {
    var out: [(index: Int, squaredDistance: Double)] = []
    guard !nodes.isEmpty else { return out }
    var stack: [Int] = [0]
    while let id = stack.popLast() {
      let node = nodes[id]
      if node.axis < 0 {
        for r in node.lo..<node.hi where order[r] != i {
          let d2 = squaredDistance(i, order[r])
          if d2 <= r2 { out.append((order[r], d2)) }
        }
        continue
      }
      let diff = coordinates[3 * i + node.axis] - node.split
      let (near, far) = diff < 0 ? (node.left, node.right) : (node.right, node.left)
      stack.append(near)
      if diff * diff <= r2 { stack.append(far) }
    }
    out.sort { $0.index < $1.index }
    return out
  }
}

/// A bounded max-heap of candidate neighbours ordered by (squared
/// distance, index).
private struct NeighbourHeap {
  private var items: [(index: Int, squaredDistance: Double)] = []
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    items.reserveCapacity(capacity)
  }

  var isFull: Bool { items.count == capacity }
  var worst: Double { items[0].squaredDistance }

  private static func above(_ a: (index: Int, squaredDistance: Double), _ b: (index: Int, squaredDistance: Double))
    -> Bool
  {
    a.squaredDistance != b.squaredDistance ? a.squaredDistance > b.squaredDistance : a.index > b.index
  }

  mutating func offer(_ index: Int, _ d2: Double) {
    let item = (index: index, squaredDistance: d2)
    if items.count < capacity {
      items.append(item)
      var c = items.count - 1
      while c > 0, Self.above(items[c], items[(c - 1) / 2]) {
        items.swapAt(c, (c - 1) / 2)
        c = (c - 1) / 2
      }
      return
    }
    guard Self.above(items[0], item) else { return }
    items[0] = item
    var p = 0
    while true {
      let l = 2 * p + 1, r = l + 1
      var m = p
      if l < items.count, Self.above(items[l], items[m]) { m = l }
      if r < items.count, Self.above(items[r], items[m]) { m = r }
      if m == p { return }
      items.swapAt(p, m)
      p = m
    }
  }

  mutating func removeAll() { items.removeAll(keepingCapacity: true) }

  /// Calls `body(rank, index, squaredDistance)` nearest first; leaves the
  /// heap sorted (call ``removeAll()`` before reusing it).
  mutating func drainSorted(_ body: (Int, Int, Double) -> Void) {
    items.sort { Self.above($1, $0) }
    for r in items.indices { body(r, items[r].index, items[r].squaredDistance) }
  }

  func sorted() -> [(index: Int, squaredDistance: Double)] {
    items.sorted { Self.above($1, $0) }
  }
}
