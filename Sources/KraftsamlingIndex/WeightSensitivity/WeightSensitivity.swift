import KraftsamlingCore

/// Exact weight thresholds for a linear index: how far a weight can move
/// before an area enters or leaves the selection, and the nearest weights
/// at which two areas tie.
///
/// For an index that averages its normalised indicators arithmetically
/// (normalisation does not depend on the weights), an area's score is
/// linear in the weights. Varying **one indicator's weight share** *s* ∈
/// [0, 1] — the other weights keeping their proportions, wₖ = s and
/// wⱼ = (1 − s)·wⱼ / Σᵢ≠ₖ wᵢ — every score is then a line a + b·s (for an
/// area scored over fewer indicators under `reweight`, a ratio of two
/// lines), so every threshold is where two of them cross: found exactly,
/// not by sampling. With dimensions (arithmetic inside and across them) the
/// scores are linear in the effective shares (dimension share × share
/// within it): an indicator's share is then its share of its dimension,
/// and the dimensions keep their weights — what `kraftctl index --weights`
/// changes. See `Documentation/WeightSensitivity.md`.
///
/// ```swift
/// let analysis = try WeightSensitivity(IndexDefinition.stadskontoret2025, on: table)
/// let m = try analysis.membership(area: "1230", top: 12, indicator: 2)
/// m.intervals          // the shares of indicator 2 at which area 1230 is among the top 12
/// m.breakpoints        // where its rank changes at the cut, and whom it passes
/// let s = analysis.stability(top: 12)      // per indicator: how far its share can move
/// let t = try analysis.tie("1230", "1110") // the nearest weights at which the two tie
/// ```
///
/// - Complexity: building is O(*n*·*m*); ``membership(area:top:indicator:)``
///   is O(*n*·*m* + *n* log *n*); ``stability(top:)`` is
///   O(*m*·(*n*·*m* + *K*·(*n* − *K*))); ``tie(_:_:)`` is O(*m*² log *m*).
public struct WeightSensitivity: Sendable {
  /// The codes of the ranked areas, in table order.
  package let codes: [String]
  /// Their names (`nil` where the table has none).
  package let names: [String?]
  /// The indicator ids, in definition order.
  package let indicatorIDs: [String]
  /// The indicator names, in definition order.
  package let indicatorNames: [String]
  /// The dimension id of each indicator, in definition order (all `nil`
  /// for an index without dimensions).
  package let indicatorDimensions: [String?]
  /// The nominal weight shares of the whole index, in definition order
  /// (summing to 1): the definition's weights divided by their sum, or with
  /// dimensions each indicator's share of its dimension times the
  /// dimension's share of the index. Any such vector, passed to
  /// `kraftctl index --weights` as it is, reproduces the weights.
  public let nominalShares: [Double]

  /// Normalised values, row-major: codes.count × indicatorIDs.count, NaN when missing.
  let values: [Double]
  /// The index analysed, scored again to check results.
  let index: NormalizedIndex
  /// The index's aggregation.
  let aggregation: any Aggregation
  /// The aggregation of the dimensions, `nil` for a flat index.
  let dimensionAggregation: (any Aggregation)?
  /// The dimensions (groups of indicators) and the shares within them.
  let layout: WeightLayout

  /// Whether scores are linear in the weights (the arithmetic mean of the
  /// indicators, and of the untransformed dimensions), so that thresholds
  /// are computed exactly; otherwise by bisection. A dimension transform
  /// (IMD's rank → exponential) ranks the dimension scores, which is not
  /// linear in the weights.
  var isExact: Bool {
    aggregation is WeightedArithmeticMean && (dimensionAggregation.map { $0 is WeightedArithmeticMean } ?? true)
      && !transformsDimensions
  }

  /// Whether some dimension is transformed before aggregation to the index.
  var transformsDimensions: Bool {
    index.prepared.definition.dimensions.contains { $0.transform != .none }
  }

