import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("False discovery rate")
struct FalseDiscoveryRateTests {
  /// n = 8, α = 0.05: cut-offs k·α/n = 0.00625 k.
  /// Sorted p: 0.001 < 0.00625 ✓, 0.008 < 0.0125 ✓, 0.039 < 0.01875 ✗, 0.041 < 0.025 ✗,
  /// 0.042 < 0.03125 ✗, 0.06 < 0.0375 ✗, 0.074 < 0.04375 ✗, 0.205 < 0.05 ✗ → largest k = 2, cut-off 0.0125.
  @Test("The threshold is esda's fdr: the largest k·α/n with p₍ₖ₎ < k·α/n")
  func threshold() {
    let p = [0.06, 0.001, 0.041, 0.205, 0.008, 0.039, 0.074, 0.042]
    #expect(FalseDiscoveryRate.threshold(p, alpha: 0.05) == 2 * 0.05 / 8)
  }

  /// n = 4, α = 0.05: cut-offs 0.0125, 0.025, 0.0375, 0.05; 0.04 < 0.0375 ✗, 0.02 < 0.025 ✓ → 0.025.
  /// No p below its cut-off: Bonferroni fallback α/n = 0.0125.
  /// A k that qualifies above a k that does not: 0.03 < 0.0375 ✓ although 0.02 ≥ 0.025 — BH steps up → 0.0375.
  @Test(
    "Hand-computed thresholds, including the α/n fallback",
    arguments: [
      ([0.01, 0.02, 0.04, 0.3], 0.025),
      ([0.2, 0.3, 0.4, 0.5], 0.0125),
      ([0.02, 0.02, 0.03, 0.9], 3 * 0.05 / 4),
      ([0.0125, 0.5, 0.6, 0.7], 0.0125),  // 0.0125 < 0.0125 is false (strict), so the fallback
    ])
  func cases(_ p: [Double], _ expected: Double) {
    #expect(abs(FalseDiscoveryRate.threshold(p, alpha: 0.05) - expected) < 1e-15)
  }

  /// Sorted 0.01, 0.03, 0.04 (n = 3): n·p/k = 0.03, 0.045, 0.04; running minimum from the top:
  /// 0.04, min(0.045, 0.04) = 0.04, min(0.03, 0.04) = 0.03 → in input order [0.03, 0.04, 0.04].
  @Test("Adjusted p-values are R's p.adjust(method = \"BH\")")
  func adjusted() {
    let q = FalseDiscoveryRate.adjusted([0.01, 0.04, 0.03])
    #expect(zip(q, [0.03, 0.04, 0.04]).allSatisfy { abs($0 - $1) < 1e-15 })
    #expect(FalseDiscoveryRate.adjusted([]) == [])
    #expect(FalseDiscoveryRate.adjusted([0.9, 0.8]) == [0.9, 0.9])
  }

  @Test("Areas below the threshold are exactly those with adjusted p < α (no ties at the boundary)")
  func consistency() {
    let p = [0.06, 0.001, 0.041, 0.205, 0.008, 0.039, 0.074, 0.042, 0.0031, 0.5]
    let t = FalseDiscoveryRate.threshold(p, alpha: 0.1)
    let q = FalseDiscoveryRate.adjusted(p)
    for (pi, qi) in zip(p, q) { #expect((pi < t) == (qi < 0.1)) }
  }
}
