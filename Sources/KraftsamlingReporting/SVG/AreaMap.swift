import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A map of areas drawn as plain SVG: filled polygons, a title, a legend,
/// credit lines, labels for chosen areas and outlines around groups of
/// areas (clusters).
///
/// Build one with ``choropleth(layer:values:classification:classes:ramp:title:legendTitle:credits:)``
/// (a value per area cut into classes) or
/// ``categorical(layer:categories:scheme:title:legendTitle:credits:)`` (a
/// category per area, e.g. a LISA cluster map) — or straight from an
/// index or a hot-spot analysis with
/// ``choropleth(of:layer:classification:classes:ramp:title:credits:)``,
/// ``hotSpots(_:layer:title:credits:)`` and
/// ``lisa(of:layer:rule:inference:alpha:falseDiscoveryRate:title:credits:)``
/// — adjust the public properties, and call ``svg()``.
///
/// ```swift
/// var map = try AreaMap.choropleth(layer: MalmöData.layer, values: index, classification: .naturalBreaks,
///                                  title: "Utsatthetsindex", credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
/// map.labels = clusters.selection.codes
/// map.outlines = clusters.clusters.map(\.codes)
/// try map.svg().write(to: "karta.svg")
/// ```
///
/// **Drawing.** Longitude/latitude layers are projected with the layer's
/// ``AreaLayer/defaultProjection`` (a local equirectangular projection;
/// set ``projection`` for SWEREF 99 TM) and fitted into the drawing, north
/// up. Every area is one `<path>` (holes by the even–odd rule) with a
/// `<title>` tooltip; coordinates are written with one decimal of a pixel
/// and points that round to the previous position are dropped, which keeps
/// a 6 160-area map to a few megabytes. Areas without a value are hatched
/// grey and counted in the legend. A group in ``outlines`` is drawn as a
/// dark halo around its outer boundary: its members are stroked thickly
/// and then filled again, so that only the outer half of the stroke stays
/// visible and the borders between members stay thin, whatever the
/// topology of the layer. Labels are placed by ``labelPlacement``: by
/// default without overlaps, with leader lines, and as numbers listed in
/// the legend where a dense centre leaves no room (see ``MapLabelPlacement``).
///
/// - Complexity: O(*v*) in the number of vertices, plus O(*s* · *v*ₛ · *c*)
///   for label points of *s* labelled areas (see ``Polygon/labelPoint(precision:)``).
public struct AreaMap: Sendable {
  /// One line of the legend.
  package struct LegendEntry: Sendable, Hashable, Codable {
    /// The swatch colour (`#rrggbb`, or an SVG paint such as `url(#kk-suppressed)`); `nil` draws the hatch of missing values.
    package var colour: String?
    /// The text.
    package var label: String
    /// Creates an entry.
    package init(colour: String?, label: String) {
      self.colour = colour
      self.label = label
    }
  }

