import KraftsamlingCore
import KraftsamlingIndex

/// The contiguity builders behind ``Queen`` and ``Rook`` (not public API).
///
/// **Exact mode.** Every vertex gets a dense id from a hash table keyed by
/// the bit patterns of its coordinates (`DenseKeyTable`): equal
/// coordinates, equal id. Queen groups *vertices* by id; rook groups
/// *edges*, keyed by the unordered pair of their endpoint ids (so an edge
/// traversed in either direction matches). A counting sort lists the
/// members of each group, and then, area by area, every other area found
/// in one of its groups becomes a neighbour (a stamp array removes
/// duplicates without a set). Everything lives in flat arrays; no pair of
/// areas is ever compared directly, so the cost is linear in the number of
/// vertices plus the number of (area, shared vertex) incidences.
///
/// **Tolerance mode.** Segments are bucketed in a uniform grid whose cell
/// is the mean segment length (at least 2ε); each segment is entered in
/// every cell its bounding box, grown by ε, touches. Each pair of segments
/// of different areas meeting in a cell is tested once: distance ≤ ε
/// (queen contact), proper crossing (overlap), and for rook the length of
/// the part of one that runs within ε of the other, summed per pair of
/// areas. The exact rook links are added, so tolerance mode is a superset
/// of exact mode.
enum ContiguityEngine {
  static func run(layer: AreaLayer, edges: Bool, matching: BoundaryMatching, rule: String) -> Contiguity {
    let b = BoundaryIndex(layer)
    let n = b.featureCount
    var index: [String: Int] = [:]
    index.reserveCapacity(n)
    for (i, id) in layer.ids.enumerated() { index[id] = i }

    // Exact vertex ids.
    var table = DenseKeyTable(expected: b.vertexCount)
    var vertexGroup = [Int32](repeating: 0, count: b.vertexCount)
    for v in 0..<b.vertexCount {
      vertexGroup[v] = table.id(b.xs[v].bitPattern, b.ys[v].bitPattern)
    }
    var (offsets, flat): ([Int], [Int])
    if edges {
      var edgeTable = DenseKeyTable(expected: b.vertexCount)
      var edgeGroup: [Int32] = []
      var edgeOwner: [Int32] = []
      edgeGroup.reserveCapacity(b.vertexCount)
      edgeOwner.reserveCapacity(b.vertexCount)
      var featureEdgeStart = [0]
      featureEdgeStart.reserveCapacity(n + 1)
      for f in 0..<n {
        for v in b.featureStart[f]..<b.featureStart[f + 1] where b.startsEdge[v] {
          let ga = vertexGroup[v], gb = vertexGroup[v + 1]
          guard ga != gb else { continue }  // a repeated vertex is not an edge
          let lo = UInt64(UInt32(bitPattern: min(ga, gb))), hi = UInt64(UInt32(bitPattern: max(ga, gb)))
          edgeGroup.append(edgeTable.id(lo, hi))
          edgeOwner.append(Int32(truncatingIfNeeded: f))
        }
        featureEdgeStart.append(edgeGroup.count)
      }
      (offsets, flat) = gather(
        featureCount: n, itemStart: featureEdgeStart, groupOfItem: edgeGroup, ownerOfItem: edgeOwner,
        groupCount: edgeTable.count)
    } else {
      (offsets, flat) = gather(
        featureCount: n, itemStart: b.featureStart, groupOfItem: vertexGroup, ownerOfItem: b.owner,
        groupCount: table.count)
    }

    var overlaps: [AreaPair] = []
    if let tol = matching.tolerance {
      let extra = toleranceLinks(b, tolerance: tol, minimumShared: matching.minimumSharedLength, rook: edges)
      if !extra.links.isEmpty {
        var rows = (0..<n).map { Array(flat[offsets[$0]..<offsets[$0 + 1]]) }
        for (i, j) in extra.links {
          rows[i].append(j)
          rows[j].append(i)
        }
        offsets = [0]
        flat = []
        for var row in rows {
          row.sort()
          var last = -1
          for j in row where j != last {
            flat.append(j)
            last = j
          }
          offsets.append(flat.count)
        }
      }
      overlaps = extra.overlaps.sorted { $0 < $1 }.map { AreaPair(layer.ids[$0.0], layer.ids[$0.1]) }
    }
    let graph = NeighbourGraph(validIDs: layer.ids, index: index, offsets: offsets, neighbourIndices: flat)
    return Contiguity(graph: graph, rule: rule, matching: matching, overlaps: overlaps)
  }

