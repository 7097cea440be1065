import KraftsamlingCore

/// How the ranking changes between two index runs — another definition,
/// other weights, another normalisation: each area's rank shift, and which
/// areas enter or leave the top *K*.
///
/// Areas are matched by code. An area is in the top *K* when its rank is
/// ≤ *K* (ties at *K* included). The shift is `baseRank − otherRank`, so a
/// positive shift means the area moved *up* toward rank 1 (more
/// vulnerable) in the other run.
///
/// ```swift
/// let a = try IndexDefinition.stadskontoret2025.run(on: table)
/// let b = try IndexDefinition.stadskontoret2025.with(normalization: .rank).run(on: table)
/// let c = try IndexComparison(base: a, other: b, top: 13)
/// c.entering.map(\.name)     // areas in b's top 13 but not a's
/// c.spearman                 // rank correlation over areas ranked in both
/// ```
///
/// - Complexity: O(*n*) after hashing the codes.
public struct IndexComparison: Sendable, Hashable, Codable {
  /// One area in both results (or ranked in at least one).
  public struct Row: Sendable, Hashable, Codable {
    /// The area code.
    public package(set) var code: String
    /// The area name.
    public package(set) var name: String
    /// The rank in the base run.
    public package(set) var baseRank: Int?
    /// The rank in the other run.
    public package(set) var otherRank: Int?
    /// baseRank − otherRank (positive: moved toward rank 1); `nil` unless ranked in both.
    public package(set) var shift: Int?
    /// The score in the base run.
    package var baseScore: Double?
    /// The score in the other run.
    package var otherScore: Double?
    /// Whether the area is in the base run's top K.
    package var inBaseTop: Bool
    /// Whether the area is in the other run's top K.
    package var inOtherTop: Bool
  }

  /// The base run's definition label (`id@version`, with modifications).
  package var baseLabel: String
  /// The other run's definition label.
  package var otherLabel: String
  /// The K of "top K".
  package var top: Int
  /// Every area of the base run that also appears in the other, in the base
  /// run's order (ranked first).
  public package(set) var rows: [Row]

  /// Compares two results.
  ///
  /// ```swift
  /// let c = try IndexComparison(base: a, other: b, top: 13)
  /// c.rows.first { $0.name == "Holma" }?.shift   // e.g. +2: two places nearer rank 1 under b
  /// ```
  ///
  /// - Complexity: O(*n*) for *n* areas.
  ///
  /// - Parameters:
  ///   - base: The reference run.
  ///   - other: The run compared with it.
  ///   - top: K, the size of the selection compared.
  /// - Throws: ``IndexError`` `index.incomparable` when the runs have no
  ///   area in common, `index.invalid-parameter` when `top < 1`.
  public init(base: IndexResult, other: IndexResult, top: Int) throws(IndexError) {
    guard top >= 1 else {
      throw IndexError(.invalidParameter, "top must be at least 1, got \(top)", hint: "e.g. --top 13")
    }
    var otherRow: [String: Int] = [:]
    for (i, c) in other.codes.enumerated() { otherRow[c] = i }
    var rows: [Row] = []
    for i in base.order {
      guard let j = otherRow[base.codes[i]] else { continue }
      let a = base.ranks[i]
      let b = other.ranks[j]
      rows.append(
        Row(
          code: base.codes[i], name: base.names[i] ?? base.codes[i], baseRank: a, otherRank: b,
          shift: a.flatMap { x in b.map { x - $0 } }, baseScore: base.scores[i], otherScore: other.scores[j],
          inBaseTop: (a ?? .max) <= top, inOtherTop: (b ?? .max) <= top))
    }
    guard !rows.isEmpty else {
      throw IndexError(.incomparable, "the two runs have no area in common", hint: "run both definitions on the same table")
    }
    self.baseLabel = base.definition.label
    self.otherLabel = other.definition.label
    self.top = top
    self.rows = rows
  }

  /// Areas in the other run's top K but not the base run's, by their new rank.
  public var entering: [Row] {
    rows.filter { $0.inOtherTop && !$0.inBaseTop }.sorted { ($0.otherRank ?? .max, $0.code) < ($1.otherRank ?? .max, $1.code) }
  }

  /// Areas in the base run's top K but not the other's, by their old rank.
  public var leaving: [Row] {
    rows.filter { $0.inBaseTop && !$0.inOtherTop }.sorted { ($0.baseRank ?? .max, $0.code) < ($1.baseRank ?? .max, $1.code) }
  }

  /// Areas in both top K.
  package var staying: [Row] { rows.filter { $0.inBaseTop && $0.inOtherTop } }

  /// The mean absolute rank shift over areas ranked in both runs.
  public var meanAbsoluteShift: Double? {
    let s = rows.compactMap(\.shift)
    return s.isEmpty ? nil : Double(s.reduce(0) { $0 + abs($1) }) / Double(s.count)
  }

  /// The largest absolute rank shift.
  package var maximumAbsoluteShift: Int? { rows.compactMap(\.shift).map(abs).max() }

  /// Spearman's rank correlation over the areas ranked in both runs: the
  /// Pearson correlation of their average ranks (ties get the mean of the
  /// positions they span, as `scipy.stats.spearmanr`); `nil` for fewer than
  /// 2 areas or a constant ranking.
  public var spearman: Double? {
    let both = rows.compactMap { r in r.baseRank.flatMap { a in r.otherRank.map { (Double(a), Double($0)) } } }
    guard both.count >= 2 else { return nil }
    let ra = IndexMath.averageRanks(both.map(\.0))
    let rb = IndexMath.averageRanks(both.map(\.1))
    let pairs = Array(zip(ra, rb))
    let ma = IndexMath.mean(pairs.map(\.0))
    let mb = IndexMath.mean(pairs.map(\.1))
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for (a, b) in pairs {
      sab += (a - ma) * (b - mb)
      saa += (a - ma) * (a - ma)
      sbb += (b - mb) * (b - mb)
    }
    guard saa > 0, sbb > 0 else { return nil }
    return sab / (saa * sbb).squareRoot()
  }
}
