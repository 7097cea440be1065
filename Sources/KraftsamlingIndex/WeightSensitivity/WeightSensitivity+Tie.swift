extension WeightSensitivity {
  /// The margin of area `code` over area `other` at the nominal weights, and
  /// the nearest weight shares (on the simplex: ≥ 0, summing to 1) at which
  /// the two score the same.
  ///
  /// For two areas with every indicator the score difference is d·w with
  /// dⱼ their difference on indicator *j*, so the weights where they tie
  /// form a hyperplane; the answer is the Euclidean projection of the
  /// nominal shares onto its intersection with the simplex. With
  /// dimensions, w are the effective shares and each dimension keeps its
  /// share (a product of simplices; one λ per dimension). By the KKT
  /// conditions it is wⱼ = max(0, w⁰ⱼ − λ − μ·dⱼ); the function
  /// μ ↦ d·w(μ) is monotone, so bisection on μ finds the indicators with
  /// positive weight, and λ, μ are then solved exactly on them (and the
  /// KKT conditions checked).
  ///
  /// - Throws: `robustness.unknown-area` when an area is not ranked,
  ///   `robustness.not-linear` when either lacks an indicator (its score
  ///   is then not linear in the weights) or the aggregation is not the
  ///   arithmetic mean.
  /// - Complexity: O(*m*² log *m*) (200 bisection steps of a simplex projection).
  public func tie(_ code: String, _ other: String) throws(RobustnessError) -> Tie {
    let a = try position(of: code)
    let b = try position(of: other)
    try requireLinear("the tie point")
    let m = indicatorCount
    let d = (0..<m).map { values[a * m + $0] - values[b * m + $0] }
    guard !d.contains(where: \.isNaN) else {
      throw RobustnessError(
        .notLinear, "the tie point needs both areas to have every indicator ('\(code)' or '\(other)' lacks one)",
        hint: "compare areas with complete data, or use membership(area:top:indicator:)")
    }
    let margin = zip(d, nominalShares).reduce(0.0) { $0 + $1.0 * $1.1 }
    // The least and largest d·w over the weights (each dimension keeping its share).
    let g = layout.groups.indices
    let lo = g.reduce(0.0) { $0 + layout.groupShares[$1] * (layout.groups[$1].map { d[$0] }.min() ?? 0) }
    let hi = g.reduce(0.0) { $0 + layout.groupShares[$1] * (layout.groups[$1].map { d[$0] }.max() ?? 0) }
    guard lo <= 0, hi >= 0 else {
      return Tie(area: code, other: other, margin: margin, weights: nil, distance: nil)
    }
    let w = TieProjection(nominal: nominalShares, difference: d, groups: layout.groups, groupShares: layout.groupShares)
      .solve()
    let distance = zip(w, nominalShares).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    return Tie(area: code, other: other, margin: margin, weights: w, distance: distance)
  }
}

/// The Euclidean projection of the nominal shares w⁰ onto
/// {w ≥ 0, Σ_{j∈g} wⱼ = v_g for each group g, d·w = 0}, assumed non-empty
/// (Σ_g v_g·min_g d ≤ 0 ≤ Σ_g v_g·max_g d). A flat index has one group
/// with v = 1: the simplex.
struct TieProjection {
  let nominal: [Double]
  let difference: [Double]
  var groups: [[Int]]
  var groupShares: [Double]

  /// The projection for a flat index.
  init(nominal: [Double], difference: [Double]) {
    self.init(nominal: nominal, difference: difference, groups: [Array(nominal.indices)], groupShares: [1])
  }

  /// The projection with the shares of each group summing to its share.
  init(nominal: [Double], difference: [Double], groups: [[Int]], groupShares: [Double]) {
    self.nominal = nominal
    self.difference = difference
    self.groups = groups
    self.groupShares = groupShares
  }

  /// The projection of w⁰ − μ·d onto each group's simplex: max(0, yⱼ − λ_g)
  /// with λ_g chosen so the group sums to its share.
  func weights(_ mu: Double) -> [Double] {
    let y = zip(nominal, difference).map { $0 - mu * $1 }
    var w = [Double](repeating: 0, count: y.count)
    for (g, group) in groups.enumerated() {
      let total = groupShares[g]
      let sorted = group.map { y[$0] }.sorted(by: >)
      var sum = 0.0
      var lambda = sorted[0] - total
      for (t, v) in sorted.enumerated() {
        sum += v
        let candidate = (sum - total) / Double(t + 1)
        if v - candidate > 0 { lambda = candidate }
      }
      for j in group { w[j] = max(0, y[j] - lambda) }
    }
    return w
  }

