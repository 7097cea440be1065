import KraftsamlingCore

/// A versioned definition of a composite index: which indicators, how they
/// are weighted and grouped, and every choice of the pipeline — small
/// numbers → missing data → outliers → normalisation → aggregation → rank.
///
/// The 2023 remissvar asked that the utsatthetsindex be redefinable and
/// versioned; a definition is a value you can build in code, read from and
/// write to JSON (`Documentation/IndexPipeline.md` documents the format),
/// and every ``IndexResult`` records the definition it was computed with.
///
/// Indicators may be grouped into *dimensions* (indicator → dimension →
/// index): the ``aggregation`` combines the indicators of each dimension,
/// and the ``dimensionAggregation`` combines the dimension scores with the
/// dimensions' weights. Without dimensions, ``aggregation`` combines all
/// indicators directly.
///
/// ```swift
/// var d = IndexDefinition.stadskontoret2025          // the built-in default
/// d = d.with(normalization: .minMax).with(aggregation: .geometric(offset: 1))
/// let result = try d.run(on: table)
/// result.ranked.first?.name                         // the most vulnerable delområde
/// ```
///
/// - SeeAlso: OECD/JRC, *Handbook on Constructing Composite Indicators*
///   (2008); COINr (Becker et al., JRC) for the same pipeline in R.
public struct IndexDefinition: Sendable, Hashable {
  /// The version of the JSON format this type reads and writes.
  package static let formatVersion = 1

  /// A short identifier, e.g. `stadskontoret-2025`.
  public var id: String
  /// The version of this definition, e.g. `2025.1`; bump it on every change.
  public var version: String
  /// A title for reports.
  public var title: String
  /// What the index is for and where its choices come from.
  public var summary: String?
  /// The indicators with their weights.
  public var indicators: [WeightedIndicator]
  /// The dimensions, when indicators are grouped; empty for a flat index.
  public package(set) var dimensions: [Dimension]
  /// How each indicator is brought to a common scale.
  public var normalization: any Normalization
  /// How indicators are combined (within each dimension, or into the index
  /// when there are no dimensions).
  public var aggregation: any Aggregation
  /// How dimension scores are combined into the index.
  public package(set) var dimensionAggregation: any Aggregation
  /// What to do with missing values.
  public package(set) var missingData: MissingDataPolicy
  /// How rates resting on few people are handled.
  public package(set) var smallNumbers: SmallNumberPolicy
  /// Outlier treatment before normalisation.
  public package(set) var outliers: OutlierTreatment
  /// Classes beside ranks and deciles.
  public package(set) var classification: IndexClassification
  /// Notes on the choices (e.g. "our default, the proposal does not say").
  public package(set) var notes: [String]
  /// Weights to derive when the definition is prepared or run (the JSON's
  /// `"weighting"` block); `nil` to use the weights as given.
  package var weighting: WeightingRule?
  /// Changes made to the definition since it was loaded, in order, e.g.
  /// `normalization: minmax` — so a run with overridden options records
  /// exactly what differs from the named version.
  public package(set) var modifications: [String]

  /// Creates a definition.
  ///
  /// - Parameters:
  ///   - id: A short identifier.
  ///   - version: The definition's version.
  ///   - title: A title for reports.
  ///   - summary: What the index is for.
  ///   - indicators: The indicators with weights.
  ///   - dimensions: Dimensions, when indicators are grouped.
  ///   - normalization: Default z-scores (population SD).
  ///   - aggregation: Default weighted arithmetic mean.
  ///   - dimensionAggregation: Default weighted arithmetic mean.
  ///   - missingData: Default `exclude`.
  ///   - smallNumbers: Default: denominators below 10 are missing.
  ///   - outliers: Default none.
  ///   - classification: Default none.
  ///   - notes: Notes on the choices.
  public init(
    id: String, version: String = "1", title: String? = nil, summary: String? = nil,
    indicators: [WeightedIndicator], dimensions: [Dimension] = [],
    normalization: any Normalization = ZScore(), aggregation: any Aggregation = .arithmetic,
    dimensionAggregation: any Aggregation = .arithmetic,
    missingData: MissingDataPolicy = .exclude, smallNumbers: SmallNumberPolicy = .standard,
    outliers: OutlierTreatment = .none, classification: IndexClassification = .none, notes: [String] = []
  ) {
    self.id = id
    self.version = version
    self.title = title ?? id
    self.summary = summary
    self.indicators = indicators
    self.dimensions = dimensions
    self.normalization = normalization
    self.aggregation = aggregation
    self.dimensionAggregation = dimensionAggregation
    self.missingData = missingData
    self.smallNumbers = smallNumbers
    self.outliers = outliers
    self.classification = classification
    self.notes = notes
    self.modifications = []
  }

