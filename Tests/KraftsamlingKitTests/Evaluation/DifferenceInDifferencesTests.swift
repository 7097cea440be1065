import KraftsamlingCore
import Testing

@testable import KraftsamlingFollowUp

@Suite("DifferenceInDifferences")
struct DifferenceInDifferencesTests {
  /// Rates of areas over years as a panel with the given denominators.
  static func panel(_ rates: [[Double]], populations: [Double], firstYear: Int = 2010) -> IndicatorPanel {
    var observations: [IndicatorPanel.Observation] = []
    for (i, row) in rates.enumerated() {
      for (t, r) in row.enumerated() {
        observations.append(
          .init(code: "A\(i)", year: firstYear + t, numerator: r * populations[i], denominator: populations[i]))
      }
    }
    return IndicatorPanel(observations: observations)
  }

  @Test("a hand-computed 2×2 case: estimate, CR1 standard error, t interval with G − 1 df")
  func handComputed() throws {
    // Changes (post − pre): treated A0 −0.03 (pop 100), A1 −0.01 (pop 300);
    // comparison A2 0.00 (pop 200), A3 0.02 (pop 200), A4 0.01 (pop 100).
    let rates: [[Double]] = [[0.20, 0.17], [0.10, 0.09], [0.15, 0.15], [0.12, 0.14], [0.11, 0.12]]
    let panel = Self.panel(rates, populations: [100, 300, 200, 200, 100])
    let did = try DifferenceInDifferences(
      panel: panel, treated: ["A0", "A1"], comparison: ["A2", "A3", "A4"], preYears: 2010...2010,
      postYears: 2011...2011)
    // Treated mean: (100·−0.03 + 300·−0.01)/400 = −0.015; comparison: (0 + 200·0.02 + 100·0.01)/500 = 0.01.
    #expect(abs(did.effect.estimate - -0.025) < 1e-12)
    // Meat: treated (0.25·−0.015)² + (0.75·0.005)² = 2.8125e-5;
    // comparison (0.4·−0.01)² + (0.4·0.01)² + (0.2·0)² = 3.2e-5; CR1 factor G/(G − 2) = 5/3.
    let se = ((2.8125e-5 + 3.2e-5) * 5 / 3).squareRoot()
    #expect(abs(did.effect.standardError - se) < 1e-12)
    #expect(did.degreesOfFreedom == 4)
    // t(0.975, 4) = 2.7764451051977934.
    #expect(abs(did.effect.upper - (-0.025 + 2.7764451051977934 * se)) < 1e-12)
    #expect(abs(did.effect.lower - (-0.025 - 2.7764451051977934 * se)) < 1e-12)
    #expect(did.eventStudy.map(\.year) == [2010, 2011])
    #expect(did.eventStudy[0].estimate.estimate == 0 && did.eventStudy[0].estimate.pValue == 1)
    #expect(abs(did.eventStudy[1].estimate.estimate - -0.025) < 1e-12)
  }

  @Test("overlapping groups, too few areas and reversed periods are refused")
  func refusals() {
    let panel = Self.panel([[0.1, 0.2], [0.2, 0.2], [0.3, 0.1]], populations: [1, 1, 1])
    #expect(throws: FollowUpError.self) {
      try DifferenceInDifferences(panel: panel, treated: ["A0"], comparison: ["A0", "A1"], preYears: 2010...2010, postYears: 2011...2011)
    }
    #expect(throws: FollowUpError.self) {
      try DifferenceInDifferences(panel: panel, treated: ["A0"], comparison: ["A1"], preYears: 2010...2010, postYears: 2011...2011)
    }
    #expect(throws: FollowUpError.self) {
      try DifferenceInDifferences(panel: panel, treated: ["A0"], comparison: ["A1", "A2"], preYears: 2011...2011, postYears: 2010...2010)
    }
  }

  @Test("with a planted effect the 95 % interval covers the truth in at least 90 % of 200 seeds")
  func coverage() {
    var covered = 0
    for seed in 0..<200 {
      var g = SeededGenerator(seed: 9000 + UInt64(seed))
      let areas = 40
      let treatedCount = 8
      let years = 8
      let effect = -0.02
      let yearEffects = (0..<years).map { _ in 0.01 * g.normal() }
      let populations = (0..<areas).map { _ in 200 + Double(g.uniform(below: 1800)) }
      let rates = (0..<areas).map { i in
        let level = 0.12 + 0.03 * g.normal()
        return (0..<years).map { t in
          level + yearEffects[t] + 0.01 * g.normal() + (i < treatedCount && t >= 5 ? effect : 0)
        }
      }
      let outcomes = OutcomeMatrix(
        codes: (0..<areas).map { "A\($0)" }, years: Array(2010..<(2010 + years)), rates: rates, populations: populations)
      let did = DifferenceInDifferences(
        outcomes: outcomes, treatedRows: Array(0..<treatedCount), comparisonRows: Array(treatedCount..<areas),
        preYears: 2010...2014, postYears: 2015...2017)
      if did.effect.lower <= effect && effect <= did.effect.upper { covered += 1 }
    }
    #expect(covered >= 180, "covered \(covered) of 200")
  }
}
