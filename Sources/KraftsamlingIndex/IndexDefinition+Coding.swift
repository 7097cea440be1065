import KraftsamlingCore

/// The JSON form of an index definition (format version 1).
///
/// ```json
/// {
///   "format": "kraftsamling-index-definition", "formatVersion": 1,
///   "id": "mitt-index", "version": "2025.1", "title": "…", "summary": "…",
///   "indicators": [
///     {"id": "trangbodda_0_18", "numerator": "trangbodda_0_18", "denominator": "barn_0_18",
///      "direction": "higher-is-worse", "weight": 1, "dimension": "boende"},
///     {"id": "trygghet", "value": "otrygghet_index", "weight": 2,
///      "normalization": {"method": "goalposts", "lower": 0, "upper": 10}}
///   ],
///   "dimensions": [{"id": "boende", "weight": 1, "transform": "imd-exp"}],
///   "normalization": "zscore", "aggregation": "arithmetic", "dimensionAggregation": "arithmetic",
///   "missingData": {"method": "reweight", "minimumAvailability": 0.75},
///   "smallNumbers": {"minDenominator": 10, "shrinkage": "none"},
///   "outliers": "none", "classification": "none",
///   "weighting": {"method": "ahp", "matrix": [[1, 3], [0.3333333333, 1]]}
/// }
/// ```
///
/// Only `id` and `indicators` are required; everything else has the
/// defaults of ``IndexDefinition/init(id:version:title:summary:indicators:dimensions:normalization:aggregation:dimensionAggregation:missingData:smallNumbers:outliers:classification:notes:)``.
/// `Documentation/IndexPipeline.md` lists every member. Method names are
/// resolved through the ``IndexStrategyCatalog`` found in the decoder's
/// `userInfo` under ``IndexStrategyCatalog/userInfoKey``, else the built-in one.
extension IndexDefinition: Codable {
  /// The marker written in the `format` member.
  package static let formatName = "kraftsamling-index-definition"

  private enum CodingKeys: String, CodingKey {
    case format, formatVersion, id, version, title, summary, indicators, dimensions, normalization, aggregation,
      dimensionAggregation, missingData, smallNumbers, outliers, classification, notes, modifications, weighting
  }

  /// Decodes the documented JSON form.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let format = try c.decodeIfPresent(String.self, forKey: .format), format != Self.formatName {
      throw DecodingError.dataCorruptedError(
        forKey: .format, in: c, debugDescription: "this is a '\(format)' file, not an index definition ('\(Self.formatName)')")
    }
    let fv = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? Self.formatVersion
    guard fv <= Self.formatVersion, fv >= 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .formatVersion, in: c,
        debugDescription: "format version \(fv) is not supported (this library reads version \(Self.formatVersion)); update KraftsamlingKit")
    }
    let catalog = decoder.userInfo[IndexStrategyCatalog.userInfoKey] as? IndexStrategyCatalog ?? .builtIn
    func strategy<T>(_ key: CodingKeys, _ build: (StrategySpecification) throws(IndexError) -> T, default d: T) throws -> T {
      guard let spec = try c.decodeIfPresent(StrategySpecification.self, forKey: key) else { return d }
      do {
        return try build(spec)
      } catch {
        throw LocatedIndexError(error: error, codingPath: c.codingPath + [key])
      }
    }
    self.init(
      id: try c.decode(String.self, forKey: .id),
      version: try c.decodeIfPresent(String.self, forKey: .version) ?? "1",
      title: try c.decodeIfPresent(String.self, forKey: .title),
      summary: try c.decodeIfPresent(String.self, forKey: .summary),
      indicators: try c.decode([WeightedIndicator].self, forKey: .indicators),
      dimensions: try c.decodeIfPresent([Dimension].self, forKey: .dimensions) ?? [],
      normalization: try strategy(.normalization, catalog.normalization, default: ZScore()),
      aggregation: try strategy(.aggregation, catalog.aggregation, default: WeightedArithmeticMean()),
      dimensionAggregation: try strategy(.dimensionAggregation, catalog.aggregation, default: WeightedArithmeticMean()),
      missingData: try c.decodeIfPresent(MissingDataPolicy.self, forKey: .missingData) ?? .exclude,
      smallNumbers: try c.decodeIfPresent(SmallNumberPolicy.self, forKey: .smallNumbers) ?? .standard,
      outliers: try c.decodeIfPresent(OutlierTreatment.self, forKey: .outliers) ?? .none,
      classification: try c.decodeIfPresent(IndexClassification.self, forKey: .classification) ?? .none,
      notes: try c.decodeIfPresent([String].self, forKey: .notes) ?? [])
    modifications = try c.decodeIfPresent([String].self, forKey: .modifications) ?? []
    weighting = try c.decodeIfPresent(WeightingRule.self, forKey: .weighting)
  }

  /// Encodes the documented JSON form.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.formatName, forKey: .format)
    try c.encode(Self.formatVersion, forKey: .formatVersion)
    try c.encode(id, forKey: .id)
    try c.encode(version, forKey: .version)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(summary, forKey: .summary)
    try c.encode(indicators, forKey: .indicators)
    if !dimensions.isEmpty { try c.encode(dimensions, forKey: .dimensions) }
    try c.encode(normalization.specification, forKey: .normalization)
    try c.encode(aggregation.specification, forKey: .aggregation)
    try c.encode(dimensionAggregation.specification, forKey: .dimensionAggregation)
    try c.encode(missingData, forKey: .missingData)
    try c.encode(smallNumbers, forKey: .smallNumbers)
    try c.encode(outliers, forKey: .outliers)
    try c.encode(classification, forKey: .classification)
    if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
    if !modifications.isEmpty { try c.encode(modifications, forKey: .modifications) }
    try c.encodeIfPresent(weighting, forKey: .weighting)
  }
}

