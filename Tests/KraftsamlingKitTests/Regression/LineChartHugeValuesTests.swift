import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Regression: `LineChart.svg()` hung on extreme values (found by reading
/// the code while fuzzing the follow-up). The y-axis steps stopped at 10,
/// so a value of 1e300 asked for 1e299 grid lines; and near −1e20 a step
/// of 0.0001 does not change the running value, so the grid loop never
/// ended. Fixed in `Reporting/Charts/LineChart.swift`: steps continue
/// 20, 50, 100, … and the grid loop is bounded; non-finite values are
/// left out of the axis range. The time limit is generous because under
/// ThreadSanitizer on a loaded 2-core runner a trivial test can wait over a
/// minute for a thread; a hang still fails it.
@Suite("Regression: LineChart with extreme values")
struct LineChartHugeValuesTests {
  func chart(_ values: [Double?]) -> String {
    var c = LineChart(title: "T", yAxisLabel: "A")
    c.series = [LineChart.Series(name: "S", years: Array(2020..<(2020 + values.count)), values: values)]
    return c.svg()
  }

  /// The horizontal grid lines (stroke #e0e0e0) of an SVG.
  func gridLines(_ svg: String) -> Int { svg.components(separatedBy: "stroke=\"#e0e0e0\"").count - 1 }

  @Test(
    "huge, tiny and non-finite values give a bounded chart", .timeLimit(.minutes(10)),
    arguments: [
      [0.1, 1e300], [1e6, 2e6], [-1e20, -1e20], [-1e300, 0.5], [.infinity, 0.2], [.nan, 0.3], [-.infinity, .nan],
    ] as [[Double?]])
  func extremeValues(values: [Double?]) {
    let svg = chart(values)
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(gridLines(svg) >= 1 && gridLines(svg) <= 100, "\(gridLines(svg)) grid lines")
  }

  @Test("shares keep their axis: 0–10 % in steps of 2 percentage points")
  func sharesUnchanged() {
    // niceRange(0, 0.1): span 0.1, the first step with ≤ 8 intervals is 0.02; 0.1/0.02 rounds
    // up to 6 in floating point → 0, 0.02, …, 0.12.
    let (lo, hi, step) = LineChart.niceRange(0, 0.1)
    #expect(lo == 0 && step == 0.02 && close(hi, 0.12, 1e-12))
    #expect(gridLines(chart([0.05, 0.1])) == 7)
  }

  @Test("steps continue beyond 10: a span of 1,000 gets steps of 200")
  func largeSpan() {
    // 1000/10 = 100 > 8, /20 = 50, /50 = 20, /100 = 10, /200 = 5 ≤ 8 → step 200; b = 1000 == hi → 1200.
    #expect(LineChart.niceRange(0, 1000) == (0, 1200, 200))
  }
}
