import KraftsamlingCore

/// The normalisation and aggregation methods a JSON index definition (or a
/// `kraftctl` option) may name, each with a factory that builds the
/// strategy from its ``StrategySpecification``.
///
/// ``builtIn`` knows every method of this library. To make your own
/// strategy usable from JSON, copy the catalogue, register it, and pass the
/// catalogue when loading:
///
/// ```swift
/// var catalog = IndexStrategyCatalog.builtIn
/// catalog.register(normalization: "log-ratio") { spec throws(IndexError) in MyLogRatio() }
/// let d = try IndexDefinition(json: text, catalog: catalog)
/// ```
///
/// Unknown names get "did you mean" suggestions.
public struct IndexStrategyCatalog: Sendable {
  /// Builds a normalisation from its specification.
  public typealias NormalizationFactory = @Sendable (StrategySpecification) throws(IndexError) -> any Normalization
  /// Builds an aggregation from its specification.
  public typealias AggregationFactory = @Sendable (StrategySpecification) throws(IndexError) -> any Aggregation

  private var normalizations: [String: NormalizationFactory] = [:]
  private var aggregations: [String: AggregationFactory] = [:]

  /// An empty catalogue.
  public init() {}

  /// Registers (or replaces) a normalisation method.
  public mutating func register(normalization name: String, _ factory: @escaping NormalizationFactory) {
    normalizations[name] = factory
  }

  /// Registers (or replaces) an aggregation method.
  public mutating func register(aggregation name: String, _ factory: @escaping AggregationFactory) {
    aggregations[name] = factory
  }

  /// The normalisation method names, sorted.
  public var normalizationNames: [String] { normalizations.keys.sorted() }
  /// The aggregation method names, sorted.
  public var aggregationNames: [String] { aggregations.keys.sorted() }

  /// Builds the normalisation a specification names.
  ///
  /// ```swift
  /// try IndexStrategyCatalog.builtIn.normalization(StrategySpecification("zscore", options: ["sd": "sample"]))
  /// // ZScore(deviation: .sample)
  /// ```
  ///
  /// - Parameter spec: The method name and parameters.
  /// - Returns: The validated strategy.
  /// - Complexity: O(1) for a known name.
  ///
  /// - Throws: ``IndexError`` `index.unknown-method` (with suggestions) or
  ///   `index.invalid-parameter`.
  public func normalization(_ spec: StrategySpecification) throws(IndexError) -> any Normalization {
    guard let f = normalizations[spec.method] else {
      throw Self.unknown(spec.method, kind: "normalization", known: normalizationNames)
    }
    let n = try f(spec)
    try n.validate()
    return n
  }

  /// Builds the aggregation a specification names.
  ///
  /// ```swift
  /// try IndexStrategyCatalog.builtIn.aggregation(StrategySpecification("count", parameters: ["threshold": 1.5]))
  /// // ThresholdCount(threshold: 1.5, required: 2)
  /// ```
  ///
  /// - Parameter spec: The method name and parameters.
  /// - Returns: The validated strategy.
  /// - Complexity: O(1) for a known name.
  ///
  /// - Throws: ``IndexError`` `index.unknown-method` (with suggestions) or
  ///   `index.invalid-parameter`.
  public func aggregation(_ spec: StrategySpecification) throws(IndexError) -> any Aggregation {
    guard let f = aggregations[spec.method] else {
      throw Self.unknown(spec.method, kind: "aggregation", known: aggregationNames)
    }
    let a = try f(spec)
    try a.validate()
    return a
  }

  private static func unknown(_ name: String, kind: String, known: [String]) -> IndexError {
    let r = NameResolver(entries: known.map { ($0, $0) }, noun: kind)
    let s = r.suggestions(for: name)
    return IndexError(
      .unknownMethod, "unknown \(kind) method '\(name)'",
      hint: s.isEmpty ? "known methods: \(known.joined(separator: ", "))" : "did you mean \(s.joined(separator: " or "))?")
  }

  /// Every method of this library: normalisations `zscore` (option `sd:
  /// population|sample`), `minmax`, `rank`, `percentile`, `imd-exp`,
  /// `goalposts` (`lower`, `upper`, option `truncate`), `distance`
  /// (`reference` — omit for the pooled rate —, option `mode:
  /// relative|difference`), `identity`; aggregations `arithmetic`,
  /// `geometric` (`offset`), `harmonic`, `minimum`, `count` (`threshold`,
  /// `required`).
  public static let builtIn: IndexStrategyCatalog = {
    var c = IndexStrategyCatalog()
    c.register(normalization: "zscore") { s throws(IndexError) in
      try s.checkKeys(["sd"])
      switch s.options["sd"] ?? "population" {
      case "population": return ZScore(deviation: .population)
      case "sample": return ZScore(deviation: .sample)
      case let other:
        throw IndexError(.invalidParameter, "zscore has no sd '\(other)'", hint: "use sd population or sample")
      }
    }
    c.register(normalization: "minmax") { s throws(IndexError) in
      try s.checkKeys([])
      return MinMax()
    }
    c.register(normalization: "rank") { s throws(IndexError) in
      try s.checkKeys([])
      return RankNormalization()
    }
    c.register(normalization: "percentile") { s throws(IndexError) in
      try s.checkKeys([])
      return PercentileRank()
    }
    c.register(normalization: "imd-exp") { s throws(IndexError) in
      try s.checkKeys([])
      return IMDExponential()
    }
    c.register(normalization: "identity") { s throws(IndexError) in
      try s.checkKeys([])
      return IdentityNormalization()
    }
    c.register(normalization: "goalposts") { s throws(IndexError) in
      try s.checkKeys(["lower", "upper", "truncate"])
      guard let lo = s.parameters["lower"], let hi = s.parameters["upper"] else {
        throw IndexError(.invalidParameter, "goalposts need both lower and upper", hint: #"write {"method": "goalposts", "lower": 0, "upper": 0.5}"#)
      }
      return Goalposts(lower: lo, upper: hi, truncate: s.options["truncate"] != "false")
    }
    c.register(normalization: "distance") { s throws(IndexError) in
      try s.checkKeys(["reference", "mode"])
      let mode: DistanceToReference.Mode
      switch s.options["mode"] ?? "relative" {
      case "relative": mode = .relative
      case "difference": mode = .difference
      case let other:
        throw IndexError(.invalidParameter, "distance has no mode '\(other)'", hint: "use mode relative or difference")
      }
      return DistanceToReference(s.parameters["reference"].map { .value($0) } ?? .pooled, mode: mode)
    }
    c.register(aggregation: "arithmetic") { s throws(IndexError) in
      try s.checkKeys([])
      return WeightedArithmeticMean()
    }
    c.register(aggregation: "geometric") { s throws(IndexError) in
      try s.checkKeys(["offset"])
      return WeightedGeometricMean(offset: s.number("offset", default: 0))
    }
    c.register(aggregation: "harmonic") { s throws(IndexError) in
      try s.checkKeys([])
      return WeightedHarmonicMean()
    }
    c.register(aggregation: "minimum") { s throws(IndexError) in
      try s.checkKeys([])
      return MinimumAggregation()
    }
    c.register(aggregation: "count") { s throws(IndexError) in
      try s.checkKeys(["threshold", "required"])
      let r = s.number("required", default: 2)
      guard r.rounded() == r, r >= 1, r <= 1_000_000 else {
        throw IndexError(.invalidParameter, "count needs a whole number required ≥ 1, got \(r)", hint: "e.g. required 2")
      }
      return ThresholdCount(threshold: s.number("threshold", default: 1), required: Int(r))
    }
    return c
  }()
}