  /// d·w(μ), non-increasing in μ.
  func gap(_ mu: Double) -> Double { zip(weights(mu), difference).reduce(0.0) { $0 + $1.0 * $1.1 } }

  /// The projection: bisection on μ for the support, then λ and μ exactly.
  func solve() -> [Double] {
    var lo = 0.0
    var hi = 0.0
    var step = 1.0
    if gap(0) > 0 {
      while gap(hi) > 0 && step < 1e300 { hi = step; step *= 2 }
    } else if gap(0) < 0 {
      while gap(lo) < 0 && step < 1e300 { lo = -step; step *= 2 }
    } else {
      return weights(0)
    }
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if gap(mid) > 0 { lo = mid } else { hi = mid }
    }
    let approximate = weights((lo + hi) / 2)
    return exact(support: approximate.indices.filter { approximate[$0] > 0 }) ?? approximate
  }

  /// Solves Σ_S (w⁰ⱼ − λ − μdⱼ) = 1 and Σ_S dⱼ(w⁰ⱼ − λ − μdⱼ) = 0 on the
  /// support S; `nil` when singular or when the KKT conditions fail.
  func exact(support: [Int]) -> [Double]? {
    guard groups.count == 1 else { return exactGrouped(support: support) }
    let n = Double(support.count)
    var sd = 0.0, sdd = 0.0, sw = 0.0, sdw = 0.0
    for j in support {
      let dj = difference[j]
      sd += dj
      sdd += dj * dj
      sw += nominal[j]
      sdw += dj * nominal[j]
    }
    let det = n * sdd - sd * sd
    guard det > 1e-14 * max(1, n * sdd) else { return nil }
    let lambda = ((sw - 1) * sdd - sd * sdw) / det
    let mu = (n * sdw - sd * (sw - 1)) / det
    var w = [Double](repeating: 0, count: nominal.count)
    for j in nominal.indices {
      let v = nominal[j] - lambda - mu * difference[j]
      if support.contains(j) {
        guard v >= -1e-12 else { return nil }
        w[j] = max(0, v)
      } else {
        guard v <= 1e-12 else { return nil }
      }
    }
    return w
  }
}

extension TieProjection {
  /// ``exact(support:)`` with several groups: λ_g = (Σ_{S_g} w⁰ − μ·Σ_{S_g} d − v_g) / |S_g|
  /// eliminated, μ solves Σ_S dⱼ·(w⁰ⱼ − λ_g − μ·dⱼ) = 0; `nil` when singular
  /// or when the KKT conditions fail.
  func exactGrouped(support: [Int]) -> [Double]? {
    let inSupport = Set(support)
    var numerator = 0.0
    var denominator = 0.0
    var sums: [(n: Double, sd: Double, sw: Double)] = []
    for (g, group) in groups.enumerated() {
      let s = group.filter { inSupport.contains($0) }
      guard !s.isEmpty else { return nil }
      let n = Double(s.count)
      var sd = 0.0, sw = 0.0
      for j in s {
        sd += difference[j]
        sw += nominal[j]
        numerator += difference[j] * nominal[j]
        denominator += difference[j] * difference[j]
      }
      numerator -= sd * (sw - groupShares[g]) / n
      denominator -= sd * sd / n
      sums.append((n, sd, sw))
    }
    guard denominator > 1e-14 else { return nil }
    let mu = numerator / denominator
    var w = [Double](repeating: 0, count: nominal.count)
    for (g, group) in groups.enumerated() {
      let lambda = (sums[g].sw - mu * sums[g].sd - groupShares[g]) / sums[g].n
      for j in group {
        let v = nominal[j] - lambda - mu * difference[j]
        if inSupport.contains(j) {
          guard v >= -1e-12 else { return nil }
          w[j] = max(0, v)
        } else {
          guard v <= 1e-12 else { return nil }
        }
      }
    }
    return w
  }
}

extension WeightSensitivity {
  /// Throws `robustness.not-linear` unless the aggregation is the arithmetic mean.
  func requireLinear(_ what: String) throws(RobustnessError) {
    guard !transformsDimensions else {
      throw RobustnessError(
        .notLinear, "\(what) needs untransformed dimensions; the IMD transform ranks the dimension scores, which is not linear in the weights",
        hint: "remove the dimension transform, or use the one-weight-at-a-time thresholds (found by bisection)")
    }
    guard isExact else {
      let spec = aggregation is WeightedArithmeticMean ? dimensionAggregation?.specification : aggregation.specification
      throw RobustnessError(
        .notLinear, "\(what) needs arithmetic aggregation; '\(spec ?? aggregation.specification)' is not linear in the weights",
        hint: "use arithmetic aggregation (kraftctl: --aggregation arithmetic)")
    }
  }
}
