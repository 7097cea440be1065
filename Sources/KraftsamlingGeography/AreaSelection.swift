import KraftsamlingCore
import KraftsamlingIndex

/// A choice of areas in rank order, with the reason each was chosen: the
/// input of ``SelectionClusters``.
///
/// Three ways to select, as the 2025 proposal and the consultation need:
/// - ``top(_:of:higherIsBetter:ties:)``: the *k* areas with the highest (or
///   lowest) score — or, with ``top(_:of:ties:)``, the *k* best-ranked
///   areas of an ``IndexResult``;
/// - ``threshold(_:of:higherIsBetter:)``: every area whose score is at least
///   (or at most) a threshold;
/// - ``list(_:resolver:source:)``: an explicit list of names or codes, such
///   as the twelve delområden named in STK-2024-1374.
///
/// **Ranks and ties.** For score-based selections the *rank* of a member
/// is its standard competition rank, exactly as the index ranks areas: the
/// best score has rank 1 and tied scores share the lowest rank of their
/// group (1-2-2-4). Members are listed best first, tied members by code in
/// string order, so the result never depends on dictionary or table order.
/// A top-*k* selection takes every area ranked *k* or better
/// (``Ties/include``, the default): all areas tied with the *k*-th are in,
/// so the selection may hold more than *k* areas, never fewer; the ones
/// beyond position *k* are listed in ``tiedAtCutoff``. ``Ties/breakByCode``
/// takes exactly *k* instead and lists the tied areas it leaves out. For an
/// explicit list the rank is the position in the list.
///
/// ```swift
/// let s = try AreaSelection.top(2, of: ["a": 0.9, "b": 0.1, "c": 0.5])
/// s.codes                      // ["a", "c"]
/// s.members[1].reason          // "rank 2 of 3 by score (0.5)"
/// let t = try AreaSelection.top(1, of: ["a": 0.9, "b": 0.9, "c": 0.5])
/// t.codes                      // ["a", "b"]: b ties with a at rank 1
/// t.tiedAtCutoff               // ["b"]
/// ```
///
/// - SeeAlso: `Documentation/Clusters.md`, section *Selecting areas*.
public struct AreaSelection: Sendable, Hashable, Codable {
  /// How the areas were chosen.
  package enum Method: String, Sendable, Hashable, Codable {
    /// The *k* best scores.
    case top
    /// Every score beyond a threshold.
    case threshold
    /// An explicit list of names or codes.
    case list
  }