extension IndexStrategyCatalog {
  /// The `userInfo` key under which a decoder may carry a catalogue for
  /// resolving method names in index definitions.
  package static let userInfoKey = CodingUserInfoKey(rawValue: "se.malmo.kraftsamling.indexStrategyCatalog")!
}

/// An ``IndexError`` raised while decoding, with the coding path where it arose.
struct LocatedIndexError: Error {
  var error: IndexError
  var codingPath: [any CodingKey]
}

extension IndexDefinition.WeightedIndicator: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, name, englishName, definition, numerator, denominator, value, direction, weight, dimension, kind, version,
      source, year, ageBand, byKön, normalization
  }

  /// Decodes `{"id", "numerator"+"denominator" or "value", "direction", "weight", …}`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let id = try c.decode(String.self, forKey: .id)
    let measure: Indicator.Measure
    let num = try c.decodeIfPresent(String.self, forKey: .numerator)
    let den = try c.decodeIfPresent(String.self, forKey: .denominator)
    let value = try c.decodeIfPresent(String.self, forKey: .value)
    switch (num, den, value) {
    case (let n?, let d?, nil): measure = .rate(ColumnPair(numerator: n, denominator: d))
    case (nil, nil, let v?): measure = .value(column: v)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c,
        debugDescription: "indicator \(id) needs either \"numerator\" and \"denominator\" columns or one \"value\" column")
    }
    var byKön: [Kön: ColumnPair]?
    if c.contains(.byKön) {
      let raw = try c.decode([String: ColumnPair].self, forKey: .byKön)
      var map: [Kön: ColumnPair] = [:]
      for (k, pair) in raw {
        guard let kön = Kön(rawValue: k) else {
          throw DecodingError.dataCorruptedError(
            forKey: .byKön, in: c, debugDescription: "unknown kön '\(k)' in byKön: use kvinna and man")
        }
        map[kön] = pair
      }
      byKön = map
    }
    let indicator = Indicator(
      id: id, name: try c.decodeIfPresent(String.self, forKey: .name) ?? id,
      englishName: try c.decodeIfPresent(String.self, forKey: .englishName),
      definition: try c.decodeIfPresent(String.self, forKey: .definition) ?? "",
      measure: measure, ageBand: try c.decodeIfPresent(AgeBand.self, forKey: .ageBand),
      source: try c.decodeIfPresent(String.self, forKey: .source), year: try c.decodeIfPresent(Int.self, forKey: .year),
      direction: try c.decodeIfPresent(IndicatorDirection.self, forKey: .direction) ?? .higherIsWorse,
      dimension: try c.decodeIfPresent(String.self, forKey: .dimension),
      kind: try c.decodeIfPresent(IndicatorKind.self, forKey: .kind) ?? .community,
      version: try c.decodeIfPresent(String.self, forKey: .version) ?? "1", byKön: byKön)
    self.init(indicator, weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1)
    normalization = try Self.decodeNormalization(c, decoder: decoder, indicator: id)
  }

  /// The indicator's own `"normalization"`, resolved through the decoder's
  /// catalogue; an unknown method or bad parameter names the indicator.
  private static func decodeNormalization(
    _ c: KeyedDecodingContainer<CodingKeys>, decoder: any Decoder, indicator id: String
  ) throws -> (any Normalization)? {
    guard let spec = try c.decodeIfPresent(StrategySpecification.self, forKey: .normalization) else { return nil }
    let catalog = decoder.userInfo[IndexStrategyCatalog.userInfoKey] as? IndexStrategyCatalog ?? .builtIn
    do {
      return try catalog.normalization(spec)
    } catch {
      var e = error
      e.message = "indicator \(id): normalization: \(e.message)"
      throw LocatedIndexError(error: e, codingPath: c.codingPath + [CodingKeys.normalization])
    }
  }

  /// Encodes the flat documented form.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let i = indicator
    try c.encode(i.id, forKey: .id)
    try c.encode(i.name, forKey: .name)
    try c.encodeIfPresent(i.englishName, forKey: .englishName)
    if !i.definition.isEmpty { try c.encode(i.definition, forKey: .definition) }
    switch i.measure {
    case .rate(let p):
      try c.encode(p.numerator, forKey: .numerator)
      try c.encode(p.denominator, forKey: .denominator)
    case .value(let col):
      try c.encode(col, forKey: .value)
    }
    try c.encode(i.direction, forKey: .direction)
    try c.encode(weight, forKey: .weight)
    try c.encodeIfPresent(i.dimension, forKey: .dimension)
    try c.encode(i.kind, forKey: .kind)
    try c.encode(i.version, forKey: .version)
    try c.encodeIfPresent(i.source, forKey: .source)
    try c.encodeIfPresent(i.year, forKey: .year)
    try c.encodeIfPresent(i.ageBand, forKey: .ageBand)
    if let b = i.byKön {
      try c.encode(Dictionary(uniqueKeysWithValues: b.map { ($0.key.rawValue, $0.value) }), forKey: .byKön)
    }
    try c.encodeIfPresent(normalization?.specification, forKey: .normalization)
  }
}
