import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// An unsigned 256-bit value as four 64-bit words, most significant first,
/// for exact comparisons of products.
struct UInt256: Comparable {
  var w3: UInt64, w2: UInt64, w1: UInt64, w0: UInt64

  /// The product of two 128-bit values given as (high, low).
  init(_ a: (high: UInt64, low: UInt64), times b: (high: UInt64, low: UInt64)) {
    // Schoolbook on 64-bit digits: (a1·2^64 + a0)(b1·2^64 + b0).
    let p00 = a.low.multipliedFullWidth(by: b.low)
    let p01 = a.low.multipliedFullWidth(by: b.high)
    let p10 = a.high.multipliedFullWidth(by: b.low)
    let p11 = a.high.multipliedFullWidth(by: b.high)
    w0 = p00.low
    var c1: UInt64 = 0
    var x = p00.high
    var o: Bool
    (x, o) = x.addingReportingOverflow(p01.low); c1 += o ? 1 : 0
    (x, o) = x.addingReportingOverflow(p10.low); c1 += o ? 1 : 0
    w1 = x
    var c2: UInt64 = 0
    var y = p11.low
    (y, o) = y.addingReportingOverflow(p01.high); c2 += o ? 1 : 0
    (y, o) = y.addingReportingOverflow(p10.high); c2 += o ? 1 : 0
    (y, o) = y.addingReportingOverflow(c1); c2 += o ? 1 : 0
    w2 = y
    w3 = p11.high &+ c2
  }

  static func < (a: UInt256, b: UInt256) -> Bool {
    if a.w3 != b.w3 { return a.w3 < b.w3 }
    if a.w2 != b.w2 { return a.w2 < b.w2 }
    if a.w1 != b.w1 { return a.w1 < b.w1 }
    return a.w0 < b.w0
  }
}

/// Runs a divisor method exactly without handing out units one at a time.
///
/// **Definition.** Write the claims of recipient *i* as the decreasing
/// sequence *pᵢ(k) = vᵢ / d(k)*, *k = 0, 1, 2, …* (infinite when *d(k) = 0*
/// and *vᵢ > 0*; infinite claims are ordered by *vᵢ*). Handing out units one
/// at a time to the largest current claim selects, after *h* steps, the *h*
/// largest entries of the table of all claims: at each step the largest
/// remaining claim of each recipient is its next one, because each row
/// decreases. Recipient *i* gets the number of its entries selected.
///
/// **Why the shortcut gives the same result.** Call a selection a
/// *threshold set* if every selected entry is at least as large as every
/// unselected one. (1) Counting, for a threshold *t*, the entries strictly
/// above *t* gives a threshold set (each row is decreasing, so the count
/// is a prefix of the row). (2) Adding the largest unselected entry to a
/// threshold set, or removing its smallest selected entry, gives a threshold
/// set: the largest unselected entry of all rows is the first unselected
/// entry of some row, found with a max-heap over the rows' next entries; the
/// smallest selected is the last selected entry of some row (min-heap). (3)
/// A threshold set of size *h* consists of all entries above the *h*-th
/// largest value *t\** plus some entries equal to *t\**. Which of the entries
/// equal to *t\** are selected is the only freedom, and it is exactly the
/// freedom of the one-at-a-time process at ties; each row holds at most one
/// entry equal to *t\** because rows strictly decrease. So the engine
/// recounts every row strictly above *t\**, collects the rows with an entry
/// equal to *t\**, and lets the ``TiePolicy`` pick the missing units among
/// them — the same choice the one-at-a-time process makes when it breaks
/// ties by input order (or by the same seeded lottery).
///
/// **How many adjustments.** With *t = V/h* and divisors scaled so that
/// *k ≤ d(k) ≤ k + 1*, the count of row *i* is within one of its quota
/// *vᵢh/V*, so the heap adds or removes at most about *n* units.
struct DivisorEngine {
  let method: DivisorMethod
  let v: [UInt64]
  let sum: UInt64

  init(method: DivisorMethod, weights: [UInt64], sum: UInt64) {
    self.method = method
    self.v = weights
    self.sum = sum
  }

  /// N(k) as a 128-bit (high, low) pair (linear kinds), or k(k+1) (geometric).
  @inline(__always)
  func n(_ k: UInt64) -> (high: UInt64, low: UInt64) {
    if method.geometric { return k.multipliedFullWidth(by: k + 1) }
    if k == 0 { return (0, method.first) }
    let p = method.slope.multipliedFullWidth(by: k)
    let (lo, o) = p.low.addingReportingOverflow(method.intercept)
    return (p.high + (o ? 1 : 0), lo)
  }

