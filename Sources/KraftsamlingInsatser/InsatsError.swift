import KraftsamlingCore

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
public struct InsatsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A stable code for the kind of failure (a struct, so new codes do not
  /// break clients).
  public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code's text.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// The status change is not one of the process's transitions.
    public static let illegalTransition = Code(rawValue: "decision.illegal-transition")
    /// The decision names a `from` status other than the insats's status.
    public static let statusMismatch = Code(rawValue: "decision.status-mismatch")
    /// The body recording the decision may not take it.
    public static let wrongBody = Code(rawValue: "decision.wrong-body")
    /// A representative is required but missing, or lacks decision mandate.
    public static let noMandate = Code(rawValue: "decision.no-mandate")
    /// The representative is not a member of the styrgrupp.
    public static let notMember = Code(rawValue: "decision.not-member")
    /// The insats is not eligible and no override was recorded.
    public static let notEligible = Code(rawValue: "decision.not-eligible")
    /// An override or decision lacks its reason.
    public static let missingReason = Code(rawValue: "decision.missing-reason")
    /// An override (avsteg) on a decision other than tillstyrkt.
    public static let unexpectedOverride = Code(rawValue: "decision.unexpected-override")
    /// The decision is dated before the previous one.
    public static let dateOrder = Code(rawValue: "decision.date-order")
    /// Two insatser share an id.
    public static let duplicateID = Code(rawValue: "register.duplicate-id")
    /// A styrgrupp member is not a förvaltning, or a förvaltning is
    /// represented twice.
    public static let styrgruppComposition = Code(rawValue: "styrgrupp.composition")
    /// No rule set of that name is registered (``RuleSetRegistry``).
    public static let unknownRuleSet = Code(rawValue: "rules.unknown-set")
  }

  /// The kind of failure.
  public var code: Code
  /// What is wrong.
  public var message: String
  /// How to fix it.
  public var hint: String?
  /// The insats concerned, if one.
  public var insatsID: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of failure.
  ///   - message: What is wrong.
  ///   - hint: How to fix it.
  ///   - insatsID: The insats concerned.
  public init(_ code: Code, _ message: String, hint: String? = nil, insatsID: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
    self.insatsID = insatsID
  }

  /// `ID: MESSAGE (hint: HINT)`.
  public var description: String {
    (insatsID.map { "\($0): " } ?? "") + message + (hint.map { " (hint: \($0))" } ?? "")
  }
}

extension InsatsError: DiagnosticError {
  /// The error as one diagnostic whose field is the insats id.
  public var diagnostics: [Diagnostic] {
    [
      Diagnostic(
        .error, code: DiagnosticCode(rawValue: code.rawValue), message, at: SourceLocation(field: insatsID), hint: hint)
    ]
  }
}
