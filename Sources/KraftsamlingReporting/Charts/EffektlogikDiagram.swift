import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// Draws an ``Effektlogikkedja`` as an SVG diagram: one column per layer
/// (resurser → aktiviteter → prestationer → effekter → slutmål), boxes
/// stacked in each column, and curved arrows for the links.
///
/// The report embeds these diagrams inline, so they need no script or
/// external renderer (Mermaid and DOT text are available from the chain for
/// other tools). Links that go against the layer order are drawn dashed and
/// red; nodes that are not linked at all are drawn with a dashed border, so
/// the problems the validation reports are visible.
///
/// ```swift
/// let svg = EffektlogikDiagram(chain: insats.effektlogik, title: insats.title).svg()
/// ```
///
/// - Complexity: O(*n* + *m*) for *n* nodes and *m* links.
package struct EffektlogikDiagram: Sendable {
  /// The chain to draw.
  package var chain: Effektlogikkedja
  /// The title above the diagram.
  package var title: String
  /// The language of the column headings.
  package var language: ReportLanguage

  /// Creates a diagram.
  package init(chain: Effektlogikkedja, title: String, language: ReportLanguage = .sv) {
    self.chain = chain
    self.title = title
    self.language = language
  }

  static let boxWidth = 144.0
  static let columnGap = 30.0
  static let lineHeight = 13.0
  static let charactersPerLine = 22
  static let colours: [Effektlogikkedja.Layer: String] = [
    .resurs: "#e8eef5", .aktivitet: "#d6e6f2", .prestation: "#c6dbef",
    .kortsiktigEffekt: "#fde4c8", .medellångEffekt: "#fdd0a2", .långsiktigEffekt: "#fdae6b", .slutmål: "#c7e9c0",
  ]

  /// The diagram as SVG text.
  package func svg() -> String {
    let layers = Effektlogikkedja.Layer.allCases.filter { !chain.nodes(in: $0).isEmpty }
    // Lay out: wrap labels, stack boxes.
    var boxes: [String: Box] = [:]
    var columnHeights: [Double] = []
    let top = 58.0
    for (c, layer) in layers.enumerated() {
      var y = top
      for node in chain.nodes(in: layer) {
        var text = node.label
        if let r = node.responsible { text += " [\(r)]" }
        // No-break spaces keep an amount ("1 500 000 kr") on one line.
        if let a = node.amount { text += " · " + a.description.replacingAll(" ", with: "\u{00A0}") }
        let lines = Self.wrap(text, width: Self.charactersPerLine)
        let h = Double(lines.count) * Self.lineHeight + 12
        boxes[node.id] = Box(x: 12 + Double(c) * (Self.boxWidth + Self.columnGap), y: y, height: h, lines: lines)
        y += h + 12
      }
      columnHeights.append(y)
    }
    let width = max(360, 24 + Double(layers.count) * (Self.boxWidth + Self.columnGap) - Self.columnGap)
    let height = (columnHeights.max() ?? top) + 8
    var svg = SVGWriter(width: width, height: height)
    svg.raw(
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n"
    )
    svg.text(
      title, x: 12, y: 20, attributes: ["font-family": "sans-serif", "font-size": "14", "font-weight": "bold", "fill": "#1b1b1b"])
    for (c, layer) in layers.enumerated() {
      svg.text(
        language == .sv ? layer.swedishName : layer.englishName, x: 12 + Double(c) * (Self.boxWidth + Self.columnGap), y: 44,
        attributes: ["font-family": "sans-serif", "font-size": "11", "font-weight": "bold", "fill": "#444"])
    }
    // Links first, so boxes are drawn over their ends.
    let linked = Set(chain.links.flatMap { [$0.from, $0.to] })
    for link in chain.links {
      guard let a = boxes[link.from], let b = boxes[link.to],
        let from = chain.node(id: link.from), let to = chain.node(id: link.to)
      else { continue }
      let sameLayer = to.layer.rank == from.layer.rank
      let backwards = to.layer.rank < from.layer.rank
      let d = Self.linkPath(from: a, to: b, sameLayer: sameLayer, backwards: backwards)
      // Against the layer order: red (an error); within one layer: amber (a warning).
      let colour = backwards ? "#c0392b" : sameLayer ? "#d68910" : "#666"
      var attributes = "d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\""
      if backwards || sameLayer { attributes += " stroke-dasharray=\"5 3\"" }
      let tip = link.rationale ?? (language == .sv ? "motivering saknas" : "no rationale")
      svg.raw("<path \(attributes)><title>\(SVGWriter.escape(tip))</title></path>\n")
    }
    for node in chain.nodes {
      guard let box = boxes[node.id] else { continue }
      let dashed = !linked.contains(node.id)
      svg.raw(
        "<rect x=\"\(f(box.x))\" y=\"\(f(box.y))\" width=\"\(f(Self.boxWidth))\" height=\"\(f(box.height))\" rx=\"5\" fill=\"\(Self.colours[node.layer] ?? "#eee")\" stroke=\"\(dashed ? "#c0392b" : "#7a8a99")\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")><title>\(SVGWriter.escape(node.id + ": " + node.label))</title></rect>\n"
      )
      for (i, line) in box.lines.enumerated() {
        svg.text(
          line, x: box.x + 7, y: box.y + 16 + Double(i) * Self.lineHeight,
          attributes: ["font-family": "sans-serif", "font-size": "10.5", "fill": "#1b1b1b"])
      }
    }
    return svg.finish()
  }

  private func f(_ v: Double) -> String { DecimalFormatting.fixed(v, places: 1) }

  /// Splits text into lines of at most `width` characters at spaces (long
  /// words are cut).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      var w = String(word)
      while w.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(w.prefix(width)))
        w = String(w.dropFirst(width))
      }
      if !current.isEmpty && current.count + 1 + w.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + w
    }
    if !current.isEmpty { lines.append(current) }
    return lines.isEmpty ? [""] : lines
  }
}

extension EffektlogikDiagram {
  /// A node's box: its top-left corner, height and wrapped label lines.
  struct Box {
    var x: Double
    var y: Double
    var height: Double
    var lines: [String]
  }

  /// The path of a link between two boxes: a curve from the right edge of
  /// one to the left edge of the next layer; straight down (or up) between
  /// two boxes of one column; over the top for a link against the order.
  static func linkPath(
    from a: Box, to b: Box, sameLayer: Bool,
    backwards: Bool
  ) -> String {
    let f = { (v: Double) in DecimalFormatting.fixed(v, places: 1) }
    if sameLayer && a.x == b.x {
      let x = a.x + boxWidth / 2
      let (start, end) = b.y > a.y ? (a.y + a.height, b.y) : (a.y, b.y + b.height)
      return "M \(f(x)) \(f(start)) L \(f(x)) \(f(end))"
    }
    if backwards || sameLayer {
      let lift = min(a.y, b.y) - 10
      let xa = a.x + boxWidth / 2
      let xb = b.x + boxWidth / 2
      return "M \(f(xa)) \(f(a.y)) C \(f(xa)) \(f(lift)) \(f(xb)) \(f(lift)) \(f(xb)) \(f(b.y))"
    }
    let (x1, y1) = (a.x + boxWidth, a.y + a.height / 2)
    let (x2, y2) = (b.x, b.y + b.height / 2)
    let mid = (x1 + x2) / 2
    return "M \(f(x1)) \(f(y1)) C \(f(mid)) \(f(y1)) \(f(mid)) \(f(y2)) \(f(x2)) \(f(y2))"
  }
}
