import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension CategoricalScheme {
  /// Hot and cold spots of Getis–Ord *Gᵢ* / *Gᵢ\**: hot red `#d7191c`,
  /// cold blue `#2c7bb6`, not significant light grey `#d3d3d3` (the
  /// colours of ``lisa``'s HH, LL and ns). Labels are Swedish.
  ///
  /// ```swift
  /// CategoricalScheme.hotColdSpots.categories.map(\.key)   // ["hot", "cold", "ns"]
  /// ```
  package static let hotColdSpots = CategoricalScheme(categories: [
    Category(key: "hot", label: "Het punkt (höga värden)", colour: "#d7191c"),
    Category(key: "cold", label: "Kall punkt (låga värden)", colour: "#2c7bb6"),
    Category(key: "ns", label: "Inte signifikant", colour: "#d3d3d3"),
  ])
}

extension AreaMap {
  /// The cluster map of a hot-spot analysis: a LISA cluster map (HH, LH,
  /// LL, HL, ns with ``CategoricalScheme/lisa``) for Local Moran, or hot
  /// and cold spots (``CategoricalScheme/hotColdSpots``) for Getis–Ord.
  ///
  /// Areas that were not tested (no value) are hatched as missing and
  /// counted in the legend as *Ej testade (saknar värde)*. The subtitle
  /// states the statistic, the contiguity rule, the permutations and seed,
  /// the significance rule and global Moran's *I* with its pseudo
  /// p-value; each area's tooltip gives its label and p-value.
  ///
  /// ```swift
  /// let hot = try HotSpotAnalysis(result, contiguity: MalmöData.layer.contiguity(.rook))
  /// let map = try AreaMap.hotSpots(hot, layer: MalmöData.layer, credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
  /// map.legend.map(\.label)   // ["Högt bland höga (HH) (9)", …, "Inte signifikant (…)"]
  /// try map.svg()             // plain SVG text
  /// ```
  ///
  /// - Parameters:
  ///   - analysis: The analysis (see ``HotSpotAnalysis``).
  ///   - layer: The areas to draw (usually the layer the contiguity came from).
  ///   - title: The title (default: `LISA-kluster: <variable>` or
  ///     `Heta och kalla punkter: <variable>`).
  ///   - credits: Credit lines (see ``credits(geometry:illustrative:)``).
  /// - Returns: The map; set ``labels`` or ``outlines`` before ``svg()`` as usual.
  /// - Throws: ``GeographyError`` `invalidParameter` never in practice (every
  ///   label is in the scheme); kept for the categorical factory it uses.
  /// - Complexity: O(*n*) for *n* areas.
  public static func hotSpots(
    _ analysis: HotSpotAnalysis, layer: AreaLayer, title: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    let local = analysis.local
    let moran = local.kind == .moran
    var categories: [String: String] = [:]
    for a in local.areas { categories[a.id] = a.label.rawValue }
    let significance =
      local.falseDiscoveryRate
      ? "FDR \(comma(local.alpha))" : "p < \(comma(local.alpha))"
    let scheme: CategoricalScheme = moran ? .lisa : .hotColdSpots
    var map = try categorical(
      layer: layer, categories: categories, scheme: scheme,
      title: title ?? (moran ? "LISA-kluster: " : "Heta och kalla punkter: ") + analysis.variable,
      legendTitle: (moran ? "Local Moran's I" : local.kind == .getisOrdStar ? "Getis–Ord Gi*" : "Getis–Ord Gi")
        + " (\(significance))",
      credits: credits)
    let label = Dictionary(uniqueKeysWithValues: scheme.categories.map { ($0.key, $0.label) })
    for a in local.areas {
      var t = label[a.label.rawValue] ?? a.label.rawValue
      if let p = a.pValue { t += ", p = " + DecimalFormatting.shortest(p).replacingDot() }
      if a.neighbourCount == 0 { t += " (inga grannar med värde)" }
      map.tooltips[a.id] = t
    }
    map.missingLabel = "Ej testade (saknar värde)"
    let g = analysis.global
    let globalText =
      "globalt Moran's I = \(comma(g.statistic, places: 3))"
      + (g.pValue.map { " (p = " + DecimalFormatting.shortest($0).replacingDot() + ")" } ?? "")
    let permutations =
      local.permutations == 0
      ? "utan permutationer"
      : "\(local.permutations) permutationer" + (local.seed.map { ", slumpfrö \($0)" } ?? "")
    map.subtitle = "grannar: \(ReportLanguage.sv.contiguityName(analysis.rule)); \(permutations); \(globalText)"
    return map
  }

  /// A number with a decimal comma and a proper minus sign.
  static func comma(_ x: Double, places: Int? = nil) -> String {
    let t = places.map { DecimalFormatting.fixed(x, places: $0, separator: ",") } ?? DecimalFormatting.shortest(x).replacingDot()
    return t.hasPrefix("-") ? "−" + t.dropFirst() : t
  }
}

extension String {
  /// The text with `.` replaced by a decimal comma.
  fileprivate func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
}
