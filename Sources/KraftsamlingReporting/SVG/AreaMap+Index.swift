import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension AreaMap {
  /// A choropleth of a composite index's score: each ranked area filled by
  /// its score's class, the areas the index did not rank hatched.
  ///
  /// The tooltip of an area gives its score and rank (`poäng 2,54; rang 3
  /// av 120`); the legend gives each class's score range and count. The
  /// title defaults to the definition's title, the legend heading to
  /// `Poäng (<definition>) – <classification>, k klasser`.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// var map = try AreaMap.choropleth(of: result, layer: MalmöData.layer, classification: .naturalBreaks,
  ///                                  credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
  /// map.labels = try AreaSelection.top(12, of: result).codes
  /// let svg = map.svg()
  /// ```
  ///
  /// - Parameters:
  ///   - result: An index result.
  ///   - layer: The areas to draw.
  ///   - classification: `.quantiles` (default), `.naturalBreaks` or your own.
  ///   - classes: The number of classes (default 5).
  ///   - ramp: The colours (default YlOrRd: dark = most vulnerable).
  ///   - title: The title (default: the definition's title).
  ///   - credits: Credit lines (see ``credits(geometry:illustrative:)``).
  /// - Returns: The map.
  /// - Throws: ``GeographyError`` `invalidParameter` when no area of the
  ///   layer has a score or `classes` < 1.
  /// - Complexity: O(*n* log *n*) for *n* areas plus the classification.
  public static func choropleth(
    of result: IndexResult, layer: AreaLayer, classification: some Classification = .quantiles, classes: Int = 5,
    ramp: ColorRamp = .yellowOrangeRed, title: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    let d = result.definition
    var map = try choropleth(
      layer: layer, values: result.scoresByCode, classification: classification, classes: classes, ramp: ramp,
      title: title ?? d.title, legendTitle: "Poäng (\(d.id)) – \(classification.name), \(classes) klasser",
      credits: credits)
    let ranked = result.rankedCount
    for (i, code) in result.codes.enumerated() {
      if let s = result.scores[i], let r = result.ranks[i] {
        map.tooltips[code] = "poäng \(comma(s, places: 2)); rang \(r) av \(ranked)"
      } else if map.fills[code] == nil {
        map.tooltips[code] = "inte rangordnat"
      }
    }
    map.missingLabel = "Inte rangordnade"
    return map
  }

  /// ``choropleth(of:layer:classification:classes:ramp:title:credits:)``
  /// with an existential classification (e.g. from ``classification(named:)``).
  package static func choropleth(
    of result: IndexResult, layer: AreaLayer, classifiedBy classification: any Classification, classes: Int = 5,
    ramp: ColorRamp = .yellowOrangeRed, title: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    try choropleth(
      of: result, layer: layer, classification: classification, classes: classes, ramp: ramp, title: title,
      credits: credits)
  }

  /// The LISA cluster map of a composite index's score: contiguity from
  /// the layer, Local Moran's *I* of the scores with permutation
  /// inference, and the map of ``hotSpots(_:layer:title:credits:)``.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// let map = try AreaMap.lisa(of: result, layer: MalmöData.layer,
  ///                            inference: .init(permutations: 999, seed: 12345),
  ///                            credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
  /// map.legend[0].label   // "Högt bland höga (HH) (…)"
  /// ```
  ///
  /// To keep the statistics as well as the map, compute the
  /// ``HotSpotAnalysis`` yourself and pass it to
  /// ``hotSpots(_:layer:title:credits:)``.
  ///
  /// - Parameters:
  ///   - result: An index result.
  ///   - layer: The areas; contiguity is computed from its polygons.
  ///   - rule: The contiguity rule (default rook).
  ///   - inference: The permutation options (default 999, seed 12345).
  ///   - alpha: The significance level (default 0.05).
  ///   - falseDiscoveryRate: Whether to control the false discovery rate.
  ///   - title: The title (default `LISA-kluster: <definition title>`).
  ///   - credits: Credit lines.
  /// - Returns: The map.
  /// - Throws: ``GeographyError`` from the contiguity, or
  ///   ``SpatialStatisticsError`` from the statistics (e.g. fewer than 4
  ///   areas with a score).
  /// - Complexity: Contiguity, plus O(*P* · (*n* + *m*)) for the statistics.
  public static func lisa(
    of result: IndexResult, layer: AreaLayer, rule: some ContiguityRule = .rook,
    inference: PermutationInference = PermutationInference(), alpha: Double = 0.05, falseDiscoveryRate: Bool = false,
    title: String? = nil, credits: [String] = []
  ) throws -> AreaMap {
    let analysis = try HotSpotAnalysis(
      result, contiguity: layer.contiguity(rule), inference: inference, alpha: alpha,
      falseDiscoveryRate: falseDiscoveryRate)
    return try hotSpots(
      analysis, layer: layer, title: title ?? "LISA-kluster: \(result.definition.title)", credits: credits)
  }
}
