#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// Small numeric routines of the index stage, kept in one namespace so that
/// their names cannot clash with other stages' helpers.
enum IndexMath {
  /// The arithmetic mean; NaN for no values.
  /// - Complexity: O(*n*).
  static func mean(_ x: [Double]) -> Double {
    guard !x.isEmpty else { return .nan }
    var s = 0.0
    for v in x { s += v }
    return s / Double(x.count)
  }

  /// The standard deviation: population (divide by *n*) or sample (*n* − 1).
  /// Two-pass, so it is exact for data far from zero.
  /// - Complexity: O(*n*).
  static func standardDeviation(_ x: [Double], mean m: Double, sample: Bool) -> Double {
    let n = x.count
    guard n > (sample ? 1 : 0) else { return .nan }
    var ss = 0.0
    for v in x {
      let d = v - m
      ss += d * d
    }
    return (ss / Double(sample ? n - 1 : n)).squareRoot()
  }

  /// Mean, population SD, COINr skewness and COINr excess kurtosis in two
  /// passes (see ``skewness(_:)`` and ``kurtosis(_:)``).
  static func moments(_ x: [Double]) -> (mean: Double, sd: Double, skewness: Double, kurtosis: Double) {
    let n = Double(x.count)
    guard !x.isEmpty else { return (.nan, .nan, .nan, .nan) }
    let m = mean(x)
    var s2 = 0.0
    var s3 = 0.0
    var s4 = 0.0
    for v in x {
      let d = v - m
      let d2 = d * d
      s2 += d2
      s3 += d2 * d
      s4 += d2 * d2
    }
    let sd = (s2 / n).squareRoot()
    var skew = Double.nan
    var kurt = Double.nan
    if s2 > 0 && x.count >= 3 {
      let g1 = n.squareRoot() * s3 / pow(s2, 1.5)
      skew = g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }
    if s2 > 0 && x.count >= 4 {
      let r = n * s4 / (s2 * s2)
      kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    }
    return (m, sd, skew, kurt)
  }

  /// Skewness as COINr's `skew()` (= e1071 `type = 2`, Excel's `SKEW`):
  /// G₁ = g₁·√(n(n−1))/(n−2) with g₁ = √n·Σd³/(Σd²)^{3/2}. NaN for fewer
  /// than 3 values or zero variance.
  static func skewness(_ x: [Double]) -> Double { moments(x).skewness }

  /// Excess kurtosis as COINr's `kurt()` (= e1071 `type = 2`, Excel's
  /// `KURT`): with r = n·Σd⁴/(Σd²)², G₂ = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)).
  /// NaN for fewer than 4 values or zero variance.
  static func kurtosis(_ x: [Double]) -> Double { moments(x).kurtosis }

  /// The quantile of *sorted* values by Hyndman & Fan's type 7 (the default
  /// of R's `quantile` and NumPy's `percentile`): h = (n−1)·p,
  /// Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based).
  static func quantile(sorted x: [Double], _ p: Double) -> Double {
    guard !x.isEmpty else { return .nan }
    let h = Double(x.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, x.count - 1)
    return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
  }

  /// The median (type 7, i.e. the mean of the two middle values for even *n*).
  static func median(_ x: [Double]) -> Double {
    var a = x
    return quartiles(selecting: &a).median
  }

  /// Competition ("min", 1-2-2-4) ranks of `x` in **ascending** order: the
  /// smallest value gets 1, tied values share the lowest rank of their group
  /// (R's `rank(ties.method = "min")`).
  /// - Complexity: O(*n*) for large *n* (radix sort), O(*n* log *n*) for small.
  static func ascendingRanks(_ x: [Double]) -> [Int] {
    let order = sortedIndices(x, descending: false)
    var ranks = [Int](repeating: 0, count: x.count)
    assignCompetitionRanks(x, order: order, into: &ranks)
    return ranks
  }

  /// Competition ranks in **descending** order (the largest value gets 1;
  /// ties share the lowest rank, 1-2-2-4). NaN values get rank 0 (unranked).
  /// - Returns: The order used: indices of the non-NaN values, largest
  ///   first, ties in index order.
  /// - Complexity: O(*n*) for large *n* (radix sort), O(*n* log *n*) for small.
  @discardableResult
  static func descendingRanks(_ x: [Double], into ranks: inout [Int]) -> [Int] {
    let order = sortedIndices(x, descending: true)
    ranks = [Int](repeating: 0, count: x.count)
    assignCompetitionRanks(x, order: order, into: &ranks)
    return order
  }

  private static func assignCompetitionRanks(_ x: [Double], order: [Int], into ranks: inout [Int]) {
    var i = 0
    while i < order.count {
      let v = x[order[i]]
      var j = i
      while j + 1 < order.count && x[order[j + 1]] == v { j += 1 }
      for k in i...j { ranks[order[k]] = i + 1 }
      i = j + 1
    }
  }