  /// `id@version`, plus `(modified)` when options were overridden.
  public var label: String {
    "\(id)@\(version)" + (modifications.isEmpty ? "" : " (modified: \(modifications.joined(separator: "; ")))")
  }

  /// The indicator ids in order.
  package var indicatorIDs: [String] { indicators.map(\.indicator.id) }

  /// The normalisation indicator `j` gets: its own, else the definition's.
  package func normalization(ofIndicator j: Int) -> any Normalization {
    indicators[j].normalization ?? normalization
  }

  /// Definitions are equal when all their parts are, strategies compared by
  /// their ``StrategySpecification``.
  public static func == (lhs: IndexDefinition, rhs: IndexDefinition) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.title == rhs.title && lhs.summary == rhs.summary
      && lhs.indicators == rhs.indicators && lhs.dimensions == rhs.dimensions
      && lhs.normalization.specification == rhs.normalization.specification
      && lhs.aggregation.specification == rhs.aggregation.specification
      && lhs.dimensionAggregation.specification == rhs.dimensionAggregation.specification
      && lhs.missingData == rhs.missingData && lhs.smallNumbers == rhs.smallNumbers && lhs.outliers == rhs.outliers
      && lhs.classification == rhs.classification && lhs.notes == rhs.notes && lhs.modifications == rhs.modifications
      && lhs.weighting == rhs.weighting
  }

  /// Hashes the identifying parts.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(version)
    hasher.combine(indicators)
    hasher.combine(normalization.specification)
    hasher.combine(aggregation.specification)
  }
}

extension IndexDefinition {
  /// One indicator of an index with its weight.
  ///
  /// The indicator carries its metadata (``Indicator``): how its value is
  /// computed from the table (a rate numerator/denominator or a value
  /// column), its direction, dimension and optional breakdown by kön.
  ///
  /// ```swift
  /// let i = IndexDefinition.WeightedIndicator(
  ///   id: "trangbodda_0_18", name: "Trångbodda barn 0–18 år",
  ///   numerator: "trangbodda_0_18", denominator: "barn_0_18")
  /// ```
  public struct WeightedIndicator: Sendable, Hashable, Identifiable {
    /// The indicator's metadata and measure.
    package var indicator: Indicator
    /// Its weight (> 0); weights need not sum to 1.
    package var weight: Double
    /// Its own normalisation, overriding the definition's
    /// ``IndexDefinition/normalization`` (e.g. goalposts for an indicator
    /// with natural bounds); `nil` to use the definition's.
    public var normalization: (any Normalization)?

    /// Wraps an indicator with a weight.
    public init(_ indicator: Indicator, weight: Double = 1) {
      self.indicator = indicator
      self.weight = weight
    }

    /// A rate indicator: `numerator / denominator`.
    public init(
      id: String, name: String? = nil, numerator: String, denominator: String,
      direction: IndicatorDirection = .higherIsWorse, weight: Double = 1, dimension: String? = nil,
      byKön: [Kön: ColumnPair]? = nil
    ) {
      self.init(
        Indicator(
          id: id, name: name ?? id, definition: "\(numerator) / \(denominator)",
          measure: .rate(ColumnPair(numerator: numerator, denominator: denominator)), direction: direction,
          dimension: dimension, byKön: byKön), weight: weight)
    }

