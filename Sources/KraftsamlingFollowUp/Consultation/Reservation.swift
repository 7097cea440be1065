import KraftsamlingCore

/// A political reservation or *särskilt yttrande* attached to a nämnd's
/// decision on a remissvar.
///
/// A *reservation* records that a party voted against the decision; a
/// *särskilt yttrande* (special statement) explains a view without
/// reserving against it. See Kommunallagen (2017:725) on the right to
/// reserve against a decision.
///
/// ```swift
/// let r = Reservation(party: "S", kind: .reservation, form: .skriftlig, jointWith: ["L"])
/// r.label(.sv)    // "S: skriftlig reservation (tillsammans med L)"
/// ```
package struct Reservation: Sendable, Hashable, Codable {
  /// Reservation or särskilt yttrande.
  package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A reservation against the decision (`reservation`).
    case reservation
    /// A special statement (`särskilt-yttrande`).
    case särskiltYttrande = "särskilt-yttrande"
  }

  /// Written or oral.
  package enum Form: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written (`skriftlig`).
    case skriftlig
    /// Oral (`muntlig`).
    case muntlig
  }

  /// The party's abbreviation, e.g. `V`, `SD`, `M`.
  package var party: String
  /// Reservation or särskilt yttrande.
  package var kind: Kind
  /// Written or oral, if stated.
  package var form: Form?
  /// Parties that made it jointly.
  package var jointWith: [String]
  /// A note, e.g. "anmält men inte inkommet före justering".
  package var note: String?
  /// Where it is recorded in the source.
  package var sources: [Källhänvisning]

  /// Creates a reservation.
  ///
  /// - Parameters:
  ///   - party: The party's abbreviation.
  ///   - kind: Reservation or särskilt yttrande.
  ///   - form: Written or oral.
  ///   - jointWith: Parties that made it jointly.
  ///   - note: A note.
  ///   - sources: Where it is recorded.
  package init(
    party: String, kind: Kind, form: Form? = nil, jointWith: [String] = [], note: String? = nil,
    sources: [Källhänvisning] = []
  ) {
    self.party = party
    self.kind = kind
    self.form = form
    self.jointWith = jointWith
    self.note = note
    self.sources = sources
  }

  /// `S: skriftlig reservation (tillsammans med L)`.
  ///
  /// - Parameter language: Swedish (default) or English.
  package func label(_ language: ReportLanguage = .sv) -> String {
    let sv = language == .sv
    var what: String
    switch kind {
    case .reservation: what = "reservation"
    case .särskiltYttrande: what = sv ? "särskilt yttrande" : "special statement"
    }
    if let form {
      switch form {
      case .skriftlig: what = (sv ? "skriftlig " : "written ") + what
      case .muntlig: what = (sv ? "muntlig " : "oral ") + what
      }
    }
    var s = "\(party): \(what)"
    if !jointWith.isEmpty { s += sv ? " (tillsammans med \(jointWith.joined(separator: ", ")))" : " (jointly with \(jointWith.joined(separator: ", ")))" }
    if let note { s += " – \(note)" }
    return s
  }

  private enum CodingKeys: String, CodingKey { case party, kind, form, jointWith, note, sources }

  /// Decodes a reservation; `jointWith` and `sources` default to empty.
  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    party = try c.decode(String.self, forKey: .party)
    kind = try c.decode(Kind.self, forKey: .kind)
    form = try c.decodeIfPresent(Form.self, forKey: .form)
    jointWith = try c.decodeIfPresent([String].self, forKey: .jointWith) ?? []
    note = try c.decodeIfPresent(String.self, forKey: .note)
    sources = try c.decodeIfPresent([Källhänvisning].self, forKey: .sources) ?? []
  }

  /// Encodes a reservation, leaving out empty lists.
  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(party, forKey: .party)
    try c.encode(kind, forKey: .kind)
    try c.encodeIfPresent(form, forKey: .form)
    if !jointWith.isEmpty { try c.encode(jointWith, forKey: .jointWith) }
    try c.encodeIfPresent(note, forKey: .note)
    if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
  }
}
