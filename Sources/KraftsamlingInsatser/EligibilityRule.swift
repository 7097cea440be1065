import KraftsamlingCore

/// One criterion an insats must meet to be funded, judged on its own.
///
/// A rule looks at an ``Insats`` (and, through the ``EligibilityContext``,
/// at the actor catalogue, the area names and the other insatser) and
/// returns a ``RuleResult``: pass, warning or fail, with a reason a case
/// officer can read. Rules are combined in a ``RuleSet``; Malmö's set of
/// the criteria of STK-2024-1374, `RuleSet.stk2024_1374()`, is in
/// KraftsamlingKitData.
///
/// Write your own by conforming a struct:
///
/// ```swift
/// struct TargetsYoungPeople: EligibilityRule {
///   var id: String { "malgrupp-unga" }
///   var title: String { "Target group includes ages 13–19" }
///   func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
///     guard let ages = insats.targetGroup?.ages else { return warning("No target group is given.") }
///     return ages.from <= 19 && (ages.to ?? .max) >= 13
///       ? pass("Target group \(ages) includes teenagers.")
///       : fail("Target group \(ages) does not include ages 13–19.")
///   }
/// }
/// let rules = RuleSet.stk2024_1374().adding(TargetsYoungPeople())   // Malmö's set, KraftsamlingKitData
/// ```
///
/// - Complexity: Each built-in rule is O(size of the insats), except
///   the no-overlap rule (`ingen-overlapp`), O(*m*) in the number *m* of other insatser.
public protocol EligibilityRule: Sendable {
  /// A stable, ASCII identifier used in rule-set files and reports, e.g.
  /// `minsta-belopp`.
  var id: String { get }
  /// A short human title, e.g. "Total budget at least 1 000 000 kr".
  var title: String { get }
  /// The title in Swedish for reports, e.g. "Budget på minst 1 000 000 kr";
  /// by default ``title``.
  var swedishTitle: String { get }
  /// Judges one insats.
  ///
  /// - Parameters:
  ///   - insats: The insats.
  ///   - context: The catalogue, areas and other insatser.
  /// - Returns: The outcome with its reason. Build it with ``pass(_:swedish:)``,
  ///   ``warning(_:swedish:)`` or ``fail(_:swedish:)``.
  func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult
}

extension EligibilityRule {
  /// ``title``, for rules that give no Swedish title.
  public var swedishTitle: String { title }

  /// A passing result of this rule.
  ///
  /// - Parameters:
  ///   - reason: Why, in English.
  ///   - swedish: Why, in Swedish.
  public func pass(_ reason: String, swedish: String? = nil) -> RuleResult {
    RuleResult(
      ruleID: id, title: title, outcome: .pass, reason: reason, swedishReason: swedish, swedishTitle: swedishTitle)
  }

  /// A warning result of this rule: the insats is not ineligible, but a
  /// person should look.
  ///
  /// - Parameters:
  ///   - reason: Why, in English.
  ///   - swedish: Why, in Swedish.
  public func warning(_ reason: String, swedish: String? = nil) -> RuleResult {
    RuleResult(
      ruleID: id, title: title, outcome: .warning, reason: reason, swedishReason: swedish, swedishTitle: swedishTitle)
  }

  /// A failing result of this rule: the insats is not eligible.
  ///
  /// - Parameters:
  ///   - reason: Why, in English.
  ///   - swedish: Why, in Swedish.
  public func fail(_ reason: String, swedish: String? = nil) -> RuleResult {
    RuleResult(
      ruleID: id, title: title, outcome: .fail, reason: reason, swedishReason: swedish, swedishTitle: swedishTitle)
  }
}

/// The outcome of one rule for one insats.
public enum RuleOutcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The criterion is met.
  case pass
  /// The criterion is met or cannot be judged mechanically; a person should
  /// look. Does not make the insats ineligible.
  case warning
  /// The criterion is not met: the insats is not eligible.
  case fail

  private var order: Int {
    switch self {
    case .pass: 0
    case .warning: 1
    case .fail: 2
    }
  }
  /// Orders pass < warning < fail.
  public static func < (lhs: RuleOutcome, rhs: RuleOutcome) -> Bool { lhs.order < rhs.order }
}

