extension WeightSensitivity {
  /// The smallest change of the whole weight vector — every weight may
  /// move — that takes an area into the selection, or out of it.
  ///
  /// The distance is the L1 distance between the weight shares (the sum of
  /// the absolute changes of the shares, each share a weight divided by
  /// the sum of the weights). The shares found are checked by scoring the
  /// index again with them.
  ///
  /// With dimensions the shares are the effective ones (see
  /// ``WeightSensitivity/nominalShares``) and only the indicators' weights
  /// move: each dimension keeps its share of the index. The shares found,
  /// passed to `kraftctl index --weights` as they are, give the index the
  /// result was checked with.
  public struct SmallestChange: Sendable, Hashable, Codable {
    /// What is known about the distance.
    public enum Claim: String, Sendable, Hashable, Codable {
      /// No weights within the bounds nearer than ``distance`` do it (up to
      /// rounding); with ``shares`` `nil`: no weights within the bounds do it.
      case provenMinimal = "proven-minimal"
      /// The shares found do it, but nearer ones may exist; with ``shares``
      /// `nil`: none were found, which proves nothing.
      case upperBound = "upper-bound"
    }

    /// The area's code.
    package let area: String
    /// The size of the selection.
    package let top: Int
    /// Whether the change takes the area into the selection (it is outside
    /// at the nominal weights); otherwise out of it.
    package let entering: Bool
    /// The weight shares found, in definition order (summing to 1), or `nil`
    /// when none were found.
    public let shares: [Double]?
    /// The L1 distance from the nominal shares to ``shares``: twice the
    /// weight share moved from some indicators to others.
    public let distance: Double?
    /// The area's rank when the index is scored with ``shares``.
    public let rankAfter: Int?
    /// Whether ``distance`` is proven minimal or an upper bound.
    public let claim: Claim
  }

  /// The largest number of linear programs the exact search may solve
  /// before it settles for an upper bound.
  package static let smallestChangeProgramLimit = 5000

  /// The smallest change of the weights, in L1 distance between weight
  /// shares, that brings area `code` into the top `top` (when it is outside
  /// at the nominal weights) or takes it out (when it is inside).
  ///
  /// Entering means at most `top` − 1 areas score strictly above the area
  /// (competition ranks), leaving at least `top`. Which areas those are is
  /// combinatorial: the search solves one linear program per set of areas
  /// the area must pass (or must be passed by), over every such set that
  /// can matter within the best distance found so far, and says whether
  /// the answer is proven minimal or only an upper bound (when there are
  /// more than ``smallestChangeProgramLimit`` sets). A found change leads
  /// by a margin of 10⁻⁹ of the largest normalised value and is checked by
  /// re-scoring the index. See `Documentation/WeightSensitivity.md`.
  ///
  /// - Parameters:
  ///   - bounds: Factors of the nominal share each share must stay within,
  ///     e.g. `0.5...2` for between half and twice; `nil` for any share in
  ///     [0, 1].
  /// - Throws: `robustness.unknown-area`; `robustness.invalid-setting` for
  ///   `top` < 1 or bounds that exclude the nominal weights;
  ///   `robustness.not-linear` unless the aggregation is the arithmetic
  ///   mean and the area has every indicator.
  /// - Complexity: 2*n* small linear programs (2*m* variables) and one per
  ///   candidate set, at most ``smallestChangeProgramLimit``.
  public func smallestChange(area code: String, top: Int, bounds: ClosedRange<Double>? = nil) throws(RobustnessError)
    -> SmallestChange
  {
    let a = try position(of: code)
    var search = try smallestChangeSearch(a, top: top, bounds: bounds)
    let entering = search.entering
    let reaches = { (shares: [Double]) -> Bool in
      let rank = self.rank(of: a, shares: shares)
      return entering ? (rank >= 1 && rank <= top) : (rank == 0 || rank > top)
    }
    let outcome = search.program.run(limit: Self.smallestChangeProgramLimit, reaches: reaches)
    let none = SmallestChange(
      area: code, top: top, entering: entering, shares: nil, distance: nil, rankAfter: nil,
      claim: outcome.proven ? .provenMinimal : .upperBound)
    guard var point = outcome.best else { return none }
    // Re-score the index; should rounding undo the lead, widen the margin.
    for _ in 0..<4 {
      if reaches(point.shares) {
        return SmallestChange(
          area: code, top: top, entering: entering, shares: point.shares, distance: point.distance,
          rankAfter: rank(of: a, shares: point.shares),
          claim: outcome.proven ? .provenMinimal : .upperBound)
      }
      search.program.margin *= 100
      guard let p = search.program.nearest(meeting: point.rows) else { break }
      point = p
    }
    return SmallestChange(
      area: code, top: top, entering: entering, shares: nil, distance: nil, rankAfter: nil, claim: .upperBound)
  }

