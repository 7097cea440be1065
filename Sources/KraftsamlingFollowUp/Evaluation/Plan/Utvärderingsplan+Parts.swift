extension Utvärderingsplan {
  /// The comparison design: matched areas and the buffer.
  package struct Comparison: Sendable, Hashable, Codable {
    /// Treated area and its matched comparison area, closest first.
    package var matches: [Match]
    /// Treated areas without a match.
    package var unmatched: [String]
    /// The spillover buffer's order (1: neighbours of treated areas).
    package var bufferOrder: Int
    /// Candidates left out because they border a treated area.
    package var excludedByBuffer: [String]
    /// Standardised mean differences before and after matching.
    package var balance: [Balance]
    /// The matched comparison areas' codes.
    package var areas: [String] { matches.map(\.comparison) }
    enum CodingKeys: String, CodingKey {
      case matches, unmatched, bufferOrder = "buffer_order", excludedByBuffer = "excluded_by_buffer", balance
    }
  }

  /// One matched pair.
  package struct Match: Sendable, Hashable, Codable {
    /// The treated area.
    package var treated: String
    /// Its comparison area.
    package var comparison: String
    /// The comparison area's name.
    package var comparisonName: String
    /// Their Mahalanobis distance.
    package var distance: Double
    enum CodingKeys: String, CodingKey { case treated, comparison, comparisonName = "comparison_name", distance }
  }

  /// The balance of one matching feature.
  package struct Balance: Sendable, Hashable, Codable {
    /// `nivå` or `trend`.
    package var feature: String
    /// Against all eligible candidates.
    package var before: Double
    /// Against the matched areas.
    package var after: Double
  }

  /// The pooled synthetic control.
  package struct Synthetic: Sendable, Hashable, Codable {
    /// Every donor (the areas outside the buffer) with its weight, in donor order.
    package var donors: [DonorWeight]
    /// The root mean squared pre-period gap.
    package var preRMSPE: Double
    /// The donor codes.
    package var codes: [String] { donors.map(\.code) }
    enum CodingKeys: String, CodingKey { case donors, preRMSPE = "pre_rmspe" }
  }

  /// A donor and its weight.
  package struct DonorWeight: Sendable, Hashable, Codable {
    /// The donor's code.
    package var code: String
    /// The donor's name.
    package var name: String
    /// Its weight (≥ 0; all sum to 1).
    package var weight: Double
  }

  /// The minimum detectable effect for one follow-up year.
  package struct Power: Sendable, Hashable, Codable {
    /// The follow-up year.
    package var year: Int
    /// Years from the baseline to it.
    package var horizon: Int
    /// The horizon of the historical changes used (shorter when the history is).
    package var horizonUsed: Int
    /// Whether the MDE was scaled up by √(horizon / horizon_used) from a shorter history.
    package var extrapolated: Bool
    /// The analytic MDE (α = 0.05 two-sided, power 0.8), in the outcome's unit.
    package var minimumDetectableEffect: Double
    /// The simulated MDE, scaled alike (absent without simulation).
    package var simulatedMinimumDetectableEffect: Double?
    /// The simulated power at the analytic MDE (at the horizon used).
    package var simulatedPowerAtMDE: Double?
    /// The simulated false-positive rate of the test at level 0.05.
    package var simulatedFalsePositiveRate: Double?
    /// Simulated replications.
    package var replications: Int
    /// The simulation's seed.
    package var seed: UInt64
    enum CodingKeys: String, CodingKey {
      case year, horizon, horizonUsed = "horizon_used", extrapolated, minimumDetectableEffect = "mde"
      case simulatedMinimumDetectableEffect = "simulated_mde", simulatedPowerAtMDE = "simulated_power_at_mde"
      case simulatedFalsePositiveRate = "simulated_false_positive_rate", replications, seed
    }
  }

  /// The placebo selections.
  package struct Placebo: Sendable, Hashable, Codable {
    /// How the placebo areas were chosen in each earlier year.
    package var rule: String
    /// Years from placebo selection to measurement.
    package var horizon: Int
    /// One row per placebo year.
    package var years: [PlaceboYear]
    /// Mean selected-minus-rest change.
    package var meanDifference: Double
    /// Its sample standard deviation (absent with one year).
    package var standardDeviation: Double?
    enum CodingKeys: String, CodingKey {
      case rule, horizon, years, meanDifference = "mean_difference", standardDeviation = "standard_deviation"
    }
  }

  /// One placebo year.
  package struct PlaceboYear: Sendable, Hashable, Codable {
    /// The year the rule was applied to.
    package var year: Int
    /// The placebo-selected areas' change.
    package var selectedChange: Double
    /// The rest's change.
    package var restChange: Double
    enum CodingKeys: String, CodingKey { case year, selectedChange = "selected_change", restChange = "rest_change" }
  }

  /// An area just outside the cut.
  package struct NearMissArea: Sendable, Hashable, Codable {
    /// The code.
    package var code: String
    /// The name.
    package var name: String
    /// Its rank (N + 1, …).
    package var rank: Int
    /// The N-th area's score minus this area's.
    package var distanceFromCut: Double
    enum CodingKeys: String, CodingKey { case code, name, rank, distanceFromCut = "distance_from_cut" }
  }

  /// An input file and its SHA-256.
  package struct Input: Sendable, Hashable, Codable {
    /// What it is: `statistics`, `geometry`, `definition` or `panel`.
    package var role: String
    /// `bundled:NAME`, `built-in:NAME` or the path as given.
    package var source: String
    /// The SHA-256 of its bytes (for `definition`: of its canonical JSON).
    package var sha256: String

    /// Records an input.
    package init(role: String, source: String, sha256: String) {
      self.role = role
      self.source = source
      self.sha256 = sha256
    }
  }
}
