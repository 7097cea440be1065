import KraftsamlingCore

/// An error of the follow-up stage: a malformed or impossible target, a
/// group without data, a comparison that cannot be made.
///
/// ```swift
/// do { _ = try Målvärde(parsing: "2030:abc") }
/// catch { print(error) }   // followup.bad-target: '2030:abc' is not a target … (hint: write YEAR:PERCENT, e.g. 2030:8,5)
/// ```
public struct FollowUpError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticError {
  /// A stable error code (new codes do not break clients).
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code text, e.g. `followup.bad-target`.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code text.
    public var description: String { rawValue }

    /// A target is not `YEAR:PERCENT` or its value is outside 0–100 %.
    public static let badTarget = Code(rawValue: "followup.bad-target")
    /// A target year is not after the baseline year, or is given twice.
    public static let badTargetYear = Code(rawValue: "followup.bad-target-year")
    /// A reference value (published figure) is malformed.
    public static let badReference = Code(rawValue: "followup.bad-reference")
    /// An area group has no area in the data.
    public static let noData = Code(rawValue: "followup.no-data")
    /// The comparison years are not in the data or not in order.
    public static let badComparison = Code(rawValue: "followup.bad-comparison")
  }

  /// What went wrong.
  public var code: Code
  /// The problem, in a sentence.
  public var message: String
  /// How to fix it.
  public var hint: String?
  /// The offending input (a target text, a group id).
  public var context: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The code.
  ///   - message: What is wrong.
  ///   - hint: How to fix it.
  ///   - context: The offending input.
  public init(_ code: Code, _ message: String, hint: String? = nil, context: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
    self.context = context
  }

  /// `code: message (hint: …)`.
  public var description: String { "\(code): \(message)" + (hint.map { " (hint: \($0))" } ?? "") }

  /// The error as one diagnostic (field = the offending input).
  public var diagnostics: [Diagnostic] {
    [Diagnostic(.error, code: DiagnosticCode(rawValue: code.rawValue), message, at: SourceLocation(field: context), hint: hint)]
  }
}