  /// What a top-*k* selection does with areas tied with the *k*-th.
  ///
  /// ```swift
  /// let scores = ["a": 2.0, "b": 1.0, "c": 1.0]
  /// try AreaSelection.top(2, of: scores).codes                      // ["a", "b", "c"]
  /// try AreaSelection.top(2, of: scores, ties: .breakByCode).codes  // ["a", "b"]
  /// ```
  public enum Ties: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every area ranked *k* or better (competition rank): the areas tied
    /// with the *k*-th are all selected, so there may be more than *k*. The
    /// default, and the rule of ``IndexResult/top(_:)``.
    case include
    /// Exactly *k* areas: ties at the cut-off are broken by code (string
    /// order), the tied areas left out are listed in ``tiedAtCutoff``.
    case breakByCode = "break-by-code"
  }

  /// One selected area.
  public struct Member: Sendable, Hashable, Codable {
    /// The area code.
    public package(set) var code: String
    /// The 1-based rank: for score and index selections the competition
    /// rank (1 = best; tied areas share the lowest rank of their group, as
    /// the index's ranks), for list selections the position in the list.
    public package(set) var rank: Int
    /// The score, for score-based selections.
    public package(set) var score: Double?
    /// The text the user wrote, for list selections (e.g. `Herrgården`).
    package var writtenAs: String?
    /// Why the area is selected, in one phrase.
    public package(set) var reason: String

    /// Creates a member.
    package init(code: String, rank: Int, score: Double? = nil, writtenAs: String? = nil, reason: String) {
      self.code = code
      self.rank = rank
      self.score = score
      self.writtenAs = writtenAs
      self.reason = reason
    }
  }

  /// How the areas were chosen.
  package var method: Method
  /// The selected areas in rank order.
  public package(set) var members: [Member]
  /// A phrase describing the selection, e.g. `top 12 by score`.
  package var summary: String
  /// The areas after position *k* of a top-*k* selection that tie with the
  /// *k*-th area (same score, same rank), in code order: selected beyond *k*
  /// with ``Ties/include``, left out with ``Ties/breakByCode``. Empty when
  /// no tie crosses the cut-off, and for other selections.
  package var tiedAtCutoff: [String]

  /// Creates a selection from members already in rank order.
  package init(method: Method, members: [Member], summary: String, tiedAtCutoff: [String] = []) {
    self.method = method
    self.members = members
    self.summary = summary
    self.tiedAtCutoff = tiedAtCutoff
  }

  /// The selected codes in rank order.
  public var codes: [String] { members.map(\.code) }

  /// The scored areas, best first: finite scores only, with their
  /// competition ranks under the index's tie rule (``IndexRanking``), tied
  /// areas by code.
  private static func ranked(_ scores: [String: Double], higherIsBetter: Bool)
    -> [(code: String, score: Double, rank: Int)]
  {
    let entries = scores.filter { $0.value.isFinite }.sorted { $0.key < $1.key }
    let ranks = IndexRanking.ranks(of: entries.map { higherIsBetter ? $0.value : -$0.value })
    return entries.indices.map { (code: entries[$0].key, score: entries[$0].value, rank: ranks[$0]) }
      .sorted { ($0.rank, $0.code) < ($1.rank, $1.code) }
  }

  /// How many of `ranks` (competition ranks, ascending) a top-*k* selection
  /// takes, and the codes tied across the cut-off.
  static func cut<C: RandomAccessCollection>(_ k: Int, ranks: C, codes: (Int) -> String, ties: Ties)
    -> (count: Int, tied: [String]) where C.Element == Int, C.Index == Int
  {
    let last = ranks[k - 1]
    var end = k
    while end < ranks.count && ranks[end] == last { end += 1 }
    let tied = (k..<end).map(codes)
    return (ties == .include ? end : k, tied)
  }

  /// The *k* areas with the best scores, ties at the cut-off included.
  ///
  /// Missing (`NaN`) and infinite scores are ignored. Every area whose
  /// competition rank is *k* or better is selected (``Ties/include``), so
  /// areas tied with the *k*-th are all in and listed in ``tiedAtCutoff``;
  /// with ``Ties/breakByCode`` exactly *k* are selected and the tied areas
  /// left out are listed there instead.
  ///
  /// ```swift
  /// let s = try AreaSelection.top(2, of: ["a": 0.9, "b": 0.1, "c": 0.5])
  /// s.codes          // ["a", "c"]
  /// try AreaSelection.top(1, of: ["x": 1, "y": 1]).codes   // ["x", "y"] (both rank 1)
  /// ```
  ///
  /// - Parameters:
  ///   - k: How many areas (≥ 1, at most the number of finite scores).
  ///   - scores: Score by area code.
  ///   - higherIsBetter: `true` (default) when a high score ranks first,
  ///     as for an index of utsatthet.
  ///   - ties: What to do with areas tied with the *k*-th (default
  ///     ``Ties/include``).
  /// - Returns: The selection, best first, ties by code.
  /// - Throws: ``GeographyError`` `selectionTooLarge` when *k* is out of range.
  /// - Complexity: O(*n* log *n*) for *n* scores.
  public static func top(
    _ k: Int, of scores: [String: Double], higherIsBetter: Bool = true, ties: Ties = .include
  ) throws(GeographyError) -> AreaSelection {
    let r = ranked(scores, higherIsBetter: higherIsBetter)
    guard k >= 1, k <= r.count else {
      throw GeographyError(
        .selectionTooLarge,
        "asked for the top \(k) areas but \(r.count) have a score; choose k between 1 and \(r.count)")
    }
    let (count, tied) = cut(k, ranks: r.map(\.rank), codes: { r[$0].code }, ties: ties)
    let members = r.prefix(count).map { e in
      Member(code: e.code, rank: e.rank, score: e.score, reason: "rank \(e.rank) of \(r.count) by score (\(e.score))")
    }
    return AreaSelection(method: .top, members: members, summary: "top \(k) by score", tiedAtCutoff: tied)
  }

  /// Every area whose score is at least `minimum` (or at most, when lower
  /// is better).
  ///
  /// ```swift
  /// try AreaSelection.threshold(0.5, of: ["a": 0.9, "b": 0.1, "c": 0.5]).codes   // ["a", "c"]
  /// ```
  ///
  /// Missing (`NaN`) and infinite scores are ignored; members carry their
  /// competition rank among all finite scores.
  ///
  /// - Parameters:
  ///   - minimum: The threshold (inclusive).
  ///   - scores: Score by area code.
  ///   - higherIsBetter: `true` (default) selects scores ≥ `minimum`,
  ///     `false` scores ≤ `minimum`.
  /// - Returns: The passing areas, best first, ties by code.
  /// - Throws: ``GeographyError`` `emptySelection` when no score passes.
  /// - Complexity: O(*n* log *n*).
  public static func threshold(_ minimum: Double, of scores: [String: Double], higherIsBetter: Bool = true)
    throws(GeographyError) -> AreaSelection
  {
    let r = ranked(scores, higherIsBetter: higherIsBetter)
    let passing = r.filter { higherIsBetter ? $0.score >= minimum : $0.score <= minimum }
    guard !passing.isEmpty else {
      throw GeographyError(
        .emptySelection,
        "no area has a score \(higherIsBetter ? "≥" : "≤") \(minimum); the best score is \(r.first.map { String($0.score) } ?? "missing"): lower the threshold")
    }
    let op = higherIsBetter ? "≥" : "≤"
    let members = passing.map { e in
      Member(code: e.code, rank: e.rank, score: e.score, reason: "score \(e.score) \(op) \(minimum) (rank \(e.rank))")
    }
    return AreaSelection(method: .threshold, members: members, summary: "score \(op) \(minimum)")
  }

  /// The areas named in a list, in the order written.
  ///
  /// Every entry is resolved to a code (names case-insensitively; codes as
  /// they are). *All* unknown names are reported at once, each with the
  /// nearest known names, so that "Herrmodsdal" — the spelling of the 2025
  /// proposal — gets "did you mean Hermodsdal?". A name given twice counts
  /// once, at its first position.
  ///
  /// ```swift
  /// let r = MalmöData.layer.nameResolver()
  /// try AreaSelection.list(["Holma", "Katrinelund"], resolver: r).codes   // ["25611", "11431"]
  /// ```
  ///
  /// - Parameters:
  ///   - names: Names or codes, in the order that numbers the clusters.
  ///   - resolver: Names and codes of the areas (see
  ///     ``AreaLayer/nameResolver(properties:)``).
  ///   - source: Where the list came from (`--select`), for messages.
  /// - Throws: ``DataError`` with one `name.unknown` (or `name.ambiguous`)
  ///   diagnostic per bad entry, located as `source[i]`; ``DataError``
  ///   `selection.empty` for an empty list.
  /// - Complexity: O(*k*) lookups; suggestions cost O(*n*·*w*²) per unknown name.
  public static func list(_ names: [String], resolver: NameResolver<String>, source: String = "selection")
    throws(DataError) -> AreaSelection
  {
    var problems: [Diagnostic] = []
    var members: [Member] = []
    var seen = Set<String>()
    for (i, raw) in names.enumerated() {
      let name = raw.trimmingWhitespace()
      if name.isEmpty { continue }
      do {
        let code = try resolver.resolve(name, at: SourceLocation(field: "\(source)[\(i + 1)]"))
        guard seen.insert(code).inserted else { continue }
        members.append(
          Member(
            code: code, rank: members.count + 1, writtenAs: name,
            reason: "listed as '\(name)' (position \(members.count + 1))"))
      } catch {
        problems.append(contentsOf: error.diagnostics)
      }
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    guard !members.isEmpty else {
      throw DataError(
        code: "selection.empty", "the list of areas is empty", at: SourceLocation(field: source),
        hint: "name at least one area, e.g. --select Holma,Katrinelund")
    }
    return AreaSelection(method: .list, members: members, summary: "list of \(members.count) areas")
  }
}
