import KraftsamlingCore

/// How hard ``Regionalization/maxP(_:options:)`` searches, with spopt's
/// `MaxPHeuristic` defaults.
///
/// ```swift
/// let options = MaxPOptions(seed: 7, threads: 2, constructions: 200)
/// ```
public struct MaxPOptions: Sendable, Hashable, Codable {
  /// The seed of every random choice.
  public var seed: UInt64
  /// The number of threads; the result is the same for any number.
  public var threads: Int
  /// Randomised constructions (spopt `max_iterations_construction`, 99).
  public var constructions: Int
  /// Simulated-annealing runs from each construction with the most regions
  /// (spopt `max_iterations_sa`, 10).
  public var annealingRuns: Int
  /// How many of the cheapest neighbouring regions an enclave picks among
  /// at random (spopt `top_n`, 2).
  public var enclaveCandidates: Int

  /// Creates options; the defaults are spopt's.
  public init(
    seed: UInt64 = 1, threads: Int = 1, constructions: Int = 99, annealingRuns: Int = 10, enclaveCandidates: Int = 2
  ) {
    self.seed = seed
    self.threads = threads
    self.constructions = constructions
    self.annealingRuns = annealingRuns
    self.enclaveCandidates = enclaveCandidates
  }
}
