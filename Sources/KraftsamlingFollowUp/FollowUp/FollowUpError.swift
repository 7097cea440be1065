import KraftsamlingCore

/// The domain of the follow-up stage's errors.
public enum FollowUpDomain: StageErrorDomain {}

/// An error of the follow-up stage: a malformed or impossible target, a
/// group without data, a comparison that cannot be made.
///
/// ```swift
/// do { _ = try Målvärde(parsing: "2030:abc") }
/// catch { print(error) }   // followup.bad-target: '2030:abc' is not a target … (hint: write YEAR:PERCENT, e.g. 2030:8,5)
/// ```
public typealias FollowUpError = StageError<FollowUpDomain>

extension StageError.Code where Domain == FollowUpDomain {
  /// A target is not `YEAR:PERCENT` or its value is outside 0–100 %.
  package static let badTarget = Self(rawValue: "followup.bad-target")
  /// A target year is not after the baseline year, or is given twice.
  package static let badTargetYear = Self(rawValue: "followup.bad-target-year")
  /// A reference value (published figure) is malformed.
  package static let badReference = Self(rawValue: "followup.bad-reference")
  /// An area group has no area in the data.
  package static let noData = Self(rawValue: "followup.no-data")
  /// The comparison years are not in the data or not in order.
  package static let badComparison = Self(rawValue: "followup.bad-comparison")
}

extension StageError where Domain == FollowUpDomain {
  /// Creates an error about a named part of the input (a target, a group),
  /// shown as the diagnostic's field.
  package init(_ code: Code, _ message: String, hint: String? = nil, context: String?) {
    self.init(code, message, hint: hint, at: SourceLocation(field: context))
  }
}

extension StageError.Code where Domain == FollowUpDomain {
  /// An evaluation design cannot be computed: too few areas or years, an
  /// area in both groups, a year outside the panel, a missing value.
  package static let badEvaluation = Self(rawValue: "followup.bad-evaluation")
}
