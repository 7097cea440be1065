import KraftsamlingCore
import KraftsamlingIndex

/// A hot-spot analysis of one variable over a map: the local statistic of
/// every area (Local Moran's *Iᵢ* by default, or Getis–Ord), global
/// Moran's *I*, and the areas that could not be tested — in one value, from
/// values keyed by area code and a neighbour graph.
///
/// This is what `kraftctl hotspots` and the LISA map compute, packaged for
/// reports and programs: areas without a value (missing or not finite) are
/// left out of the weights (``untested``); areas whose neighbours all lack
/// a value become islands (``islands``), which are tested with no
/// neighbours and so are never significant. The weights are binary
/// contiguity, row-standardised by the statistics, as esda.
///
/// ```swift
/// let layer = MalmöData.layer
/// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
/// let hot = try HotSpotAnalysis(result, contiguity: layer.contiguity(.rook),
///                               inference: .init(permutations: 999, seed: 12345))
/// hot.areas(labelled: .highHigh).map(\.id)   // the HH areas: high scores among high scores
/// hot.global.statistic                       // global Moran's I of the index
/// hot.untested.count                         // 16: the areas the index did not rank
/// ```
///
/// The permutations follow ``PermutationInference``: a seeded analysis is
/// identical for any number of threads. An injected matrix is used for the
/// local statistic (it must be conditional, see ``PermutationMatrix``);
/// global Moran's *I* then uses seeded permutations with the same count
/// and seed, since it needs full permutations.
///
/// - Complexity: O(*n* + *m*) to align and restrict the weights, plus the
///   statistics: O(*P* · (*n* + *m*)) for *n* areas, *m* links and *P*
///   permutations, divided over the threads.
/// - SeeAlso: `Documentation/SpatialStatistics.md`; esda `Moran_Local`,
///   `G_Local`, `Moran` (PySAL).
public struct HotSpotAnalysis: Sendable, Hashable, Codable {
  /// What was tested, e.g. `stadskontoret-2025 score` or a column name.
  public package(set) var variable: String
  /// The contiguity rule of the neighbour graph (`rook`, `queen`, …).
  package var rule: String
  /// The local statistic of every tested area, in the graph's order.
  public package(set) var local: LocalSpatialStatistics
  /// Global Moran's *I* over the tested areas.
  public package(set) var global: GlobalMoran
  /// Codes of the graph's areas without a value, left out (graph order).
  public package(set) var untested: [String]
  /// Codes of tested areas without a tested neighbour (graph order).
  public package(set) var islands: [String]

  /// Tests values keyed by area code over a neighbour graph.
  ///
  /// - Parameters:
  ///   - values: A value per area code; codes not in the graph are
  ///     ignored, `NaN` and infinite values count as missing.
  ///   - graph: The neighbours (e.g. ``Contiguity/graph``, or one read
  ///     from a neighbour CSV).
  ///   - rule: The graph's rule, for reports (default `neighbour list`).
  ///   - variable: What the values are, for reports (default `value`).
  ///   - statistic: `.moran` (LISA, default), `.getisOrd` or `.getisOrdStar`.
  ///   - inference: The permutation options (default 999 permutations,
  ///     seed ``PermutationInference/defaultSeed``).
  ///   - alpha: The significance level (default 0.05).
  ///   - falseDiscoveryRate: Whether to control the false discovery rate
  ///     (Benjamini–Hochberg, esda's `fdr`) instead of using α per area.
  /// - Throws: ``SpatialStatisticsError`` as
  ///   ``LocalSpatialStatistics/compute(_:values:weights:transformation:inference:alpha:falseDiscoveryRate:)``
  ///   and ``GlobalMoran/init(values:weights:transformation:inference:twoTailed:)``:
  ///   too few areas with a value, all values equal, no links, a bad option.
  public init(
    values: [String: Double], graph: NeighbourGraph, rule: String = "neighbour list", variable: String = "value",
    statistic: LocalSpatialStatistics.Kind = .moran, inference: PermutationInference = PermutationInference(),
    alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) {
    try self.init(
      values: values, weights: graph.weights(.binary), rule: rule, variable: variable, statistic: statistic,
      inference: inference, alpha: alpha, falseDiscoveryRate: falseDiscoveryRate)
  }

