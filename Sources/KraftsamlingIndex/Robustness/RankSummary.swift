import KraftsamlingCore

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
  /// Areas are processed in tiles (up to 32 side by side, fewer when
  /// their histograms would pass about 1 MB) on the worker threads: one pass
  /// over the tile's cells of every replication (64 contiguous bytes per
  /// replication for 16-bit ranks) counts each area's ranks into its own
  /// histogram, with the rank sum, best and worst rank alongside; the order
  /// statistics are then read off the counts between the best and the worst
  /// rank, clearing them for the next tile.
  ///
  /// - Complexity: O(*R*·*n* + Σ ranges) time for *R* replications and *n*
  ///   areas, where an area's range is worst − best + 1 ≤ *n*;
  ///   O(tile·*n*) extra memory per thread.
  static func summarize<T: FixedWidthInteger & UnsignedInteger & Sendable>(
    ranks: UnsafeBufferPointer<T>, replications: Int, areas n: Int, largestRank: Int, selected: [Int], threads: Int
  ) -> [RankSummary] {
    var out = [RankSummary](
      repeating: RankSummary(count: 0, sum: 0, best: 0, worst: 0, p05: .nan, median: .nan, p95: .nan, selected: 0),
      count: n)
    let stride = largestRank + 1  // one histogram per area of the tile, ranks 0…largestRank
    // As many areas per tile as keep their histograms within about 1 MB.
    let tile = max(1, min(32, (1 << 20) / (stride * 4)))
    let tiles = (n + tile - 1) / tile
    let source = UnsafeBufferPointerBox(ranks)
    out.withUnsafeMutableBufferPointer { op in
      let target = SharedBuffer(op)
      ParallelWork.ranges(count: tiles, threads: threads) { _, range in
        // Zero between tiles: each area clears the cells it touched.
        var histograms = [UInt32](repeating: 0, count: tile * stride)
        var best = [UInt32](repeating: 0, count: tile)
        var worst = [UInt32](repeating: 0, count: tile)
        var sums = [Int](repeating: 0, count: tile)
        histograms.withUnsafeMutableBufferPointer { h in
          for t in range {
            let a0 = t * tile
            let width = min(tile, n - a0)
            for c in 0..<width {
              best[c] = .max
              worst[c] = 0
              sums[c] = 0
            }
            // One pass over the tile's cells of every replication: count
            // each area's ranks into its histogram.
            for r in 0..<replications {
              let row = source.buffer.baseAddress! + (r * n + a0)
              for c in 0..<width {
                let v = UInt32(row[c])
                h[c * stride + Int(v)] &+= 1
                sums[c] &+= Int(v)
                best[c] = min(best[c], v == 0 ? .max : v)
                worst[c] = max(worst[c], v)
              }
            }
            for c in 0..<width {
              let histogram = UnsafeMutableBufferPointer(rebasing: h[(c * stride)..<((c + 1) * stride)])
              var s = summarizeCounts(histogram, replications: replications, sum: sums[c], best: best[c], worst: worst[c])
              s.selected = selected[a0 + c]
              target[a0 + c] = s
            }
          }
        }
      }
    }
    return out
  }

  /// The summary read off a histogram of one area's ranks (`h[v]` = the
  /// replications with rank v, `h[0]` those without a score), whose rank
  /// sum, best and worst rank are given; leaves `h` all zero.
  static func summarizeCounts(
    _ h: UnsafeMutableBufferPointer<UInt32>, replications: Int, sum: Int, best lo: UInt32, worst hi: UInt32
  ) -> RankSummary {
    let count = replications - Int(h[0])
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
    withUnsafeMutableBytes(of: &wanted) { wb in
      withUnsafeMutableBytes(of: &at) { ab in
        let want = wb.bindMemory(to: Int.self)
        let value = ab.bindMemory(to: UInt32.self)
        // Walk the counts from the best rank to the worst: the value at
        // sorted position q is the first v whose cumulative count exceeds
        // q. Clear as we go.
        var cumulative = 0
        var next = 0  // the slot with the smallest position not yet found
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
