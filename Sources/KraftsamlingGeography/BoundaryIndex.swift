import KraftsamlingCore
import KraftsamlingIndex

/// The boundaries of every feature of a layer flattened into plain arrays:
/// the working data of the contiguity builders (not public API).
///
/// Vertices of all rings of all parts of all features are stored in file
/// order; each ring is closed (a ring stored open gets its first vertex
/// repeated). An *edge* is a pair of consecutive vertices of the same ring.
struct BoundaryIndex {
  /// Vertex coordinates.
  var xs: [Double] = []
  var ys: [Double] = []
  /// The feature each vertex belongs to.
  var owner: [Int32] = []
  /// For each vertex, whether an edge starts there (false for the last
  /// vertex of each ring).
  var startsEdge: [Bool] = []
  /// Vertex ranges of each feature: feature f owns `featureStart[f] ..< featureStart[f + 1]`.
  var featureStart: [Int] = [0]

  init(_ layer: AreaLayer) {
    let total = layer.features.reduce(0) { $0 + $1.geometry.vertexCount + $1.geometry.polygons.count * 2 }
    xs.reserveCapacity(total)
    ys.reserveCapacity(total)
    owner.reserveCapacity(total)
    startsEdge.reserveCapacity(total)
    for (f, feature) in layer.features.enumerated() {
      let o = Int32(truncatingIfNeeded: f)
      for polygon in feature.geometry.polygons {
        appendRing(polygon.exterior, owner: o)
        for hole in polygon.holes { appendRing(hole, owner: o) }
      }
      featureStart.append(xs.count)
    }
  }

  private mutating func appendRing(_ ring: [Coordinate], owner o: Int32) {
    guard let first = ring.first else { return }
    for c in ring {
      // `+ 0.0` turns −0.0 into +0.0, so that the two zeros hash alike.
      xs.append(c.x + 0.0)
      ys.append(c.y + 0.0)
      owner.append(o)
      startsEdge.append(true)
    }
    if let last = ring.last, last != first {
      xs.append(first.x + 0.0)
      ys.append(first.y + 0.0)
      owner.append(o)
      startsEdge.append(true)
    }
    startsEdge[startsEdge.count - 1] = false
  }

  var vertexCount: Int { xs.count }
  var featureCount: Int { featureStart.count - 1 }
}

/// An open-addressing hash table from 128-bit keys to dense ids
/// `0, 1, 2…` in order of first insertion. Linear probing, power-of-two
/// capacity at least twice the expected number of keys; no per-element
/// allocation. Ids do not depend on the hash function, so results are
/// deterministic.
struct DenseKeyTable {
  private var keysA: [UInt64]
  private var keysB: [UInt64]
  private var slots: [Int32]  // −1 = empty, else id
  private var mask: Int
  private(set) var count = 0

  init(expected: Int) {
    var cap = 16
    while cap < expected * 2 { cap <<= 1 }
    keysA = [UInt64](repeating: 0, count: cap)
    keysB = [UInt64](repeating: 0, count: cap)
    slots = [Int32](repeating: -1, count: cap)
    mask = cap - 1
  }

  @inline(__always)
  private static func mix(_ a: UInt64, _ b: UInt64) -> Int {
    // A fixed 64-bit mixer (the finaliser of MurmurHash3), not Swift's
    // per-process seeded Hasher: the table is rebuilt every run anyway.
    var h = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019)
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return Int(truncatingIfNeeded: h)
  }

  /// The id of the key, inserting it with the next id if new.
  @inline(__always)
  mutating func id(_ a: UInt64, _ b: UInt64) -> Int32 {
    if (count + 1) * 2 > slots.count { grow() }
    var i = Self.mix(a, b) & mask
    while true {
      let s = slots[i]
      if s < 0 {
        slots[i] = Int32(count)
        keysA[i] = a
        keysB[i] = b
        count += 1
        return slots[i]
      }
      if keysA[i] == a && keysB[i] == b { return s }
      i = (i + 1) & mask
    }
  }

  private mutating func grow() {
    let oldA = keysA, oldB = keysB, oldS = slots
    let cap = slots.count * 2
    keysA = [UInt64](repeating: 0, count: cap)
    keysB = [UInt64](repeating: 0, count: cap)
    slots = [Int32](repeating: -1, count: cap)
    mask = cap - 1
    for k in 0..<oldS.count where oldS[k] >= 0 {
      var i = Self.mix(oldA[k], oldB[k]) & mask
      while slots[i] >= 0 { i = (i + 1) & mask }
      slots[i] = oldS[k]
      keysA[i] = oldA[k]
      keysB[i] = oldB[k]
    }
  }
}

/// Groups items by a dense key id: for each group, the items in it (CSR
/// form, items in increasing order). Counting sort, O(n + groups).
struct Grouping {
  var start: [Int]
  var items: [Int32]

  init(keys: [Int32], groupCount: Int) {
    var start = [Int](repeating: 0, count: groupCount + 1)
    for k in keys where k >= 0 { start[Int(k) + 1] += 1 }
    for g in 0..<groupCount { start[g + 1] += start[g] }
    var fill = start
    var items = [Int32](repeating: 0, count: start[groupCount])
    for (i, k) in keys.enumerated() where k >= 0 {
      items[fill[Int(k)]] = Int32(truncatingIfNeeded: i)
      fill[Int(k)] += 1
    }
    self.start = start
    self.items = items
  }
}
