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
  /// (`selected[k]`); every rank is at most `largestRank`.
  ///
  /// Quantiles are Hyndman & Fan's type 7 (R's `quantile` default, as
  /// COINr's `RankStats`): with the *c* ranks sorted x₁ ≤ … ≤ x_c,
  /// h = 1 + (c − 1)·p, Q = (1 − (h − ⌊h⌋))·x_⌊h⌋ + (h − ⌊h⌋)·x_⌈h⌉.
  ///
  /// Areas are processed in tiles of 32 on the worker threads: a tile's
  /// ranks are gathered (one cache line per replication for 16-bit ranks),
  /// then each area's ranks are counted into a histogram in one pass (sum,
  /// best and worst alongside) and its order statistics read off the counts
  /// between its best and worst rank — or, when that range is much wider
  /// than the replications, off a sorted copy.
  ///
  /// - Complexity: O(*R*·*n* + Σ range) time for *R* replications and *n*
  ///   areas, O(32·*R* + *n*) extra memory per thread.
  static func summarize<T: FixedWidthInteger & UnsignedInteger & Sendable>(
    ranks: UnsafeBufferPointer<T>, replications: Int, areas n: Int, largestRank: Int, selected: [Int], threads: Int
  ) -> [RankSummary] {
    var out = [RankSummary](
      repeating: RankSummary(count: 0, sum: 0, best: 0, worst: 0, p05: .nan, median: .nan, p95: .nan, selected: 0),
      count: n)
    let tile = 32
    let tiles = (n + tile - 1) / tile
    let source = UnsafeBufferPointerBox(ranks)
    let histogramSize = largestRank + 1
    out.withUnsafeMutableBufferPointer { op in
      let target = SharedBuffer(op)
      ParallelWork.ranges(count: tiles, threads: threads) { _, range in
        var columns = [UInt32](repeating: 0, count: tile * replications)
        // Zero between areas: each area clears the cells it touched.
        var histogram = [UInt32](repeating: 0, count: histogramSize)
        var sorted: [UInt32] = []
        columns.withUnsafeMutableBufferPointer { cols in
          histogram.withUnsafeMutableBufferPointer { h in
            for t in range {
              let a0 = t * tile
              let width = min(tile, n - a0)
              // Gather: column c of the tile holds area a0 + c's ranks.
              for r in 0..<replications {
                let row = source.buffer.baseAddress! + (r * n + a0)
                for c in 0..<width { cols[c * replications + r] = UInt32(row[c]) }
              }
              for c in 0..<width {
                let col = UnsafeBufferPointer(rebasing: cols[(c * replications)..<((c + 1) * replications)])
                var s = summarizeOne(col, histogram: h, sorted: &sorted)
                s.selected = selected[a0 + c]
                target[a0 + c] = s
              }
            }
          }
        }
      }
    }
    return out
  }

  /// The summary of one area's ranks (0 = no score in that replication),
  /// counting them into `h` (all zero before and after the call).
  static func summarizeOne(
    _ x: UnsafeBufferPointer<UInt32>, histogram h: UnsafeMutableBufferPointer<UInt32>, sorted: inout [UInt32]
  ) -> RankSummary {
    var sum = 0
    var lo = UInt32.max
    var hi: UInt32 = 0
    for v in x {
      h[Int(v)] &+= 1
      sum &+= Int(v)
      lo = min(lo, v == 0 ? UInt32.max : v)
      hi = max(hi, v)
    }
    let count = x.count - Int(h[0])
    h[0] = 0
    guard count > 0 else {
      return RankSummary(count: 0, sum: 0, best: 0, worst: 0, p05: .nan, median: .nan, p95: .nan, selected: 0)
    }
    // The 0-based sorted positions ⌊(c − 1)·p⌋ and the next (clamped) for
    // each p: six positions, non-decreasing except when c ≤ 2.
    let i05 = Double(count - 1) * probabilities[0]
    let i50 = Double(count - 1) * probabilities[1]
    let i95 = Double(count - 1) * probabilities[2]
    let l05 = Int(i05.rounded(.down))
    let l50 = Int(i50.rounded(.down))
    let l95 = Int(i95.rounded(.down))
    var wanted = (l05, min(l05 + 1, count - 1), l50, min(l50 + 1, count - 1), l95, min(l95 + 1, count - 1))
    var at: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0)
    let range = Int(hi - lo) + 1
    withUnsafeMutableBytes(of: &wanted) { wb in
      withUnsafeMutableBytes(of: &at) { ab in
        let want = wb.bindMemory(to: Int.self)
        let value = ab.bindMemory(to: UInt32.self)
        if range <= 4 * x.count + 64 {
          // Walk the counts from the best rank: the value at sorted position
          // q is the first v whose cumulative count exceeds q. Clear as we go.
          var cumulative = 0
          var next = 0  // the smallest position not yet found
          for slot in 1..<6 where want[slot] < want[next] { next = slot }
          var remaining = 6
          for v in Int(lo)...Int(hi) {
            let c = Int(h[v])
            if c == 0 { continue }
            h[v] = 0
            cumulative += c
            while remaining > 0 && want[next] < cumulative {
              // Every slot whose position falls below the count so far has value v.
              for slot in 0..<6 where value[slot] == 0 && want[slot] < cumulative {
                value[slot] = UInt32(v)
                remaining -= 1
              }
              if remaining > 0 {
                next = -1
                for slot in 0..<6 where value[slot] == 0 && (next < 0 || want[slot] < want[next]) { next = slot }
              }
            }
          }
        } else {
          sorted.removeAll(keepingCapacity: true)
          for v in x where v != 0 {
            sorted.append(v)
            h[Int(v)] = 0
          }
          sorted.sort()
          for slot in 0..<6 { value[slot] = sorted[want[slot]] }
        }
      }
    }
    return RankSummary(
      count: count, sum: sum, best: Int(lo), worst: Int(hi), p05: type7(Double(at.0), Double(at.1), i05 - Double(l05)),
      median: type7(Double(at.2), Double(at.3), i50 - Double(l50)), p95: type7(Double(at.4), Double(at.5), i95 - Double(l95)),
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
