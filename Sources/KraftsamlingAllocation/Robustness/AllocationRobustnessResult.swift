import KraftsamlingCore
import KraftsamlingIndex

/// The distribution of the money over the replications of an
/// ``AllocationRobustness`` analysis: one ``Distribution`` per insats and
/// per förvaltning.
///
/// ```swift
/// let r = try AllocationRobustness(analysis: analysis).run(model, input: input, areas: areas,
///                                                          definition: def, table: table)
/// let grf = r.förvaltningar.first { $0.id == "GRF" }!
/// grf.nominal, grf.p05, grf.median, grf.p95      // 3 400 000 kr, 3 120 500.0, 3 398 000.0, 3 702 250.0
/// grf.mainFactor                                   // .weights: the choice that moves GRF's money most
/// ```
public struct AllocationRobustnessResult: Sendable, Hashable, Codable {
  /// How the amount of one insats or förvaltning varies over the replications.
  ///
  /// Quantiles are type 7 (Hyndman & Fan; numpy's default `linear`, R's
  /// default): with the *R* amounts sorted x₀ ≤ … ≤ x_{R−1}, h = (*R* − 1)·p,
  /// Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋₊₁ − x_⌊h⌋) — kronor, not always whole.
  public struct Distribution: Sendable, Hashable, Codable {
    /// The insats or förvaltning id.
    public let id: String
    /// The amount of the nominal allocation (the input's own need).
    public let nominal: Belopp
    /// The smallest amount over the replications and the nominal allocation.
    public let minimum: Belopp
    /// The 5th percentile of the replications' amounts, in kronor.
    public let p05: Double
    /// The median of the replications' amounts, in kronor.
    public let median: Double
    /// The 95th percentile of the replications' amounts, in kronor.
    public let p95: Double
    /// The largest amount over the replications and the nominal allocation.
    public let maximum: Belopp
    /// The share of replications in which the amount is above zero.
    public let fundedProbability: Double
    /// The first-order Sobol index of each uncertain choice on the amount,
    /// in the order of ``AllocationRobustnessResult/factors``; `nil` when
    /// the amount does not vary over the design or no design was run.
    public let firstOrder: [Double?]
    /// The choice with the largest first-order index, or `nil` when none
    /// is positive.
    public let mainFactor: UncertainFactor?
  }

  /// Every insats with a request, sorted by id.
  public let insatser: [Distribution]
  /// Every förvaltning with a request, sorted by id.
  public let förvaltningar: [Distribution]
  /// The uncertain choices, in the order of ``Distribution/firstOrder``.
  public let factors: [UncertainFactor]
  /// The budget left undistributed, as a distribution (id `undistributed`).
  package let undistributed: Distribution
  /// The model's name.
  package let model: String
  /// The budget (all years together when budgets are per year).
  package let budget: Belopp
  /// *R*.
  package let replications: Int
  /// *N* of the Sobol design (0 = none).
  package let sensitivitySamples: Int
  /// The seed.
  package let seed: UInt64
  /// The uncertainty space, described.
  package let space: String
  /// The index definition's label.
  package let definition: String
}
