import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("LineChart and the follow-up chart")
struct LineChartTests {
  @Test("lines break at missing years and at rules; markers and footnotes are drawn")
  func breaks() {
    var c = LineChart(title: "T & <x>", yAxisLabel: "Andel")
    c.series = [LineChart.Series(name: "S", years: [2013, 2014, 2015, 2016, 2017], values: [0.05, 0.06, nil, 0.07, 0.08])]
    c.rules = [LineChart.Rule(year: 2016, label: "Seriebrott")]
    c.markers = [LineChart.Marker(year: 2030, value: 0.05, label: "Mål 5,0 %")]
    c.footnotes = ["Illustrativa data"]
    let svg = c.svg()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("<title>T &amp; &lt;x&gt;</title>"))
    // 2013–2014 is one segment; 2015 is missing; the rule lies before 2016, so 2016–2017 is the
    // second segment. Two polylines in all.
    #expect(svg.occurrences(of: "<polyline") == 2)
    #expect(svg.contains("Seriebrott") && svg.contains("Mål 5,0 %") && svg.contains("Illustrativa data"))
    // Four points drawn (the missing year has none).
    #expect(svg.occurrences(of: "<circle") == 4)
  }

  @Test("a rule between two observed years splits the line")
  func ruleSplits() {
    var c = LineChart(title: "T", yAxisLabel: "A")
    c.series = [LineChart.Series(name: "S", years: [2014, 2015, 2016], values: [0.05, 0.06, 0.07])]
    c.rules = [LineChart.Rule(year: 2015, label: "Seriebrott 2015")]
    // 2014 alone (a point, no line) | rule | 2015–2016: one polyline.
    #expect(c.svg().occurrences(of: "<polyline") == 1)
  }

  @Test("the follow-up chart carries targets, the required path and the data label")
  func followUpChart() throws {
    var o = UppfoljningTests.options(targets: [Målvärde(year: 2030, value: 0.085)])
    o.dataLabel = "Illustrativa data – inte officiell statistik"
    let f = try Uppföljning(panel: UppfoljningTests.panel, groups: [UppfoljningTests.groupA], options: o)
    let chart = f.chart()
    #expect(chart.markers.map(\.year) == [2030])
    #expect(chart.series.contains { $0.style == .dotted && $0.connectsGaps && $0.years == [2025, 2030] })
    #expect(chart.footnotes.first == "Illustrativa data – inte officiell statistik")
    #expect(chart.svg().contains("Mål 8,5 %"))
  }
}

extension String {
  /// How often `needle` occurs (test helper, no Foundation).
  func occurrences(of needle: String) -> Int {
    var n = 0
    var rest = self[...]
    while let r = rest.range(of: needle) {
      n += 1
      rest = rest[r.upperBound...]
    }
    return n
  }
}
