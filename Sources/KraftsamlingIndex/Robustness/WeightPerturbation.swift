import KraftsamlingCore

/// How an uncertainty analysis draws weights around the nominal ones:
/// from a Dirichlet distribution centred on them, uniformly within ± a
/// share of each — or your own way.
///
/// A perturbation receives the nominal weights of one level (indicators, or
/// the dimensions of a tree index; all > 0) and writes one draw. The
/// built-in ones return weights with the **same sum** as the nominal ones,
/// so a draw reads like the definition's weights; the index's aggregations
/// divide by the sum of the weights anyway, so only the proportions matter.
///
/// ```swift
/// var g = SeededGenerator(seed: 1)
/// var w = [0.0, 0, 0, 0]
/// DirichletWeights.dirichlet(concentration: 40).perturb([1, 1, 1, 1], into: &w, using: &g)
/// // four weights around 1 that sum to 4
/// ```
///
/// To plug in your own, conform a `Sendable` struct and pass it as
/// ``UncertaintySpace/weights``.
public protocol WeightPerturbation: Sendable, CustomStringConvertible {
  /// The method's name and parameters, as recorded with every analysis.
  var specification: StrategySpecification { get }

  /// Checks the parameters.
  ///
  /// - Throws: ``RobustnessError`` `robustness.invalid-setting`.
  func validate() throws(RobustnessError)

  /// Writes one draw of weights around `nominal` into `weights`.
  ///
  /// - Parameters:
  ///   - nominal: The nominal weights, each > 0.
  ///   - weights: Receives the draw (same count as `nominal`), each ≥ 0
  ///     and at least one > 0.
  ///   - generator: The replication's random numbers.
  /// - Complexity: Should be O(*k*) for *k* weights.
  func perturb(_ nominal: [Double], into weights: inout [Double], using generator: inout SeededGenerator)
}

extension WeightPerturbation {
  /// No parameters to check.
  public func validate() throws(RobustnessError) {}
  /// The specification's text.
  public var description: String { specification.description }
}

/// Weights drawn from a Dirichlet distribution centred on the nominal
/// weights: with nominal shares sⱼ = wⱼ/Σw and concentration *c*, the
/// shares are Dirichlet(c·s₁, …, c·s_k) and the weights are the shares ×
/// Σw.
///
/// The mean draw is the nominal weights; a share's standard deviation is
/// √(sⱼ(1 − sⱼ)/(c + 1)). With four equal weights (sⱼ = ¼) a concentration
/// of 20 gives each share an SD of √(0.1875/21) ≈ 0.094 — a weight of 1
/// typically between 0.6 and 1.4; 100 gives ≈ 0.043.
///
/// ```swift
/// let p: any WeightPerturbation = .dirichlet(concentration: 20)
/// p.description   // "dirichlet(concentration=20.0)"
/// ```
///
/// - Complexity: O(*k*) per draw (one gamma variate per weight).
/// - SeeAlso: ``SeededGenerator/dirichlet(_:into:)``; Saisana, Saltelli &
///   Tarantola (2005), "Uncertainty and sensitivity analysis techniques as
///   tools for the quality assessment of composite indicators", *JRSS A*
///   168(2), 307–323.
public struct DirichletWeights: WeightPerturbation, Hashable {
  /// The concentration *c* > 0: larger is tighter around the nominal weights.
  package var concentration: Double

  /// Creates the perturbation.
  ///
  /// - Parameter concentration: *c* > 0 (default 20).
  package init(concentration: Double = 20) { self.concentration = concentration }

  /// `dirichlet(concentration=…)`.
  public var specification: StrategySpecification {
    StrategySpecification("dirichlet", parameters: ["concentration": concentration])
  }

  /// Checks that the concentration is positive and finite.
  public func validate() throws(RobustnessError) {
    guard concentration > 0, concentration.isFinite else {
      throw RobustnessError(
        .invalidSetting, "the Dirichlet concentration is \(concentration); it must be a positive number",
        hint: "e.g. 20 (loose) or 100 (tight around the nominal weights)")
    }
  }

  /// Draws Dirichlet(c·w/Σw) shares and scales them to Σw.
  public func perturb(_ nominal: [Double], into weights: inout [Double], using generator: inout SeededGenerator) {
    var total = 0.0
    for w in nominal { total += w }
    var alpha = nominal
    for j in alpha.indices { alpha[j] = concentration * nominal[j] / total }
    generator.dirichlet(alpha, into: &weights)
    for j in weights.indices { weights[j] *= total }
  }
}

/// Each weight moved by a uniform share of itself, wⱼ·(1 + Uⱼ) with Uⱼ ~
/// U(−*share*, +*share*), then rescaled to the nominal sum.
///
/// This is COINr's `get_noisy_weights` (`NoiseFactor` = *share*), with the
/// rescaling added so a draw keeps the nominal sum (the aggregations divide
/// by the sum, so scores and ranks are the same either way).
///
/// ```swift
/// let p: any WeightPerturbation = .uniform(share: 0.25)   // each weight ± 25 %
/// ```
///
/// - Complexity: O(*k*) per draw.
/// - SeeAlso: COINr `get_noisy_weights`.
public struct UniformWeightNoise: WeightPerturbation, Hashable {
  /// The largest relative change, in [0, 1).
  package var share: Double

  /// Creates the perturbation.
  ///
  /// - Parameter share: In [0, 1) (default 0.25).
  package init(share: Double = 0.25) { self.share = share }

  /// `uniform(share=…)`.
  public var specification: StrategySpecification { StrategySpecification("uniform", parameters: ["share": share]) }

  /// Checks that the share is in [0, 1).
  public func validate() throws(RobustnessError) {
    guard share >= 0, share < 1 else {
      throw RobustnessError(
        .invalidSetting, "the weight noise share is \(share); it must be at least 0 and below 1",
        hint: "e.g. 0.25 for ± 25 % of each weight")
    }
  }

  /// Draws wⱼ·(1 + U(−s, s)) and rescales to Σw.
  public func perturb(_ nominal: [Double], into weights: inout [Double], using generator: inout SeededGenerator) {
    var total = 0.0
    var drawn = 0.0
    for j in nominal.indices {
      total += nominal[j]
      let w = nominal[j] * (1 + share * (2 * generator.uniform() - 1))
      weights[j] = w
      drawn += w
    }
    for j in weights.indices { weights[j] *= total / drawn }
  }
}

extension WeightPerturbation where Self == DirichletWeights {
  /// Dirichlet weights around the nominal ones; see ``DirichletWeights``.
  ///
  /// - Parameter concentration: *c* > 0.
  public static func dirichlet(concentration: Double = 20) -> DirichletWeights {
    DirichletWeights(concentration: concentration)
  }
}

extension WeightPerturbation where Self == UniformWeightNoise {
  /// Each weight ± a share of itself; see ``UniformWeightNoise``.
  ///
  /// - Parameter share: In [0, 1).
  public static func uniform(share: Double = 0.25) -> UniformWeightNoise { UniformWeightNoise(share: share) }
}
