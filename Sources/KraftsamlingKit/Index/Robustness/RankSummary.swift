/// Per-area statistics of the ranks an area got over the replications of
/// an uncertainty analysis, computed from one flat replication-major buffer.
struct RankSummary: Sendable, Hashable {
  /// Replications in which the area had a score.
  var count: Int
  /// The sum of its ranks (for the mean).
  var sum: Int
  var best: Int
  var worst: Int
  var p05: Double
  var median: Double
  var p95: Double
  /// Replications in which it was selected.
  var selected: Int

  /// The probabilities of the reported quantiles.
  static let probabilities: [Double] = [0.05, 0.5, 0.95]

  /// Summaries of `areas` areas from `ranks`, replication-major
  /// (`ranks[r·areas + k]`, 0 = no score), and their selection counts
  /// (`selected[k]`).
  ///
  /// Quantiles are Hyndman & Fan's type 7 (R's `quantile` default, as
  /// COINr's `RankStats`): with the *c* ranks sorted x₁ ≤ … ≤ x_c,
  /// h = 1 + (c − 1)·p, Q = (1 − (h − ⌊h⌋))·x_⌊h⌋ + (h − ⌊h⌋)·x_⌈h⌉.
  ///
  /// Areas are processed in tiles of 32 on the worker threads: a tile's
  /// ranks are gathered (one cache line per replication for 16-bit ranks),
  /// then each area's order statistics are read off a histogram of its rank
  /// range, or a sort when the range is much wider than the replications.
  ///
  /// - Complexity: O(*R*·*n* + Σ range) time for *R* replications and *n*
  ///   areas, O(32·*R* + *n*) extra memory per thread.
  static func summarize<T: FixedWidthInteger & UnsignedInteger & Sendable>(
    ranks: UnsafeBufferPointer<T>, replications: Int, areas n: Int, selected: [Int], threads: Int
  ) -> [RankSummary] {
    var out = [RankSummary](
      repeating: RankSummary(count: 0, sum: 0, best: 0, worst: 0, p05: .nan, median: .nan, p95: .nan, selected: 0),
      count: n)
    let tile = 32
    let tiles = (n + tile - 1) / tile
    let source = UnsafeBufferPointerBox(ranks)
    out.withUnsafeMutableBufferPointer { op in
      let target = SharedBuffer(op)
      ParallelWork.ranges(count: tiles, threads: threads) { _, range in
        var columns = [UInt32](repeating: 0, count: tile * replications)
        var histogram: [Int32] = []
        var sorted: [UInt32] = []
        columns.withUnsafeMutableBufferPointer { cols in
          for t in range {
            let a0 = t * tile
            let width = min(tile, n - a0)
            // Gather: column c of the tile holds area a0 + c's ranks.
            for r in 0..<replications {
              let row = r * n + a0
              for c in 0..<width { cols[c * replications + r] = UInt32(source.buffer[row + c]) }
            }
            for c in 0..<width {
              let col = UnsafeBufferPointer(rebasing: cols[(c * replications)..<((c + 1) * replications)])
              var s = summarizeOne(col, histogram: &histogram, sorted: &sorted)
              s.selected = selected[a0 + c]
              target[a0 + c] = s
            }
          }
        }
      }
    }
    return out
  }

  /// The summary of one area's ranks (0 = no score in that replication).
  static func summarizeOne(
    _ x: UnsafeBufferPointer<UInt32>, histogram: inout [Int32], sorted: inout [UInt32]
  ) -> RankSummary {
    var count = 0
    var sum = 0
    var lo = UInt32.max
    var hi: UInt32 = 0
    for v in x where v != 0 {
      count += 1
      sum += Int(v)
      if v < lo { lo = v }
      if v > hi { hi = v }
    }
    guard count > 0 else {
      return RankSummary(count: 0, sum: 0, best: 0, worst: 0, p05: .nan, median: .nan, p95: .nan, selected: 0)
    }
    // 0-based positions of the order statistics needed.
    var positions: [(lo: Int, hi: Int, h: Double)] = []
    for p in probabilities {
      let index = Double(count - 1) * p  // h − 1 in 0-based terms
      let l = Int(index.rounded(.down))
      positions.append((l, min(l + 1, count - 1), index - Double(l)))
    }
    func value(at position: Int, _ lookup: (Int) -> UInt32) -> Double { Double(lookup(position)) }
    var quantiles: [Double] = []
    let range = Int(hi - lo) + 1
    if range <= 4 * x.count + 64 {
      if histogram.count < range { histogram = [Int32](repeating: 0, count: range) }
      for i in 0..<range { histogram[i] = 0 }
      for v in x where v != 0 { histogram[Int(v - lo)] += 1 }
      // The value at 0-based sorted position q: the first v whose cumulative count exceeds q.
      let wanted = positions.flatMap { [$0.lo, $0.hi] }.sorted()
      var found: [Int: UInt32] = [:]
      var cumulative = 0
      var w = 0
      var v = 0
      while w < wanted.count && v < range {
        cumulative += Int(histogram[v])
        while w < wanted.count && wanted[w] < cumulative {
          found[wanted[w]] = lo + UInt32(v)
          w += 1
        }
        v += 1
      }
      for p in positions { quantiles.append(Self.type7(Double(found[p.lo]!), Double(found[p.hi]!), p.h)) }
    } else {
      sorted.removeAll(keepingCapacity: true)
      for v in x where v != 0 { sorted.append(v) }
      sorted.sort()
      for p in positions { quantiles.append(Self.type7(Double(sorted[p.lo]), Double(sorted[p.hi]), p.h)) }
    }
    return RankSummary(
      count: count, sum: sum, best: Int(lo), worst: Int(hi), p05: quantiles[0], median: quantiles[1], p95: quantiles[2],
      selected: 0)
  }

  /// R's type-7 interpolation: (1 − h)·a + h·b, or a when h = 0 or a = b.
  @inline(__always)
  static func type7(_ a: Double, _ b: Double, _ h: Double) -> Double {
    h > 0 && a != b ? (1 - h) * a + h * b : a
  }
}

/// A read-only buffer shared by the worker threads.
struct UnsafeBufferPointerBox<Element>: @unchecked Sendable {
  let buffer: UnsafeBufferPointer<Element>
  init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }
}
