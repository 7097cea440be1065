import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("DisclosureControl")
struct DisclosureControlTests {
  @Test("counts are suppressed below 5, at the boundary shown", arguments: [
    (0.0, "0"), (1, ".."), (4, ".."), (5, "5"), (6, "6"), (1200, "1200"),
  ])
  func counts(value: Double, shown: String) {
    #expect(DisclosureControl().count(value) == shown)
  }

  @Test("rates are suppressed when the denominator is below 10", arguments: [
    (1.0, 9.0, ".."), (1, 10, "0.10"), (0, 10, "0.00"), (3, 40, "0.08"), (0, 0, ".."),
  ])
  func rates(numerator: Double, denominator: Double, shown: String) {
    #expect(DisclosureControl().rate(numerator: numerator, denominator: denominator) == shown)
  }

  @Test("thresholds, zero suppression, marker and percent are configurable")
  func configurable() {
    let dc = DisclosureControl(minimumCount: 3, minimumDenominator: 50, suppressZero: true, marker: "–")
    #expect(dc.count(0) == "–")
    #expect(dc.count(2) == "–")
    #expect(dc.count(3) == "3")
    #expect(dc.rate(numerator: 10, denominator: 49) == "–")
    #expect(dc.rate(numerator: 10, denominator: 50, places: 1, percent: true) == "20.0")
    #expect(DisclosureControl.off.count(1) == "1")
    #expect(dc.count(nil) == "–")
  }
}
