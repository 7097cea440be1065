import KraftsamlingCore

/// The summary of a consultation round (*sammanställning av remissvar*):
/// who answered and who did not, stances, tallies per question and
/// position, who proposes which coordinator (alone or jointly), an
/// indicator-demand matrix (indicator theme × respondent), criticism of
/// the index by theme, and political reservations by party.
///
/// Everything counts *respondents* (remissinstanser), never mentions: a
/// respondent who names MKB twice counts once for MKB. Lists of
/// respondents keep the order of the round's answers, so the output is
/// deterministic.
///
/// ```swift
/// let s = Sammanställning(MalmöData.remissvar2023, catalogue: .malmö)   // Malmö's, KraftsamlingKitData
/// s.coordinators.row(for: "MKB")?.anyRole.count   // 4
/// s.coordinators.namesNoActor.count               // 7
/// s.indicatorDemand.row(for: "trygghet")?.respondents.count   // 8
/// print(s.markdown())                             // a report to attach to an ärende
/// ```
///
/// - Complexity: O(a·p + t·a) to build, a answers, p points per answer,
///   t themes.
public struct Sammanställning: Sendable, Hashable, Codable {
  /// A respondent in the overview.
  package struct Respondent: Sendable, Hashable, Codable {
    /// The actor id.
    package var id: String
    /// The name (catalogue name, or as written in the answer).
    package var name: String
    /// Nämnd, bolag … (nil when the id is not in the catalogue).
    package var kind: AktörKind?
    /// The date of the answer.
    package var date: CalendarDate?
    /// The overall stance.
    package var stance: Ställningstagande
    /// Reservations and särskilda yttranden, as labels.
    package var reservations: [String]
    /// The same reservations, for labels in a report's language (not
    /// stored in JSON, which keeps the labels).
    package var reservationDetails: [Reservation] = []

    /// The reservations' labels in a report's language (the stored labels
    /// when the details are not known).
    package func reservationLabels(_ language: ReportLanguage) -> [String] {
      reservationDetails.isEmpty ? reservations : reservationDetails.map { $0.label(language) }
    }

    private enum CodingKeys: String, CodingKey { case id, name, kind, date, stance, reservations }
  }

  /// An actor id with its name.
  package struct ActorName: Sendable, Hashable, Codable {
    /// The actor id.
    package var id: String
    /// The name (the id when unknown).
    package var name: String
  }

  /// The respondents holding a position or stance.
  public struct Count: Sendable, Hashable, Codable {
    /// The position, stance code or theme.
    public package(set) var label: String
    /// The respondents, in answer order.
    public package(set) var respondents: [String]
  }

  /// The tally of one question.
  public struct QuestionTally: Sendable, Hashable, Codable {
    /// The question.
    package var question: Remissfråga
    /// Respondents who answered it.
    package var answered: [String]
    /// Respondents who explicitly declined to answer.
    package var declined: [String]
    /// Respondents whose answer does not address it or records nothing for it.
    package var notAddressed: [String]
    /// Respondents per position, most respondents first, then by label.
    public package(set) var positions: [Count]
  }

  /// The remiss.
  package var remiss: Remiss
  /// Whether the remiss lists its recipients (if not, nobody can be
  /// reported as not having answered).
  package var recipientsKnown: Bool
  /// The respondents, in answer order.
  package var respondents: [Respondent]
  /// Recipients who did not answer, in the remiss's order.
  package var nonRespondents: [ActorName]
  /// Respondents who were not among the recipients.
  package var unsolicited: [String]
  /// Respondents per overall stance, in the order of ``Ställningstagande``'s cases (non-empty only).
  package var stances: [Count]
  /// One tally per question, in question order.
  package var questions: [QuestionTally]
  /// Who proposes which coordinator.
  public package(set) var coordinators: CoordinatorTally
  /// Indicator themes × respondents.
  public package(set) var indicatorDemand: ThemeMatrix
  /// Criticism of the index by theme × respondents.
  public package(set) var indexCriticism: ThemeMatrix
  /// Reservations and särskilda yttranden by party.
  package var reservations: [PartyReservations]
  /// The source documents.
  package var documents: [Källdokument]
  /// Notes carried over from the round.
  package var notes: [String]

