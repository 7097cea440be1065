import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension AreaMap {
  /// A choropleth: each area filled by the class of its value.
  ///
  /// ```swift
  /// let map = try AreaMap.choropleth(
  ///   layer: MalmöData.layer, values: scores, classification: .quantiles, classes: 5,
  ///   title: "Utsatthetsindex per delområde", legendTitle: "Index (kvintiler)",
  ///   credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
  /// map.legend.map(\.label)   // ["−1,23 – −0,61 (28)", …]
  /// ```
  ///
  /// Legend labels give each class's range (from the previous bound, or the
  /// minimum, to its upper bound) and the number of areas, with a decimal
  /// comma and as many decimals as the range needs (0 for ranges of 100 or
  /// more, 1 from 10, 2 from 1, 3 below). Values are also the areas'
  /// tooltips.
  ///
  /// - Parameters:
  ///   - layer: The areas.
  ///   - values: A value per area code; `NaN` and absent codes are missing.
  ///   - classification: `.quantiles` (default), `.naturalBreaks` (exact
  ///     Fisher–Jenks) or your own.
  ///   - classes: The number of classes (default 5).
  ///   - ramp: The colours (default ColorBrewer YlOrRd: dark = high).
  ///   - title: The title.
  ///   - legendTitle: The legend heading (default: none).
  ///   - credits: Credit lines (see ``credits(geometry:illustrative:)``).
  /// - Throws: ``GeographyError`` `invalidParameter` when no area has a
  ///   value or `classes` < 1.
  /// - Complexity: O(*n* log *n*) for *n* values plus the classification.
  public static func choropleth(
    layer: AreaLayer, values: [String: Double], classification: some Classification = .quantiles, classes: Int = 5,
    ramp: ColorRamp = .yellowOrangeRed, title: String, legendTitle: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    let present = layer.features.compactMap { values[$0.id] }.filter { !$0.isNaN }
    let breaks = try ClassBreaks(values: present, classification: classification, classes: classes)
    let colours = ramp.colours(breaks.count)
    var map = AreaMap(layer: layer, title: title, credits: credits)
    map.legendTitle = legendTitle
    let range = (breaks.upperBounds.last ?? 0) - breaks.minimum
    let decimals = range >= 100 ? 0 : range >= 10 ? 1 : range >= 1 ? 2 : 3
    func text(_ v: Double) -> String {
      let t = DecimalFormatting.fixed(v, places: decimals, separator: ",")
      return t.hasPrefix("-") ? "−" + t.dropFirst() : t
    }
    for f in layer.features {
      guard let v = values[f.id], let k = breaks.classIndex(of: v) else { continue }
      map.fills[f.id] = colours[k]
      map.tooltips[f.id] = text(v)
    }
    var lower = breaks.minimum
    map.legend = breaks.upperBounds.enumerated().map { k, upper in
      defer { lower = upper }
      return LegendEntry(colour: colours[k], label: "\(text(lower)) – \(text(upper)) (\(breaks.counts[k]))")
    }
    return map
  }

  /// ``choropleth(layer:values:classification:classes:ramp:title:legendTitle:credits:)``
  /// with an existential classification (e.g. from ``classification(named:)``).
  package static func choropleth(
    layer: AreaLayer, values: [String: Double], classifiedBy classification: any Classification, classes: Int = 5,
    ramp: ColorRamp = .yellowOrangeRed, title: String, legendTitle: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    try choropleth(
      layer: layer, values: values, classification: classification, classes: classes, ramp: ramp, title: title,
      legendTitle: legendTitle, credits: credits)
  }

  /// A categorical map: each area filled by the colour of its category,
  /// e.g. a LISA cluster map with ``CategoricalScheme/lisa``.
  ///
  /// ```swift
  /// let map = try AreaMap.categorical(layer: MalmöData.layer, categories: ["36109": "HH", "25611": "ns"],
  ///                                   scheme: .lisa, title: "LISA-kluster")
  /// map.legend.map(\.label)   // ["Högt bland höga (HH) (1)", …, "Inte signifikant (1)"]
  /// ```
  ///
  /// Areas without a category are drawn as missing. Every category of the
  /// scheme appears in the legend with its count, also when 0.
  ///
  /// - Throws: ``GeographyError`` `invalidParameter` for a category not in
  ///   the scheme (the message lists the known keys).
  /// - Complexity: O(*n*).
  public static func categorical(
    layer: AreaLayer, categories: [String: String], scheme: CategoricalScheme, title: String,
    legendTitle: String? = nil, credits: [String] = []
  ) throws(GeographyError) -> AreaMap {
    var colourOf: [String: String] = [:]
    for c in scheme.categories { colourOf[c.key] = c.colour }
    var counts: [String: Int] = [:]
    var map = AreaMap(layer: layer, title: title, credits: credits)
    map.legendTitle = legendTitle
    for f in layer.features {
      guard let key = categories[f.id] else { continue }
      guard let colour = colourOf[key] else {
        throw GeographyError(
          .invalidParameter,
          "area \(f.id) has category '\(key)', which the scheme does not have; use one of \(scheme.categories.map(\.key).joined(separator: ", "))",
          areas: [f.id])
      }
      map.fills[f.id] = colour
      counts[key, default: 0] += 1
      map.tooltips[f.id] = scheme.categories.first { $0.key == key }?.label ?? key
    }
    map.legend = scheme.categories.map { LegendEntry(colour: $0.colour, label: "\($0.label) (\(counts[$0.key] ?? 0))") }
    return map
  }
}