  /// Tests values keyed by area code over spatial weights: k nearest,
  /// distance band, kernel (see ``SpatialWeights/kernel(_:bandwidth:unitDiagonal:ids:points:distance:)``)
  /// or any other. The statistics transform the weights as esda does
  /// (row-standardised by default; a kernel's diagonal is a self-weight).
  ///
  /// - Parameters:
  ///   - values: A value per area code; codes not in the weights are
  ///     ignored, `NaN` and infinite values count as missing.
  ///   - weights: The weights over all areas.
  ///   - rule: What the weights are, for reports.
  ///   - variable: What the values are, for reports (default `value`).
  ///   - statistic: `.moran` (LISA, default), `.getisOrd` or `.getisOrdStar`.
  ///   - inference: The permutation options.
  ///   - alpha: The significance level (default 0.05).
  ///   - falseDiscoveryRate: Whether to control the false discovery rate.
  /// - Throws: ``SpatialStatisticsError`` as ``init(values:graph:rule:variable:statistic:inference:alpha:falseDiscoveryRate:)``.
  public init(
    values: [String: Double], weights all: SpatialWeights, rule: String, variable: String = "value",
    statistic: LocalSpatialStatistics.Kind = .moran, inference: PermutationInference = PermutationInference(),
    alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) {
    let (rows, y) = all.aligned(values.filter { $0.value.isFinite })
    let weights = all.restricted(to: rows)
    self.variable = variable
    self.rule = rule
    var tested = [Bool](repeating: false, count: all.count)
    for r in rows { tested[r] = true }
    self.untested = all.ids.indices.filter { !tested[$0] }.map { all.ids[$0] }
    self.islands = weights.islands.map { weights.ids[$0] }
    self.local = try LocalSpatialStatistics.compute(
      statistic, values: y, weights: weights, inference: inference, alpha: alpha, falseDiscoveryRate: falseDiscoveryRate)
    var globalInference = inference
    if inference.matrix != nil {
      globalInference = PermutationInference(
        permutations: inference.permutations, seed: inference.seed, alternative: inference.alternative,
        threads: inference.threads)
    }
    self.global = try GlobalMoran(values: y, weights: weights, inference: globalInference)
  }

  /// Tests values keyed by area code under a contiguity result.
  ///
  /// ```swift
  /// let hot = try HotSpotAnalysis(values: bistånd, contiguity: MalmöData.layer.contiguity(.rook),
  ///                               variable: "ekonomiskt_bistand_20_64")
  /// ```
  ///
  /// - Parameters:
  ///   - values: A value per area code (missing and non-finite values are left out).
  ///   - contiguity: From ``AreaLayer/contiguity(_:matching:)``; its rule is recorded.
  ///   - variable: What the values are.
  ///   - statistic: `.moran` (default), `.getisOrd` or `.getisOrdStar`.
  ///   - inference: The permutation options.
  ///   - alpha: The significance level.
  ///   - falseDiscoveryRate: Whether to control the false discovery rate.
  /// - Throws: ``SpatialStatisticsError`` as ``init(values:graph:rule:variable:statistic:inference:alpha:falseDiscoveryRate:)``.
  public init(
    values: [String: Double], contiguity: Contiguity, variable: String = "value",
    statistic: LocalSpatialStatistics.Kind = .moran, inference: PermutationInference = PermutationInference(),
    alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) {
    try self.init(
      values: values, graph: contiguity.graph, rule: contiguity.rule, variable: variable, statistic: statistic,
      inference: inference, alpha: alpha, falseDiscoveryRate: falseDiscoveryRate)
  }

  /// The label of every tested area by code (`HH`, …, `ns`).
  ///
  /// ```swift
  /// hot.labelsByCode["48208"]   // .highHigh
  /// ```
  /// - Complexity: O(*n*).
  public var labelsByCode: [String: SpatialClusterLabel] {
    var out: [String: SpatialClusterLabel] = [:]
    for a in local.areas { out[a.id] = a.label }
    return out
  }

  /// The tested areas with a given label, in the graph's order.
  ///
  /// - Parameter label: E.g. `.highHigh` for the hot spots of a LISA.
  /// - Returns: The areas' results.
  /// - Complexity: O(*n*).
  public func areas(labelled label: SpatialClusterLabel) -> [LocalSpatialStatistics.Area] {
    local.areas.filter { $0.label == label }
  }

  /// The result of one area, or `nil` when it was not tested.
  /// - Complexity: O(*n*).
  package func area(code: String) -> LocalSpatialStatistics.Area? { local.areas.first { $0.id == code } }

  /// The number of tested areas with each label, in the order of
  /// ``SpatialClusterLabel/allCases``, labels that occur only.
  ///
  /// ```swift
  /// hot.labelCounts   // [(.highHigh, 9), (.lowLow, 4), (.notSignificant, 107)]
  /// ```
  public var labelCounts: [(label: SpatialClusterLabel, count: Int)] {
    var counts: [SpatialClusterLabel: Int] = [:]
    for a in local.areas { counts[a.label, default: 0] += 1 }
    return SpatialClusterLabel.allCases.compactMap { l in counts[l].map { (l, $0) } }
  }
}
