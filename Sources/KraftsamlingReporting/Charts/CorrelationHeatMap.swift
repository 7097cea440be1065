import KraftsamlingCore
import KraftsamlingIndex

/// A heat map of an index audit's correlation matrix as a self-contained
/// SVG: one row and one column per variable (indicators, dimensions, the
/// index), each cell coloured on a diverging blue–white–red ramp from −1 to
/// 1 with its coefficient printed in it, and a colour bar below. Rows are
/// labelled with numbered names, columns with the numbers.
///
/// ```swift
/// let audit = try IndexAudit(IndexDefinition.stadskontoret2025, on: table)
/// let svg = CorrelationHeatMap(audit, language: .sv).svg()   // Pearson, decimal commas
/// ```
///
/// - Complexity: O(*v*²) for *v* variables.
package struct CorrelationHeatMap: Sendable {
  /// The title.
  package var title: String
  /// The variables' labels, in matrix order.
  package var labels: [String]
  /// The coefficients; `nil` is drawn grey and empty.
  package var coefficients: [[Double?]]
  /// Footnote lines (method, data label).
  package var footnotes: [String] = []
  /// The language of the numbers and the colour bar.
  package var language: ReportLanguage

  /// The map of an audit's Pearson (or Spearman) matrix, labelled with the
  /// indicators' and dimensions' names.
  package init(_ audit: IndexAudit, spearman: Bool = false, language: ReportLanguage) {
    let L = language
    self.language = language
    self.labels = audit.indicatorNames + audit.dimensionNames + [L.pick("Indexet", "The index")]
    self.coefficients = (spearman ? audit.spearman : audit.pearson).coefficients
    self.title = spearman
      ? L.pick("Rangkorrelationer (Spearman)", "Rank correlations (Spearman)")
      : L.pick("Korrelationer (Pearson)", "Correlations (Pearson)")
  }

  /// The geometry: cell size, the left edge of the matrix and its top.
  private var cell: Double { 46 }
  private var left: Double { Double(min(40, labels.map(\.count).max() ?? 0)) * 7 + 50 }
  private var top: Double { 80 }

  /// The SVG document.
  package func svg() -> String {
    let v = Double(labels.count)
    // Wide enough for the matrix and for the colour bar with its label.
    let width = left + max(v * cell + 30, 240 + 100)
    let height = top + v * cell + 90 + Double(footnotes.count) * 16
    var w = SVGWriter(width: width, height: height)
    w.open("g", ["font-family": "Helvetica, Arial, sans-serif", "font-size": "12"])
    w.text(title, x: 20, y: 30, attributes: ["font-size": "18", "font-weight": "bold"])
    for (i, label) in labels.enumerated() {
      let short = label.count > 40 ? String(label.prefix(39)) + "…" : label
      w.text("\(i + 1). \(short)", x: 20, y: top + (Double(i) + 0.5) * cell + 4)
      w.text("\(i + 1)", x: left + (Double(i) + 0.5) * cell, y: top - 10, attributes: ["text-anchor": "middle"])
    }
    for i in labels.indices {
      for j in labels.indices { drawCell(&w, i, j) }
    }
    drawColourBar(&w, y: top + v * cell + 30)
    for (k, note) in footnotes.enumerated() {
      w.text(note, x: 20, y: height - 14 - Double(footnotes.count - 1 - k) * 16, attributes: ["fill": "#444444", "font-size": "11"])
    }
    return w.finish()
  }

  /// One cell: its colour, its coefficient, and a tooltip naming the pair.
  private func drawCell(_ w: inout SVGWriter, _ i: Int, _ j: Int) {
    let x = left + Double(j) * cell
    let y = top + Double(i) * cell
    let r = coefficients[i][j]
    let fill = r.map { ColorRamp.blueWhiteRed.colour(at: ($0 + 1) / 2) } ?? "#dddddd"
    let tip = "\(labels[i]) – \(labels[j]): " + (r.map { language.number($0, places: 3) } ?? "–")
    w.open("g", attributeList: [])
    w.element("title", [:], text: tip)
    w.element(
      "rect",
      ["x": fmt(x), "y": fmt(y), "width": fmt(cell), "height": fmt(cell), "fill": fill, "stroke": "#ffffff"])
    if let r {
      w.text(
        language.number(r, places: 2), x: x + cell / 2, y: y + cell / 2 + 4,
        attributes: ["text-anchor": "middle", "fill": abs(r) > 0.6 ? "#ffffff" : "#111111"])
    }
    w.close()
  }

  /// The colour bar from −1 to 1 with ticks at −1, −0.5, 0, 0.5 and 1.
  private func drawColourBar(_ w: inout SVGWriter, y: Double) {
    let barWidth = 240.0
    let steps = 48
    for s in 0..<steps {
      let t = (Double(s) + 0.5) / Double(steps)
      w.element(
        "rect",
        ["x": fmt(left + Double(s) * barWidth / Double(steps)), "y": fmt(y), "width": fmt(barWidth / Double(steps) + 0.5),
         "height": "12", "fill": ColorRamp.blueWhiteRed.colour(at: t)])
    }
    for tick in [-1.0, -0.5, 0, 0.5, 1] {
      w.text(
        language.number(tick, places: 1), x: left + (tick + 1) / 2 * barWidth, y: y + 28,
        attributes: ["text-anchor": "middle", "font-size": "11"])
    }
    w.text(language.pick("korrelation", "correlation"), x: left + barWidth + 12, y: y + 11, attributes: ["font-size": "11"])
  }

  /// A coordinate with at most one decimal.
  private func fmt(_ v: Double) -> String { DecimalFormatting.fixed(v, places: 1) }
}
