/// The search behind ``WeightSensitivity/smallestChange(area:top:bounds:)``,
/// in the space of the weight shares s (s ≥ 0, Σs = 1, optionally
/// lᵏ ≤ sₖ ≤ uₖ; with dimensions the effective shares, and the shares of
/// each dimension's indicators keep their sum, the dimension's share).
///
/// Every other area *b* gives one row eᵦ: the analysed area's lead over it
/// (entering the selection) or its lead over the analysed area (leaving),
/// so a row is *met* at s when eᵦ·s ≥ ε. The goal is to meet at least
/// `required` rows with the least L1 distance |s − s⁰|₁. For a fixed set C
/// of rows to meet that is a linear program over s = s⁰ + p − q (p, q ≥ 0):
///
///     min Σp + Σq   s.t.  Σ_d p = Σ_d q (each group d),  lₖ ≤ s⁰ₖ + pₖ − qₖ ≤ uₖ,  eᵦ·(p − q) ≥ ε − eᵦ·s⁰ (b ∈ C).
///
/// Which set is best is combinatorial. Given any feasible distance U, a row
/// whose minimum over the ball {|s − s⁰|₁ ≤ U} is ≥ ε is met everywhere in
/// it and one that cannot be met within distance U is met nowhere in it;
/// only the rest ("undecided") can go either way, so every point of the
/// ball that reaches the goal solves the program of some subset of the
/// undecided rows of the size still needed. Solving all of them is exact;
/// when there are too many, the best found is an upper bound.
struct SmallestChangeSearch {
  /// s⁰.
  let nominal: [Double]
  /// The lower and upper bounds of each share.
  let lower: [Double]
  let upper: [Double]
  /// The groups of shares whose sum is fixed (one group of all for a flat index).
  let groups: [[Int]]
  /// The sum of each share's group (1 for a flat index): no share exceeds it.
  let caps: [Double]
  /// One row per other area.
  var rows: [[Double]]
  /// How many rows must be met.
  let required: Int
  /// The areas without every indicator, whose scores are not linear in s.
  let partial: PartialAreas
  /// ε: a met row is ahead by at least this much (score units).
  var margin: Double
  /// The number of linear programs solved so far.
  var programs = 0

  /// A point that meets the rows of a set, and its distance from s⁰.
  struct Point {
    var shares: [Double]
    var distance: Double
    var rows: [Int]
  }

  /// What the search found: the best point, and whether it is proven best.
  struct Outcome {
    var best: Point?
    var proven: Bool
  }

  var m: Int { nominal.count }

  /// eᵦ·s⁰.
  func nominalValue(_ b: Int) -> Double { zip(rows[b], nominal).reduce(0.0) { $0 + $1.0 * $1.1 } }

  /// The program over (p, q) with the simplex and the bounds, and `objective`.
  func program(objective: [Double]) -> LinearProgram {
    var lp = LinearProgram(objective: objective)
    for group in groups where group.count > 1 || groups.count == 1 {
      var row = [Double](repeating: 0, count: 2 * m)
      for k in group {
        row[k] = 1
        row[m + k] = -1
      }
      lp.add(row, .equal, 0)
    }
    var fixed = [Bool](repeating: false, count: m)
    for group in groups where group.count == 1 { fixed[group[0]] = true }
    for k in 0..<m {
      if fixed[k] {  // alone in its dimension: its share cannot move
        var row = [Double](repeating: 0, count: 2 * m)
        row[k] = 1
        row[m + k] = 1
        lp.add(row, .equal, 0)
        continue
      }
      var row = [Double](repeating: 0, count: 2 * m)
      row[k] = -1
      row[m + k] = 1
      lp.add(row, .lessOrEqual, nominal[k] - lower[k])  // sₖ ≥ lₖ
      if upper[k] < caps[k] {
        row[k] = 1
        row[m + k] = -1
        lp.add(row, .lessOrEqual, upper[k] - nominal[k])  // sₖ ≤ uₖ
      }
    }
    return lp
  }

  /// The nearest point meeting every row of `set`, or `nil` when none does.
  mutating func nearest(meeting set: [Int]) -> Point? {
    var lp = program(objective: [Double](repeating: 1, count: 2 * m))
    for b in set { lp.add(rows[b] + rows[b].map { -$0 }, .greaterOrEqual, margin - nominalValue(b)) }
    programs += 1
    guard let x = lp.minimize().solution?.x else { return nil }
    let shares = (0..<m).map { max(0, nominal[$0] + x[$0] - x[m + $0]) }
    let distance = zip(shares, nominal).reduce(0.0) { $0 + abs($1.0 - $1.1) }
    return Point(shares: shares, distance: distance, rows: set)
  }

  /// The least value of row `b` over the points within L1 distance `radius`.
  mutating func least(_ b: Int, within radius: Double) -> Double {
    var lp = program(objective: rows[b] + rows[b].map { -$0 })
    lp.add([Double](repeating: 1, count: 2 * m), .lessOrEqual, radius)
    programs += 1
    return (lp.minimize().solution?.value ?? 0) + nominalValue(b)
  }