    /// A plain-value indicator read from one column (e.g. a trygghet index).
    public init(
      id: String, name: String? = nil, valueColumn: String, direction: IndicatorDirection = .higherIsWorse,
      weight: Double = 1, dimension: String? = nil
    ) {
      self.init(
        Indicator(
          id: id, name: name ?? id, definition: valueColumn, measure: .value(column: valueColumn), direction: direction,
          dimension: dimension), weight: weight)
    }

    /// The indicator's id.
    public var id: String { indicator.id }

    /// Equal when indicator, weight and own normalisation (by its
    /// ``StrategySpecification``) are.
    public static func == (lhs: Self, rhs: Self) -> Bool {
      lhs.indicator == rhs.indicator && lhs.weight == rhs.weight
        && lhs.normalization?.specification == rhs.normalization?.specification
    }

    /// Hashes indicator, weight and own normalisation.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(indicator)
      hasher.combine(weight)
      hasher.combine(normalization?.specification)
    }
  }

  /// A group of indicators with its own weight in the index, e.g.
  /// `utbildning`, `ekonomi`, `boende`.
  ///
  /// ```swift
  /// let d = IndexDefinition.Dimension(id: "ekonomi", name: "Ekonomi", weight: 2)
  /// let imd = IndexDefinition.Dimension(id: "boende", transform: .imdExponential)
  /// ```
  public struct Dimension: Sendable, Hashable, Codable, Identifiable {
    /// The id indicators refer to in their `dimension`.
    public var id: String
    /// A display name.
    public var name: String
    /// The dimension's weight (> 0).
    package var weight: Double
    /// What is done to the dimension's scores before they are aggregated
    /// into the index (default ``Transform/none``).
    package var transform: Transform

    /// Creates a dimension.
    public init(id: String, name: String? = nil, weight: Double = 1, transform: Transform = .none) {
      self.id = id
      self.name = name ?? id
      self.weight = weight
      self.transform = transform
    }

    private enum CodingKeys: String, CodingKey { case id, name, weight, transform }

    /// Decodes `{"id", "name"?, "weight"?, "transform"?}` (name defaults to
    /// the id, weight to 1, transform to `none`).
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let id = try c.decode(String.self, forKey: .id)
      var transform = Transform.none
      if let text = try c.decodeIfPresent(String.self, forKey: .transform) {
        guard let t = Transform(rawValue: text) else {
          throw DecodingError.dataCorruptedError(
            forKey: .transform, in: c,
            debugDescription: "dimension \(id): unknown transform '\(text)': use \(Transform.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or "))")
        }
        transform = t
      }
      self.init(
        id: id, name: try c.decodeIfPresent(String.self, forKey: .name),
        weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1, transform: transform)
    }

    /// Encodes `{"id", "name", "weight"}`, with `"transform"` unless it is `none`.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(name, forKey: .name)
      try c.encode(weight, forKey: .weight)
      if transform != .none { try c.encode(transform.rawValue, forKey: .transform) }
    }
  }
}

extension IndexDefinition {
  /// A copy with another normalisation, recorded in ``modifications``.
  ///
  /// ```swift
  /// let d = IndexDefinition.stadskontoret2025.with(normalization: .rank)
  /// d.modifications   // ["normalization: rank"]
  /// d.label           // "stadskontoret-2025@2025.1 (modified: normalization: rank)"
  /// ```
  ///
  /// - Parameter normalization: The new normalisation.
  /// - Returns: The modified copy.
  /// - Complexity: O(1).
  public func with(normalization: any Normalization) -> IndexDefinition {
    var d = self
    d.normalization = normalization
    d.modifications.append("normalization: \(normalization.specification)")
    return d
  }

  /// A copy with another aggregation of indicators, recorded in ``modifications``.
  ///
  /// ```swift
  /// IndexDefinition.stadskontoret2025.with(aggregation: .minimum).modifications   // ["aggregation: minimum"]
  /// ```
  ///
  /// - Parameter aggregation: The new aggregation.
  /// - Returns: The modified copy.
  /// - Complexity: O(1).
  public func with(aggregation: any Aggregation) -> IndexDefinition {
    var d = self
    d.aggregation = aggregation
    d.modifications.append("aggregation: \(aggregation.specification)")
    return d
  }

