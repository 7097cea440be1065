import KraftsamlingCore

/// A person who represents an actor in a body, and whether they may decide
/// for it.
///
/// STK-2024-1374: the styrgrupp's representatives "bör ha ett uttalat
/// beslutsmandat åt sin nämnd och dess förvaltning".
///
/// ```swift
/// let r = Representant(name: "Anna Berg", actor: "GRF", title: "avdelningschef", hasMandate: true)
/// ```
public struct Representant: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The person's name.
  public var name: String
  /// The id of the actor represented (for the styrgrupp, a förvaltning).
  public var actor: String
  /// The person's position, e.g. `avdelningschef`.
  public var title: String?
  /// Whether the person has an explicit mandate to decide for the actor.
  public var hasMandate: Bool

  /// Creates a representative.
  ///
  /// - Parameters:
  ///   - name: The person's name.
  ///   - actor: The represented actor's id.
  ///   - title: The person's position.
  ///   - hasMandate: Whether they may decide for the actor.
  public init(name: String, actor: String, title: String? = nil, hasMandate: Bool = false) {
    self.name = name
    self.actor = actor
    self.title = title
    self.hasMandate = hasMandate
  }

  enum CodingKeys: String, CodingKey { case name, actor, title, hasMandate = "mandate" }

  /// `NAME (ACTOR)`.
  public var description: String { "\(name) (\(actor))" }
}

/// A recorded decision: one step of an insats through the decision process,
/// saying who decided, when and why.
///
/// ```swift
/// let b = Beslut(
///   from: .inlämnad, to: .tillstyrkt, body: .styrgrupp,
///   representative: Representant(name: "Anna Berg", actor: "GRF", hasMandate: true),
///   date: CalendarDate("2025-11-12")!, reason: "Tydlig effektlogik, tre förvaltningar")
/// ```
///
/// JSON: an object with `from`, `to`, `body`, `representative`, `date`
/// (`YYYY-MM-DD`), `reason`, and optionally `reference` and `override`.
public struct Beslut: Sendable, Hashable, Codable {
  /// The status before.
  public var from: Beslutsstatus
  /// The status after.
  public var to: Beslutsstatus
  /// The body that decided.
  public var body: Beslutsorgan
  /// The person who recorded the decision for the body (required, with
  /// mandate, for the styrgrupp).
  public var representative: Representant?
  /// The day of the decision.
  public var date: CalendarDate
  /// Why (*motivering*).
  public var reason: String
  /// A reference such as a diarienummer or a protocol paragraph
  /// (`KS-2025-1234 §12`).
  public var reference: String?
  /// A recorded override of failed eligibility rules (only on
  /// ``Beslutsstatus/tillstyrkt``).
  public var override: Avsteg?

  /// Creates a decision.
  ///
  /// - Parameters:
  ///   - from: The status before.
  ///   - to: The status after.
  ///   - body: The deciding body.
  ///   - representative: Who recorded it.
  ///   - date: The day.
  ///   - reason: Why.
  ///   - reference: A diarienummer or paragraph.
  ///   - override: An override of failed rules.
  public init(
    from: Beslutsstatus, to: Beslutsstatus, body: Beslutsorgan, representative: Representant? = nil,
    date: CalendarDate, reason: String, reference: String? = nil, override: Avsteg? = nil
  ) {
    self.from = from
    self.to = to
    self.body = body
    self.representative = representative
    self.date = date
    self.reason = reason
    self.reference = reference
    self.override = override
  }
}

/// A recorded departure (*avsteg*) from the eligibility rules: the
/// styrgrupp recommends an insats although some rules fail, and says why.
///
/// ```swift
/// let a = Avsteg(reason: "Pilot i ett område; skalas upp 2027")
/// // after recording: a.failedRules == ["minsta-belopp"]
/// ```
public struct Avsteg: Sendable, Hashable, Codable {
  /// Why the styrgrupp departs from the rules.
  public var reason: String
  /// The ids of the rules that failed when the decision was recorded
  /// (filled in by ``Beslutsprocess``).
  public var failedRules: [String]

  /// Creates an override.
  ///
  /// - Parameters:
  ///   - reason: Why.
  ///   - failedRules: The failed rule ids (normally left empty: the process
  ///     fills them in).
  public init(reason: String, failedRules: [String] = []) {
    self.reason = reason
    self.failedRules = failedRules
  }
}
