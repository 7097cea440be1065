import KraftsamlingCore
import KraftsamlingIndex

// The report's section "Indexet över tid", only when the configuration has
// a panel of several years: the selected areas' scores on the reference
// year's scale as a line chart, the movement of the selection between
// years, and `tabeller/index-over-tid.csv` and `tabeller/index-rorlighet.csv`
// (the tables of `kraftctl index --panel`).

extension ReportBuilder {
  /// The section on the index over time, or `nil` without a panel.
  ///
  /// - Throws: ``IndexError`` when the panel cannot be run (e.g. a
  ///   definition column missing in one year).
  mutating func overTimeSection() throws -> ReportSection? {
    guard let panel = c.indexPanel else { return nil }
    let t = try c.definition.run(
      on: panel.tables, reference: panel.reference, top: c.selectionSize, codeMap: panel.codeMap, hierarchy: c.hierarchy)
    guard let last = t.years.last else { return nil }
    var blocks: [ReportBlock] = [
      .paragraph(
        L.pick(
          "Indexet är beräknat för åren \(t.years.map(String.init).joined(separator: ", ")) med normaliseringen låst vid \(t.reference): en poäng som stiger betyder att områdets indikatorer har blivit sämre på \(t.reference) års skala, inte bara sämre än andra områdens. Rang och urval räknas inom varje år.",
          "The index is computed for \(t.years.map(String.init).joined(separator: ", ")) with the normalisation fixed at \(t.reference): a rising score means the area's indicators got worse on \(t.reference)'s scale, not merely worse than other areas'. Ranks and the selection are within each year."))
    ]
    blocks.append(
      figure(
        "figurer/index-over-tid.svg", overTimeChart(t, year: last).svg(),
        caption: L.pick(
          "Figur. Poäng över tid för de områden som ingår i urvalet \(last) (högre = mer utsatt).",
          "Figure. Scores over time of the areas in the \(last) selection (higher = more vulnerable).")))
    if !t.mobility.isEmpty {
      blocks.append(.bullets(t.mobility.map(mobilitySentence)))
      blocks.append(
        table(
          "tabeller/index-rorlighet.csv", t.mobilityTable(numbers: .rounded),
          caption: L.pick("Rörlighet mellan åren", "Mobility between the years"), data: t.mobilityTable(numbers: .exact)))
    }
    tables.append(PipelineArtifacts.Table(fileName: "tabeller/index-over-tid.csv", table: t.table(numbers: .exact)))
    return ReportSection(id: "over-tid", title: L.pick("Indexet över tid", "The index over time"), blocks: blocks)
  }

  /// The scores of the areas selected in `year`, one line each.
  func overTimeChart(_ t: IndexTimeResult, year: Int) -> LineChart {
    var chart = LineChart(
      title: L.pick("Urvalets poäng över tid", "The selection's scores over time"),
      subtitle: L.pick("På \(t.reference) års skala", "On \(t.reference)'s scale"),
      yAxisLabel: L.pick("Poäng", "Score"))
    chart.valuesArePercentages = false
    chart.decimalSeparator = L == .sv ? "," : "."
    chart.footnotes = c.isIllustrative ? [c.illustrativeLabel] : []
    let selected = t.rows.filter { $0.year == year && $0.selected }.map(\.code)
    for (i, code) in selected.enumerated() {
      let rows = Dictionary(t.rows.filter { $0.code == code }.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
      chart.series.append(
        LineChart.Series(
          name: rows[year]?.name ?? code, years: t.years, values: t.years.map { rows[$0]?.score },
          style: i < LineChart.palette.count ? .solid : .dashed,
          colour: LineChart.palette[i % LineChart.palette.count]))
    }
    return chart
  }

  /// One pair of years in a sentence: who entered and left the selection,
  /// how far ranks moved and how alike the rankings are.
  func mobilitySentence(_ m: IndexTimeResult.Mobility) -> String {
    let c = m.comparison
    func list(_ rows: [IndexComparison.Row]) -> String {
      rows.isEmpty ? L.pick("inga", "none") : rows.map { names[$0.code] ?? $0.name }.joined(separator: ", ")
    }
    return L.pick(
      "\(m.from)–\(m.to): nya i urvalet \(list(c.entering)); lämnar urvalet \(list(c.leaving)); rangen ändras i medel \(number(c.meanAbsoluteShift, 1)) platser; rangkorrelation (Spearman) \(number(c.spearman, 2)).",
      "\(m.from)–\(m.to): entering the selection \(list(c.entering)); leaving \(list(c.leaving)); ranks move by \(number(c.meanAbsoluteShift, 1)) places on average; rank correlation (Spearman) \(number(c.spearman, 2)).")
  }
}
