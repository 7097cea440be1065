import KraftsamlingCore

/// A proposed or running kraftsamlande insats: who does what, where, for
/// whom, for how much, why it should work, and where it stands in the
/// decision process.
///
/// STK-2024-1374 funds an insats only when it has a clear effect logic
/// towards the goal (more young people work or study after year 9), at
/// least two actors plan and carry it out, it costs at least 1 million
/// kronor and its focus is preventive. An `Insats` records everything the
/// ``EligibilityRule``s and the ``Beslutsprocess`` need to judge that, and
/// the decisions taken.
///
/// Actors are named by their id in an ``AktörKatalog`` (e.g. `GRF` for
/// Grundskoleförvaltningen) and delområden by their code (e.g. `25611` for
/// Holma); ``InsatsReader`` resolves names to ids and codes, with
/// "did you mean" suggestions, when reading a file.
///
/// ```swift
/// var insats = Insats(
///   id: "INS-1", title: "Läxhjälp i Holma", owner: "GRF",
///   participants: [.init(actor: "FRF", role: .medgenomförare)],
///   areas: ["25611"], period: .init(from: 2026, to: 2027),
///   budget: [.init(actor: "GRF", year: 2026, amount: Belopp(kronor: 600_000)),
///            .init(actor: "FRF", year: 2026, amount: Belopp(kronor: 400_000))],
///   classification: .init(focus: [.förebyggande], reach: .direkt))
/// try insats.totalBudget()          // 1 000 000 kr
/// insats.actorIDs                   // ["GRF", "FRF"]
/// insats.status                     // .utkast
/// ```
///
/// JSON: one object of the insats file format (see
/// `Documentation/DataFormats.md`); keys are the property names.
public struct Insats: Sendable, Hashable, Codable, Identifiable {
  /// A stable identifier, e.g. `INS-2026-01`.
  public var id: String
  /// A short title (Swedish), e.g. "Läxhjälp och fritid i Holma".
  public var title: String
  /// What the insats does, in a few sentences.
  public var description: String
  /// The id of the actor that owns (is *huvudman* for) the insats.
  public var owner: String
  /// The other actors taking part, each with its role. The owner need not
  /// be repeated here; if it is, it still counts once.
  public var participants: [Participant]
  /// The delområde codes the insats targets (may be empty for a purely
  /// thematic insats).
  public var areas: [String]
  /// Themes, e.g. `skola`, `fritid`, `föräldraskap` (lower case by
  /// convention; compared case-insensitively).
  public var themes: [String]
  /// Whom the insats is for.
  public var targetGroup: TargetGroup?
  /// The years the insats runs.
  public var period: Period
  /// The budget: one line per actor and year.
  public var budget: [BudgetLine]
  /// Preventive / promoting / remedial; direct / indirect.
  public var classification: Classification
  /// Ongoing programmes the insats strengthens (CTC, SSPF, Ung i Sommar…).
  public var programmes: [Programme]
  /// The chain of cause and effect from resources to the goal.
  public var effektlogik: Effektlogikkedja
  /// Where the insats stands in the decision process.
  public var status: Beslutsstatus
  /// Every decision taken on the insats, oldest first.
  public package(set) var decisions: [Beslut]
  /// Free-text local knowledge: what the people in the area and the
  /// förvaltningar know that the statistics do not show.
  package var localKnowledge: String?

  /// Creates an insats; by default a draft (``Beslutsstatus/utkast``) with
  /// no decisions and an empty effect logic.
  ///
  /// - Parameters:
  ///   - id: A stable identifier.
  ///   - title: A short title.
  ///   - description: What the insats does.
  ///   - owner: The owning actor's id.
  ///   - participants: The other actors with their roles.
  ///   - areas: Delområde codes.
  ///   - themes: Themes.
  ///   - targetGroup: Whom it is for.
  ///   - period: The years it runs.
  ///   - budget: One line per actor and year.
  ///   - classification: Its focus and reach.
  ///   - programmes: Ongoing programmes it strengthens.
  ///   - effektlogik: Its effect logic.
  ///   - status: Its status.
  ///   - decisions: The decisions taken, oldest first.
  ///   - localKnowledge: Free-text local knowledge.
  public init(
    id: String, title: String, description: String = "", owner: String, participants: [Participant] = [],
    areas: [String] = [], themes: [String] = [], targetGroup: TargetGroup? = nil, period: Period,
    budget: [BudgetLine] = [], classification: Classification, programmes: [Programme] = [],
    effektlogik: Effektlogikkedja = Effektlogikkedja(), status: Beslutsstatus = .utkast, decisions: [Beslut] = [],
    localKnowledge: String? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.owner = owner
    self.participants = participants
    self.areas = areas
    self.themes = themes
    self.targetGroup = targetGroup
    self.period = period
    self.budget = budget
    self.classification = classification
    self.programmes = programmes
    self.effektlogik = effektlogik
    self.status = status
    self.decisions = decisions
    self.localKnowledge = localKnowledge
  }

  /// The ids of the owner and every participant, owner first, each once,
  /// in the order given.
  ///
  /// - Complexity: O(*p*²) for *p* participants (small).
  package var actorIDs: [String] {
    var out = [owner]
    for p in participants where !out.contains(p.actor) { out.append(p.actor) }
    return out
  }

  /// The role of an actor: ``Role/ägare`` for the owner, else its role
  /// among the participants (the first if listed twice), or `nil`.
  ///
  /// - Parameter actor: An actor id.
  package func role(of actor: String) -> Role? {
    if actor == owner { return .ägare }
    return participants.first { $0.actor == actor }?.role
  }
}

extension Insats {
  /// An actor taking part in an insats, and how.
  public struct Participant: Sendable, Hashable, Codable {
    /// The actor's id in the ``AktörKatalog``.
    public var actor: String
    /// What the actor does in the insats.
    public var role: Role

    /// Creates a participant.
    ///
    /// - Parameters:
    ///   - actor: The actor's id.
    ///   - role: Its role; by default a co-implementer.
    public init(actor: String, role: Role = .medgenomförare) {
      self.actor = actor
      self.role = role
    }
  }

  /// The role of an actor in an insats.
  ///
  /// STK-2024-1374 asks that at least two actors *plan and carry out* each
  /// insats: by default only ``ägare`` and ``medgenomförare`` count (see
  /// ``EligibilityRule/distinctActors(minimum:scope:)``).
  public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Owner (huvudman): leads and answers for the insats.
    case ägare
    /// Co-implementer: plans and carries out part of the insats.
    case medgenomförare
    /// Knowledge resource (kunskapsresurs): advises, e.g. gymnasie- och
    /// vuxenutbildningsförvaltningen in STK-2024-1374.
    case kunskapsresurs
    /// Co-funder (medfinansiär): contributes money but does not carry out.
    case medfinansiär

    /// Whether the role plans and carries out the insats.
    package var carriesOut: Bool { self == .ägare || self == .medgenomförare }
  }
}
