import KraftsamlingCore

/// The outcome of running an index definition on an area table: each
/// area's score, rank, decile and class, each indicator's rate, normalised
/// value and contribution, flags, per-indicator spread, and the definition
/// used.
///
/// Storage is columnar and in the table's row order; ``ranked`` and
/// ``excluded`` give row views in rank order. Rank 1 is the **most
/// vulnerable** area (the highest score); tied scores share the lowest rank
/// of their group (standard competition ranking, 1-2-2-4). The decile is
/// ⌈10·rank/N⌉ over the N ranked areas, so decile 1 holds the most
/// vulnerable tenth.
///
/// ```swift
/// let r = try IndexDefinition.stadskontoret2025.run(on: table)
/// for row in r.ranked.prefix(3) {
///   print(row.rank!, row.name, row.score!)      // 1 Herrgården 3.66…
/// }
/// r.summaries[0].quartiles                      // (q1, median, q3) of the first indicator
/// ```
///
/// Values that do not exist are `nil`, never NaN.
public struct IndexResult: Sendable, Hashable, Codable {
  /// The definition the result was computed with (including any overrides,
  /// listed in its `modifications`).
  public package(set) var definition: IndexDefinition
  /// The area codes, in table order.
  package var codes: [String]
  /// The area names, in table order.
  package var names: [String?]
  /// The indicator ids, in definition order.
  package var indicatorIDs: [String]
  /// Each area's score (`nil` when not ranked).
  package var scores: [Double?]
  /// Each area's rank, 1 = most vulnerable (`nil` when not ranked).
  package var ranks: [Int?]
  /// Each area's decile ⌈10·rank/N⌉, 1 = the most vulnerable tenth.
  package var deciles: [Int?]
  /// Each area's class when the definition classifies (see
  /// ``IndexClassification``), else `nil` throughout.
  package var classes: [Int?]
  /// Why an area is not ranked, or `nil` when it is.
  package var exclusions: [Exclusion?]
  /// Flags of each cell, by indicator then row.
  package var cellFlags: [[CellFlags]]
  /// Spread of each indicator over the ranked areas.
  package var summaries: [IndicatorSummary]
  /// Rates by kön for indicators that have a breakdown.
  package var breakdownByKön: [KönBreakdown]
  /// Remarks that do not stop the run (a constant indicator, an imputation
  /// that fell back to all areas, an indicator log-transformed).
  package var warnings: [Diagnostic]
  /// Row indices in rank order (ties by table order), then the excluded rows
  /// in table order.
  package var order: [Int]
  /// How the weights were derived, when the definition has a `"weighting"`
  /// rule: the method with its inputs, the weights and what the method
  /// found (e.g. an AHP consistency ratio); `nil` for weights as given.
  public package(set) var weighting: WeightingRecord?

