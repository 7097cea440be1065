import KraftsamlingCore

/// Competition ranks of a replication's scores without allocating: a
/// two-pass radix sort of 24-bit keys that preserve the scores' order,
/// then exact comparisons where keys collide, with buffers reused from one
/// replication to the next.
///
/// The ranks are those of ``IndexRanking/ranks(of:)``: 1 = the highest
/// score, tied scores share the lowest rank of their group (1-2-2-4), NaN
/// (no score) gets 0.
///
/// **Keys.** With the scores' range [lo, hi], score *s* gets the key
/// q(s) = round((hi − s)·(2²⁴ − 16)/(hi − lo)), computed by adding 2⁵² and
/// reading the low bits of the bit pattern. q is monotone (non-increasing
/// in *s*) under IEEE rounding, so sorting by q puts higher scores first,
/// and equal scores get equal keys. Each key is packed with the area's
/// position into one 64-bit word (q·2³² + position).
///
/// **Sort.** A least-significant-digit radix sort in two stable passes of
/// 12 bits (4,096 counters each, both counted in one pass): no comparisons,
/// no data-dependent branches. Positions stay ascending within a key.
///
/// **Collisions.** Different scores closer than (hi − lo)/2²⁴ can share a
/// key; each run of equal keys is re-sorted by exact score (descending),
/// then position — by insertion, or by a comparison sort for a long run
/// (scores crowded by a far outlier) — so the order is exact.
///
/// **Ties.** One pass over the sorted positions groups tied scores by the
/// rule of ``ScoreTies`` (within 2⁻⁴⁴ of the largest absolute score), so
/// a replication ranks exactly as the index would.
///
/// Infinite scores (an infinite range) fall back to one comparison sort.
///
/// - Complexity: O(*n*) plus O(*k* log *k*) per run of *k* colliding keys;
///   O(*n*) memory, reused.
struct RankSorter {
  private var words: [UInt64] = []
  private var spare: [UInt64] = []
  private var counts = [Int32](repeating: 0, count: 2 * 4_096)

  /// Writes the competition rank of every score into `ranks` (0 for NaN).
  ///
  /// - Returns: The number of scores that are not NaN.
  mutating func rank(_ scores: UnsafeBufferPointer<Double>, into ranks: UnsafeMutableBufferPointer<Int32>) -> Int {
    let n = scores.count
    precondition(n < Int(Int32.max), "too many areas to rank")
    if words.count < n {
      words = [UInt64](repeating: 0, count: n)
      spare = [UInt64](repeating: 0, count: n)
    }
    let (lo, hi) = Self.range(of: scores)
    if !(lo <= hi) {  // no score at all
      for k in 0..<n { ranks[k] = 0 }
      return 0
    }
    if lo == hi { return Self.rankEqualScores(scores, ranks) }
    let scale = 16_777_200.0 / (hi - lo)
    return words.withUnsafeMutableBufferPointer { a in
      spare.withUnsafeMutableBufferPointer { b in
        counts.withUnsafeMutableBufferPointer { c in
          guard scale.isFinite, (hi - lo).isFinite else {
            return Self.rankByComparison(scores, ranks, a)
          }
          let m = Self.packKeys(scores, hi: hi, scale: scale, ranks, a, c)
          Self.radixSort(a, b, c, count: m)
          let tau = ScoreTies.tolerance(magnitude: max(abs(lo), abs(hi)))
          Self.rankSortedKeys(a, count: m, scores, ranks, tolerance: tau, keysSeparate: tau * scale < 0.25)
          return m
        }
      }
    }
  }

  /// The smallest and largest score, ignoring NaN; (∞, −∞) when every
  /// score is NaN.
  @inline(__always)
  private static func range(of scores: UnsafeBufferPointer<Double>) -> (lo: Double, hi: Double) {
    var lo = Double.infinity
    var hi = -Double.infinity
    for k in 0..<scores.count {
      let s = scores[k]
      // NaN fails both comparisons.
      lo = s < lo ? s : lo
      hi = s > hi ? s : hi
    }
    return (lo, hi)
  }