  /// The search for area `a`: its rows, bounds and margin.
  func smallestChangeSearch(_ a: Int, top: Int, bounds: ClosedRange<Double>?) throws(RobustnessError)
    -> (entering: Bool, program: SmallestChangeSearch)
  {
    try requireLinear("the smallest change")
    guard top >= 1 else { throw RobustnessError(.invalidSetting, "the selection size is \(top)", hint: "give K ≥ 1") }
    if let b = bounds, !(b.lowerBound >= 0 && b.lowerBound <= 1 && b.upperBound >= 1 && b.upperBound.isFinite) {
      throw RobustnessError(
        .invalidSetting, "the bounds ×\(b.lowerBound)–×\(b.upperBound) do not include the nominal weights",
        hint: "give factors with the lower at most 1 and the upper at least 1, e.g. 0.5 and 2")
    }
    let m = indicatorCount
    let complete = { (i: Int) in !(0..<m).contains { values[i * m + $0].isNaN } }
    guard complete(a) else {
      throw RobustnessError(
        .notLinear,
        "the smallest change needs the area to have every indicator ('\(codes[a])' lacks some): its score is not linear in the weights",
        hint: "use the one-weight-at-a-time thresholds, or impute missing values (missing-data policy mean or median)")
    }
    let rank = self.rank(of: a, shares: nominalShares)
    let entering = rank == 0 || rank > top
    let sign = entering ? 1.0 : -1.0
    let others = codes.indices.filter { $0 != a }
    let rows = others.filter(complete).map { b in (0..<m).map { k in sign * (values[a * m + k] - values[b * m + k]) } }
    let partial = others.filter { !complete($0) }
    let ranges = partial.map { b in
      let v = (0..<m).map { values[b * m + $0] }.filter { !$0.isNaN }
      return (v.min() ?? 0)...(v.max() ?? 0)
    }
    let scale = values.reduce(0.0) { $1.isNaN ? $0 : max($0, abs($1)) }
    let nominalScores = index.scores(weights: nominalShares)
    let mine = nominalScores[index.prepared.includedRows[a]]
    let met = partial.filter { b in
      let s = nominalScores[index.prepared.includedRows[b]]
      return s.isNaN ? entering : entering ? mine - s >= 1e-9 * scale : s - mine >= 1e-9 * scale
    }.count
    let lo = bounds?.lowerBound ?? 0
    let hi = bounds?.upperBound ?? .infinity
    let caps = nominalShares.indices.map { layout.groups.count == 1 ? 1 : layout.groupShares[layout.groupOf[$0]] }
    let program = SmallestChangeSearch(
      nominal: nominalShares, lower: nominalShares.map { max(0, $0 * lo) },
      upper: zip(nominalShares, caps).map { min($1, $0 * hi) }, groups: layout.groups, caps: caps, rows: rows, required: entering ? others.count - (top - 1) : top,
      partial: PartialAreas(
        analysed: (0..<m).map { values[a * m + $0] }, ranges: ranges, entering: entering, nominallyMet: met),
      margin: 1e-9 * max(scale, 1e-300))
    return (entering, program)
  }

  /// Area `a`'s rank (0 when unranked) when the index itself scores the
  /// areas with weights `shares`.
  func rank(of a: Int, shares: [Double]) -> Int {
    let scores = index.scores(weights: shares)
    var ranks: [Int] = []
    ScoreTies.descendingRanks(scores, into: &ranks)
    return ranks[index.prepared.includedRows[a]]
  }
}