  /// Analyses a normalised index with the weights of its definition.
  ///
  /// With dimensions, an indicator's share is its weight divided by the sum
  /// of the weights of its dimension's indicators, and the dimensions keep
  /// their weights: exactly what `kraftctl index --weights` changes.
  ///
  /// - Throws: ``RobustnessError`` `robustness.not-linear` unless some
  ///   share can move (at least two indicators, in one dimension for an
  ///   index with dimensions); `robustness.index` when the aggregation
  ///   cannot take some normalised value. Thresholds are exact when both
  ///   aggregations are the arithmetic mean and found by bisection otherwise.
  package init(_ index: NormalizedIndex) throws(RobustnessError) {
    let def = index.prepared.definition
    do throws(IndexError) { try index.checkDomain(def.aggregation) } catch { throw RobustnessError(error) }
    let groups = Self.groups(index.prepared)
    guard groups.contains(where: { $0.count >= 2 }) else {
      throw RobustnessError(
        .notLinear,
        def.dimensions.isEmpty
          ? "weight thresholds need at least two indicators"
          : "weight thresholds need a dimension with at least two indicators (the dimensions keep their weights)")
    }
    let rows = index.prepared.includedRows
    codes = rows.map { index.prepared.codes[$0] }
    names = rows.map { index.prepared.names[$0] }
    indicatorIDs = def.indicators.map(\.id)
    indicatorNames = def.indicators.map(\.indicator.name)
    indicatorDimensions = def.indicators.indices.map { k in
      def.dimensions.isEmpty ? nil : def.dimensions[index.prepared.dimensionOf[k]].id
    }
    let layout = WeightLayout(def, groups: groups)
    nominalShares = layout.effective
    self.layout = layout
    values = index.matrix
    self.index = index
    aggregation = def.aggregation
    dimensionAggregation = def.dimensions.isEmpty ? nil : def.dimensionAggregation
  }

  /// The indicators of each dimension (positions), or one group of all
  /// indicators for a flat index.
  static func groups(_ prepared: PreparedIndex) -> [[Int]] {
    let def = prepared.definition
    guard !def.dimensions.isEmpty else { return [Array(def.indicators.indices)] }
    return def.dimensions.indices.map { d in def.indicators.indices.filter { prepared.dimensionOf[$0] == d } }
  }

  /// Prepares and normalises `definition` over `table`, then analyses it.
  ///
  /// - Throws: ``RobustnessError`` `robustness.index` when the index cannot
  ///   be prepared, `robustness.not-linear` as ``init(_:)``.
  public init(_ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy? = nil) throws(RobustnessError)
  {
    let prepared: PreparedIndex
    do throws(IndexError) {
      prepared = try definition.prepare(table, hierarchy: hierarchy)
    } catch {
      throw RobustnessError(error)
    }
    try self.init(prepared.normalized())
  }

  /// The number of indicators.
  var indicatorCount: Int { indicatorIDs.count }

  /// The weights (summing to 1) with indicator `k` at share `s` and the
  /// others in their nominal proportions — with dimensions, `s` is `k`'s
  /// share of its dimension, the other indicators of the dimension keep
  /// their proportions and the other dimensions their weights. The result
  /// can be passed to `kraftctl index --weights` as it is.
  ///
  /// - Precondition: `k` is an indicator position, 0 ≤ s ≤ 1.
  public func weights(indicator k: Int, share s: Double) -> [Double] {
    layout.weights(indicator: k, share: s)
  }

  /// Every area's score as a function of indicator `k`'s share (of its
  /// dimension, with dimensions).
  func lines(indicator k: Int) -> [ShareLine] {
    let g = layout.groupOf[k]
    return codes.indices.map { i in
      let within = layout.withinLine(values, row: i, indicator: k)
      return layout.groups.count == 1 ? within : layout.combined(within, values, row: i, group: g)
    }
  }

  /// The tie tolerance τ of the index for these lines: 2⁻⁴⁴ of the largest
  /// score over the shares (at 0, the nominal share and 1).
  func tolerance(_ lines: [ShareLine], nominal: Double) -> Double {
    var largest = 0.0
    for line in lines {
      for s in [0, nominal, 1] {
        let v = line.score(at: s)
        if v.isFinite { largest = max(largest, abs(v)) }
      }
    }
    return ScoreTies.tolerance(magnitude: largest)
  }

  /// The position of an area code among ``codes``.
  ///
  /// - Throws: `robustness.unknown-area` when the area is not ranked.
  func position(of code: String) throws(RobustnessError) -> Int {
    guard let i = codes.firstIndex(of: code) else {
      throw RobustnessError(
        .unknownArea, "area '\(code)' is not ranked by the index", hint: "name an area the index ranks")
    }
    return i
  }

  /// The selection — positions with rank ≤ `top` under the index's tie
  /// rule — when every area scores `lines` at share `s`.
  func selection(_ lines: [ShareLine], at s: Double, top: Int) -> Set<Int> {
    var ranks: [Int] = []
    ScoreTies.descendingRanks(lines.map { $0.score(at: s) }, into: &ranks)
    return Set(ranks.indices.filter { ranks[$0] > 0 && ranks[$0] <= top })
  }
}