  /// Ranks when every score is the same: 1 for each, 0 for NaN.
  @inline(__always)
  private static func rankEqualScores(
    _ scores: UnsafeBufferPointer<Double>, _ ranks: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var scored = 0
    for k in 0..<scores.count {
      let has = !scores[k].isNaN
      ranks[k] = has ? 1 : 0
      scored &+= has ? 1 : 0
    }
    return scored
  }

  /// Ranks by one comparison sort of the positions, for infinite scores.
  @inline(__always)
  private static func rankByComparison(
    _ scores: UnsafeBufferPointer<Double>, _ ranks: UnsafeMutableBufferPointer<Int32>,
    _ a: UnsafeMutableBufferPointer<UInt64>
  ) -> Int {
    var m = 0
    for k in 0..<scores.count {
      ranks[k] = 0
      if !scores[k].isNaN {
        a[m] = UInt64(k)
        m += 1
      }
    }
    sortExactly(a, 0, m, scores)
    var magnitude = 0.0
    for k in 0..<scores.count where scores[k].isFinite { magnitude = max(magnitude, abs(scores[k])) }
    rankSorted(a, count: m, scores, ranks, tolerance: ScoreTies.tolerance(magnitude: magnitude))
    return m
  }

  /// Packs the key and position of every score into `a` and counts both
  /// digits of the keys into `c`; NaN scores get rank 0 and no word.
  ///
  /// - Returns: The number of words packed.
  @inline(__always)
  private static func packKeys(
    _ scores: UnsafeBufferPointer<Double>, hi: Double, scale: Double, _ ranks: UnsafeMutableBufferPointer<Int32>,
    _ a: UnsafeMutableBufferPointer<UInt64>, _ c: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    var m = 0
    c.baseAddress!.update(repeating: 0, count: c.count)
    for k in 0..<scores.count {
      let s = scores[k]
      if s.isNaN {
        ranks[k] = 0
        continue
      }
      let q = UInt64(truncatingIfNeeded: ((hi - s) * scale + 0x1p52).bitPattern) & 0xFF_FFFF
      a[m] = q << 32 | UInt64(truncatingIfNeeded: k)
      m += 1
      c[Int(q & 4_095)] &+= 1
      c[4_096 + Int(q >> 12)] &+= 1
    }
    return m
  }

  /// Sorts the first `count` words of `a` by key, stably, in two passes of
  /// 12 bits through `b`, from the digit counts in `c`.
  @inline(__always)
  private static func radixSort(
    _ a: UnsafeMutableBufferPointer<UInt64>, _ b: UnsafeMutableBufferPointer<UInt64>,
    _ c: UnsafeMutableBufferPointer<Int32>, count m: Int
  ) {
    // Exclusive prefix sums: the first slot of each digit.
    for pass in 0..<2 {
      var sum: Int32 = 0
      for d in (pass * 4_096)..<((pass + 1) * 4_096) {
        let x = c[d]
        c[d] = sum
        sum &+= x
      }
    }
    // Two stable scatters: low digit a → b, high digit b → a.
    for t in 0..<m {
      let w = a[t]
      let d = Int((w >> 32) & 4_095)
      let p = Int(c[d])
      c[d] = Int32(truncatingIfNeeded: p + 1)
      b[p] = w
    }
    for t in 0..<m {
      let w = b[t]
      let d = 4_096 + Int(w >> 44)
      let p = Int(c[d])
      c[d] = Int32(truncatingIfNeeded: p + 1)
      a[p] = w
    }
  }