  /// For each feature, the other features that own an item (vertex or
  /// edge) of one of its groups; rows sorted, unique.
  static func gather(
    featureCount n: Int, itemStart: [Int], groupOfItem: [Int32], ownerOfItem: [Int32], groupCount: Int
  ) -> ([Int], [Int]) {
    let groups = Grouping(keys: groupOfItem, groupCount: groupCount)
    var stamp = [Int32](repeating: -1, count: n)
    var offsets = [Int]()
    offsets.reserveCapacity(n + 1)
    offsets.append(0)
    var flat: [Int] = []
    flat.reserveCapacity(groupOfItem.count)
    groups.start.withUnsafeBufferPointer { start in
      groups.items.withUnsafeBufferPointer { items in
        for i in 0..<n {
          let me = Int32(truncatingIfNeeded: i)
          let rowStart = flat.count
          for item in itemStart[i]..<itemStart[i + 1] {
            let g = Int(groupOfItem[item])
            let s = start[g], e = start[g + 1]
            if e - s < 2 { continue }
            for k in s..<e {
              let j = ownerOfItem[Int(items[k])]
              if j != me && stamp[Int(j)] != me {
                stamp[Int(j)] = me
                flat.append(Int(j))
              }
            }
          }
          if flat.count - rowStart > 1 { flat[rowStart...].sort() }
          offsets.append(flat.count)
        }
      }
    }
    return (offsets, flat)
  }

  // MARK: Tolerance mode

  /// The pairs of features whose boundaries come within `tol` of each
  /// other (for rook: along more than `minimumShared`, or crossing), and
  /// the pairs whose boundaries properly cross (overlaps); each pair once,
  /// lower index first, in ascending order.
  static func toleranceLinks(_ b: BoundaryIndex, tolerance tol: Double, minimumShared: Double, rook: Bool)
    -> (links: [(Int, Int)], overlaps: [(Int, Int)])
  {
    let segments = BoundarySegments(b)
    guard segments.count > 0 else { return ([], []) }
    let grid = SegmentGrid(b, segments, tolerance: tol)
    return contacts(b, segments, grid, tolerance: tol, minimumShared: minimumShared, rook: rook)
  }

  /// The boundary segments of every feature (zero-length ones skipped), in
  /// vertex order, so a feature's segments are contiguous.
  struct BoundarySegments {
    /// The first vertex of each segment.
    var start: [Int] = []
    /// The feature of each segment.
    var owner: [Int32] = []
    /// The sum of the segments' lengths.
    var totalLength = 0.0
    /// The box around every vertex.
    var box = BoundingBox.empty
    /// The first segment of each feature, and the end.
    var featureStart: [Int]

    var count: Int { start.count }

    init(_ b: BoundaryIndex) {
      for v in 0..<b.vertexCount {
        box.add(Coordinate(x: b.xs[v], y: b.ys[v]))
        guard b.startsEdge[v] else { continue }
        let dx = b.xs[v + 1] - b.xs[v], dy = b.ys[v + 1] - b.ys[v]
        guard dx != 0 || dy != 0 else { continue }
        start.append(v)
        owner.append(b.owner[v])
        totalLength += (dx * dx + dy * dy).squareRoot()
      }
      let n = b.featureCount
      featureStart = [Int](repeating: 0, count: n + 1)
      for s in 0..<owner.count { featureStart[Int(owner[s]) + 1] += 1 }
      for f in 0..<n { featureStart[f + 1] += featureStart[f] }
    }
  }

  /// A uniform grid over the segments, whose cell is the mean segment
  /// length (at least 2ε); each segment is entered in every cell its
  /// bounding box, grown by ε, touches.
  struct SegmentGrid {
    /// The cell of each entry.
    var entryCell: [Int32] = []
    /// The segment of each entry.
    var entrySeg: [Int32] = []
    /// The first entry of each segment, and the end.
    var segEntryStart = [0]
    /// The entries of each cell.
    let cells: Grouping

    init(_ b: BoundaryIndex, _ segments: BoundarySegments, tolerance tol: Double) {
      let segCount = segments.count
      let box = segments.box
      let cell = max(
        segments.totalLength / Double(segCount), 2 * tol, (box.width + box.height) * 1e-9, .leastNormalMagnitude)
      let half = tol / 2 + cell * 1e-9
      var cellTable = DenseKeyTable(expected: segCount * 2)
      entryCell.reserveCapacity(segCount * 2)
      entrySeg.reserveCapacity(segCount * 2)
      segEntryStart.reserveCapacity(segCount + 1)
      for s in 0..<segCount {
        let v = segments.start[s]
        let x0 = min(b.xs[v], b.xs[v + 1]) - half, x1 = max(b.xs[v], b.xs[v + 1]) + half
        let y0 = min(b.ys[v], b.ys[v + 1]) - half, y1 = max(b.ys[v], b.ys[v + 1]) + half
        let cx0 = Int(((x0 - box.minX) / cell).rounded(.down)), cx1 = Int(((x1 - box.minX) / cell).rounded(.down))
        let cy0 = Int(((y0 - box.minY) / cell).rounded(.down)), cy1 = Int(((y1 - box.minY) / cell).rounded(.down))
        for cx in cx0...cx1 {
          for cy in cy0...cy1 {
            entryCell.append(cellTable.id(UInt64(bitPattern: Int64(cx)), UInt64(bitPattern: Int64(cy))))
            entrySeg.append(Int32(truncatingIfNeeded: s))
          }
        }
        segEntryStart.append(entryCell.count)
      }
      cells = Grouping(keys: entryCell, groupCount: cellTable.count)
    }
  }

