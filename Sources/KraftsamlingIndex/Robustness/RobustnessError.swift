import KraftsamlingCore

/// The domain of the robustness analysis's errors.
public enum RobustnessDomain: StageErrorDomain {}

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
public typealias RobustnessError = StageError<RobustnessDomain>

extension StageError.Code where Domain == RobustnessDomain {
  /// A setting is out of range (replications, threads, concentration, share, K…).
  package static let invalidSetting = Self(rawValue: "robustness.invalid-setting")
  /// A normalisation of the space cannot be combined with an aggregation
  /// of the space (e.g. a geometric mean over z-scores, which can be ≤ 0).
  package static let incompatibleChoices = Self(rawValue: "robustness.incompatible-choices")
  /// The ranks of every replication would not fit in the memory limit.
  package static let tooLarge = Self(rawValue: "robustness.too-large")
  /// The index itself could not be prepared (the underlying ``IndexError`` is in the message).
  package static let index = Self(rawValue: "robustness.index")
  /// A sensitivity output names an area that is not ranked.
  package static let unknownArea = Self(rawValue: "robustness.unknown-area")
  /// Exact weight thresholds were asked of an index whose scores are not
  /// linear in the weights (an aggregation other than the arithmetic mean,
  /// dimensions), or of areas they cannot be computed for.
  package static let notLinear = Self(rawValue: "robustness.not-linear")
}


extension StageError where Domain == RobustnessDomain {
  /// Passes on an error of the index the analysis varies: code
  /// ``StageError/Code/index``, the same message, and its diagnostics.
  package init(_ error: IndexError) {
    self.init(.index, error.message, hint: error.hint, at: error.location, subjects: error.subjects)
    self.causes = error.diagnostics
  }
}