  /// Compares the claims pᵢ(kᵢ) and pⱼ(kⱼ): −1, 0 or 1. Both weights > 0.
  @inline(__always)
  func compare(_ i: Int, _ ki: UInt64, _ j: Int, _ kj: UInt64) -> Int {
    let ni = n(ki), nj = n(kj)
    let infI = ni.high == 0 && ni.low == 0
    let infJ = nj.high == 0 && nj.low == 0
    if infI || infJ {
      if infI && infJ { return v[i] == v[j] ? 0 : (v[i] < v[j] ? -1 : 1) }
      return infI ? 1 : -1
    }
    let lhs: UInt256
    let rhs: UInt256
    if method.geometric {
      lhs = UInt256(v[i].multipliedFullWidth(by: v[i]), times: nj)
      rhs = UInt256(v[j].multipliedFullWidth(by: v[j]), times: ni)
    } else {
      lhs = UInt256((0, v[i]), times: nj)
      rhs = UInt256((0, v[j]), times: ni)
    }
    return lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
  }

  /// Whether pᵢ(k) > V/h (vᵢ > 0, h > 0).
  @inline(__always)
  func above(_ i: Int, _ k: UInt64, total h: UInt64) -> Bool {
    let nk = n(k)
    if nk.high == 0 && nk.low == 0 { return true }
    let vh = v[i].multipliedFullWidth(by: h)
    if method.geometric {
      return UInt256(sum.multipliedFullWidth(by: sum), times: nk) < UInt256(vh, times: vh)
    }
    return UInt256((0, sum), times: nk) < UInt256(vh, times: (0, method.scale))
  }

  func run(total h: UInt64, ties: TiePolicy) throws(AllocationError) -> ([Int64], ApportionmentTie?) {
    let count = v.count
    var a = [UInt64](repeating: 0, count: count)
    if h == 0 { return (a.map { Int64($0) }, nil) }
    // Step 1: exact counts above the Hare threshold t = V/h.
    let hd = Double(h), vd = Double(sum)
    var assigned: UInt64 = 0
    for i in 0..<count where v[i] > 0 {
      let q = Double(v[i]) * hd / vd
      var guess: Double
      if method.geometric {
        guess = q.rounded(.down)
      } else {
        guess = ((q * Double(method.scale) - Double(method.intercept)) / Double(method.slope)).rounded(.down)
      }
      var e = UInt64(max(0, min(guess, Double(h) + 1)))
      while e > 0 && !above(i, e - 1, total: h) { e -= 1 }
      while above(i, e, total: h) { e += 1 }
      a[i] = e
      assigned += e
    }
    // Step 2: add or remove units, largest (smallest) claims first.
    if assigned < h {
      var heap = IndexHeap { x, y in compare(x, a[x], y, a[y]) > 0 }
      for i in 0..<count where v[i] > 0 { heap.push(i) }
      while assigned < h, let i = heap.pop() {
        a[i] += 1
        assigned += 1
        heap.push(i)
      }
    } else if assigned > h {
      var heap = IndexHeap { x, y in compare(x, a[x] - 1, y, a[y] - 1) < 0 }
      for i in 0..<count where a[i] > 0 { heap.push(i) }
      while assigned > h, let i = heap.pop() {
        a[i] -= 1
        assigned -= 1
        if a[i] > 0 { heap.push(i) }
      }
    }
    // Step 3: the h-th largest claim t* and the rows tied at it.
    var m = -1
    for i in 0..<count where a[i] > 0 {
      if m < 0 || compare(i, a[i] - 1, m, a[m] - 1) < 0 { m = i }
    }
    let km = a[m] - 1
    var tied: [Int] = []
    for i in 0..<count where v[i] > 0 {
      if a[i] > 0 && compare(i, a[i] - 1, m, km) == 0 {
        a[i] -= 1
        assigned -= 1
        tied.append(i)
      } else if i != m && compare(i, a[i], m, km) == 0 {
        tied.append(i)
      }
    }
    let need = Int(h - assigned)
    let chosen = try ties.choose(need, from: tied, what: "unit(s)")
    for i in chosen { a[i] += 1 }
    let tie = tied.count > need ? ApportionmentTie(tied: tied, favoured: chosen) : nil
    return (a.map { Int64($0) }, tie)
  }
}

/// A binary heap of indices ordered by a "comes first" predicate.
struct IndexHeap {
  var items: [Int] = []
  let first: (Int, Int) -> Bool

  init(_ first: @escaping (Int, Int) -> Bool) { self.first = first }

  mutating func push(_ x: Int) {
    items.append(x)
    var c = items.count - 1
    while c > 0 {
      let p = (c - 1) / 2
      if first(items[c], items[p]) {
        items.swapAt(c, p)
        c = p
      } else {
        break
      }
    }
  }

  mutating func pop() -> Int? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var p = 0
      while true {
        let l = 2 * p + 1, r = l + 1
        var best = p
        if l < items.count && first(items[l], items[best]) { best = l }
        if r < items.count && first(items[r], items[best]) { best = r }
        if best == p { break }
        items.swapAt(p, best)
        p = best
      }
    }
    return top
  }
}
