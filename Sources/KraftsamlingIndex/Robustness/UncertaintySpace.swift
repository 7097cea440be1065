import KraftsamlingCore

/// The choices of an index definition that an uncertainty analysis treats
/// as uncertain, and how each is drawn.
///
/// Each enabled choice is one **factor** of the analysis (in the order of
/// ``UncertainFactor``). A replication draws every factor independently:
///
/// | factor | drawn as |
/// |---|---|
/// | `weights` | ``weights`` (e.g. Dirichlet around the nominal weights); a tree index draws the dimension weights the same way |
/// | `normalization` | one of ``normalizations``, each with probability 1/count |
/// | `aggregation` | one of ``aggregations`` (the indicator level), each with probability 1/count |
/// | `dropped-indicator` | none, or one of the *m* indicators, each with probability 1/(*m* + 1) (weight set to 0) |
/// | `noise` | every numerator of a rate indicator redrawn as Binomial(denominator, observed rate) |
///
/// A factor that is not enabled keeps the definition's choice. The
/// alternatives are used as given: include the definition's own
/// normalisation in ``normalizations`` if it should be drawn too.
///
/// ```swift
/// var space = UncertaintySpace(weights: .dirichlet(concentration: 20))
/// space.normalizations = [ZScore(), .minMax, .rank]
/// space.dropsIndicator = true
/// space.factors   // [.weights, .normalization, .droppedIndicator]
/// ```
///
/// - SeeAlso: OECD/JRC (2008), *Handbook on Constructing Composite
///   Indicators*, step 7; Saisana, Saltelli & Tarantola (2005), JRSS A
///   168(2); COINr `get_sensitivity` (where each uncertain choice is one
///   entry of `SA_specs`).
public struct UncertaintySpace: Sendable, CustomStringConvertible {
  /// How weights are drawn; `nil` keeps the nominal weights.
  public var weights: (any WeightPerturbation)?
  /// Alternative normalisations, drawn with equal probability; empty keeps the definition's.
  public var normalizations: [any Normalization]
  /// Alternative indicator aggregations, drawn with equal probability; empty keeps the definition's.
  package var aggregations: [any Aggregation]
  /// Whether to leave one indicator out (or none), with equal probability.
  public var dropsIndicator: Bool
  /// Whether to redraw the numerators of rate indicators as
  /// Binomial(denominator, observed rate), re-running the whole pipeline
  /// (small numbers, imputation, outliers, normalisation) on the noisy data.
  package var binomialNoise: Bool

  /// Creates a space.
  ///
  /// - Parameters:
  ///   - weights: How weights are drawn; `nil` for fixed weights.
  ///   - normalizations: Alternatives; empty for the definition's.
  ///   - aggregations: Alternatives; empty for the definition's.
  ///   - dropsIndicator: Leave one indicator out.
  ///   - binomialNoise: Redraw numerators.
  public init(
    weights: (any WeightPerturbation)? = nil, normalizations: [any Normalization] = [],
    aggregations: [any Aggregation] = [], dropsIndicator: Bool = false, binomialNoise: Bool = false
  ) {
    self.weights = weights
    self.normalizations = normalizations
    self.aggregations = aggregations
    self.dropsIndicator = dropsIndicator
    self.binomialNoise = binomialNoise
  }

  /// The default space of `kraftctl robustness`: Dirichlet weights with
  /// concentration 20, the normalisation drawn from z-score, min-max and
  /// rank, one indicator left out (or none); the definition's aggregation,
  /// no noise.
  public static var standard: UncertaintySpace {
    UncertaintySpace(
      weights: DirichletWeights(concentration: 20), normalizations: [ZScore(), MinMax(), RankNormalization()],
      dropsIndicator: true)
  }

  /// The enabled factors, in the fixed order of ``UncertainFactor``.
  package var factors: [UncertainFactor] {
    var f: [UncertainFactor] = []
    if weights != nil { f.append(.weights) }
    if !normalizations.isEmpty { f.append(.normalization) }
    if !aggregations.isEmpty { f.append(.aggregation) }
    if dropsIndicator { f.append(.droppedIndicator) }
    if binomialNoise { f.append(.noise) }
    return f
  }

  /// One line per enabled factor, e.g. `weights: dirichlet(concentration=20.0)`.
  public var description: String {
    var parts: [String] = []
    if let weights { parts.append("weights: \(weights.specification)") }
    if !normalizations.isEmpty {
      parts.append("normalization: " + normalizations.map(\.specification.description).joined(separator: " | "))
    }
    if !aggregations.isEmpty {
      parts.append("aggregation: " + aggregations.map(\.specification.description).joined(separator: " | "))
    }
    if dropsIndicator { parts.append("dropped indicator: none | each indicator") }
    if binomialNoise { parts.append("noise: binomial numerators") }
    return parts.isEmpty ? "nothing varies" : parts.joined(separator: "; ")
  }
}

/// One uncertain choice of an index: the unit of a sensitivity analysis
/// and of the per-factor rank shifts.
public enum UncertainFactor: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// The indicator (and dimension) weights.
  case weights
  /// The normalisation.
  case normalization
  /// The indicator aggregation.
  case aggregation
  /// Which indicator is left out, if any.
  case droppedIndicator = "dropped-indicator"
  /// Binomial noise on the numerators.
  case noise

  /// The raw value, e.g. `dropped-indicator`.
  public var description: String { rawValue }
}
