import KraftsamlingCore

/// The register of insatser: every proposed, running and ended insats,
/// with queries by area, actor, theme and status and an overlap report.
///
/// The 2023 remissvar asked for "a register of ongoing insatser by actor,
/// area and theme, to avoid parallel processes".
///
/// ```swift
/// let register = try InsatsRegister(insatser)
/// register.query(.init(area: "25611", status: [.pågående])).map(\.id)
/// register.overlaps().count
/// ```
package struct InsatsRegister: Sendable {
  /// What to look for; every criterion given must match.
  package struct Query: Sendable, Hashable {
    /// A delområde code the insats targets.
    package var area: String?
    /// An actor id taking part in any role (a nämnd matches its
    /// förvaltning and the other way round).
    package var actor: String?
    /// A theme, case-insensitive.
    package var theme: String?
    /// The statuses accepted; `nil` accepts all.
    package var status: Set<Beslutsstatus>?

    /// Creates a query; with no arguments it matches everything.
    ///
    /// - Parameters:
    ///   - area: A delområde code.
    ///   - actor: An actor id.
    ///   - theme: A theme.
    ///   - status: Accepted statuses.
    package init(area: String? = nil, actor: String? = nil, theme: String? = nil, status: Set<Beslutsstatus>? = nil) {
      self.area = area
      self.actor = actor
      self.theme = theme
      self.status = status
    }
  }

  /// The insatser, in the order given.
  package private(set) var insatser: [Insats]
  /// The actor catalogue, used to match a nämnd with its förvaltning.
  package var catalogue: AktörKatalog

  /// Creates a register.
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - catalogue: The municipality's actors.
  /// - Throws: ``InsatsError`` `.duplicateID` when two insatser share an id.
  package init(_ insatser: [Insats], catalogue: AktörKatalog) throws(InsatsError) {
    var seen = Set<String>()
    for i in insatser where !seen.insert(i.id).inserted {
      throw InsatsError(.duplicateID, "two insatser have the id \(i.id)", hint: "give every insats its own id", insatsID: i.id)
    }
    self.insatser = insatser
    self.catalogue = catalogue
  }

  /// The insats with an id, or `nil`.
  ///
  /// - Parameter id: The id.
  /// - Complexity: O(*n*).
  package func insats(id: String) -> Insats? { insatser.first { $0.id == id } }

  /// Adds an insats, or replaces the one with the same id.
  ///
  /// - Parameter insats: The insats.
  package mutating func upsert(_ insats: Insats) {
    if let i = insatser.firstIndex(where: { $0.id == insats.id }) {
      insatser[i] = insats
    } else {
      insatser.append(insats)
    }
  }

  /// The insatser matching a query, in register order.
  ///
  /// - Parameter query: What to look for.
  /// - Complexity: O(*n*·*k*) for *n* insatser with about *k* actors, areas
  ///   and themes each.
  package func query(_ query: Query) -> [Insats] {
    let org = query.actor.map { catalogue.förvaltning(for: $0)?.id ?? $0 }
    let theme = query.theme.map { $0.lowercased() }
    return insatser.filter { i in
      if let a = query.area, !i.areas.contains(a) { return false }
      if let s = query.status, !s.contains(i.status) { return false }
      if let theme, !i.themes.contains(where: { $0.lowercased() == theme }) { return false }
      if let org {
        let actors = i.actorIDs + i.budget.map(\.actor)
        if !actors.contains(where: { (catalogue.förvaltning(for: $0)?.id ?? $0) == org }) { return false }
      }
      return true
    }
  }

  /// Pairs of insatser that work in the same delområde on the same theme
  /// in overlapping years, both with a status in `statuses`.
  ///
  /// - Parameters:
  ///   - statuses: The statuses considered (default: every status except
  ///     utkast and the refusals avstyrkt and avslagen, and uppföljd).
  ///   - differentOwners: Only pairs whose owners are different
  ///     organisations (default `true`).
  /// - Returns: The overlaps, ordered by the first insats's then the
  ///   second's position in the register.
  /// - Complexity: O(*n*²·*a*·*t*) for *n* insatser with *a* areas and *t*
  ///   themes; pairs that share no area are skipped through an area index.
  package func overlaps(
    statuses: Set<Beslutsstatus> = [.inlämnad, .tillstyrkt, .beviljad, .pågående, .avslutad], differentOwners: Bool = true
  ) -> [InsatsOverlap] {
    var byArea: [String: [Int]] = [:]
    for (i, ins) in insatser.enumerated() where statuses.contains(ins.status) {
      for a in Set(ins.areas) { byArea[a, default: []].append(i) }
    }
    var pairs = Set<[Int]>()
    for list in byArea.values where list.count > 1 {
      for x in 0..<list.count { for y in (x + 1)..<list.count { pairs.insert([list[x], list[y]]) } }
    }
    var out: [InsatsOverlap] = []
    for p in pairs.sorted(by: { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }) {
      let a = insatser[p[0]]
      let b = insatser[p[1]]
      if differentOwners && (catalogue.förvaltning(for: a.owner)?.id ?? a.owner) == (catalogue.förvaltning(for: b.owner)?.id ?? b.owner) {
        continue
      }
      if let o = InsatsOverlap.between(a, b) { out.append(o) }
    }
    return out
  }
}

/// Two insatser working in the same delområden on the same themes in the
/// same years.
package struct InsatsOverlap: Sendable, Hashable, Codable {
  /// The first insats's id.
  package var first: String
  /// The second insats's id.
  package var second: String
  /// The shared delområde codes, in the first insats's order.
  package var areas: [String]
  /// The shared themes (as the first insats writes them).
  package var themes: [String]
  /// The shared years.
  package var years: ClosedRange<Int>

  /// Creates an overlap.
  ///
  /// - Parameters:
  ///   - first: The first insats's id.
  ///   - second: The second insats's id.
  ///   - areas: The shared areas.
  ///   - themes: The shared themes.
  ///   - years: The shared years.
  package init(first: String, second: String, areas: [String], themes: [String], years: ClosedRange<Int>) {
    self.first = first
    self.second = second
    self.areas = areas
    self.themes = themes
    self.years = years
  }

  /// The overlap of two insatser (shared areas, themes and years), or
  /// `nil` when they share no area, no theme or no year.
  ///
  /// - Parameters:
  ///   - a: One insats.
  ///   - b: The other.
  package static func between(_ a: Insats, _ b: Insats) -> InsatsOverlap? {
    let areas = a.areas.filter(b.areas.contains)
    let bThemes = Set(b.themes.map { $0.lowercased() })
    let themes = a.themes.filter { bThemes.contains($0.lowercased()) }
    guard !areas.isEmpty, !themes.isEmpty, a.period.overlaps(b.period) else { return nil }
    return InsatsOverlap(
      first: a.id, second: b.id, areas: areas, themes: themes,
      years: max(a.period.from, b.period.from)...min(a.period.to, b.period.to))
  }
}
