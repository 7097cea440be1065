import KraftsamlingCore

extension IndexResult {
  /// Scores of larger areas (e.g. Malmö's 14 GeSO) as the
  /// population-weighted mean of their ranked sub-areas' scores.
  ///
  /// Scores are averaged, never ranks: a rank says nothing about how far
  /// apart areas are, so a mean of ranks has no meaning. The parents are
  /// then ranked by their aggregated score (1 = most vulnerable).
  ///
  /// ```swift
  /// let geso = result.aggregated(to: .geso, hierarchy: malmö, population: table.column("befolkning")!)
  /// geso.rows.first?.name       // the most vulnerable GeSO
  /// ```
  ///
  /// For parent *g*: S_g = Σ pᵢ·sᵢ / Σ pᵢ over its ranked sub-areas *i* with
  /// a known population pᵢ > 0; `nil` when there are none.
  public struct ParentAggregate: Sendable, Hashable, Codable {
    /// One parent area.
    public struct Row: Sendable, Hashable, Codable {
      /// The parent's code.
      public package(set) var code: String
      /// The parent's name (the code when the hierarchy has none).
      public package(set) var name: String
      /// The population-weighted mean score, `nil` when no sub-area is ranked.
      public package(set) var score: Double?
      /// The rank among parents, 1 = most vulnerable.
      public package(set) var rank: Int?
      /// The population of the ranked sub-areas that entered the mean.
      public package(set) var population: Double
      /// The number of sub-areas in the result.
      public package(set) var areas: Int
      /// The number of them that are ranked and weighted.
      public package(set) var rankedAreas: Int
    }
    /// The parent level.
    package var level: AreaLevel
    /// The parents, ranked ones first in rank order, then the rest by code.
    public package(set) var rows: [Row]
    /// Sub-areas of the result that have no parent at the level.
    package var orphans: [String]
  }

  /// Aggregates the scores to a parent level, weighting by population.
  ///
  /// - Parameters:
  ///   - level: The parent level, e.g. `.geso`.
  ///   - hierarchy: Gives each area's parent at `level` (matched by code).
  ///   - population: A population per table row (e.g. the `befolkning`
  ///     column); `nil` or ≤ 0 leaves the area out of the mean.
  /// - Precondition: `population` has one entry per area of the result.
  /// - Complexity: O(*n* + *g* log *g*) for *n* areas and *g* parents.
  public func aggregated(to level: AreaLevel, hierarchy: AreaHierarchy, population: [Double?]) -> ParentAggregate {
    precondition(population.count == codes.count, "one population per area")
    var parentOf: [String: String] = [:]
    for a in hierarchy.areas {
      if let p = a.parents[level], parentOf[a.code] == nil { parentOf[a.code] = p }
    }
    var sums: [String: (ws: Double, w: Double, areas: Int, ranked: Int)] = [:]
    var orphans: [String] = []
    for (i, code) in codes.enumerated() {
      guard let p = parentOf[code] else {
        orphans.append(code)
        continue
      }
      var e = sums[p] ?? (0, 0, 0, 0)
      e.areas += 1
      if let s = scores[i], let pop = population[i], pop > 0 {
        e.ws += pop * s
        e.w += pop
        e.ranked += 1
      }
      sums[p] = e
    }
    let parents = sums.keys.sorted()
    var scoresOut = parents.map { p -> Double in
      let e = sums[p]!
      return e.w > 0 ? e.ws / e.w : .nan
    }
    let ranks = IndexRanking.ranks(of: scoresOut)
    var rows: [ParentAggregate.Row] = []
    for (k, p) in parents.enumerated() {
      let e = sums[p]!
      rows.append(
        ParentAggregate.Row(
          code: p, name: hierarchy.area(code: p, level: level)?.name ?? p,
          score: scoresOut[k].isNaN ? nil : scoresOut[k], rank: ranks[k] > 0 ? ranks[k] : nil, population: e.w,
          areas: e.areas, rankedAreas: e.ranked))
    }
    scoresOut.removeAll()
    rows.sort { a, b in
      switch (a.rank, b.rank) {
      case (let x?, let y?): return x != y ? x < y : a.code < b.code
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.code < b.code
      }
    }
    return ParentAggregate(level: level, rows: rows, orphans: orphans)
  }
}
