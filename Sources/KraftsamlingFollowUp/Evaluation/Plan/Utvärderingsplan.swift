/// The frozen evaluation plan (issue #20 part 4): everything decided at
/// selection time about how the programme will be judged in 2030 and 2035,
/// with a SHA-256 of every input, so that a later estimate can prove it used
/// the same choices and the same pre-period data.
///
/// The JSON format (snake_case keys, `format_version` 1) is the stable
/// interface and is documented in `Documentation/Evaluation.md`; the Swift
/// type is `package` so the format can grow without an API promise.
/// Shares are in the panel's unit (0.095 = 9,5 %).
package struct Utvärderingsplan: Sendable, Hashable, Codable {
  /// The version of the JSON format this type writes.
  package static let currentFormatVersion = 1

  /// The JSON format's version.
  package var formatVersion: Int
  /// The tool that wrote the plan (`kraftctl 0.1.0`).
  package var generator: String
  /// The frozen selection rule.
  package var selection: Selection
  /// The selected (treated) areas, in rank order.
  package var treated: [Area]
  /// The outcome and where it comes from.
  package var outcome: Outcome
  /// The pre-period: the panel's years up to the baseline year.
  package var preYears: Years
  /// The years the effect is to be estimated for (2030, 2035).
  package var followUpYears: [Int]
  /// The estimators, one sentence each.
  package var estimators: [String]
  /// The matched comparison areas and the spillover buffer.
  package var comparison: Comparison
  /// The pooled synthetic control.
  package var syntheticControl: Synthetic
  /// The minimum detectable effect per follow-up year.
  package var power: [Power]
  /// Placebo selections: the improvement regression to the mean alone brings.
  package var placebo: Placebo?
  /// The areas just outside the cut.
  package var nearMisses: [NearMissArea]
  /// Every input with its SHA-256.
  package var inputs: [Input]
  /// SHA-256 of the canonical pre-period rows of the plan's areas (see ``PrePeriodDigest``).
  package var prePeriodSHA256: String
  /// SHA-256 of the plan's JSON with this field empty: detects later edits of the plan.
  package var planSHA256: String

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version", generator, selection, treated, outcome, preYears = "pre_period"
    case followUpYears = "follow_up_years", estimators, comparison, syntheticControl = "synthetic_control", power
    case placebo, nearMisses = "near_misses", inputs, prePeriodSHA256 = "pre_period_sha256"
    case planSHA256 = "plan_sha256"
  }

  /// The selection rule: an index definition and N.
  package struct Selection: Sendable, Hashable, Codable {
    /// The definition's id.
    package var definitionID: String
    /// The definition's version.
    package var definitionVersion: String
    /// `id@version`, with any modification.
    package var definitionLabel: String
    /// The definition's title, for the Markdown version.
    package var definitionTitle: String
    /// N, the number of areas selected.
    package var top: Int
    enum CodingKeys: String, CodingKey {
      case definitionID = "definition_id", definitionVersion = "definition_version"
      case definitionLabel = "definition_label", definitionTitle = "definition_title", top
    }
  }

  /// An area with its name.
  package struct Area: Sendable, Hashable, Codable {
    /// The code.
    package var code: String
    /// The name.
    package var name: String
  }

  /// The outcome measure.
  package struct Outcome: Sendable, Hashable, Codable {
    /// Its name (`UVAS 16–29`).
    package var name: String
    /// The numerator column of the panel.
    package var numeratorColumn: String
    /// The denominator column of the panel.
    package var denominatorColumn: String
    /// The statistics' producer.
    package var source: String
    /// Months after the end of a year before its value is published (earliest, latest).
    package var publicationLagMonths: [Int]
    enum CodingKeys: String, CodingKey {
      case name, numeratorColumn = "numerator_column", denominatorColumn = "denominator_column", source
      case publicationLagMonths = "publication_lag_months"
    }
  }

  /// A closed range of years.
  package struct Years: Sendable, Hashable, Codable {
    /// The first year.
    package var first: Int
    /// The last year.
    package var last: Int
    /// As a range.
    package var range: ClosedRange<Int> { first...last }
  }
}
