import KraftsamlingCore

/// A consultation request (*remiss*): a proposal sent to nämnder and
/// companies with questions to answer by a deadline.
///
/// A remiss is identified by its diarienummer. Recipients are actor ids of
/// an ``AktörKatalog`` (e.g. `ASN`, `MKB`), so answers can be matched to the
/// recipients and the ones who did not answer listed.
///
/// ```swift
/// let remiss = Remiss(
///   diarienummer: "STK-2024-1374", title: "Kraftsamlande insatser – förslag på organisering",
///   questions: [Remissfråga(number: 1, text: "Hur kan/bör nämnderna involveras i arbetet?", topic: .involvement)],
///   recipients: ["ASN", "FRN", "MKB"], deadline: CalendarDate(2025, 6, 13))
/// remiss.question(1)?.topic     // .involvement
/// ```
///
/// JSON (see `Documentation/DataFormats.md`): `{"diarienummer", "title",
/// "sender", "sent", "deadline", "questions", "recipients"}`.
///
/// - SeeAlso: Malmö stad STK-2024-1374 (the 2025 remiss) and STK-2023-137
///   (the 2023 remiss).
public struct Remiss: Sendable, Hashable, Codable, Identifiable {
  /// The case number, e.g. `STK-2024-1374`.
  public var diarienummer: String
  /// The title of the proposal.
  public var title: String
  /// The actor id of the sender (e.g. `KS` for kommunstyrelsen), if known.
  package var sender: String?
  /// The date the remiss was sent, if known.
  package var sent: CalendarDate?
  /// The last day to answer (*sista svarsdatum*), if set.
  package var deadline: CalendarDate?
  /// The questions, numbered from 1.
  public var questions: [Remissfråga]
  /// The actor ids of the bodies asked to answer (*remissinstanser*).
  public var recipients: [String]

  /// The diarienummer.
  public var id: String { diarienummer }

  /// Creates a remiss.
  ///
  /// - Parameters:
  ///   - diarienummer: The case number.
  ///   - title: The title.
  ///   - sender: The sender's actor id.
  ///   - sent: The date it was sent.
  ///   - questions: The questions, numbered 1, 2, ….
  ///   - recipients: Actor ids of the remissinstanser.
  ///   - deadline: The last day to answer.
  public init(
    diarienummer: String, title: String, sender: String? = nil, sent: CalendarDate? = nil,
    questions: [Remissfråga], recipients: [String], deadline: CalendarDate? = nil
  ) {
    self.diarienummer = diarienummer
    self.title = title
    self.sender = sender
    self.sent = sent
    self.deadline = deadline
    self.questions = questions
    self.recipients = recipients
  }

  /// The question with a number, or `nil`.
  ///
  /// - Complexity: O(q), q the number of questions.
  package func question(_ number: Int) -> Remissfråga? { questions.first { $0.number == number } }

  /// The first question about a topic, or `nil` (e.g. the coordinator question).
  ///
  /// - Complexity: O(q), q the number of questions.
  package func question(about topic: QuestionTopic) -> Remissfråga? { questions.first { $0.topic == topic } }
}

/// One question of a ``Remiss``.
///
/// ```swift
/// let q = Remissfråga(number: 4, text: "Vilken nämnd eller bolag ser ni bör få den samordnande rollen …?",
///                     shortLabel: "Samordnande roll", topic: .coordinator)
/// ```
public struct Remissfråga: Sendable, Hashable, Codable {
  /// The number, from 1.
  public var number: Int
  /// The question as written in the remiss.
  public var text: String
  /// A short label for tables and headings (defaults to `Fråga N`).
  package var shortLabel: String?
  /// What the question is about, so a sammanställning can tally it with
  /// the matching structured part of the answers (e.g. coordinator
  /// proposals for ``QuestionTopic/coordinator``).
  package var topic: QuestionTopic?

  /// Creates a question.
  ///
  /// - Parameters:
  ///   - number: The number, from 1.
  ///   - text: The question as written.
  ///   - shortLabel: A short label.
  ///   - topic: What it is about.
  package init(number: Int, text: String, shortLabel: String? = nil, topic: QuestionTopic? = nil) {
    self.number = number
    self.text = text
    self.shortLabel = shortLabel
    self.topic = topic
  }

  /// The short label, or `Fråga N` / `Question N`.
  ///
  /// - Parameter language: The language of the fallback label.
  public func label(_ language: ReportLanguage = .sv) -> String {
    shortLabel ?? (language == .sv ? "Fråga \(number)" : "Question \(number)")
  }
}

/// What a remiss question is about: an open set of short codes (new codes
/// do not break clients), with the ones KraftsamlingKit understands as
/// static members.
///
/// ```swift
/// let t: QuestionTopic = .coordinator
/// t.rawValue                      // "coordinator"
/// QuestionTopic(rawValue: "tidplan")   // a topic of your own
/// ```
package struct QuestionTopic: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The code.
  package var rawValue: String
  /// Creates a topic from its code.
  package init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a topic from a string literal.
  package init(stringLiteral value: String) { self.rawValue = value }
  /// The code.
  package var description: String { rawValue }

  /// Ongoing processes or insatser that fit (answered by
  /// ``Remissvar/programmes``).
  package static let ongoingProgrammes: QuestionTopic = "ongoing-programmes"
  /// Important geographic or thematic areas (answered by ``Remissvar/areas``).
  package static let areas: QuestionTopic = "areas"
  /// The respondent's view of the proposed model (answered by a stance).
  package static let model: QuestionTopic = "model"
  /// Who should coordinate (answered by ``Remissvar/coordinatorProposals``).
  package static let coordinator: QuestionTopic = "coordinator"
  /// How the nämnder should be involved.
  package static let involvement: QuestionTopic = "involvement"
  /// Whether an existing steering group fits.
  package static let steeringGroup: QuestionTopic = "steering-group"
  /// Criteria for dividing money (answered by ``Remissvar/moneyViews``).
  package static let money: QuestionTopic = "money"
  /// Indicators and the index (answered by ``Remissvar/indicators``).
  package static let indicators: QuestionTopic = "indicators"
}