  /// The number of ranked areas, N.
  package var rankedCount: Int { scores.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

  /// The row of an area code, or `nil`.
  /// - Complexity: O(*n*).
  package func row(ofCode code: String) -> Int? { codes.firstIndex(of: code) }

  /// The index of an indicator id, or `nil`.
  package func indicatorIndex(_ id: String) -> Int? { indicatorIDs.firstIndex(of: id) }

  // Cell values by indicator then row, NaN when absent. Kept as plain
  // Doubles (shared with the prepared index, not copied) so that a result
  // over 50,000 areas costs no more than the computation; read them through
  // the accessors, which return `nil` for absent values.
  var rateData: [[Double]]
  var denominatorData: [[Double?]]
  var valueData: [[Double]]
  var normalizedData: [[Double]]
  var contributionData: [[Double]]
  var dimensionData: [[Double]]

  /// The observed rate of indicator `j` in a row (numerator/denominator, or
  /// the plain value); `nil` when there is no data or the denominator is 0.
  /// Given even when the denominator is small.
  ///
  /// ```swift
  /// result.rate(1, row: 4)   // 0.375: Eva's 3 of 8 children in the guide's worked example
  /// ```
  ///
  /// - Parameters:
  ///   - j: The indicator's position in the definition.
  ///   - row: The table row.
  /// - Complexity: O(1), as every accessor below.
  package func rate(_ j: Int, row: Int) -> Double? { Self.opt(rateData[j][row]) }
  /// The denominator of rate indicator `j` in a row.
  package func denominator(_ j: Int, row: Int) -> Double? {
    denominatorData[j].isEmpty ? nil : denominatorData[j][row]
  }
  /// The value of indicator `j` that entered normalisation (after the
  /// small-number rule, shrinkage, imputation and outlier treatment).
  package func value(_ j: Int, row: Int) -> Double? { Self.opt(valueData[j][row]) }
  /// The normalised (oriented: higher = worse) value of indicator `j`.
  package func normalizedValue(_ j: Int, row: Int) -> Double? { Self.opt(normalizedData[j][row]) }
  /// Indicator `j`'s contribution to the row's score (see each
  /// ``Aggregation`` for what a contribution means; for the arithmetic mean
  /// the contributions sum to the score).
  package func contribution(_ j: Int, row: Int) -> Double? { Self.opt(contributionData[j][row]) }
  /// The score of dimension `d` in a row (`nil` for a flat index).
  public func dimensionScore(_ d: Int, row: Int) -> Double? {
    d < dimensionData.count ? Self.opt(dimensionData[d][row]) : nil
  }
  /// All observed rates of indicator `j`, in table order.
  package func rates(_ j: Int) -> [Double?] { rateData[j].map(Self.opt) }
  /// All contributions of indicator `j`, in table order.
  package func contributions(_ j: Int) -> [Double?] { contributionData[j].map(Self.opt) }

  static func opt(_ x: Double) -> Double? { x.isNaN ? nil : x }

  /// Creates a result (used by the engine).
  init(
    definition: IndexDefinition, codes: [String], names: [String?], indicatorIDs: [String], scores: [Double?],
    ranks: [Int?], deciles: [Int?], classes: [Int?], exclusions: [Exclusion?], cellFlags: [[CellFlags]],
    summaries: [IndicatorSummary], breakdownByKön: [KönBreakdown], warnings: [Diagnostic], order: [Int],
    rateData: [[Double]], denominatorData: [[Double?]], valueData: [[Double]], normalizedData: [[Double]],
    contributionData: [[Double]], dimensionData: [[Double]]
  ) {
    self.definition = definition
    self.codes = codes
    self.names = names
    self.indicatorIDs = indicatorIDs
    self.scores = scores
    self.ranks = ranks
    self.deciles = deciles
    self.classes = classes
    self.exclusions = exclusions
    self.cellFlags = cellFlags
    self.summaries = summaries
    self.breakdownByKön = breakdownByKön
    self.warnings = warnings
    self.order = order
    self.rateData = rateData
    self.denominatorData = denominatorData
    self.valueData = valueData
    self.normalizedData = normalizedData
    self.contributionData = contributionData
    self.dimensionData = dimensionData
  }

  private enum CodingKeys: String, CodingKey {
    case definition, codes, names, indicatorIDs, scores, ranks, deciles, classes, exclusions, cellFlags, summaries,
      breakdownByKön, warnings, order, rates, denominators, values, normalized, contributions, dimensionScores, weighting
  }

  /// Decodes the form written by ``encode(to:)``.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func matrix(_ k: CodingKeys) throws -> [[Double]] {
      try c.decode([[Double?]].self, forKey: k).map { $0.map { $0 ?? .nan } }
    }
    self.init(
      definition: try c.decode(IndexDefinition.self, forKey: .definition), codes: try c.decode([String].self, forKey: .codes),
      names: try c.decode([String?].self, forKey: .names), indicatorIDs: try c.decode([String].self, forKey: .indicatorIDs),
      scores: try c.decode([Double?].self, forKey: .scores), ranks: try c.decode([Int?].self, forKey: .ranks),
      deciles: try c.decode([Int?].self, forKey: .deciles), classes: try c.decode([Int?].self, forKey: .classes),
      exclusions: try c.decode([Exclusion?].self, forKey: .exclusions),
      cellFlags: try c.decode([[CellFlags]].self, forKey: .cellFlags),
      summaries: try c.decode([IndicatorSummary].self, forKey: .summaries),
      breakdownByKön: try c.decode([KönBreakdown].self, forKey: .breakdownByKön),
      warnings: try c.decode([Diagnostic].self, forKey: .warnings), order: try c.decode([Int].self, forKey: .order),
      rateData: try matrix(.rates), denominatorData: try c.decode([[Double?]].self, forKey: .denominators), valueData: try matrix(.values),
      normalizedData: try matrix(.normalized), contributionData: try matrix(.contributions),
      dimensionData: try matrix(.dimensionScores))
    weighting = try c.decodeIfPresent(WeightingRecord.self, forKey: .weighting)
  }

  /// Encodes every column, absent values as `null`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    func matrix(_ m: [[Double]], _ k: CodingKeys) throws { try c.encode(m.map { $0.map(Self.opt) }, forKey: k) }
    try c.encode(definition, forKey: .definition)
    try c.encode(codes, forKey: .codes)
    try c.encode(names, forKey: .names)
    try c.encode(indicatorIDs, forKey: .indicatorIDs)
    try c.encode(scores, forKey: .scores)
    try c.encode(ranks, forKey: .ranks)
    try c.encode(deciles, forKey: .deciles)
    try c.encode(classes, forKey: .classes)
    try c.encode(exclusions, forKey: .exclusions)
    try c.encode(cellFlags, forKey: .cellFlags)
    try c.encode(summaries, forKey: .summaries)
    try c.encode(breakdownByKön, forKey: .breakdownByKön)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(order, forKey: .order)
    try matrix(rateData, .rates)
    try c.encode(denominatorData, forKey: .denominators)
    try matrix(valueData, .values)
    try matrix(normalizedData, .normalized)
    try matrix(contributionData, .contributions)
    try matrix(dimensionData, .dimensionScores)
    try c.encodeIfPresent(weighting, forKey: .weighting)
  }

  /// Results are equal when every part is (absent values equal each other).
  public static func == (lhs: IndexResult, rhs: IndexResult) -> Bool {
    func same(_ a: [[Double]], _ b: [[Double]]) -> Bool {
      a.count == b.count
        && zip(a, b).allSatisfy { x, y in
          x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        }
    }
    return lhs.definition == rhs.definition && lhs.codes == rhs.codes && lhs.names == rhs.names
      && lhs.indicatorIDs == rhs.indicatorIDs && lhs.scores == rhs.scores && lhs.ranks == rhs.ranks
      && lhs.deciles == rhs.deciles && lhs.classes == rhs.classes && lhs.exclusions == rhs.exclusions
      && lhs.cellFlags == rhs.cellFlags && lhs.summaries == rhs.summaries && lhs.breakdownByKön == rhs.breakdownByKön
      && lhs.warnings == rhs.warnings && lhs.order == rhs.order && same(lhs.rateData, rhs.rateData)
      && lhs.denominatorData == rhs.denominatorData && same(lhs.valueData, rhs.valueData)
      && same(lhs.normalizedData, rhs.normalizedData) && same(lhs.contributionData, rhs.contributionData)
      && same(lhs.dimensionData, rhs.dimensionData) && lhs.weighting == rhs.weighting
  }

  /// Hashes the definition, areas and scores.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(definition)
    hasher.combine(codes)
    hasher.combine(scores)
  }
}

