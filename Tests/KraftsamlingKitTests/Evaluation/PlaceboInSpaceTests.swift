import KraftsamlingCore
import Testing

@testable import KraftsamlingFollowUp

@Suite("PlaceboInSpace")
struct PlaceboInSpaceTests {
  /// Ten exchangeable areas from a two-factor model over 12 years (8 pre-period); area 0 is
  /// "treated", plus `effect` in the post-period.
  static func outcomes(seed: UInt64, effect: Double) -> OutcomeMatrix {
    var g = SeededGenerator(seed: seed)
    let years = 12
    let factors = (0..<years).map { _ in (g.normal(), g.normal()) }
    let rates = (0..<10).map { i in
      let loading = (g.uniform(), g.uniform())
      return (0..<years).map { t in
        0.15 + 0.02 * (loading.0 * factors[t].0 + loading.1 * factors[t].1) + 0.01 * g.normal()
          + (i == 0 && t >= 8 ? effect : 0)
      }
    }
    return OutcomeMatrix(
      codes: (0..<10).map { "A\($0)" }, years: Array(2010..<2022), rates: rates,
      populations: [Double](repeating: 1, count: 10))
  }

  @Test("p = (1 + #{donor ratios ≥ treated ratio})/(1 + J), and a large effect gets the smallest p")
  func definition() {
    let inference = PlaceboInSpace(
      outcomes: Self.outcomes(seed: 1, effect: -0.2), treatedRows: [0], donorRows: Array(1..<10), preYears: 2010...2017)
    let atLeast = inference.donorRatios.filter { $0 >= inference.treatedRatio }.count
    #expect(inference.pValue == Double(1 + atLeast) / 10)
    #expect(inference.donorRatios.count == 9)
    #expect(inference.pValue == 0.1)
  }

  @Test("under no effect the p-values over 200 seeds are close to uniform on {0.1, …, 1} (KS distance ≤ 1.36/√200)")
  func uniformUnderNull() {
    var counts = [Int](repeating: 0, count: 10)
    let seeds = 200
    for seed in 0..<seeds {
      let p = PlaceboInSpace(
        outcomes: Self.outcomes(seed: 5000 + UInt64(seed), effect: 0), treatedRows: [0], donorRows: Array(1..<10),
        preYears: 2010...2017
      ).pValue
      counts[Int((p * 10).rounded()) - 1] += 1
    }
    var cumulative = 0
    var distance = 0.0
    for k in 0..<10 {
      cumulative += counts[k]
      distance = max(distance, abs(Double(cumulative) / Double(seeds) - Double(k + 1) / 10))
    }
    #expect(distance <= 1.36 / Double(seeds).squareRoot(), "KS distance \(distance), counts \(counts)")
  }
}
