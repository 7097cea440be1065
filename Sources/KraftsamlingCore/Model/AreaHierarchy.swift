/// A set of areas at one or more levels, with the links between them and
/// name lookup: Malmö's delområden → GeSO → stadsdel, or SCB's
/// DeSO → RegSO → kommun, or any division of your own.
///
/// ```swift
/// let h = try AreaHierarchy(areas: [
///   Area(code: "1", name: "Norr", level: .geso),
///   Area(code: "101", name: "Ana", level: .delområde, parents: [.geso: "1"]),
/// ])
/// h.children(of: "1", at: .geso, level: .delområde).map(\.name)  // ["Ana"]
/// try h.resolve("ana", level: .delområde).code                   // "101"
/// ```
public struct AreaHierarchy: Sendable {
  /// Every area, in the order given.
  public private(set) var areas: [Area]
  private var byLevelCode: [AreaLevel: [String: Int]] = [:]
  private var resolvers: [AreaLevel: NameResolver<String>] = [:]

  /// Creates a hierarchy.
  ///
  /// - Throws: ``DataError`` if a code appears twice at one level or a
  ///   parent code names no area of that level (parents at levels that have
  ///   no areas of their own, such as a plain stadsdel name, are allowed).
  package init(areas: [Area]) throws(DataError) {
    self.areas = areas
    var problems: [Diagnostic] = []
    for (i, a) in areas.enumerated() {
      if byLevelCode[a.level, default: [:]][a.code] != nil {
        problems.append(
          Diagnostic(.error, code: "area.duplicate-code", "area code \(a.code) appears twice at level \(a.level)"))
      }
      byLevelCode[a.level, default: [:]][a.code] = i
    }
    for a in areas {
      for (level, code) in a.parents where byLevelCode[level] != nil && byLevelCode[level]?[code] == nil {
        problems.append(
          Diagnostic(
            .error, code: "area.unknown-parent",
            "area \(a.code) (\(a.name)) names parent \(code) at level \(level), which does not exist"))
      }
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    for level in Set(areas.map(\.level)) {
      var entries: [(name: String, id: String)] = []
      for a in areas where a.level == level {
        entries.append((a.name, a.code))
        entries.append((a.code, a.code))
        for alt in a.alternativeNames { entries.append((alt, a.code)) }
      }
      resolvers[level] = NameResolver(entries: entries, noun: level == .delområde ? "delområde" : "\(level) area")
    }
  }

  /// The levels present, in order of first appearance.
  package var levels: [AreaLevel] {
    var seen: [AreaLevel] = []
    for a in areas where !seen.contains(a.level) { seen.append(a.level) }
    return seen
  }

  /// The areas of one level, in the order given.
  package func areas(at level: AreaLevel) -> [Area] { areas.filter { $0.level == level } }

  /// The area with a code at a level.
  /// - Complexity: O(1).
  package func area(code: String, level: AreaLevel) -> Area? {
    byLevelCode[level]?[code].map { areas[$0] }
  }

  /// The areas of `level` whose parent at `parentLevel` is `code`.
  package func children(of code: String, at parentLevel: AreaLevel, level: AreaLevel) -> [Area] {
    areas.filter { $0.level == level && $0.parents[parentLevel] == code }
  }

  /// Finds an area by name or code, case-insensitively.
  ///
  /// - Throws: ``DataError`` `name.unknown` with "did you mean …?" when
  ///   nothing matches.
  public func resolve(_ nameOrCode: String, level: AreaLevel, at location: SourceLocation = SourceLocation())
    throws(DataError) -> Area
  {
    guard let resolver = resolvers[level] else {
      throw DataError(code: "area.no-level", "there are no areas at level \(level)", at: location)
    }
    let code = try resolver.resolve(nameOrCode, at: location)
    return area(code: code, level: level)!
  }

  /// The nearest names at a level to a name that is not known.
  package func suggestions(for name: String, level: AreaLevel) -> [String] {
    resolvers[level]?.suggestions(for: name) ?? []
  }
}