  /// Tests each pair of segments of different features meeting in a grid
  /// cell once — distance ≤ ε, proper crossing and, for rook, the length
  /// run within ε summed per pair of features — and lists the links and
  /// overlaps feature by feature.
  private static func contacts(
    _ b: BoundaryIndex, _ segments: BoundarySegments, _ grid: SegmentGrid, tolerance tol: Double,
    minimumShared: Double, rook: Bool
  ) -> (links: [(Int, Int)], overlaps: [(Int, Int)]) {
    let n = b.featureCount
    let segStart = segments.start
    let segOwner = segments.owner
    let entryCell = grid.entryCell
    let entrySeg = grid.entrySeg
    let segEntryStart = grid.segEntryStart
    let cells = grid.cells
    var segStamp = [Int32](repeating: -1, count: segments.count)
    var touched = [Bool](repeating: false, count: n)
    var crossed = [Bool](repeating: false, count: n)
    var shared = [Double](repeating: 0, count: n)
    var touchedList: [Int] = []
    var links: [(Int, Int)] = []
    var overlaps: [(Int, Int)] = []
    let tol2 = tol * tol

    for i in 0..<n {
      for s in segments.featureStart[i]..<segments.featureStart[i + 1] {
        let vs = segStart[s]
        let a = Coordinate(x: b.xs[vs], y: b.ys[vs]), bb = Coordinate(x: b.xs[vs + 1], y: b.ys[vs + 1])
        for e in segEntryStart[s]..<segEntryStart[s + 1] {
          let c = Int(entryCell[e])
          for k in cells.start[c]..<cells.start[c + 1] {
            let t = Int(entrySeg[Int(cells.items[k])])
            let j = Int(segOwner[t])
            guard j > i, segStamp[t] != Int32(truncatingIfNeeded: s) else { continue }
            segStamp[t] = Int32(truncatingIfNeeded: s)
            let vt = segStart[t]
            let p = Coordinate(x: b.xs[vt], y: b.ys[vt]), q = Coordinate(x: b.xs[vt + 1], y: b.ys[vt + 1])
            let crosses = properlyCross(a, bb, p, q)
            let d2 =
              crosses
              ? 0
              : min(
                segmentDistanceSquared(p, a, bb), segmentDistanceSquared(q, a, bb),
                segmentDistanceSquared(a, p, q), segmentDistanceSquared(bb, p, q))
            guard d2 <= tol2 else { continue }
            if !touched[j] {
              touched[j] = true
              touchedList.append(j)
            }
            if crosses { crossed[j] = true }
            if rook { shared[j] += sharedLength(a, bb, p, q, tolerance: tol) }
          }
        }
      }
      touchedList.sort()
      for j in touchedList {
        if !rook || crossed[j] || shared[j] > minimumShared { links.append((i, j)) }
        if crossed[j] { overlaps.append((i, j)) }
        touched[j] = false
        crossed[j] = false
        shared[j] = 0
      }
      touchedList.removeAll(keepingCapacity: true)
    }
    return (links, overlaps)
  }

  /// Whether segments a–b and p–q cross at a single interior point of both.
  @inline(__always)
  static func properlyCross(_ a: Coordinate, _ b: Coordinate, _ p: Coordinate, _ q: Coordinate) -> Bool {
    func orient(_ o: Coordinate, _ u: Coordinate, _ v: Coordinate) -> Double {
      (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x)
    }
    let o1 = orient(a, b, p), o2 = orient(a, b, q), o3 = orient(p, q, a), o4 = orient(p, q, b)
    return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))
  }

  /// The length, measured along a–b, of the part of a–b alongside which
  /// p–q runs within `tolerance`.
  static func sharedLength(_ a: Coordinate, _ b: Coordinate, _ p: Coordinate, _ q: Coordinate, tolerance: Double)
    -> Double
  {
    let dx = b.x - a.x, dy = b.y - a.y
    let len = (dx * dx + dy * dy).squareRoot()
    guard len > 0 else { return 0 }
    let ux = dx / len, uy = dy / len
    // Positions along a–b and signed offsets from its line.
    let tp = (p.x - a.x) * ux + (p.y - a.y) * uy, tq = (q.x - a.x) * ux + (q.y - a.y) * uy
    let op = (p.y - a.y) * ux - (p.x - a.x) * uy, oq = (q.y - a.y) * ux - (q.x - a.x) * uy
    guard tq != tp else { return 0 }
    var lo = max(0, min(tp, tq)), hi = min(len, max(tp, tq))
    guard hi > lo else { return 0 }
    if oq == op {
      return abs(op) <= tolerance ? hi - lo : 0
    }
    // The offset is linear in the position; keep where |offset| ≤ tolerance.
    let t1 = tp + (tolerance - op) * (tq - tp) / (oq - op)
    let t2 = tp + (-tolerance - op) * (tq - tp) / (oq - op)
    lo = max(lo, min(t1, t2))
    hi = min(hi, max(t1, t2))
    return hi > lo ? hi - lo : 0
  }
}