  /// The search: single-row distances, two greedy sets for a first bound,
  /// then every subset of the undecided rows when there are at most
  /// `limit` of them. `reaches` re-scores the index at a point: only
  /// points it confirms are kept.
  mutating func run(limit: Int, reaches: ([Double]) -> Bool) -> Outcome {
    let single = rows.indices.map { b in nominalValue(b) >= margin ? 0 : (nearest(meeting: [b])?.distance ?? .infinity) }
    var best: Point? = nil
    func consider(_ set: [Int]) {
      guard let p = nearest(meeting: set.sorted()), best.map({ p.distance < $0.distance }) ?? true, reaches(p.shares)
      else { return }
      best = p
    }
    let byCost = rows.indices.sorted { (single[$0], $0) < (single[$1], $1) }
    let byLead = rows.indices.sorted { (-nominalValue($0), $0) < (-nominalValue($1), $1) }
    // A first bound: the areas without every indicator as they are today.
    let greedy = max(0, required - partial.nominallyMet)
    for order in [byCost, byLead] where greedy <= rows.count { consider(Array(order.prefix(greedy))) }
    // Any point of the simplex is within L1 distance 2 of s⁰.
    let radius = (best?.distance ?? 2) * (1 + 1e-9) + 1e-12
    let slack = 1e-9 * max(margin, 1e-12) + 1e-12 * (rows.lazy.flatMap { $0 }.map(abs).max() ?? 1)
    var always = 0
    var undecided: [Int] = []
    for b in byCost where single[b] <= radius {
      if least(b, within: radius) > margin + slack { always += 1 } else { undecided.append(b) }
    }
    let others = partial.classify(self, within: radius, slack: slack)
    let need = required - always - others.always
    // s⁰ itself is in the ball and does not reach the goal, so need > 0
    // unless rounding misled the classification: then claim nothing.
    guard need > 0 else { return Outcome(best: best, proven: false) }
    let exact = others.undecided == 0
    guard need <= undecided.count else { return Outcome(best: best, proven: exact) }
    guard Self.binomial(undecided.count, need, cap: limit) <= limit else { return Outcome(best: best, proven: false) }
    var choice = Array(0..<need)
    repeat {
      let set = choice.map { undecided[$0] }
      if set.allSatisfy({ single[$0] < (best?.distance ?? .infinity) }) { consider(set) }
    } while Self.advance(&choice, n: undecided.count)
    return Outcome(best: best, proven: exact)
  }

  /// The next k-subset of 0..<n in lexicographic order; false after the last.
  static func advance(_ c: inout [Int], n: Int) -> Bool {
    let k = c.count
    var i = k - 1
    while i >= 0 && c[i] == n - k + i { i -= 1 }
    guard i >= 0 else { return false }
    c[i] += 1
    for j in (i + 1)..<k { c[j] = c[j - 1] + 1 }
    return true
  }

  /// C(n, k), or `cap + 1` as soon as it exceeds `cap`.
  static func binomial(_ n: Int, _ k: Int, cap: Int) -> Int {
    let k = min(k, n - k)
    guard k >= 0 else { return 0 }
    var c = 1.0
    for i in 0..<k {
      c = c * Double(n - i) / Double(i + 1)
      if c > Double(cap) { return cap + 1 }
    }
    return Int(c.rounded())
  }
}

/// The areas without every indicator in the smallest-change search. Under
/// `reweight` such an area's score is a weighted mean of the values it
/// has, a ratio in the shares, so it gets no row of the linear programs:
/// it is bounded by its smallest and largest value instead. Within the
/// ball it is counted as met only when that holds for the whole range;
/// when it may go either way the search treats it as not met (so a point
/// found still reaches the goal) and claims only an upper bound.
struct PartialAreas {
  /// The analysed area's values (it has every indicator).
  let analysed: [Double]
  /// Each area's smallest and largest value over the indicators it has.
  let ranges: [ClosedRange<Double>]
  /// Whether a met row means the analysed area is ahead (entering) or behind.
  let entering: Bool
  /// How many of them are met at the nominal weights.
  let nominallyMet: Int

  /// How many are met everywhere within `radius`, and how many undecided.
  func classify(_ search: SmallestChangeSearch, within radius: Double, slack: Double) -> (always: Int, undecided: Int) {
    guard !ranges.isEmpty else { return (0, 0) }
    var probe = search
    probe.rows = [analysed, analysed.map { -$0 }]
    let lowest = probe.least(0, within: radius)
    let highest = -probe.least(1, within: radius)
    var always = 0
    var undecided = 0
    for r in ranges {
      let surely = entering ? lowest - r.upperBound : r.lowerBound - highest
      let possibly = entering ? highest - r.lowerBound : r.upperBound - lowest
      if surely > search.margin + slack { always += 1 } else if possibly >= search.margin { undecided += 1 }
    }
    return (always, undecided)
  }
}
