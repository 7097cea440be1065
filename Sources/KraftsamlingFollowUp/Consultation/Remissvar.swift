import KraftsamlingCore

/// One answer to a ``Remiss`` (*remissvar*, *remissyttrande*): who answered,
/// when, with what overall stance, what they said per question, and the
/// structured facts a sammanställning tallies — proposed coordinators,
/// indicators, areas, views on money, ongoing programmes, political
/// reservations — each with references into the source document.
///
/// The respondent is an actor id of an ``AktörKatalog`` (`ASN`, `MKB`,
/// `P-MALMO` …). Every list may be empty; an absent list in JSON reads as
/// empty, so a hand-written file needs only `respondent` and `stance`.
///
/// ```swift
/// var svar = Remissvar(respondent: "FSN", stance: .positiv)
/// svar.coordinatorProposals = [
///   Samordnarförslag(actors: ["MKB"], text: "MKB"),
///   Samordnarförslag(actors: ["MKB", "STK"], strength: .possible, text: "MKB och stadskontoret gemensamt"),
/// ]
/// svar.indicators = [Synpunkt("trygghet", themes: ["trygghet"])]
/// svar.namesActor("MKB")   // true
/// ```
///
/// JSON: an object with the keys below (see `Documentation/DataFormats.md`).
public struct Remissvar: Sendable, Hashable, Codable {
  /// The actor id of the respondent, e.g. `GRN`.
  public var respondent: String
  /// The respondent's name as written in the source, when it differs from
  /// the catalogue's.
  package var respondentName: String?
  /// The diarienummer of the remiss answered (e.g. `STK-2023-137`); may be
  /// left out inside a ``Remissomgång``.
  package var remiss: String?
  /// The respondent's own case number for the answer, e.g. `ASN-2023-19537`.
  public var diarienummer: String?
  /// The date of the decision or the answer.
  public var date: CalendarDate?
  /// The overall stance to the proposal.
  public var stance: Ställningstagande
  /// The stance in a few words.
  package var stanceNote: String?
  /// What was said per question.
  public var answers: [Frågesvar]
  /// Who the respondent proposes (or rejects) as coordinator, alone or jointly.
  public var coordinatorProposals: [Samordnarförslag]
  /// Indicators the respondent asks for, each tagged with themes for the
  /// indicator-demand matrix.
  public var indicators: [Synpunkt]
  /// Criticism of the proposed index.
  public var indexCriticism: [Synpunkt]
  /// Proposed geographic areas or themes.
  public var areas: [Synpunkt]
  /// Views on money: budgets, division, financing.
  public var moneyViews: [Synpunkt]
  /// Ongoing programmes or insatser mentioned.
  public var programmes: [Synpunkt]
  /// Reservations and särskilda yttranden by party.
  package var reservations: [Reservation]
  /// Other points worth recording.
  package var otherPoints: [Synpunkt]
  /// Where the whole answer is in the source document(s).
  public var sources: [Källhänvisning]
  /// Editorial notes (e.g. where a fact was taken from).
  public var notes: [String]

  /// Creates an answer; every list starts empty.
  ///
  /// - Parameters:
  ///   - respondent: The respondent's actor id.
  ///   - stance: The overall stance.
  ///   - date: The date of the answer.
  ///   - remiss: The diarienummer of the remiss answered.
  public init(respondent: String, stance: Ställningstagande, date: CalendarDate? = nil, remiss: String? = nil) {
    self.respondent = respondent
    self.stance = stance
    self.date = date
    self.remiss = remiss
    self.answers = []
    self.coordinatorProposals = []
    self.indicators = []
    self.indexCriticism = []
    self.areas = []
    self.moneyViews = []
    self.programmes = []
    self.reservations = []
    self.otherPoints = []
    self.sources = []
    self.notes = []
  }

  /// The answer to a question, or `nil`.
  ///
  /// - Complexity: O(a), a the number of answers.
  package func answer(to question: Int) -> Frågesvar? { answers.first { $0.question == question } }

