import KraftsamlingCore

/// The domain of the insatser stage's errors.
public enum InsatsDomain: StageErrorDomain {}

/// Why an operation of the insatser stage failed: an illegal decision, a
/// decision by the wrong body or without mandate, a duplicate insats id, a
/// styrgrupp that breaks its composition rules, an unknown rule-set name.
///
/// Problems in input *files* are reported as ``DataError`` with located
/// ``Diagnostic``s instead (see ``InsatsReader``).
///
/// ```swift
/// do {
///   try process.record(beslut, on: &insats, context: context)
/// } catch {
///   error.code      // .illegalTransition
///   print(error)    // INS-1: cannot go from utkast to beviljad … (hint: …)
/// }
/// ```
public typealias InsatsError = StageError<InsatsDomain>

extension StageError.Code where Domain == InsatsDomain {
  /// The status change is not one of the process's transitions.
  package static let illegalTransition = Self(rawValue: "decision.illegal-transition")
  /// The decision names a `from` status other than the insats's status.
  package static let statusMismatch = Self(rawValue: "decision.status-mismatch")
  /// The body recording the decision may not take it.
  package static let wrongBody = Self(rawValue: "decision.wrong-body")
  /// A representative is required but missing, or lacks decision mandate.
  package static let noMandate = Self(rawValue: "decision.no-mandate")
  /// The representative is not a member of the styrgrupp.
  package static let notMember = Self(rawValue: "decision.not-member")
  /// The insats is not eligible and no override was recorded.
  package static let notEligible = Self(rawValue: "decision.not-eligible")
  /// An override or decision lacks its reason.
  package static let missingReason = Self(rawValue: "decision.missing-reason")
  /// An override (avsteg) on a decision other than tillstyrkt.
  package static let unexpectedOverride = Self(rawValue: "decision.unexpected-override")
  /// The decision is dated before the previous one.
  package static let dateOrder = Self(rawValue: "decision.date-order")
  /// Two insatser share an id.
  package static let duplicateID = Self(rawValue: "register.duplicate-id")
  /// A styrgrupp member is not a förvaltning, or a förvaltning is
  /// represented twice.
  package static let styrgruppComposition = Self(rawValue: "styrgrupp.composition")
  /// No rule set of that name is registered.
  package static let unknownRuleSet = Self(rawValue: "rules.unknown-set")
}


extension StageError where Domain == InsatsDomain {
  /// Creates an error about one insats (its id is the diagnostic's field).
  package init(_ code: Code, _ message: String, hint: String? = nil, insatsID: String?) {
    self.init(code, message, hint: hint, at: SourceLocation(field: insatsID), subjects: insatsID.map { [.insats($0)] } ?? [])
  }
}