  /// The indices of the non-NaN values of `x` in ascending (or descending)
  /// order of value, ties in index order (a stable sort).
  ///
  /// Large inputs use a least-significant-digit radix sort on the IEEE 754
  /// bit patterns mapped to order-preserving unsigned keys (four 16-bit
  /// passes), so ranking 50,000 scores takes about 2 ms.
  /// - Complexity: O(*n*) for *n* ≥ 1,024, else O(*n* log *n*).
  static func sortedIndices(_ x: [Double], descending: Bool) -> [Int] {
    var idx: [Int] = []
    idx.reserveCapacity(x.count)
    for i in x.indices where !x[i].isNaN { idx.append(i) }
    if idx.count < 1_024 {
      if descending {
        idx.sort { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }
      } else {
        idx.sort { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
      }
      return idx
    }
    let n = idx.count
    var keys = [UInt64](repeating: 0, count: n)
    for (k, i) in idx.enumerated() {
      var v = x[i]
      if v == 0 { v = 0 }  // −0 sorts with +0
      let b = v.bitPattern
      let asc = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
      keys[k] = descending ? ~asc : asc
    }
    var keys2 = [UInt64](repeating: 0, count: n)
    var idx2 = [Int](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 65_537)
    for pass in 0..<4 {
      let shift = UInt64(16 * pass)
      for c in counts.indices { counts[c] = 0 }
      for k in keys { counts[Int((k >> shift) & 0xFFFF) + 1] += 1 }
      if counts[Int((keys[0] >> shift) & 0xFFFF) + 1] == n { continue }  // all share this digit
      for c in 1..<counts.count { counts[c] += counts[c - 1] }
      for t in 0..<n {
        let d = Int((keys[t] >> shift) & 0xFFFF)
        let pos = counts[d]
        counts[d] = pos + 1
        keys2[pos] = keys[t]
        idx2[pos] = idx[t]
      }
      swap(&keys, &keys2)
      swap(&idx, &idx2)
    }
    return idx
  }

  /// Rearranges `a[lo...hi]` so that `a[k]` is the value a full sort would
  /// put there, with nothing larger before it and nothing smaller after it.
  ///
  /// Floyd & Rivest's SELECT (Communications of the ACM 18(3), 1975,
  /// algorithm 489): on ranges over 600 elements it first selects within a
  /// small sample around the expected position, so that the partition
  /// element lands close to `k`; deterministic. Should a range shrink too
  /// slowly (never seen in practice), it sorts the rest.
  /// - Complexity: O(*n*) expected (about *n* + min(*k*, *n* − *k*) comparisons).
  static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, from lo0: Int, through hi0: Int) {
    var left = lo0
    var right = hi0
    var budget = 64
    while right > left {
      budget -= 1
      if budget == 0 {
        var part = UnsafeMutableBufferPointer(rebasing: a[left...right])
        part.sort()
        return
      }
      if right - left > 600 {
        let n = Double(right - left + 1)
        let i = Double(k - left + 1)
        let z = log(n)
        let s = 0.5 * exp(2 * z / 3)
        let sd = 0.5 * (z * s * (n - s) / n).squareRoot() * (i - n / 2 < 0 ? -1 : 1)
        let newLeft = Swift.max(left, Int(Double(k) - i * s / n + sd))
        let newRight = Swift.min(right, Int(Double(k) + (n - i) * s / n + sd))
        select(a, k, from: newLeft, through: newRight)
      }
      let t = a[k]
      var i = left
      var j = right
      a.swapAt(left, k)
      if a[right] > t { a.swapAt(right, left) }
      while i < j {
        a.swapAt(i, j)
        i += 1
        j -= 1
        while a[i] < t { i += 1 }
        while a[j] > t { j -= 1 }
      }
      if a[left] == t {
        a.swapAt(left, j)
      } else {
        j += 1
        a.swapAt(j, right)
      }
      if j <= k { left = j + 1 }
      if k <= j { right = j - 1 }
    }
  }

  /// The type-7 quartiles (q1, median, q3) of unsorted values, by selection;
  /// `a` is reordered. The median is selected first, then q1 below it and
  /// q3 above it.
  /// - Complexity: O(*n*) expected.
  static func quartiles(selecting a: inout [Double]) -> (q1: Double, median: Double, q3: Double) {
    let n = a.count
    guard n > 0 else { return (.nan, .nan, .nan) }
    return a.withUnsafeMutableBufferPointer { b in
      // Position h = (n − 1)·p; the value is b[⌊h⌋] + frac·(b[⌊h⌋+1] − b[⌊h⌋]).
      func value(_ p: Double, from lo: Int, through hi: Int) -> (Double, Int) {
        let h = Double(n - 1) * p
        let k = Int(h.rounded(.down))
        select(b, k, from: lo, through: hi)
        var x = b[k]
        if h > Double(k) && k + 1 < n {
          var next = Double.infinity
          for t in (k + 1)..<n where b[t] < next { next = b[t] }
          x += (h - Double(k)) * (next - x)
        }
        return (x, k)
      }
      let (med, km) = value(0.5, from: 0, through: n - 1)
      let (q1, _) = value(0.25, from: 0, through: km)
      let (q3, _) = value(0.75, from: km, through: n - 1)
      return (q1, med, q3)
    }
  }

  /// Average ("fractional") ranks in ascending order: tied values get the
  /// mean of the positions they span (R's `ties.method = "average"`).
  /// - Complexity: O(*n* log *n*).
  static func averageRanks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var ranks = [Double](repeating: 0, count: x.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
      let r = Double(i + j + 2) / 2
      for k in i...j { ranks[order[k]] = r }
      i = j + 1
    }
    return ranks
  }
}
