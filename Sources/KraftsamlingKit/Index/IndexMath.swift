#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// Skewness as COINr's `skew()` (= e1071 `type = 2`, Excel's `SKEW`):
  /// G₁ = g₁·√(n(n−1))/(n−2) with g₁ = √n·Σd³/(Σd²)^{3/2}. NaN for fewer
  /// than 3 values or zero variance.
  static func skewness(_ x: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 3 else { return .nan }
    let m = mean(x)
    var s2 = 0.0
    var s3 = 0.0
    for v in x {
      let d = v - m
      s2 += d * d
      s3 += d * d * d
    }
    guard s2 > 0 else { return .nan }
    let g1 = n.squareRoot() * s3 / pow(s2, 1.5)
    return g1 * (n * (n - 1)).squareRoot() / (n - 2)
  }

  /// Excess kurtosis as COINr's `kurt()` (= e1071 `type = 2`, Excel's
  /// `KURT`): with r = n·Σd⁴/(Σd²)², G₂ = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)).
  /// NaN for fewer than 4 values or zero variance.
  static func kurtosis(_ x: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 4 else { return .nan }
    let m = mean(x)
    var s2 = 0.0
    var s4 = 0.0
    for v in x {
      let d = v - m
      let d2 = d * d
      s2 += d2
      s4 += d2 * d2
    }
    guard s2 > 0 else { return .nan }
    let r = n * s4 / (s2 * s2)
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
  }

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
    quantile(sorted: x.sorted(), 0.5)
  }

  /// Competition ("min", 1-2-2-4) ranks of `x` in **ascending** order: the
  /// smallest value gets 1, tied values share the lowest rank of their group
  /// (R's `rank(ties.method = "min")`).
  /// - Complexity: O(*n* log *n*).
  static func ascendingRanks(_ x: [Double]) -> [Int] {
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var ranks = [Int](repeating: 0, count: x.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
      for k in i...j { ranks[order[k]] = i + 1 }
      i = j + 1
    }
    return ranks
  }

  /// Competition ranks in **descending** order (the largest value gets 1;
  /// ties share the lowest rank, 1-2-2-4). NaN values get rank 0 (unranked).
  /// - Complexity: O(*n* log *n*).
  static func descendingRanks(_ x: [Double], into ranks: inout [Int]) {
    var order: [Int] = []
    order.reserveCapacity(x.count)
    for i in x.indices where !x[i].isNaN { order.append(i) }
    order.sort { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }
    ranks = [Int](repeating: 0, count: x.count)
    var i = 0
    while i < order.count {
      let v = x[order[i]]
      var j = i
      while j + 1 < order.count && x[order[j + 1]] == v { j += 1 }
      for k in i...j { ranks[order[k]] = i + 1 }
      i = j + 1
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