  /// The areas to draw.
  package var layer: AreaLayer
  /// The projection for a longitude/latitude layer; `nil` uses the layer's
  /// default (ignored for projected layers).
  package var projection: (any MapProjection)?
  /// The title at the top.
  package var title: String
  /// A line under the title; ` · ` starts a new line (so facets of a map
  /// can each add a line).
  package var subtitle: String?
  /// Credit lines at the bottom, e.g. `Geometri: Malmö stad`.
  package var credits: [String]
  /// The fill colour of each area by code; areas without one are drawn as
  /// missing (hatched).
  package var fills: [String: String]
  /// Tooltip text per area (shown by browsers on hover), after the name.
  package var tooltips: [String: String]
  /// The legend's heading.
  package var legendTitle: String?
  /// The legend's entries (the missing-value entry is added automatically
  /// when some area has no fill).
  package var legend: [LegendEntry]
  /// The legend text for areas without a value.
  package var missingLabel: String
  /// Areas whose value must not be shown (disclosure control, e.g. a rate
  /// over fewer people than ``DisclosureControl/minimumDenominator``):
  /// drawn cross-hatched with their own legend entry and a tooltip that
  /// gives no value, whatever ``fills`` and ``tooltips`` say. Leave them
  /// out of the values a classification is computed from.
  public var suppressed: Set<String>
  /// The legend text for ``suppressed`` areas (their tooltips add
  /// "(röjandekontroll)").
  package var suppressedLabel: String
  /// Codes of areas to label with their names, most important first (the
  /// first label wins a contested spot; see ``labelPlacement``).
  public var labels: [String]
  /// How labels are placed (default ``MapLabelPlacement/avoidCollisions``).
  public var labelPlacement: MapLabelPlacement
  /// The legend heading over labels drawn as numbers.
  package var numberedLabelsTitle: String
  /// Groups of area codes to outline together, numbered 1, 2, … in order.
  public var outlines: [[String]]
  /// Whether to number the outlined groups on the map.
  package var numberOutlines: Bool
  /// The legend text for outlined groups.
  package var outlineLabel: String
  /// The drawing's width in pixels (the height follows from the layer's shape).
  package var width: Double

  /// Creates a map with every area drawn as missing; set ``fills`` and
  /// ``legend`` (or use the factory functions).
  package init(layer: AreaLayer, title: String, credits: [String] = []) {
    self.layer = layer
    self.projection = nil
    self.title = title
    self.subtitle = nil
    self.credits = credits
    self.fills = [:]
    self.tooltips = [:]
    self.legendTitle = nil
    self.legend = []
    self.missingLabel = "Uppgift saknas"
    self.suppressed = []
    self.suppressedLabel = "För få personer, visas ej"
    self.labels = []
    self.labelPlacement = .avoidCollisions
    self.numberedLabelsTitle = "Numrerade områden"
    self.outlines = []
    self.numberOutlines = true
    self.outlineLabel = "Kluster (numrerade)"
    self.width = 900
  }

  /// The fill of ``suppressed`` areas: a cross-hatch, distinct from the
  /// single hatch of missing values.
  static let suppressedFill = "url(#kk-suppressed)"

  /// Credit lines in Swedish: `Geometri: <source>` and, for maps of the
  /// bundled statistics, `Illustrativa data – inte officiell statistik`.
  ///
  /// ```swift
  /// AreaMap.credits(geometry: "Malmö stad", illustrative: true)
  /// // ["Geometri: Malmö stad", "Illustrativa data – inte officiell statistik"]
  /// ```
  ///
  /// - Parameters:
  ///   - geometry: Who publishes the geometry, e.g. `Malmö stad`.
  ///   - illustrative: Whether the mapped values are illustrative.
  public static func credits(geometry: String, illustrative: Bool) -> [String] {
    ["Geometri: " + geometry] + (illustrative ? ["Illustrativa data – inte officiell statistik"] : [])
  }

  /// The map as an SVG document.
  ///
  /// - Complexity: O(*v*) in the number of vertices (see the type's discussion).
  public func svg() -> String {
    let frame = MapFrame(self)
    let indexOf = Dictionary(layer.features.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { _, last in last })
    let names = layer.displayNames
    // Cluster numbers and labels: positions decided before the legend's size.
    let labels = labelPlan(frame, indexOf: indexOf, names: names)
    let suppressedCount = layer.features.filter { suppressed.contains($0.id) }.count
    let entries = legendEntries(suppressedCount: suppressedCount)
    let numberedHeight = labels.numbered.isEmpty ? 0 : 24 + 16 * Double(labels.numbered.count)
    let legendHeight =
      30 + 17 * Double(legendTitleLines.count) + 22 * Double(entries.count + (outlines.isEmpty ? 0 : 1)) + numberedHeight
    let height = (frame.titleHeight + Swift.max(frame.mapHeight, legendHeight) + frame.footHeight + frame.margin).rounded(.up)

    var svg = SVGWriter(width: width, height: height)
    writeHead(&svg, frame, withSuppressedPattern: suppressedCount > 0)
    let pathData = frame.parts.map { mp in
      var d = SVGPathData()
      for p in mp.polygons {
        for ring in p.rings { d.ring(ring.lazy.map(frame.px)) }
      }
      return d
    }
    writeAreas(&svg, pathData, indexOf: indexOf, names: names)
    writeLabels(&svg, labels)
    writeLegend(&svg, frame, entries: entries, numbered: labels.numbered)
    writeCredits(&svg, height: height, margin: frame.margin)
    return svg.finish()
  }