  /// A copy with another missing-data policy, recorded in ``modifications``.
  ///
  /// ```swift
  /// IndexDefinition.stadskontoret2025.with(missingData: .exclude).modifications   // ["missing: exclude"]
  /// ```
  ///
  /// - Parameter missingData: The new policy.
  /// - Returns: The modified copy.
  /// - Complexity: O(1).
  public func with(missingData: MissingDataPolicy) -> IndexDefinition {
    var d = self
    d.missingData = missingData
    var text = "missing: \(missingData.method.rawValue)"
    if let w = missingData.within { text += " within \(w)" }
    if missingData.minimumAvailability > 0 { text += ", minimum availability \(missingData.minimumAvailability)" }
    d.modifications.append(text)
    return d
  }

  /// A copy with another small-number limit, recorded in ``modifications``.
  ///
  /// ```swift
  /// IndexDefinition.stadskontoret2025.with(minDenominator: 20).smallNumbers.minDenominator   // 20
  /// ```
  ///
  /// - Parameter minDenominator: Rates over fewer people count as missing.
  /// - Returns: The modified copy.
  /// - Complexity: O(1).
  public func with(minDenominator: Double) -> IndexDefinition {
    var d = self
    d.smallNumbers.minDenominator = minDenominator
    d.modifications.append("minDenominator: \(minDenominator)")
    return d
  }

  /// A copy with other indicator weights, in indicator order.
  ///
  /// ```swift
  /// try IndexDefinition.stadskontoret2025.with(weights: [2, 1, 1, 1]).modifications   // ["weights: 2.0,1.0,1.0,1.0"]
  /// ```
  ///
  /// - Parameter weights: One weight (> 0) per indicator; they need not sum to 1.
  /// - Returns: The modified copy.
  /// - Complexity: O(*m*) for *m* indicators.
  /// - Throws: ``IndexError`` `index.weights-mismatch` when the count
  ///   differs from the number of indicators, `index.invalid-weight` for a
  ///   weight that is not a positive number.
  public func with(weights: [Double]) throws(IndexError) -> IndexDefinition {
    guard weights.count == indicators.count else {
      throw IndexError(
        .weightsMismatch, "\(weights.count) weights given for \(indicators.count) indicators",
        hint: "give one weight per indicator, in order: \(indicatorIDs.joined(separator: ", "))")
    }
    var d = self
    for (i, w) in weights.enumerated() {
      guard w.isFinite, w > 0 else {
        throw IndexError(
          .invalidWeight, "the weight \(w) of indicator \(indicators[i].id) is not a positive number",
          hint: "weights must be > 0; to leave an indicator out, remove it from the definition", indicator: indicators[i].id)
      }
      d.indicators[i].weight = w
    }
    d.modifications.append("weights: \(weights.map { "\($0)" }.joined(separator: ","))")
    return d
  }

  /// A copy with the weights of some indicators changed, by id.
  ///
  /// ```swift
  /// try IndexDefinition.stadskontoret2025.with(weights: ["trangbodda_0_18": 3]).indicators.map(\.weight)   // [1, 3, 1, 1]
  /// ```
  ///
  /// - Parameter byID: New weights by indicator id; others keep theirs.
  /// - Returns: The modified copy.
  /// - Complexity: O(*m*) for *m* indicators (plus suggestions for an unknown id).
  /// - Throws: ``IndexError`` `index.unknown-indicator` (with suggestions)
  ///   or `index.invalid-weight`.
  package func with(weights byID: [String: Double]) throws(IndexError) -> IndexDefinition {
    var w = indicators.map(\.weight)
    let resolver = NameResolver(entries: indicators.enumerated().map { ($0.element.id, $0.offset) }, noun: "indicator")
    for (id, value) in byID.sorted(by: { $0.key < $1.key }) {
      guard let i = resolver.lookup(id) else {
        let s = resolver.suggestions(for: id)
        throw IndexError(
          .unknownIndicator, "the definition has no indicator '\(id)'",
          hint: s.isEmpty ? "its indicators are \(indicatorIDs.joined(separator: ", "))" : "did you mean \(s.joined(separator: " or "))?",
          indicator: id)
      }
      w[i] = value
    }
    return try with(weights: w)
  }
}