/// What one rule said about one insats, and why.
public struct RuleResult: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The language of a reason: the same languages as reports.
  package typealias Language = ReportLanguage

  /// The rule's id.
  public package(set) var ruleID: String
  /// The rule's title.
  public package(set) var title: String
  /// Pass, warning or fail.
  public package(set) var outcome: RuleOutcome
  /// Why, in English.
  public package(set) var reason: String
  /// Why, in Swedish, when the rule gives it.
  package var swedishReason: String?
  /// The rule's title in Swedish, when the rule gives it.
  package var swedishTitle: String?

  /// Creates a result; rules usually call ``EligibilityRule/pass(_:swedish:)``
  /// and its siblings instead.
  ///
  /// - Parameters:
  ///   - ruleID: The rule's id.
  ///   - title: The rule's title.
  ///   - outcome: The outcome.
  ///   - reason: Why, in English.
  ///   - swedishReason: Why, in Swedish.
  ///   - swedishTitle: The rule's title in Swedish.
  package init(
    ruleID: String, title: String, outcome: RuleOutcome, reason: String, swedishReason: String? = nil,
    swedishTitle: String? = nil
  ) {
    self.ruleID = ruleID
    self.title = title
    self.outcome = outcome
    self.reason = reason
    self.swedishReason = swedishReason
    self.swedishTitle = swedishTitle
  }

  private enum CodingKeys: String, CodingKey {
    case ruleID, title, outcome, reason, swedishReason
  }

  /// The rule's title in a language, falling back to English.
  ///
  /// - Parameter language: English or Swedish.
  package func title(in language: ReportLanguage) -> String {
    language == .sv ? (swedishTitle ?? title) : title
  }

  /// The reason in a language, falling back to English.
  ///
  /// - Parameter language: English or Swedish.
  public func reason(in language: ReportLanguage) -> String {
    language == .sv ? (swedishReason ?? reason) : reason
  }

  /// `OUTCOME RULE-ID: REASON`.
  public var description: String { "\(outcome.rawValue) \(ruleID): \(reason)" }
}

/// What rules may look at besides the insats: the actor catalogue, the
/// areas (for names), and the other insatser of the register (for overlap).
///
/// ```swift
/// let context = EligibilityContext(catalogue: catalogue, areas: hierarchy, otherInsatser: all)
/// // Malmö: EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy) with KraftsamlingKitData
/// ```
public struct EligibilityContext: Sendable {
  /// The actors.
  public var catalogue: AktörKatalog
  /// The areas, for names in reasons; `nil` shows codes.
  public var areas: AreaHierarchy?
  /// The other insatser known (the register), for overlap checks. May
  /// include the insats judged: rules skip it by id.
  public var otherInsatser: [Insats]

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - catalogue: The municipality's actors.
  ///   - areas: The areas, for names.
  ///   - otherInsatser: The register, for overlap checks.
  public init(catalogue: AktörKatalog, areas: AreaHierarchy? = nil, otherInsatser: [Insats] = []) {
    self.catalogue = catalogue
    self.areas = areas
    self.otherInsatser = otherInsatser
  }

  /// The organisation an actor belongs to for counting: a nämnd counts as
  /// its förvaltning (they are one organisation), anything else as itself.
  ///
  /// - Parameter actor: An actor id.
  package func organisation(of actor: String) -> String {
    catalogue.förvaltning(for: actor)?.id ?? actor
  }

  /// The name of an actor, or its id when unknown.
  ///
  /// - Parameter actor: An actor id.
  package func actorName(_ actor: String) -> String { catalogue.aktör(id: actor)?.name ?? actor }

  /// `Holma (25611)`, or the code when unknown.
  ///
  /// - Parameter code: A delområde code.
  package func areaName(_ code: String) -> String {
    guard let a = areas?.area(code: code, level: .delområde) else { return code }
    return "\(a.name) (\(code))"
  }

  /// The delområde's name alone, for Swedish text a reader reads (the code
  /// when the name is unknown).
  package func plainAreaName(_ code: String) -> String {
    areas?.area(code: code, level: .delområde)?.name ?? code
  }
}