  /// The legend title broken into lines of at most 30 characters (the
  /// legend panel is 250 px wide), at spaces.
  var legendTitleLines: [String] {
    guard let legendTitle, !legendTitle.isEmpty else { return [] }
    var lines: [String] = []
    var current = ""
    for word in legendTitle.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > 30 {
        lines.append(current)
        current = String(word)
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  private func fmt(_ v: Double) -> String {
    var b: [UInt8] = []
    SVGPathData.write(v, decimals: 1, into: &b)
    return String(decoding: b, as: UTF8.self)
  }
}

// MARK: - Drawing

extension AreaMap {
  /// The font of every text.
  private static let font = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

  /// Where the map goes: the areas projected, their bounding box, and the
  /// layout of the title, the map and the foot.
  struct MapFrame {
    /// The projected geometry of each feature.
    var parts: [MultiPolygon] = []
    /// The bounding box of the exteriors.
    var box = BoundingBox.empty
    let margin = 16.0
    let subtitleLines: [String]
    let titleHeight: Double
    let footHeight: Double
    var mapWidth: Double
    var mapHeight: Double
    var scale: Double
    /// The map's top-left corner.
    let ox: Double
    let oy: Double

    init(_ map: AreaMap) {
      let layer = map.layer
      let proj: (any MapProjection)? = layer.coordinateSystem == .projected ? nil : (map.projection ?? layer.defaultProjection)
      parts.reserveCapacity(layer.features.count)
      for f in layer.features {
        var mp = f.geometry
        if let proj {
          for k in mp.polygons.indices {
            mp.polygons[k].exterior = mp.polygons[k].exterior.map(proj.project)
            mp.polygons[k].holes = mp.polygons[k].holes.map { $0.map(proj.project) }
          }
        }
        for p in mp.polygons { for c in p.exterior { box.add(c) } }
        parts.append(mp)
      }
      if box.isEmpty { box = BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1) }

      let legendWidth = 250.0
      subtitleLines = map.subtitle.map { $0.components(separatedBy: " · ") } ?? []
      titleHeight = 48.0 + 18 * Double(subtitleLines.count) + (subtitleLines.isEmpty ? 0 : 2)
      footHeight = 12.0 + 15.0 * Double(map.credits.count)
      mapWidth = Swift.max(100, map.width - legendWidth - 2 * margin)
      let bw = Swift.max(box.width, 1e-9), bh = Swift.max(box.height, 1e-9)
      scale = mapWidth / bw
      mapHeight = bh * scale
      if mapHeight > 1.5 * mapWidth {
        mapHeight = 1.5 * mapWidth
        scale = mapHeight / bh
        mapWidth = bw * scale
      }
      ox = margin
      oy = titleHeight
    }

    /// A point of the (projected) layer in the drawing, north up.
    func px(_ c: Coordinate) -> (Double, Double) { (ox + (c.x - box.minX) * scale, oy + (box.maxY - c.y) * scale) }
  }

  /// The cluster numbers and the labels: where each goes, and the labels
  /// that became numbers.
  struct LabelPlan {
    var clusterMarks: [(number: Int, x: Double, y: Double)] = []
    var requests: [MapLabelLayout.Request] = []
    var placements: [MapLabelLayout.Placement] = []
    var numbered: [(number: Int, name: String)] = []
    let layout = MapLabelLayout()
  }

  /// Places the cluster numbers at the first member of each outlined group
  /// and the labels by ``labelPlacement``, around the numbers.
  private func labelPlan(_ frame: MapFrame, indexOf: [String: Int], names: [String: String]) -> LabelPlan {
    var plan = LabelPlan()
    func labelPosition(_ i: Int) -> (Double, Double)? { frame.parts[i].labelPoint().map(frame.px) }
    if numberOutlines {
      for (n, group) in outlines.enumerated() {
        guard let first = group.first, let i = indexOf[first], let (x, y) = labelPosition(i) else { continue }
        plan.clusterMarks.append((n + 1, x, labels.contains(first) ? y - 14 : y))
      }
    }
    for id in labels {
      guard let i = indexOf[id], let (x, y) = labelPosition(i) else { continue }
      plan.requests.append(MapLabelLayout.Request(x: x, y: y, text: names[id] ?? id))
    }
    let (ox, oy) = (frame.ox, frame.oy)
    plan.placements = plan.layout.place(
      plan.requests, obstacles: plan.clusterMarks.map { LabelBox(centreX: $0.x, y: $0.y, width: 18, height: 18) },
      bounds: LabelBox(minX: ox - 4, minY: oy - 4, maxX: ox + frame.mapWidth + 4, maxY: oy + frame.mapHeight + 4),
      mode: labelPlacement)
    for (r, p) in zip(plan.requests, plan.placements) { if case .number(let n) = p { plan.numbered.append((n, r.text)) } }
    return plan
  }

  /// The legend's entries, with the missing and the suppressed areas
  /// counted when there are any.
  private func legendEntries(suppressedCount: Int) -> [LegendEntry] {
    let missingCount = layer.features.filter { fills[$0.id] == nil && !suppressed.contains($0.id) }.count
    var entries = legend
    if missingCount > 0 { entries.append(LegendEntry(colour: nil, label: "\(missingLabel) (\(missingCount))")) }
    if suppressedCount > 0 {
      entries.append(LegendEntry(colour: Self.suppressedFill, label: "\(suppressedLabel) (\(suppressedCount))"))
    }
    return entries
  }

  /// The title and description, the hatch patterns, the background and
  /// the heading.
  private func writeHead(_ svg: inout SVGWriter, _ frame: MapFrame, withSuppressedPattern: Bool) {
    svg.element("title", [:], text: title)
    svg.element("desc", [:], text: "Karta ritad med KraftsamlingKit. " + credits.joined(separator: ". "))
    svg.open("defs")
    svg.open("pattern", ["id": "kk-missing", "patternUnits": "userSpaceOnUse", "width": "6", "height": "6", "patternTransform": "rotate(45)"])
    svg.element("rect", ["width": "6", "height": "6", "fill": "#eeeeee"])
    svg.element("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#9a9a9a", "stroke-width": "2"])
    svg.close()
    if withSuppressedPattern {
      svg.open("pattern", ["id": "kk-suppressed", "patternUnits": "userSpaceOnUse", "width": "6", "height": "6", "patternTransform": "rotate(45)"])
      svg.element("rect", ["width": "6", "height": "6", "fill": "#f4f4f4"])
      svg.element("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#7a7a7a", "stroke-width": "1"])
      svg.element("line", ["x1": "0", "y1": "3", "x2": "6", "y2": "3", "stroke": "#7a7a7a", "stroke-width": "1"])
      svg.close()
    }
    svg.close()
    svg.element("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"])
    svg.open("g", ["font-family": Self.font, "fill": "#1a1a1a"])
    svg.text(title, x: frame.margin, y: 30, attributes: ["font-size": "20", "font-weight": "bold"])
    for (i, line) in frame.subtitleLines.enumerated() {
      svg.text(line, x: frame.margin, y: 52 + 18 * Double(i), attributes: ["font-size": "13", "fill": "#444444"])
    }
    svg.close()
  }

  /// Every area with its fill and tooltip; then the outlined groups: a
  /// thick dark stroke, then the members' fills again on top.
  private func writeAreas(_ svg: inout SVGWriter, _ pathData: [SVGPathData], indexOf: [String: Int], names: [String: String]) {
    func fillAttributes(_ id: String) -> [(String, String)] {
      if suppressed.contains(id) { return [("fill", Self.suppressedFill)] }
      if let c = fills[id] { return [("fill", c)] }
      return [("fill", "url(#kk-missing)")]
    }
    func tooltip(_ f: AreaFeature) -> String {
      let name = names[f.id] ?? f.id
      let head = name == f.id ? f.id : "\(name) (\(f.id))"
      if suppressed.contains(f.id) { return head + ": " + suppressedLabel.lowercased() + " (röjandekontroll)" }
      if let t = tooltips[f.id] { return head + ": " + t }
      return fills[f.id] == nil ? head + ": " + missingLabel.lowercased() : head
    }
    svg.open("g", ["stroke": "#ffffff", "stroke-width": "0.6", "stroke-linejoin": "round", "fill-rule": "evenodd"])
    for (i, f) in layer.features.enumerated() where !pathData[i].isEmpty {
      svg.path(pathData[i], attributes: fillAttributes(f.id), title: tooltip(f))
    }
    svg.close()
    guard !outlines.isEmpty else { return }
    svg.open("g", ["fill": "none", "stroke": "#111111", "stroke-width": "3.5", "stroke-linejoin": "round"])
    for group in outlines {
      for id in group { if let i = indexOf[id], !pathData[i].isEmpty { svg.path(pathData[i], attributes: []) } }
    }
    svg.close()
    svg.open("g", ["stroke": "#ffffff", "stroke-width": "0.6", "stroke-linejoin": "round", "fill-rule": "evenodd"])
    for group in outlines {
      for id in group {
        if let i = indexOf[id], !pathData[i].isEmpty {
          svg.path(pathData[i], attributes: fillAttributes(id), title: tooltip(layer.features[i]))
        }
      }
    }
    svg.close()
  }

  /// The labels (leader lines first, then the names and numbers) and the
  /// cluster numbers.
  private func writeLabels(_ svg: inout SVGWriter, _ plan: LabelPlan) {
    let layout = plan.layout
    let leaders = zip(plan.requests, plan.placements).compactMap { r, p -> (LabelBox, MapLabelLayout.Request)? in
      guard case .text(let x, let y, true) = p else { return nil }
      let w = layout.textWidth(r.text) + 2 * layout.padding
      return (LabelBox(centreX: x, y: y, width: w, height: layout.boxHeight), r)
    }
    if !leaders.isEmpty {
      // A white casing under each line keeps it visible on dark fills.
      for (colour, lineWidth, dot) in [("#ffffff", "2.6", "2.8"), ("#111111", "0.9", "1.7")] {
        svg.open("g", ["stroke": colour, "stroke-width": lineWidth, "fill": colour])
        for (box, r) in leaders {
          let (ex, ey) = box.nearestPoint(to: r.x, r.y)
          svg.element("line", ["x1": fmt(r.x), "y1": fmt(r.y), "x2": fmt(ex), "y2": fmt(ey)])
          svg.element("circle", ["cx": fmt(r.x), "cy": fmt(r.y), "r": dot, "stroke": "none"])
        }
        svg.close()
      }
    }
    if !plan.requests.isEmpty {
      svg.open("g", ["font-family": Self.font, "font-size": "11", "text-anchor": "middle", "fill": "#111111", "stroke": "#ffffff", "stroke-width": "3", "paint-order": "stroke", "stroke-linejoin": "round"])
      for (r, p) in zip(plan.requests, plan.placements) {
        guard case .text(let x, let y, _) = p else { continue }
        svg.text(r.text, x: x, y: y + 4)
      }
      svg.close()
    }
    if !plan.numbered.isEmpty {
      svg.open("g", ["font-family": Self.font, "font-size": "9", "font-weight": "bold", "text-anchor": "middle"])
      for (r, p) in zip(plan.requests, plan.placements) {
        guard case .number(let n) = p else { continue }
        svg.element("circle", ["cx": fmt(r.x), "cy": fmt(r.y), "r": "6.5", "fill": "#ffffff", "stroke": "#111111", "stroke-width": "1"])
        svg.text(String(n), x: r.x, y: r.y + 3.2, attributes: ["fill": "#111111"])
      }
      svg.close()
    }
    if !plan.clusterMarks.isEmpty {
      svg.open("g", ["font-family": Self.font, "font-size": "11", "font-weight": "bold", "text-anchor": "middle"])
      for m in plan.clusterMarks {
        svg.raw("<circle cx=\"\(fmt(m.x))\" cy=\"\(fmt(m.y))\" r=\"8\" fill=\"#111111\"/>\n")
        svg.text(String(m.number), x: m.x, y: m.y + 4, attributes: ["fill": "#ffffff"])
      }
      svg.close()
    }
  }

  /// The legend beside the map: its title, the entries, the outline key
  /// and the labels drawn as numbers.
  private func writeLegend(
    _ svg: inout SVGWriter, _ frame: MapFrame, entries: [LegendEntry], numbered: [(number: Int, name: String)]
  ) {
    let lx = frame.ox + frame.mapWidth + 24
    var ly = frame.oy + 8
    svg.open("g", ["font-family": Self.font, "font-size": "12", "fill": "#1a1a1a"])
    for line in legendTitleLines {
      svg.text(line, x: lx, y: ly + 10, attributes: ["font-weight": "bold", "font-size": "13"])
      ly += 17
    }
    if !legendTitleLines.isEmpty { ly += 7 }
    for e in entries {
      svg.element(
        "rect",
        ["x": fmt(lx), "y": fmt(ly), "width": "20", "height": "14", "fill": e.colour ?? "url(#kk-missing)", "stroke": "#777777", "stroke-width": "0.5"])
      svg.text(e.label, x: lx + 28, y: ly + 11)
      ly += 22
    }
    if !outlines.isEmpty {
      svg.element(
        "rect", ["x": fmt(lx + 1.5), "y": fmt(ly + 1.5), "width": "17", "height": "11", "fill": "#ffffff", "stroke": "#111111", "stroke-width": "3"])
      svg.text(outlineLabel, x: lx + 28, y: ly + 11)
      ly += 22
    }
    if !numbered.isEmpty {
      ly += 4
      svg.text(numberedLabelsTitle, x: lx, y: ly + 10, attributes: ["font-weight": "bold", "font-size": "13"])
      ly += 20
      for (n, name) in numbered {
        svg.element("circle", ["cx": fmt(lx + 10), "cy": fmt(ly + 6), "r": "6.5", "fill": "#ffffff", "stroke": "#111111", "stroke-width": "1"])
        svg.text(String(n), x: lx + 10, y: ly + 9.2, attributes: ["font-size": "9", "font-weight": "bold", "text-anchor": "middle"])
        svg.text(name, x: lx + 28, y: ly + 10)
        ly += 16
      }
    }
    svg.close()
  }

  /// The credit lines at the bottom.
  private func writeCredits(_ svg: inout SVGWriter, height: Double, margin: Double) {
    svg.open("g", ["font-family": Self.font, "font-size": "11", "fill": "#555555"])
    var cy = height - margin - 15 * Double(credits.count - 1)
    for line in credits {
      svg.text(line, x: margin, y: cy)
      cy += 15
    }
    svg.close()
  }
}
