import KraftsamlingCore
import KraftsamlingIndex

/// Rank against each indicator's weight share for the areas near the cut
/// of the selection: one small panel per indicator, the share from 0 to
/// 100 % across, the rank down (1 at the top), a dashed line at the cut and
/// a vertical line at today's share.
///
/// Ranks are read from the index at ``steps`` + 1 equal steps of the share
/// and drawn as steps, so a change shows within 1/``steps`` of where it is.
struct RankWeightChart {
  let analysis: WeightSensitivity
  let top: Int
  let language: ReportLanguage
  /// The areas drawn (positions), best nominal rank first.
  let areas: [Int]
  var steps = 200
  var footnotes: [String] = []

  static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]

  /// The areas ranked `top` − 3 … `top` + 3 at today's weights.
  init(_ analysis: WeightSensitivity, top: Int, language: ReportLanguage) {
    self.analysis = analysis
    self.top = top
    self.language = language
    let ranks = analysis.ranks(indicator: 0, share: analysis.nominalShares[0])
    areas = ranks.indices.filter { ranks[$0] >= top - 3 && ranks[$0] <= top + 3 }.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
  }

  /// The SVG: the panels side by side (two per row), then the legend.
  func svg() -> String {
    let m = analysis.indicatorIDs.count
    let columns = min(2, m)
    let rows = (m + columns - 1) / columns
    let panelW = 440.0
    let panelH = 230.0
    let legendH = 24.0 * Double(areas.count + footnotes.count) + 20
    let width = 40 + Double(columns) * panelW
    let height = 20 + Double(rows) * panelH + legendH
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    for k in 0..<m {
      let x0 = 20 + Double(k % columns) * panelW
      let y0 = 20 + Double(k / columns) * panelH
      out += panel(k, x: x0, y: y0, width: panelW - 20, height: panelH - 20)
    }
    var y = 20 + Double(rows) * panelH + 10
    for (t, a) in areas.enumerated() {
      let colour = Self.palette[t % Self.palette.count]
      out += "<line x1=\"30\" y1=\"\(f(y))\" x2=\"60\" y2=\"\(f(y))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>\n"
      out += "<text x=\"68\" y=\"\(f(y + 4))\">\(SVGWriter.escape(analysis.names[a] ?? analysis.codes[a]))</text>\n"
      y += 24
    }
    for note in footnotes {
      out += "<text x=\"30\" y=\"\(f(y + 4))\" fill=\"#555555\">\(SVGWriter.escape(note))</text>\n"
      y += 24
    }
    return out + "</svg>\n"
  }

  /// One indicator's panel: axes, the cut, today's share and a step line per area.
  func panel(_ k: Int, x x0: Double, y y0: Double, width: Double, height: Double) -> String {
    let left = x0 + 40
    let plotW = width - 50
    let topY = y0 + 28
    let plotH = height - 60
    let worst = top + 8
    let shares = (0...steps).map { Double($0) / Double(steps) }
    let ranks = shares.map { analysis.ranks(indicator: k, share: $0) }
    let px = { (s: Double) in left + s * plotW }
    let py = { (r: Int) in topY + (Double(min(max(r, 1), worst)) - 1) / Double(worst - 1) * plotH }
    var out = "<text x=\"\(f(x0))\" y=\"\(f(y0 + 12))\" font-weight=\"bold\">\(SVGWriter.escape(analysis.indicatorNames[k]))</text>\n"
    out += "<rect x=\"\(f(left))\" y=\"\(f(topY))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#999999\"/>\n"
    for r in [1, top, worst] {
      out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(r) + 4))\" text-anchor=\"end\">\(r)</text>\n"
    }
    for s in [0.0, 0.5, 1.0] {
      out += "<text x=\"\(f(px(s)))\" y=\"\(f(topY + plotH + 16))\" text-anchor=\"middle\">\(SVGWriter.escape(language.percent(s, places: 0)))</text>\n"
    }
    let cut = topY + (Double(top) - 0.5) / Double(worst - 1) * plotH
    out += "<line x1=\"\(f(left))\" y1=\"\(f(cut))\" x2=\"\(f(left + plotW))\" y2=\"\(f(cut))\" stroke=\"#333333\" stroke-dasharray=\"5 4\"/>\n"
    let today = px(analysis.nominalShares[k])
    out += "<line x1=\"\(f(today))\" y1=\"\(f(topY))\" x2=\"\(f(today))\" y2=\"\(f(topY + plotH))\" stroke=\"#777777\"/>\n"
    out += "<text x=\"\(f(today + 4))\" y=\"\(f(topY + 12))\" fill=\"#555555\">\(SVGWriter.escape(language.pick("i dag", "today")))</text>\n"
    for (t, a) in areas.enumerated() {
      var d = "M\(f(px(0))) \(f(py(ranks[0][a])))"
      for i in 1..<shares.count {
        d += " H\(f(px(shares[i]))) V\(f(py(ranks[i][a])))"
      }
      let colour = Self.palette[t % Self.palette.count]
      out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-opacity=\"0.85\"/>\n"
    }
    return out
  }

  /// A coordinate to one decimal.
  func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
}
