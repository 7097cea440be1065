import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("ShiftRule")
struct ShiftRuleTests {
  let a = IndicatorSeries.Point(year: 2013, numerator: 50, denominator: 1000)
  let b = IndicatorSeries.Point(year: 2014, numerator: 80, denominator: 1000)

  @Test("binomial rule: two-proportion z with pooled variance")
  func binomial() throws {
    // p̂ = 130/2000 = 0.065; SE = √(0.065·0.935·(1/1000 + 1/1000)) = 0.011025; z = 0.03/0.011025 = 2.7211.
    let r = try #require(BinomialShiftRule(k: 3).assess(from: a, to: b))
    #expect(abs(r.change - 0.03) < 1e-12)
    #expect(abs(r.statistic! - 2.721095431170472) < 1e-9)
    #expect(!r.isLarge && !r.smallNumbers)
    #expect(BinomialShiftRule(k: 2).assess(from: a, to: b)?.isLarge == true)
    // No change at 0 %: SE 0, z 0, not large.
    let zero = IndicatorSeries.Point(year: 2013, numerator: 0, denominator: 10)
    let r0 = try #require(BinomialShiftRule().assess(from: zero, to: zero))
    #expect(r0.statistic == 0 && !r0.isLarge && r0.smallNumbers)
  }

  @Test("the binomial rule needs counts; the absolute rule needs values")
  func needs() {
    let v1 = IndicatorSeries.Point(year: 2013, value: 0.05)
    let v2 = IndicatorSeries.Point(year: 2014, value: 0.065)
    #expect(BinomialShiftRule().assess(from: v1, to: v2) == nil)
    // |0.065 − 0.05| = 1.5 pp > 1 pp.
    #expect(AbsoluteShiftRule(percentagePoints: 1).assess(from: v1, to: v2)?.isLarge == true)
    #expect(AbsoluteShiftRule(percentagePoints: 2).assess(from: v1, to: v2)?.isLarge == false)
    let rule: any ShiftRule = .binomial(k: 2.5)
    #expect(rule.summary.hasPrefix("|z| > 2.5"))
  }
}
