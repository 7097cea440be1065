import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Why an apportionment or an allocation could not be made.
///
/// Every message says what is wrong *and* how to fix it; `context` names
/// the insats, förvaltning, recipient or parameter concerned. New codes can
/// be added without breaking clients (``Code`` is a struct wrapping a
/// string). `kraftctl` maps the error to exit code 65 (bad data) through
/// ``DiagnosticError``.
///
/// ```swift
/// do {
///   _ = try FördelningsmodellRegistry.standard.model(named: "pro-rta")
/// } catch {
///   print(error)   // unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)
/// }
/// ```
public struct AllocationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The budget (or total) is negative.
    public static let negativeBudget = Code(rawValue: "allocation.negative-budget")
    /// The budget is not a whole number of the allocation unit (e.g. tkr).
    public static let budgetNotWhole = Code(rawValue: "allocation.budget-not-whole")
    /// Every weight is zero, so there is nothing to be proportional to.
    public static let weightsAllZero = Code(rawValue: "allocation.weights-all-zero")
    /// A weight is negative.
    public static let negativeWeight = Code(rawValue: "allocation.negative-weight")
    /// No model (or apportionment method) has this name.
    public static let unknownModel = Code(rawValue: "allocation.unknown-model")
    /// A tie had to be broken and the tie policy is `.error`.
    public static let tie = Code(rawValue: "allocation.tie")
    /// A number does not fit in 64 bits.
    public static let overflow = Code(rawValue: "allocation.overflow")
    /// A parameter is out of its range.
    public static let invalidParameter = Code(rawValue: "allocation.invalid-parameter")
    /// A funding request is malformed (negative amount, duplicate key…).
    public static let invalidRequest = Code(rawValue: "allocation.invalid-request")
    /// Per-förvaltning floors add up to more than the budget.
    public static let floorsExceedBudget = Code(rawValue: "allocation.floors-exceed-budget")
    /// A model's output broke an invariant (sum, negativity, above request).
    public static let invariantViolated = Code(rawValue: "allocation.invariant-violated")
    /// The code's text.
    public var description: String { rawValue }
  }

  /// The kind of failure.
  public var code: Code
  /// What went wrong.
  public var message: String
  /// How to fix it.
  public var hint: String?
  /// What it concerns: an insats id, a förvaltning id, a recipient index, a
  /// parameter name.
  public var context: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, hint: String? = nil, context: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
    self.context = context
  }

  /// `message (hint: …)`.
  public var description: String {
    var text = message
    if let hint { text += " (hint: \(hint))" }
    return text
  }
}

extension AllocationError: DiagnosticError {
  /// The error as one diagnostic whose field is the context.
  public var diagnostics: [Diagnostic] {
    [
      Diagnostic(
        .error, code: DiagnosticCode(rawValue: code.rawValue), message,
        at: SourceLocation(field: context), hint: hint)
    ]
  }
}