  /// Whether any proposal that is not a rejection names the actor, in any
  /// role (alone, jointly, supporting).
  ///
  /// - Complexity: O(p), p the number of parties named in proposals.
  package func namesActor(_ id: String) -> Bool {
    coordinatorProposals.contains { $0.strength != .rejected && $0.actors.contains(id) }
  }

  /// Whether the respondent names at least one specific actor as
  /// coordinator (in any role but rejection).
  package var namesAnyActor: Bool {
    coordinatorProposals.contains { $0.strength != .rejected && !$0.actors.isEmpty }
  }

  /// Whether the respondent makes any coordinator proposal at all, named
  /// or described (rejections do not count).
  package var makesCoordinatorProposal: Bool {
    coordinatorProposals.contains { $0.strength != .rejected }
  }

  private enum CodingKeys: String, CodingKey {
    case respondent, respondentName, remiss, diarienummer, date, stance, stanceNote, answers
    case coordinatorProposals, indicators, indexCriticism, areas, moneyViews, programmes, reservations
    case otherPoints, sources, notes
  }

  /// Decodes an answer; absent lists read as empty.
  ///
  /// - Throws: `DecodingError` when a required key (`respondent`, `stance`)
  ///   is missing or a value has the wrong type.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    respondent = try c.decode(String.self, forKey: .respondent)
    respondentName = try c.decodeIfPresent(String.self, forKey: .respondentName)
    remiss = try c.decodeIfPresent(String.self, forKey: .remiss)
    diarienummer = try c.decodeIfPresent(String.self, forKey: .diarienummer)
    date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
    stance = try c.decode(Ställningstagande.self, forKey: .stance)
    stanceNote = try c.decodeIfPresent(String.self, forKey: .stanceNote)
    answers = try c.decodeIfPresent([Frågesvar].self, forKey: .answers) ?? []
    coordinatorProposals = try c.decodeIfPresent([Samordnarförslag].self, forKey: .coordinatorProposals) ?? []
    indicators = try c.decodeIfPresent([Synpunkt].self, forKey: .indicators) ?? []
    indexCriticism = try c.decodeIfPresent([Synpunkt].self, forKey: .indexCriticism) ?? []
    areas = try c.decodeIfPresent([Synpunkt].self, forKey: .areas) ?? []
    moneyViews = try c.decodeIfPresent([Synpunkt].self, forKey: .moneyViews) ?? []
    programmes = try c.decodeIfPresent([Synpunkt].self, forKey: .programmes) ?? []
    reservations = try c.decodeIfPresent([Reservation].self, forKey: .reservations) ?? []
    otherPoints = try c.decodeIfPresent([Synpunkt].self, forKey: .otherPoints) ?? []
    sources = try c.decodeIfPresent([Källhänvisning].self, forKey: .sources) ?? []
    notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
  }

  /// Encodes an answer; empty lists and absent values are left out, so
  /// files stay short.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(respondent, forKey: .respondent)
    try c.encodeIfPresent(respondentName, forKey: .respondentName)
    try c.encodeIfPresent(remiss, forKey: .remiss)
    try c.encodeIfPresent(diarienummer, forKey: .diarienummer)
    try c.encodeIfPresent(date, forKey: .date)
    try c.encode(stance, forKey: .stance)
    try c.encodeIfPresent(stanceNote, forKey: .stanceNote)
    func list<T: Encodable>(_ v: [T], _ key: CodingKeys) throws { if !v.isEmpty { try c.encode(v, forKey: key) } }
    try list(answers, .answers)
    try list(coordinatorProposals, .coordinatorProposals)
    try list(indicators, .indicators)
    try list(indexCriticism, .indexCriticism)
    try list(areas, .areas)
    try list(moneyViews, .moneyViews)
    try list(programmes, .programmes)
    try list(reservations, .reservations)
    try list(otherPoints, .otherPoints)
    try list(sources, .sources)
    try list(notes, .notes)
  }
}
