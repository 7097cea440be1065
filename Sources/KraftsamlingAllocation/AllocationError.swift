import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The domain of the allocation stage's errors.
public enum AllocationDomain: StageErrorDomain {}

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
///   _ = try FördelningsmodellRegistry.standard.make("pro-rta")
/// } catch {
///   print(error)   // unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)
/// }
/// ```
public typealias AllocationError = StageError<AllocationDomain>

extension StageError.Code where Domain == AllocationDomain {
  /// The budget (or total) is negative.
  package static let negativeBudget = Self(rawValue: "allocation.negative-budget")
  /// The budget is not a whole number of the allocation unit (e.g. tkr).
  package static let budgetNotWhole = Self(rawValue: "allocation.budget-not-whole")
  /// Every weight is zero, so there is nothing to be proportional to.
  package static let weightsAllZero = Self(rawValue: "allocation.weights-all-zero")
  /// A weight is negative.
  package static let negativeWeight = Self(rawValue: "allocation.negative-weight")
  /// No model (or apportionment method) has this name.
  package static let unknownModel = Self(rawValue: "allocation.unknown-model")
  /// A tie had to be broken and the tie policy is `.error`.
  package static let tie = Self(rawValue: "allocation.tie")
  /// A number does not fit in 64 bits.
  package static let overflow = Self(rawValue: "allocation.overflow")
  /// A parameter is out of its range.
  package static let invalidParameter = Self(rawValue: "allocation.invalid-parameter")
  /// A funding request is malformed (negative amount, duplicate key…).
  package static let invalidRequest = Self(rawValue: "allocation.invalid-request")
  /// Per-förvaltning floors add up to more than the budget.
  package static let floorsExceedBudget = Self(rawValue: "allocation.floors-exceed-budget")
  /// A model's output broke an invariant (sum, negativity, above request).
  package static let invariantViolated = Self(rawValue: "allocation.invariant-violated")
}


extension StageError where Domain == AllocationDomain {
  /// Creates an error about a named part of the input (e.g. `budget`,
  /// `requests[3]`), shown as the diagnostic's field.
  package init(_ code: Code, _ message: String, hint: String? = nil, context: String?) {
    self.init(code, message, hint: hint, at: SourceLocation(field: context))
  }
}