  /// Summarises a round.
  ///
  /// - Parameters:
  ///   - round: The remiss and its answers.
  ///   - catalogue: The municipality's actors: resolves actor ids to names and kinds.
  ///   - grouping: Whether coordinators are tallied as named or rolled up
  ///     from förvaltning to nämnd (stadskontoret → kommunstyrelsen).
  /// - Complexity: O(a·p + t·a), a answers, p points per answer, t themes.
  public init(_ round: Remissomgång, catalogue: AktörKatalog, grouping: CoordinatorTally.Grouping = .asNamed) {
    func name(_ id: String) -> String { catalogue.aktör(id: id)?.name ?? id }
    remiss = round.remiss
    recipientsKnown = !round.remiss.recipients.isEmpty
    respondents = round.answers.map { a in
      Respondent(
        id: a.respondent, name: catalogue.aktör(id: a.respondent)?.name ?? a.respondentName ?? a.respondent,
        kind: catalogue.aktör(id: a.respondent)?.kind, date: a.date, stance: a.stance,
        reservations: a.reservations.map { $0.label() }, reservationDetails: a.reservations)
    }
    nonRespondents = round.nonRespondents.map { ActorName(id: $0, name: name($0)) }
    let recipients = Set(round.remiss.recipients)
    unsolicited = recipientsKnown ? round.answers.map(\.respondent).filter { !recipients.contains($0) } : []
    stances = Ställningstagande.allCases.compactMap { s in
      let r = round.answers.filter { $0.stance == s }.map(\.respondent)
      return r.isEmpty ? nil : Count(label: s.rawValue, respondents: r)
    }
    questions = round.remiss.questions.map { q in
      var answered: [String] = []
      var declined: [String] = []
      var notAddressed: [String] = []
      var byPosition = OrderedTally()
      for a in round.answers {
        guard let fs = a.answer(to: q.number) else {
          notAddressed.append(a.respondent)
          continue
        }
        switch fs.status {
        case .answered: answered.append(a.respondent)
        case .declined: declined.append(a.respondent)
        case .notAddressed: notAddressed.append(a.respondent)
        }
        for p in fs.positions { byPosition.add(p, a.respondent) }
      }
      return QuestionTally(
        question: q, answered: answered, declined: declined, notAddressed: notAddressed, positions: byPosition.counts())
    }
    coordinators = CoordinatorTally(round.answers, catalogue: catalogue, grouping: grouping)
    indicatorDemand = ThemeMatrix(round.answers, points: \.indicators)
    indexCriticism = ThemeMatrix(round.answers, points: \.indexCriticism)
    reservations = PartyReservations.tally(round.answers)
    documents = round.documents
    notes = round.notes
  }

  /// The tally of a question, or `nil`.
  public func tally(question number: Int) -> QuestionTally? { questions.first { $0.question.number == number } }

  /// The number of answers.
  package var answerCount: Int { respondents.count }
}

/// A tally that keeps respondents unique per label and sorts by count.
struct OrderedTally {
  private var order: [String] = []
  private var members: [String: [String]] = [:]

  mutating func add(_ label: String, _ respondent: String) {
    if members[label] == nil {
      order.append(label)
      members[label] = []
    }
    if !members[label]!.contains(respondent) { members[label]!.append(respondent) }
  }

  /// Most respondents first, then by label (code-point order), so the
  /// result does not depend on input order beyond the respondent lists.
  func counts() -> [Sammanställning.Count] {
    order.map { Sammanställning.Count(label: $0, respondents: members[$0]!) }
      .sorted { $0.respondents.count != $1.respondents.count ? $0.respondents.count > $1.respondents.count : $0.label < $1.label }
  }
}