extension IndexResult {
  /// Flags of one cell (an area × indicator).
  ///
  /// ```swift
  /// let f: IndexResult.CellFlags = [.smallDenominator, .imputed]
  /// f.tokens   // ["small-denominator", "imputed"]
  /// ```
  public struct CellFlags: OptionSet, Sendable, Hashable, Codable {
    /// The bits.
    public var rawValue: UInt8
    /// Creates flags from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// No data: an empty cell or a denominator of 0.
    public static let missing = CellFlags(rawValue: 1)
    /// The denominator is below the small-number limit.
    public static let smallDenominator = CellFlags(rawValue: 2)
    /// The value was imputed.
    public static let imputed = CellFlags(rawValue: 4)
    /// The value was winsorised (COIN outlier rule).
    public static let winsorised = CellFlags(rawValue: 8)
    /// The rate was shrunk by empirical Bayes.
    public static let shrunk = CellFlags(rawValue: 16)
    /// The rate must not be shown: its denominator is below the minimum of
    /// a ``DisclosureControl`` (set by ``IndexResult/disclosed(by:)``; the
    /// computation still used it).
    public static let suppressed = CellFlags(rawValue: 32)

    /// The flag names as used in CSV `flags` columns, in a fixed order.
    public var tokens: [String] {
      var t: [String] = []
      if contains(.missing) { t.append("missing") }
      if contains(.smallDenominator) { t.append("small-denominator") }
      if contains(.shrunk) { t.append("shrunk") }
      if contains(.imputed) { t.append("imputed") }
      if contains(.winsorised) { t.append("winsorised") }
      if contains(.suppressed) { t.append("suppressed") }
      return t
    }
  }

