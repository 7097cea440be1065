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
/// not by sampling. See `Documentation/WeightSensitivity.md`.
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
  public let codes: [String]
  /// Their names (`nil` where the table has none).
  public let names: [String?]
  /// The indicator ids, in definition order.
  public let indicatorIDs: [String]
  /// The indicator names, in definition order.
  public let indicatorNames: [String]
  /// The nominal weight shares (the definition's weights divided by their sum).
  public let nominalShares: [Double]

  /// Normalised values, row-major: codes.count × indicatorIDs.count, NaN when missing.
  let values: [Double]
  /// The index analysed, scored again to check results.
  let index: NormalizedIndex
  /// The index's aggregation.
  let aggregation: any Aggregation

  /// Whether scores are linear in the weights (the arithmetic mean), so
  /// that thresholds are computed exactly; otherwise by bisection.
  var isExact: Bool { aggregation is WeightedArithmeticMean }

  /// Analyses a normalised index with the weights of its definition.
  ///
  /// - Throws: ``RobustnessError`` `robustness.not-linear` unless the index
  ///   is flat (no dimensions) with at least two indicators;
  ///   `robustness.index` when the aggregation cannot take some normalised
  ///   value. Thresholds are exact for the arithmetic mean and found by
  ///   bisection for other aggregations.
  public init(_ index: NormalizedIndex) throws(RobustnessError) {
    let def = index.prepared.definition
    do throws(IndexError) { try index.checkDomain(def.aggregation) } catch { throw RobustnessError(error) }
    guard def.dimensions.isEmpty else {
      throw RobustnessError(
        .notLinear, "exact weight thresholds are implemented for indices without dimensions",
        hint: "use a flat definition (indicators without a dimension)")
    }
    guard def.indicators.count >= 2 else {
      throw RobustnessError(.notLinear, "weight thresholds need at least two indicators")
    }
    let rows = index.prepared.includedRows
    codes = rows.map { index.prepared.codes[$0] }
    names = rows.map { index.prepared.names[$0] }
    indicatorIDs = def.indicators.map(\.id)
    indicatorNames = def.indicators.map(\.indicator.name)
    let total = def.indicators.reduce(0.0) { $0 + $1.weight }
    nominalShares = def.indicators.map { $0.weight / total }
    values = index.matrix
    self.index = index
    aggregation = def.aggregation
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
  /// others in their nominal proportions.
  ///
  /// - Precondition: `k` is an indicator position, 0 ≤ s ≤ 1.
  public func weights(indicator k: Int, share s: Double) -> [Double] {
    let rest = 1 - nominalShares[k]
    return nominalShares.indices.map { j in j == k ? s : (1 - s) * nominalShares[j] / rest }
  }

  /// Every area's score as a function of indicator `k`'s share.
  func lines(indicator k: Int) -> [ShareLine] {
    let m = indicatorCount
    let rest = 1 - nominalShares[k]
    return codes.indices.map { i in
      var p = 0.0
      var c = 0.0
      var complete = true
      for j in 0..<m where j != k {
        let x = values[i * m + j]
        if x.isNaN {
          complete = false
          continue
        }
        let cj = nominalShares[j] / rest
        p += cj * x
        c += cj
      }
      let xk = values[i * m + k]
      let hasK = !xk.isNaN
      if complete { c = 1 }  // exactly: the others' shares sum to 1
      return ShareLine(n0: p, n1: (hasK ? xk : 0) - p, d0: c, d1: (hasK ? 1 : 0) - c)
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
