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
/// catalog.normalizations.register("log-ratio", value: MyLogRatio())
/// let d = try IndexDefinition(json: text, catalog: catalog)
/// ```
///
/// Unknown names get "did you mean" suggestions.
public struct IndexStrategyCatalog: Sendable {
  /// The normalisation methods by name.
  public var normalizations: Registry<any Normalization, IndexDomain>
  /// The aggregation methods by name.
  package var aggregations: Registry<any Aggregation, IndexDomain>

  /// An empty catalogue.
  package init() {
    normalizations = Registry(noun: "normalization method", unknownCode: .unknownMethod)
    aggregations = Registry(noun: "aggregation method", unknownCode: .unknownMethod)
  }

  /// Builds the normalisation a specification names, and checks it.
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
    let n = try normalizations.make(spec)
    try n.validate()
    return n
  }

  /// Builds the aggregation a specification names, and checks it.
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
    let a = try aggregations.make(spec)
    try a.validate()
    return a
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
    c.normalizations.register("zscore") { s throws(IndexError) in
      try s.checkKeys(["sd"])
      switch s.options["sd"] ?? "population" {
      case "population": return ZScore(deviation: .population)
      case "sample": return ZScore(deviation: .sample)
      case let other:
        throw IndexError(.invalidParameter, "zscore has no sd '\(other)'", hint: "use sd population or sample")
      }
    }
    c.normalizations.register("minmax") { s throws(IndexError) in
      try s.checkKeys([])
      return MinMax()
    }
    c.normalizations.register("rank") { s throws(IndexError) in
      try s.checkKeys([])
      return RankNormalization()
    }
    c.normalizations.register("percentile") { s throws(IndexError) in
      try s.checkKeys([])
      return PercentileRank()
    }
    c.normalizations.register("imd-exp") { s throws(IndexError) in
      try s.checkKeys([])
      return IMDExponential()
    }
    c.normalizations.register("identity") { s throws(IndexError) in
      try s.checkKeys([])
      return IdentityNormalization()
    }
    c.normalizations.register("goalposts") { s throws(IndexError) in
      try s.checkKeys(["lower", "upper", "truncate"])
      guard let lo = s.parameters["lower"], let hi = s.parameters["upper"] else {
        throw IndexError(.invalidParameter, "goalposts need both lower and upper", hint: #"write {"method": "goalposts", "lower": 0, "upper": 0.5}"#)
      }
      return Goalposts(lower: lo, upper: hi, truncate: s.options["truncate"] != "false")
    }
    c.normalizations.register("distance") { s throws(IndexError) in
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
    c.aggregations.register("arithmetic") { s throws(IndexError) in
      try s.checkKeys([])
      return WeightedArithmeticMean()
    }
    c.aggregations.register("geometric") { s throws(IndexError) in
      try s.checkKeys(["offset"])
      return WeightedGeometricMean(offset: s.number("offset", default: 0))
    }
    c.aggregations.register("harmonic") { s throws(IndexError) in
      try s.checkKeys([])
      return WeightedHarmonicMean()
    }
    c.aggregations.register("minimum") { s throws(IndexError) in
      try s.checkKeys([])
      return MinimumAggregation()
    }
    c.aggregations.register("count") { s throws(IndexError) in
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
