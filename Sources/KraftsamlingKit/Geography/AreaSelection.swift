/// A choice of areas in rank order, with the reason each was chosen: the
/// input of ``SelectionClusters``.
///
/// Three ways to select, as the 2025 proposal and the consultation need:
/// - ``top(_:of:higherIsBetter:)``: the *k* areas with the highest (or
///   lowest) score of an index;
/// - ``threshold(_:of:higherIsBetter:)``: every area whose score is at least
///   (or at most) a threshold;
/// - ``list(_:resolver:)``: an explicit list of names or codes, such as the
///   twelve delområden named in STK-2024-1374.
///
/// The *rank* of a member is its 1-based position: best score first (ties
/// by code, in string order, so the result never depends on dictionary
/// order), or position in the explicit list.
///
/// ```swift
/// let s = try AreaSelection.top(2, of: ["a": 0.9, "b": 0.1, "c": 0.5])
/// s.codes                      // ["a", "c"]
/// s.members[1].reason          // "rank 2 of 3 by score (0.5)"
/// ```
public struct AreaSelection: Sendable, Hashable, Codable {
  /// How the areas were chosen.
  public enum Method: String, Sendable, Hashable, Codable {
    /// The *k* best scores.
    case top
    /// Every score beyond a threshold.
    case threshold
    /// An explicit list of names or codes.
    case list
  }

  /// One selected area.
  public struct Member: Sendable, Hashable, Codable {
    /// The area code.
    public var code: String
    /// The 1-based position in the selection (best first / list order).
    public var rank: Int
    /// The score, for score-based selections.
    public var score: Double?
    /// The text the user wrote, for list selections (e.g. `Herrgården`).
    public var writtenAs: String?
    /// Why the area is selected, in one phrase.
    public var reason: String

    /// Creates a member.
    public init(code: String, rank: Int, score: Double? = nil, writtenAs: String? = nil, reason: String) {
      self.code = code
      self.rank = rank
      self.score = score
      self.writtenAs = writtenAs
      self.reason = reason
    }
  }

  /// How the areas were chosen.
  public var method: Method
  /// The selected areas in rank order.
  public var members: [Member]
  /// A phrase describing the selection, e.g. `top 12 by score`.
  public var summary: String
  /// Areas left out only because of a tie at the cut-off of ``top(_:of:higherIsBetter:)``
  /// (same score as the last selected area; the tie is broken by code).
  public var tiedAtCutoff: [String]

  /// Creates a selection from members already in rank order.
  public init(method: Method, members: [Member], summary: String, tiedAtCutoff: [String] = []) {
    self.method = method
    self.members = members
    self.summary = summary
    self.tiedAtCutoff = tiedAtCutoff
  }

  /// The selected codes in rank order.
  public var codes: [String] { members.map(\.code) }

  /// The scored areas, best first: finite scores only, ties by code.
  private static func ranked(_ scores: [String: Double], higherIsBetter: Bool) -> [(code: String, score: Double)] {
    scores.filter { $0.value.isFinite }.map { (code: $0.key, score: $0.value) }.sorted {
      if $0.score != $1.score { return higherIsBetter ? $0.score > $1.score : $0.score < $1.score }
      return $0.code < $1.code
    }
  }

  /// The *k* areas with the best scores.
  ///
  /// Missing (`NaN`) and infinite scores are ignored. Ties are broken by
  /// code; areas tied with the last selected one but left out are listed in
  /// ``tiedAtCutoff``.
  ///
  /// - Parameters:
  ///   - k: How many areas (≥ 1, at most the number of finite scores).
  ///   - scores: Score by area code.
  ///   - higherIsBetter: `true` (default) when a high score ranks first,
  ///     as for an index of utsatthet.
  /// - Throws: ``GeographyError`` `selectionTooLarge` when *k* is out of range.
  /// - Complexity: O(*n* log *n*) for *n* scores.
  public static func top(_ k: Int, of scores: [String: Double], higherIsBetter: Bool = true) throws(GeographyError)
    -> AreaSelection
  {
    let r = ranked(scores, higherIsBetter: higherIsBetter)
    guard k >= 1, k <= r.count else {
      throw GeographyError(
        .selectionTooLarge,
        "asked for the top \(k) areas but \(r.count) have a score; choose k between 1 and \(r.count)")
    }
    let members = r.prefix(k).enumerated().map { i, e in
      Member(
        code: e.code, rank: i + 1, score: e.score, reason: "rank \(i + 1) of \(r.count) by score (\(e.score))")
    }
    let last = r[k - 1].score
    let tied = r.dropFirst(k).prefix { $0.score == last }.map(\.code)
    return AreaSelection(method: .top, members: members, summary: "top \(k) by score", tiedAtCutoff: tied)
  }

  /// Every area whose score is at least `minimum` (or at most, when lower
  /// is better).
  ///
  /// ```swift
  /// try AreaSelection.threshold(0.5, of: ["a": 0.9, "b": 0.1, "c": 0.5]).codes   // ["a", "c"]
  /// ```
  ///
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
    let members = passing.enumerated().map { i, e in
      Member(code: e.code, rank: i + 1, score: e.score, reason: "score \(e.score) \(op) \(minimum) (rank \(i + 1))")
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
  /// try AreaSelection.list(["Holma", "Katrinelund"], resolver: r).codes   // ["80203", …]
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
