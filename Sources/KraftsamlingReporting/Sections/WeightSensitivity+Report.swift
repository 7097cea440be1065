import KraftsamlingCore
import KraftsamlingIndex

// The report's section "Hur känsligt är urvalet för vikterna?": for each
// indicator, how far its weight can move before the selection changes, and
// a chart of rank against each weight for the areas near the cut.

extension ReportBuilder {
  /// The section, or `nil` when the index has dimensions (no weight
  /// thresholds for those) or cannot be analysed.
  mutating func weightSection() -> ReportSection? {
    guard let analysis = try? WeightSensitivity(c.definition, on: c.statistics, hierarchy: c.hierarchy) else { return nil }
    let top = c.selectionSize
    var blocks: [ReportBlock] = [
      .paragraph(
        L.pick(
          "Hur mycket kan en vikt ändras innan urvalet av de \(top) blir ett annat? Här ändras en vikt i taget medan de andra behåller sina inbördes proportioner.",
          "How much can a weight change before the selection of the top \(top) changes? One weight is changed at a time while the others keep their proportions.")),
      .bullets(analysis.stability(top: top).map { stabilityLine($0, analysis) }),
    ]
    var chart = RankWeightChart(analysis, top: top, language: L)
    chart.footnotes = c.isIllustrative ? [c.illustrativeLabel] : []
    blocks.append(
      figure(
        "figurer/vikter-rang.svg", chart.svg(),
        caption: L.pick(
          "Figur. Rangen för områdena närmast gränsen när en vikt i taget ändras från 0 till 100 %. Den streckade linjen är gränsen för urvalet, den lodräta linjen dagens vikt.",
          "Figure. The rank of the areas nearest the cut as one weight at a time goes from 0 to 100 %. The dashed line is the cut of the selection, the vertical line today's weight.")))
    return ReportSection(
      id: "vikter", title: L.pick("Hur känsligt är urvalet för vikterna?", "How sensitive is the selection to the weights?"),
      blocks: blocks)
  }

  /// One indicator's stability in a sentence, with area names.
  func stabilityLine(_ s: WeightSensitivity.Stability, _ analysis: WeightSensitivity) -> String {
    let name = analysis.indicatorNames[s.indicator]
    let areaName = { (code: String) in analysis.codes.firstIndex(of: code).flatMap { analysis.names[$0] } ?? code }
    // Rounded inwards to 0.1 %, so the rounded range is inside the true one.
    let lo = L.percent((s.interval.lower * 1000 - 1e-9).rounded(.up) / 1000, places: 1)
    let hi = L.percent((s.interval.upper * 1000 + 1e-9).rounded(.down) / 1000, places: 1)
    let today = L.percent(s.nominalShare, places: 1)
    guard s.interval.lower < s.interval.upper else {
      return L.pick(
        "\(name): områden delar platsen vid gränsen redan i dag, så varje ändring av vikten ändrar urvalet.",
        "\(name): areas tie at the cut today, so any change of the weight changes the selection.")
    }
    var text = L.pick(
      "\(name): urvalet är detsamma när vikten ligger mellan \(lo) och \(hi) (i dag \(today))",
      "\(name): the selection is the same while the weight is between \(lo) and \(hi) (today \(today))")
    if let c = s.upperChange {
      text += L.pick(
        "; över \(hi) kommer \(areaName(c.entering)) in i stället för \(areaName(c.leaving))",
        "; above \(hi), \(areaName(c.entering)) replaces \(areaName(c.leaving))")
    }
    if let c = s.lowerChange {
      text += L.pick(
        "; under \(lo) kommer \(areaName(c.entering)) in i stället för \(areaName(c.leaving))",
        "; below \(lo), \(areaName(c.entering)) replaces \(areaName(c.leaving))")
    }
    return text + "."
  }
}
