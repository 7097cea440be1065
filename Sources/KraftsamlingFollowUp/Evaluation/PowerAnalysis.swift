import KraftsamlingCore

/// Can an effect be seen at all? The minimum detectable effect (MDE) of a
/// population-weighted difference-in-differences of area rates between the
/// treated and the comparison areas, over a follow-up horizon, analytically
/// and by simulation.
///
/// Analytic (normal approximation): with w̃ᵢ the population shares within
/// each group and σ̂ᵢ² each area's variance of h-year changes around the
/// city-wide change (from the panel's history, see
/// `Documentation/Evaluation.md`),
///
///     SE² = Σ_T w̃ᵢ²σ̂ᵢ² + Σ_C w̃ᵢ²σ̂ᵢ²,   MDE = (z_{1−α/2} + z_{power})·SE.
///
/// By simulation: each replication draws, for every area independently,
/// one of its own historical h-year residuals, plants a reduction of δ in
/// the treated areas, estimates the difference-in-differences with its CR1
/// interval (as ``DifferenceInDifferences`` does) and counts rejections at
/// level α. The residual's sign is random (a wild bootstrap), so that a
/// world without an effect shows none on average. The simulated MDE is the smallest δ rejected in the share
/// `power` of replications; the same draws serve every δ. Replication r
/// draws from the seed's stream r, so the result is the same for any
/// number of threads.
///
/// ```swift
/// let power = try PowerAnalysis(
///   panel: panel, treated: selected, comparison: others, baselineYear: 2023, horizon: 3, seed: 2030)
/// power.minimumDetectableEffect   // e.g. 0.014: 1.4 percentage points
/// power.simulatedPowerAtMDE       // ≈ 0.8
/// ```
///
/// - Complexity: O(*a*·*y*) for the analytic part, O(*R*·*a*) for *R* replications.
public struct PowerAnalysis: Sendable, Hashable, Codable {
  /// The treated areas.
  package let treated: [String]
  /// The comparison areas.
  package let comparison: [String]
  /// The last year of data used: the history ends here.
  package let baselineYear: Int
  /// The follow-up horizon in years (e.g. 7 for 2023 → 2030).
  package let horizon: Int
  /// The significance level (two-sided).
  package let alpha: Double
  /// The power asked for.
  package let power: Double
  /// The start years of the historical h-year windows the variances come from.
  package let windowStarts: [Int]
  /// The analytic standard error of the difference-in-differences.
  package let standardError: Double
  /// The analytic minimum detectable effect, (z_{1−α/2} + z_{power})·SE, in the outcome's unit.
  public let minimumDetectableEffect: Double
  /// The analytic MDE with 1, 2, … treated areas (see ``CurvePoint``).
  public let curve: [CurvePoint]
  /// The number of simulated replications (0: no simulation).
  package let replications: Int
  /// The seed of the simulation.
  package let seed: UInt64
  /// The simulated power at the analytic MDE (NaN without simulation).
  public let simulatedPowerAtMDE: Double
  /// The smallest effect the simulation detects with the asked power (NaN without simulation).
  public let simulatedMinimumDetectableEffect: Double
  /// The share of simulated replications without an effect in which the
  /// test rejects (its real size; NaN without simulation). Above α when the
  /// cluster-robust standard error is too small, as with few treated areas
  /// of unequal size.
  public let simulatedFalsePositiveRate: Double

  /// The analytic MDE for a number of treated areas, each with the treated
  /// areas' mean change variance and an equal share of the treated
  /// population, against the same comparison areas:
  /// (z_{1−α/2} + z_{power})·√(σ̄_T²/k + Σ_C w̃ᵢ²σ̂ᵢ²).
  public struct CurvePoint: Sendable, Hashable, Codable {
    /// The number of treated areas.
    public let treatedCount: Int
    /// The MDE with that many.
    public let minimumDetectableEffect: Double
  }
}
