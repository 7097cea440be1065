import KraftsamlingKit
import Testing

@Suite("RankIntervalChart")
struct RankIntervalChartTests {
  static let result = RobustnessResult(
    codes: ["1", "2", "3", "4", "5"], names: ["Ana & <Bo>", "Cilla", "David", "Eva", "Fia"],
    nominalRanks: [1, 2, 3, 4, 5],
    replicationRanks: [[1, 2, 3, 4, 5], [2, 1, 3, 5, 4], [1, 3, 2, 4, 5], [1, 2, 4, 3, 5]], top: 2, seed: 3)

  @Test("one bar per area, the cut-off, escaped names, the illustrative footnote")
  func svg() {
    let svg = RankIntervalChart(Self.result, illustrative: true).svg()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    // K = 2: at least 10 rows are asked for, all 5 areas are shown; one bar (with a tooltip) each.
    #expect(svg.components(separatedBy: "rx=\"4\"").count - 1 == 5)
    #expect(svg.contains("1. Ana &amp; &lt;Bo&gt;"))
    #expect(!svg.contains("<Bo>"))
    #expect(svg.contains("topp 2"))
    #expect(svg.contains("Illustrativa data – inte officiell statistik"))
    #expect(svg.contains("4 replikationer (slumpfrö 3)"))
  }

  @Test("English labels; no footnote unless asked")
  func english() {
    let svg = RankIntervalChart(Self.result, language: .en).svg()
    #expect(svg.contains("top 2") && svg.contains("Rank (1 = most vulnerable)"))
    #expect(!svg.contains("Illustra"))
  }

  @Test("bars are coloured by the selection probability")
  func colours() {
    var chart = RankIntervalChart(title: "t")
    chart.rows = [
      .init(label: "a", nominal: 1, median: 1, low: 1, high: 1, selectionProbability: 1),
      .init(label: "b", nominal: 2, median: 2, low: 1, high: 3, selectionProbability: 0.5),
      .init(label: "c", nominal: 3, median: 3, low: 2, high: 4, selectionProbability: 0.1),
    ]
    let svg = chart.svg()
    // stable blue, uncertain orange, rare grey — each once in a bar plus once in the legend
    #expect(svg.components(separatedBy: "fill=\"#0072B2\"").count - 1 == 2)
    #expect(svg.components(separatedBy: "fill=\"#E69F00\"").count - 1 == 2)
    #expect(svg.components(separatedBy: "fill=\"#BBBBBB\"").count - 1 == 2)
  }
}
