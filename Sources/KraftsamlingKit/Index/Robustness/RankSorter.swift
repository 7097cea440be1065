/// Competition ranks of a replication's scores without allocating: a
/// bucket sort on the scores' range, then an exact comparison within each
/// bucket, with buffers reused from one replication to the next.
///
/// The ranks are those of ``IndexRanking/ranks(of:)``: 1 = the highest
/// score, tied scores share the lowest rank of their group (1-2-2-4), NaN
/// (no score) gets 0.
///
/// Scores are spread over *B* = (number of scores) buckets by
/// ⌊(max − s)·(B − 1)/(max − min)⌋, which is monotone in *s* under IEEE
/// rounding, so bucket order is score order and equal scores share a
/// bucket. Within a bucket (about one score on average) an insertion sort
/// — or, for a crowded bucket, a comparison sort — orders by score
/// (descending) and position (ascending). Expected O(*n*); the worst case
/// (all scores in a few buckets) is O(*n* log *n*).
struct RankSorter {
  private var order: [Int32] = []
  private var bucketOf: [Int32] = []
  private var starts: [Int32] = []

  /// Writes the competition rank of every score into `ranks` (0 for NaN).
  ///
  /// - Returns: The number of scores that are not NaN.
  mutating func rank(_ scores: UnsafeBufferPointer<Double>, into ranks: UnsafeMutableBufferPointer<Int32>) -> Int {
    let n = scores.count
    if order.count < n {
      order = [Int32](repeating: 0, count: n)
      bucketOf = [Int32](repeating: 0, count: n)
      starts = [Int32](repeating: 0, count: n + 2)
    }
    var lo = Double.infinity
    var hi = -Double.infinity
    var scored = 0
    for k in 0..<n {
      let s = scores[k]
      if s.isNaN {
        ranks[k] = 0
        continue
      }
      scored += 1
      if s < lo { lo = s }
      if s > hi { hi = s }
    }
    guard scored > 0 else { return 0 }
    if lo == hi {
      for k in 0..<n where !scores[k].isNaN { ranks[k] = 1 }
      return scored
    }
    let span = hi - lo
    let buckets = scored
    let scale = Double(buckets - 1) / span
    return order.withUnsafeMutableBufferPointer { order in
      bucketOf.withUnsafeMutableBufferPointer { bucketOf in
        starts.withUnsafeMutableBufferPointer { starts in
          if !span.isFinite || !scale.isFinite {
            // Infinite scores: compare directly.
            var t = 0
            for k in 0..<n where !scores[k].isNaN {
              order[t] = Int32(k)
              t += 1
            }
            Self.sortSlice(order, 0, scored, scores)
          } else {
            for b in 0...(buckets + 1) { starts[b] = 0 }
            for k in 0..<n {
              let s = scores[k]
              if s.isNaN { continue }
              var b = Int((hi - s) * scale)
              if b >= buckets { b = buckets - 1 }
              bucketOf[k] = Int32(b)
              starts[b + 1] += 1
            }
            for b in 0..<buckets { starts[b + 1] += starts[b] }
            // Scatter in position order: stable within a bucket. starts[b]
            // walks up to the end of bucket b (= the old starts[b + 1]).
            for k in 0..<n where !scores[k].isNaN {
              let b = Int(bucketOf[k])
              order[Int(starts[b])] = Int32(k)
              starts[b] += 1
            }
            // starts[b] is now the end of bucket b; bucket b begins at starts[b − 1] (0 for b = 0).
            var begin = 0
            for b in 0..<buckets {
              let end = Int(starts[b])
              let count = end - begin
              if count > 1 {
                if count <= 24 {
                  Self.insertionSort(order, begin, end, scores)
                } else {
                  Self.sortSlice(order, begin, end, scores)
                }
              }
              begin = end
            }
          }
          // Competition ranks along the order.
          var i = 0
          while i < scored {
            let v = scores[Int(order[i])]
            var j = i
            while j + 1 < scored && scores[Int(order[j + 1])] == v { j += 1 }
            let r = Int32(i + 1)
            for t in i...j { ranks[Int(order[t])] = r }
            i = j + 1
          }
          return scored
        }
      }
    }
  }

  /// Insertion sort of `order[begin..<end]` by score descending, position ascending.
  @inline(__always)
  private static func insertionSort(
    _ order: UnsafeMutableBufferPointer<Int32>, _ begin: Int, _ end: Int, _ scores: UnsafeBufferPointer<Double>
  ) {
    var i = begin + 1
    while i < end {
      let x = order[i]
      let sx = scores[Int(x)]
      var j = i - 1
      while j >= begin {
        let y = order[j]
        let sy = scores[Int(y)]
        // y should come after x when its score is lower, or equal with a later position.
        if sy < sx || (sy == sx && y > x) {
          order[j + 1] = y
          j -= 1
        } else {
          break
        }
      }
      order[j + 1] = x
      i += 1
    }
  }

  private static func sortSlice(
    _ order: UnsafeMutableBufferPointer<Int32>, _ begin: Int, _ end: Int, _ scores: UnsafeBufferPointer<Double>
  ) {
    var slice = UnsafeMutableBufferPointer(rebasing: order[begin..<end])
    slice.sort { a, b in
      let sa = scores[Int(a)]
      let sb = scores[Int(b)]
      return sa > sb || (sa == sb && a < b)
    }
  }
}