  /// Why an area is not ranked.
  ///
  /// ```swift
  /// let e = IndexResult.Exclusion(reason: .missingData, indicators: ["trangbodda_0_18"])
  /// e.token         // "excluded:missing-data"
  /// e.description   // "missing data for trangbodda_0_18"
  /// ```
  public struct Exclusion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of reason.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
      /// No indicator has data.
      case noData = "no-data"
      /// Some indicator is missing and the policy is `exclude`.
      case missingData = "missing-data"
      /// Fewer indicators than the minimum availability.
      case belowAvailability = "availability"
      /// The aggregation could not produce a score (e.g. a geometric mean
      /// over a non-positive value in an unchecked run).
      case undefinedScore = "undefined-score"
    }
    /// The kind of reason.
    public package(set) var reason: Reason
    /// The indicators that were missing.
    public package(set) var indicators: [String]
    /// Available and total indicator counts, when relevant.
    package var available: Int?
    /// The number of indicators.
    package var total: Int?

    /// Creates an exclusion.
    package init(reason: Reason, indicators: [String] = [], available: Int? = nil, total: Int? = nil) {
      self.reason = reason
      self.indicators = indicators
      self.available = available
      self.total = total
    }

    /// `excluded:<reason>` as in CSV `flags` columns.
    package var token: String { "excluded:\(reason.rawValue)" }

    /// A sentence for reports.
    public var description: String {
      switch reason {
      case .noData: return "no indicator has data"
      case .missingData: return "missing data for \(indicators.joined(separator: ", "))"
      case .belowAvailability:
        return "only \(available ?? 0) of \(total ?? 0) indicators available (missing \(indicators.joined(separator: ", ")))"
      case .undefinedScore: return "the aggregation gives no score"
      }
    }
  }

  /// Location and spread of one indicator over the ranked areas: the rates
  /// that had data, before imputation and outlier treatment (after the
  /// small-number rule and any shrinkage).
  ///
  /// SD is the population standard deviation (divide by *n*); quartiles use
  /// Hyndman & Fan's type 7 (the default of R's `quantile` and NumPy);
  /// skewness and kurtosis are COINr's (bias-corrected; kurtosis is excess).
  package struct IndicatorSummary: Sendable, Hashable, Codable {
    /// The indicator id.
    package var id: String
    /// The indicator's name.
    package var name: String
    /// Which way is worse.
    package var direction: IndicatorDirection
    /// The number of ranked areas with a value.
    package var count: Int
    /// The number of ranked areas without one (later imputed or reweighted).
    package var missing: Int
    /// Areas (ranked or not) whose denominator is below the small-number limit.
    package var smallDenominators: Int
    /// The number of imputed values.
    package var imputed: Int
    /// The mean (`nil` when no value).
    package var mean: Double?
    /// The population standard deviation.
    package var standardDeviation: Double?
    /// The smallest value.
    package var minimum: Double?
    /// The first quartile (type 7).
    package var q1: Double?
    /// The median (type 7).
    package var median: Double?
    /// The third quartile (type 7).
    package var q3: Double?
    /// The largest value.
    package var maximum: Double?
    /// COINr's skewness.
    package var skewness: Double?
    /// COINr's excess kurtosis.
    package var kurtosis: Double?
    /// Σ numerator / Σ denominator over all areas with data (the city's rate), or the mean of a value.
    package var pooled: Double?
    /// What the outlier treatment did.
    package var treatment: Treatment

    /// What the outlier treatment did to an indicator.
    package enum Treatment: Sendable, Hashable, Codable {
      /// Nothing (not asked for, or the indicator passed).
      case none
      /// This many points were winsorised and it passed.
      case winsorised(Int)
      /// Winsorisation did not help; the values were log-transformed.
      case logTransformed
    }

    /// The quartiles (q1, median, q3), when there are values.
    package var quartiles: (q1: Double, median: Double, q3: Double)? {
      guard let q1, let median, let q3 else { return nil }
      return (q1, median, q3)
    }
  }

  /// One indicator's rates split by kön.
  package struct KönBreakdown: Sendable, Hashable, Codable {
    /// The indicator id.
    package var indicator: String
    /// Flickor/kvinnor or pojkar/män.
    package var kön: Kön
    /// The rate of each area, in table order (`nil` when the denominator is
    /// 0 or below the small-number limit, or a cell is missing).
    package var rates: [Double?]
    /// The denominators, in table order.
    package var denominators: [Double?]
    /// Σ numerator / Σ denominator over all areas with data.
    package var pooled: Double?
    /// Mean, spread and quartiles over the ranked areas with a rate.
    package var summary: IndicatorSummary
  }
}