  /// Competition ranks from the words sorted by key, under the tie rule
  /// of ``ScoreTies``: each run of equal keys is first ordered exactly (by
  /// score, then position), then every position joins the current tie
  /// group or starts the next one.
  ///
  /// When τ is below a quarter of a key's width (`keysSeparate`, the usual
  /// case), scores whose keys differ by two or more differ by more than τ,
  /// so most positions start their own group without reading a score.
  @inline(__always)
  private static func rankSortedKeys(
    _ a: UnsafeMutableBufferPointer<UInt64>, count m: Int, _ scores: UnsafeBufferPointer<Double>,
    _ ranks: UnsafeMutableBufferPointer<Int32>, tolerance tau: Double, keysSeparate: Bool
  ) {
    guard m > 0 else { return }
    // Keys this far apart cannot hold tied scores; the first position
    // starts a group because its key is exactly this far from the start.
    let keyGap: UInt64 = keysSeparate ? 2 : .max
    var group = TieGroup(head: 0, key: (a[0] >> 32) &- keyGap, rank: 1)
    var i = 0
    while i < m {
      let key = a[i] >> 32
      if i + 1 < m && a[i + 1] >> 32 == key {  // a run of equal keys: order it exactly first
        var j = i + 2
        while j < m && a[j] >> 32 == key { j += 1 }
        for t in i..<j { a[t] &= 0xFFFF_FFFF }  // keep the positions
        sortExactly(a, i, j, scores)
        for t in i..<j { group.place(Int(a[t]), key: key, at: t, keyGap, scores, ranks, tau) }
        i = j
      } else {
        group.place(Int(a[i] & 0xFFFF_FFFF), key: key, at: i, keyGap, scores, ranks, tau)
        i += 1
      }
    }
  }

  /// The tie group being built while ranking sorted positions.
  private struct TieGroup {
    /// The position of the group's highest score.
    var head: Int
    /// Its key.
    var key: UInt64
    /// The group's rank.
    var rank: Int32

    /// Ranks position `k`, the `t`-th in sorted order: in this group, or
    /// as the head of the next one.
    @inline(__always)
    mutating func place(
      _ k: Int, key: UInt64, at t: Int, _ keyGap: UInt64, _ scores: UnsafeBufferPointer<Double>,
      _ ranks: UnsafeMutableBufferPointer<Int32>, _ tau: Double
    ) {
      if key &- self.key >= keyGap || !ScoreTies.tied(scores[head], scores[k], tolerance: tau) {
        head = k
        self.key = key
        rank = Int32(truncatingIfNeeded: t + 1)
      }
      ranks[k] = rank
    }
  }

  /// Competition ranks of the positions `a[0..<m]` sorted by score
  /// descending, under the tie rule of ``ScoreTies`` with tolerance `tau`.
  @inline(__always)
  private static func rankSorted(
    _ a: UnsafeMutableBufferPointer<UInt64>, count m: Int, _ scores: UnsafeBufferPointer<Double>,
    _ ranks: UnsafeMutableBufferPointer<Int32>, tolerance tau: Double
  ) {
    var i = 0
    while i < m {
      let j = ScoreTies.groupEnd(from: i, in: m, tolerance: tau) { scores[Int(a[$0])] }
      let rank = Int32(truncatingIfNeeded: i + 1)
      for t in i..<j { ranks[Int(a[t])] = rank }
      i = j
    }
  }

  /// Sorts positions `a[begin..<end]` (low 32 bits, high bits zero) by
  /// score descending, then position ascending.
  private static func sortExactly(
    _ a: UnsafeMutableBufferPointer<UInt64>, _ begin: Int, _ end: Int, _ scores: UnsafeBufferPointer<Double>
  ) {
    if end - begin <= 24 {
      var i = begin + 1
      while i < end {
        let x = a[i]
        let sx = scores[Int(x)]
        var j = i - 1
        while j >= begin {
          let y = a[j]
          let sy = scores[Int(y)]
          // y belongs after x when its score is lower, or equal with a later position.
          if sy < sx || (sy == sx && y > x) {
            a[j + 1] = y
            j -= 1
          } else {
            break
          }
        }
        a[j + 1] = x
        i += 1
      }
    } else {
      var slice = UnsafeMutableBufferPointer(rebasing: a[begin..<end])
      slice.sort { x, y in
        let sx = scores[Int(x)]
        let sy = scores[Int(y)]
        return sx > sy || (sx == sy && x < y)
      }
    }
  }
}
