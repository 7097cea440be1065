import KraftsamlingCore

/// A respondent's proposal (or rejection) of who should coordinate: one
/// or more named actors, possibly with parties that are described but not
/// named (*"en nämnd utsedd av kommunstyrelsen"*), with a strength and a
/// scope.
///
/// A proposal is **joint** when it has two or more parties (named or
/// described), and **alone** when its only party is one named actor.
/// ``Sammanställning`` tallies these per actor.
///
/// ```swift
/// let p = Samordnarförslag(actors: ["MKB"], unnamedParties: ["nämnd utsedd av kommunstyrelsen"],
///                          text: "nämnd utsedd av KS tillsammans med t.ex. MKB")
/// p.isJoint     // true
/// p.isAlone     // false
/// ```
public struct Samordnarförslag: Sendable, Hashable, Codable {
  /// How firmly an actor is proposed.
  package enum Strength: String, Sendable, Hashable, Codable, CaseIterable {
    /// Proposed as coordinator (`proposed`).
    case proposed
    /// The respondent's preferred option among several (`preferred`).
    case preferred
    /// Proposed on conditions (mandate, budget …) (`conditional`).
    case conditional
    /// Named as an example of a suitable coordinator (`example`).
    case example
    /// Named as a possible co-coordinator or partner (`possible`).
    case possible
    /// In a supporting role, not coordinating (`supporting`).
    case supporting
    /// Said should *not* coordinate (`rejected`).
    case rejected

    /// A short label for reports.
    ///
    /// - Parameter language: Swedish (default) or English.
    package func label(_ language: ReportLanguage = .sv) -> String {
      let sv = language == .sv
      switch self {
      case .proposed: return sv ? "föreslås" : "proposed"
      case .preferred: return sv ? "förordas" : "preferred"
      case .conditional: return sv ? "villkorat" : "conditional"
      case .example: return sv ? "som exempel" : "as an example"
      case .possible: return sv ? "möjlig partner" : "possible partner"
      case .supporting: return sv ? "stödjande roll" : "supporting role"
      case .rejected: return sv ? "avvisas" : "rejected"
      }
    }
  }

  /// Actor ids of the named parties, e.g. `["MKB", "FGK"]`.
  public var actors: [String]
  /// Parties described but not named, e.g. `["nämnd med stadsutvecklingsuppdrag"]`.
  package var unnamedParties: [String]
  /// How firmly.
  package var strength: Strength
  /// What the role covers, if limited (e.g. `samverkansplattform`,
  /// `fysiska områdeslyft`, `som ensam samordnare`).
  package var scope: String?
  /// The proposal in the answer's own short words.
  public var text: String
  /// Where it is said in the source.
  public var sources: [Källhänvisning]

  /// Creates a proposal.
  ///
  /// - Parameters:
  ///   - actors: Actor ids of the named parties.
  ///   - unnamedParties: Described but unnamed parties.
  ///   - strength: How firmly (default: proposed).
  ///   - scope: What the role covers.
  ///   - text: The proposal in short words.
  ///   - sources: Where it is said.
  package init(
    actors: [String], unnamedParties: [String] = [], strength: Strength = .proposed, scope: String? = nil,
    text: String, sources: [Källhänvisning] = []
  ) {
    self.actors = actors
    self.unnamedParties = unnamedParties
    self.strength = strength
    self.scope = scope
    self.text = text
    self.sources = sources
  }

  /// The number of parties, named and described.
  package var partyCount: Int { actors.count + unnamedParties.count }

  /// Whether two or more parties share the role.
  public var isJoint: Bool { partyCount >= 2 }

  /// Whether one named actor alone is proposed.
  package var isAlone: Bool { actors.count == 1 && unnamedParties.isEmpty }

  private enum CodingKeys: String, CodingKey { case actors, unnamedParties, strength, scope, text, sources }

  /// Decodes a proposal; `actors`, `unnamedParties` and `sources` default
  /// to empty, `strength` to `proposed`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    actors = try c.decodeIfPresent([String].self, forKey: .actors) ?? []
    unnamedParties = try c.decodeIfPresent([String].self, forKey: .unnamedParties) ?? []
    strength = try c.decodeIfPresent(Strength.self, forKey: .strength) ?? .proposed
    scope = try c.decodeIfPresent(String.self, forKey: .scope)
    text = try c.decode(String.self, forKey: .text)
    sources = try c.decodeIfPresent([Källhänvisning].self, forKey: .sources) ?? []
  }

  /// Encodes a proposal, leaving out empty lists.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if !actors.isEmpty { try c.encode(actors, forKey: .actors) }
    if !unnamedParties.isEmpty { try c.encode(unnamedParties, forKey: .unnamedParties) }
    try c.encode(strength, forKey: .strength)
    try c.encodeIfPresent(scope, forKey: .scope)
    try c.encode(text, forKey: .text)
    if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
  }
}
