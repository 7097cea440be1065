/// The treated and comparison areas of an evaluation, checked: both
/// non-empty, no area twice, no area in both.
struct EvaluationGroups: Sendable, Hashable {
  /// Treated codes, then comparison codes: the rows of the outcome matrix.
  let codes: [String]
  /// The treated rows.
  let treatedRows: [Int]
  /// The comparison rows.
  let comparisonRows: [Int]

  /// Checks the groups.
  ///
  /// - Throws: `followup.bad-evaluation` naming the problem.
  init(treated: [String], comparison: [String], minimumComparison: Int = 1) throws(FollowUpError) {
    guard !treated.isEmpty else { throw FollowUpError(.badEvaluation, "no treated area", context: "treated") }
    guard comparison.count >= minimumComparison else {
      throw FollowUpError(
        .badEvaluation, "\(comparison.count) comparison areas; at least \(minimumComparison) are needed",
        context: "comparison")
    }
    var seen = Set<String>()
    for code in treated + comparison where !seen.insert(code).inserted {
      throw FollowUpError(.badEvaluation, "area \(code) is listed twice or in both groups", context: code)
    }
    codes = treated + comparison
    treatedRows = Array(treated.indices)
    comparisonRows = Array(treated.count..<codes.count)
  }

  /// A covariate's value per row.
  ///
  /// - Throws: `followup.bad-evaluation` naming an area without a value.
  func values(of covariate: EvaluationCovariate) throws(FollowUpError) -> [Double] {
    try codes.map { code throws(FollowUpError) in
      guard let v = covariate.values[code], v.isFinite else {
        throw FollowUpError(.badEvaluation, "covariate \(covariate.name) has no value for \(code)", context: code)
      }
      return v
    }
  }
}
