import KraftsamlingCore

/// The error of the robustness stage: an uncertainty analysis whose settings
/// cannot work (no replications, a concentration that is not positive, a
/// normalisation and aggregation that cannot be combined, a rank buffer too
/// large for the memory limit), or an index that cannot be prepared.
///
/// Each error says what is wrong *and* how to fix it. It conforms to
/// ``DiagnosticError``, so `kraftctl` prints it like any data problem and
/// exits with status 65.
///
/// ```swift
/// do {
///   _ = try RobustnessAnalysis(replications: 0).run(prepared)
/// } catch {
///   error.code      // RobustnessError.Code.invalidSetting
///   error.message   // "the number of replications is 0"
/// }
/// ```
///
/// New codes can be added without breaking clients: ``Code`` is a struct
/// wrapping a string, not an enum.
public struct RobustnessError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of problem, as a stable machine-readable string.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text, e.g. `robustness.invalid-setting`.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// A setting is out of range (replications, threads, concentration, share, K…).
    public static let invalidSetting = Code(rawValue: "robustness.invalid-setting")
    /// A normalisation of the space cannot be combined with an aggregation
    /// of the space (e.g. a geometric mean over z-scores, which can be ≤ 0).
    public static let incompatibleChoices = Code(rawValue: "robustness.incompatible-choices")
    /// The ranks of every replication would not fit in the memory limit.
    public static let tooLarge = Code(rawValue: "robustness.too-large")
    /// The index itself could not be prepared (the underlying ``IndexError`` is in the message).
    public static let index = Code(rawValue: "robustness.index")
    /// A sensitivity output names an area that is not ranked.
    public static let unknownArea = Code(rawValue: "robustness.unknown-area")
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong, in one sentence.
  public var message: String
  /// How to fix it.
  public var hint: String?
  /// The index error behind a `robustness.index` error.
  public var underlying: IndexError?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong.
  ///   - hint: How to fix it.
  public init(_ code: Code, _ message: String, hint: String? = nil) {
    self.code = code
    self.message = message
    self.hint = hint
    self.underlying = nil
  }

  /// Wraps an index error (its diagnostics are passed through unchanged).
  ///
  /// - Parameter error: The index error.
  public init(_ error: IndexError) {
    self.code = .index
    self.message = error.message
    self.hint = error.hint
    self.underlying = error
  }

  /// The message with its hint.
  public var description: String {
    diagnostics.map(\.locatedMessage).joined(separator: "\n")
  }
}

extension RobustnessError: DiagnosticError {
  /// The problem as diagnostics (an index error's own diagnostics when wrapped).
  public var diagnostics: [Diagnostic] {
    if let underlying { return underlying.diagnostics }
    return [Diagnostic(.error, code: DiagnosticCode(rawValue: code.rawValue), message, hint: hint)]
  }
}
