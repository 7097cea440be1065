import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension Uppföljning {
  /// The follow-up as a line chart: the city total of the series, the
  /// published city and national values, the clusters and the whole
  /// selection (single delområden only when no larger group is followed,
  /// at most eight), the user's targets as markers with the required
  /// linear path from the latest published value, and a rule at each
  /// series break. The data label and sources go in the footnotes.
  ///
  /// ```swift
  /// try FileOutput.write(f.chart().svg(), to: "uvas.svg")
  /// ```
  ///
  /// - Parameter language: Swedish (default) or English.
  /// - Returns: The chart; call ``LineChart/svg(width:height:)`` for the SVG text.
  public func chart(language: ReportLanguage = .sv) -> LineChart {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    var c = LineChart(
      title: indicatorShortName + (sv ? " – uppföljning" : " – follow-up"),
      subtitle: chartSubtitle(language),
      yAxisLabel: sv ? "Andel av 16–29-åringar" : "Share of 16–29-year-olds")
    c.decimalSeparator = sv ? "," : "."
    var droppedIncomplete = false
    // A sum missing some member's data is not drawn (it would jump); the table marks it with †.
    func line(_ s: IndicatorSeries, _ name: String, style: LineChart.Style, colour: String? = nil, width: Double = 2) -> LineChart.Series {
      let values = s.points.map { p -> Double? in
        if p.missingMembers > 0 && p.value != nil {
          droppedIncomplete = true
          return nil
        }
        return p.value
      }
      return LineChart.Series(name: name, years: s.points.map(\.year), values: values, style: style, colour: colour, width: width)
    }
    c.series.append(line(city, sv ? "\(cityName), summa av områdena" : "\(cityName), sum of the areas", style: .solid, colour: "#000000", width: 3))
    c.series.append(line(publishedCity, sv ? "\(cityName), publicerat" : "\(cityName), published", style: .points, colour: "#000000"))
    c.series.append(line(nation, sv ? "\(nationName), publicerat" : "\(nationDisplayName(language)), published", style: .points, colour: "#56B4E9"))
    let larger = groupSeries.filter { $0.level != .delområde }
    let single = groupSeries.filter { $0.level == .delområde }
    let shown = larger.isEmpty || single.count <= 4 ? Array(single.prefix(8)) + larger : larger
    let colours = ["#E69F00", "#009E73", "#CC79A7", "#882255", "#999999", "#44AA99", "#117733", "#AA4499"]
    var next = 0
    for s in shown {
      if s.level == .selection {
        c.series.append(line(s, displayName(s.name, language), style: .solid, colour: "#0072B2", width: 3))
      } else {
        c.series.append(line(s, displayName(s.name, language), style: .dashed, colour: colours[next % colours.count]))
        next += 1
      }
    }
    for t in targets {
      c.markers.append(LineChart.Marker(year: t.target.year, value: t.target.value, label: (sv ? "Mål " : "Target ") + f.percent(t.target.value)))
    }
    if let last = targets.first.map({ ($0.latestYear, $0.latestValue) }), !targets.isEmpty {
      let years = [last.0] + targets.map(\.target.year)
      let values: [Double?] = [last.1] + targets.map(\.target.value)
      c.series.append(LineChart.Series(name: sv ? "Krävd bana (linjär)" : "Required path (linear)", years: years, values: values, style: .dotted, colour: "#D55E00", connectsGaps: true))
    }
    for b in seriesBreaks { c.rules.append(LineChart.Rule(year: b, label: sv ? "Seriebrott \(b)" : "Series break \(b)")) }
    if let label = dataLabel { c.footnotes.append(label) }
    if droppedIncomplete {
      c.footnotes.append(sv ? "År där något område saknar data visas inte för summor." : "Years where some area lacks data are not drawn for sums.")
    }
    var sources: [String] = []
    if let p = baseline.publishedCity { sources.append("\(cityName) \(baseline.year): \(p.source)") }
    if let n = baseline.publishedNation { sources.append("\(nationDisplayName(language)) \(baseline.year): \(n.source)") }
    if !sources.isEmpty { c.footnotes.append((sv ? "Publicerade värden: " : "Published values: ") + sources.joined(separator: "; ")) }
    if let next = nextPublication {
      c.footnotes.append(sv ? "Värdet för \(next.year) väntas \(next.window.lowerBound) – \(next.window.upperBound)." : "The value for \(next.year) is expected \(next.window.lowerBound) – \(next.window.upperBound).")
    }
    return c
  }

  /// The definition version and whether targets are set: `Definition
  /// 2015.1; mål för 2030 och 2035` or `…; inga mål satta`.
  func chartSubtitle(_ language: ReportLanguage) -> String? {
    let sv = language == .sv
    var parts: [String] = []
    if let v = indicator.version(forYear: baseline.year) { parts.append("Definition " + v.version) }
    let years = targets.map { String($0.target.year) }
    if years.isEmpty {
      parts.append(sv ? "inga mål satta" : "no targets set")
    } else {
      let listed = years.count == 1 ? years[0] : years.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + years[years.count - 1]
      parts.append((sv ? "mål för " : "targets for ") + listed)
    }
    return parts.joined(separator: "; ")
  }

  /// The caption of the chart in a report: what it shows, targets only
  /// when some are set.
  ///
  /// ```swift
  /// f.chartCaption(language: .sv)   // "Figur. UVAS 16–29 över tid; inga mål är satta."
  /// ```
  package func chartCaption(language: ReportLanguage) -> String {
    let sv = language == .sv
    return targets.isEmpty
      ? (sv ? "Figur. \(indicatorShortName) över tid; inga mål är satta." : "Figure. \(indicatorShortName) over time; no targets are set.")
      : (sv ? "Figur. \(indicatorShortName) över tid, mål och krävd förändring per år." : "Figure. \(indicatorShortName) over time, targets and the change needed each year.")
  }
}
