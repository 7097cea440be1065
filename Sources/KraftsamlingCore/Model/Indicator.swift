/// Which way an indicator points.
public enum IndicatorDirection: String, Sendable, Hashable, Codable, CaseIterable {
  /// A higher value means more vulnerability (e.g. the share on
  /// ekonomiskt bistånd). The default for the utsatthetsindex.
  case higherIsWorse = "higher-is-worse"
  /// A higher value means less vulnerability (e.g. the share eligible for
  /// upper secondary school); indices flip it before aggregating.
  case higherIsBetter = "higher-is-better"
}

/// Whether an indicator measures the population (a *samhällsmått*) or
/// the municipality's own activity (a *verksamhetsmått*). The 2023
/// remissvar asked for community measures before activity measures.
public enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Samhällsmått: a condition of the residents, e.g. low income standard.
  case community
  /// Verksamhetsmått: an output of the municipality's services.
  case activity
}

/// Sex as reported in official statistics (*kön*). Children's statistics
/// call them flickor/pojkar, adults' kvinnor/män.
public enum Kön: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
  /// Flickor / kvinnor.
  case kvinna
  /// Pojkar / män.
  case man
}

/// An inclusive age band, e.g. 0–18 or 16–29.
public struct AgeBand: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The lowest age included.
  public var from: Int
  /// The highest age included, or `nil` for "and older".
  public var to: Int?
  /// Creates an age band.
  public init(from: Int, to: Int?) {
    self.from = from
    self.to = to
  }
  /// `16–29` or `65+`.
  public var description: String { to.map { "\(from)–\($0)" } ?? "\(from)+" }
}

/// A numerator and a denominator column of an area table, e.g. the girls
/// not eligible over the girls who left year 9.
public struct ColumnPair: Sendable, Hashable, Codable {
  /// The column holding the count of the condition.
  package var numerator: String
  /// The column holding the population the share is taken of.
  package var denominator: String
  /// Creates a pair.
  public init(numerator: String, denominator: String) {
    self.numerator = numerator
    self.denominator = denominator
  }
}

/// Metadata of one statistical indicator: what it measures, how it is
/// computed from an area table, where it comes from and how to read it.
///
/// The 2023 remissvar asked that every indicator carry its definition,
/// numerator and denominator, age band, source, year, direction, dimension
/// and kind, and that definitions be versioned; this type holds exactly
/// that.
///
/// An indicator is either a *rate* (``numerator`` / ``denominator``
/// columns, both counts) or a *plain value* (``valueColumn``).
///
/// ```swift
/// let bistand = Indicator(
///   id: "ekonomiskt_bistand_20_64", name: "Andel 20–64 år med ekonomiskt bistånd",
///   definition: "Personer 20–64 år i hushåll med ekonomiskt bistånd / alla 20–64 år",
///   measure: .rate(ColumnPair(numerator: "ekonomiskt_bistand_20_64", denominator: "befolkning_20_64")),
///   ageBand: AgeBand(from: 20, to: 64))
/// ```
public struct Indicator: Sendable, Hashable, Codable, Identifiable {
  /// How the indicator's value is obtained from an area table.
  ///
  /// JSON: `{"numerator": "…", "denominator": "…"}` for a rate,
  /// `{"column": "…"}` for a value.
  public enum Measure: Sendable, Hashable, Codable {
    /// A share: numerator count / denominator count.
    case rate(ColumnPair)
    /// A value read directly from one column.
    case value(column: String)

    private enum CodingKeys: String, CodingKey { case numerator, denominator, column }

    /// Encodes as `{"numerator", "denominator"}` or `{"column"}`.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .rate(let p):
        try c.encode(p.numerator, forKey: .numerator)
        try c.encode(p.denominator, forKey: .denominator)
      case .value(let column):
        try c.encode(column, forKey: .column)
      }
    }

    /// Decodes `{"numerator", "denominator"}` or `{"column"}`.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      if let column = try c.decodeIfPresent(String.self, forKey: .column) {
        guard !c.contains(.numerator), !c.contains(.denominator) else {
          throw DecodingError.dataCorruptedError(
            forKey: .column, in: c, debugDescription: "give either 'column' or 'numerator' and 'denominator', not both")
        }
        self = .value(column: column)
      } else {
        self = .rate(
          ColumnPair(
            numerator: try c.decode(String.self, forKey: .numerator),
            denominator: try c.decode(String.self, forKey: .denominator)))
      }
    }
  }

  /// A stable identifier, e.g. `ej_behoriga_yrkesprogram_ak9`.
  public var id: String
  /// The Swedish name shown in reports.
  public var name: String
  /// An English name, when one is known.
  package var englishName: String?
  /// What exactly is counted, in words.
  public var definition: String
  /// How the value is obtained from an area table.
  package var measure: Measure
  /// The age band of the population measured.
  package var ageBand: AgeBand?
  /// The producer of the statistics, e.g. `SCB` or `Malmö stad`.
  package var source: String?
  /// The reference year.
  public var year: Int?
  /// Which way is worse.
  package var direction: IndicatorDirection
  /// The dimension the indicator belongs to, e.g. `ekonomi` or `utbildning`.
  package var dimension: String?
  /// Community (samhällsmått) or activity (verksamhetsmått) measure.
  package var kind: IndicatorKind
  /// The version of the definition, e.g. `2025.1`; bump it when the
  /// definition changes so that series breaks can be flagged.
  package var version: String
  /// Optional breakdown by kön: the column pair for each sex.
  package var byKön: [Kön: ColumnPair]?

  /// Creates an indicator.
  public init(
    id: String, name: String, englishName: String? = nil, definition: String, measure: Measure,
    ageBand: AgeBand? = nil, source: String? = nil, year: Int? = nil,
    direction: IndicatorDirection = .higherIsWorse, dimension: String? = nil,
    kind: IndicatorKind = .community, version: String = "1", byKön: [Kön: ColumnPair]? = nil
  ) {
    self.id = id
    self.name = name
    self.englishName = englishName
    self.definition = definition
    self.measure = measure
    self.ageBand = ageBand
    self.source = source
    self.year = year
    self.direction = direction
    self.dimension = dimension
    self.kind = kind
    self.version = version
    self.byKön = byKön
  }

  /// The columns of an area table the indicator reads.
  package var columns: [String] {
    var cols: [String]
    switch measure {
    case .rate(let pair): cols = [pair.numerator, pair.denominator]
    case .value(let column): cols = [column]
    }
    for (_, pair) in (byKön ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      cols += [pair.numerator, pair.denominator]
    }
    return cols
  }
}
