import KraftsamlingCore
import Testing

@testable import KraftsamlingFollowUp

@Suite("SyntheticControl")
struct SyntheticControlTests {
  /// Three donors and two treated areas over five years (rates, populations).
  static func panel() -> IndicatorPanel {
    let rates: [String: [Double]] = [
      "T1": [0.30, 0.31, 0.29, 0.30, 0.26], "T2": [0.20, 0.22, 0.21, 0.20, 0.18],
      "D1": [0.10, 0.12, 0.11, 0.10, 0.10], "D2": [0.25, 0.26, 0.24, 0.27, 0.26], "D3": [0.18, 0.17, 0.19, 0.18, 0.18],
    ]
    let populations: [String: Double] = ["T1": 100, "T2": 300, "D1": 200, "D2": 150, "D3": 400]
    var observations: [IndicatorPanel.Observation] = []
    for (code, row) in rates.sorted(by: { $0.key < $1.key }) {
      for (t, r) in row.enumerated() {
        observations.append(
          .init(code: code, year: 2019 + t, numerator: r * populations[code]!, denominator: populations[code]!))
      }
    }
    return IndicatorPanel(observations: observations)
  }

  @Test("two treated areas are pooled by population: the same weights as one area with the pooled rates")
  func pooled() throws {
    let panel = Self.panel()
    let sc = try SyntheticControl(panel: panel, treated: ["T1", "T2"], donors: ["D1", "D2", "D3"], preYears: 2019...2022)
    let pooled = (0..<5).map { t in
      let y = 2019 + t
      return (100 * panel.series(code: "T1")!.value(year: y)! + 300 * panel.series(code: "T2")!.value(year: y)!) / 400
    }
    #expect(zip(sc.gaps.map(\.treated), pooled).allSatisfy { abs($0 - $1) < 1e-15 })
    let d = ["D1", "D2", "D3"].map { code in (0..<4).map { panel.series(code: code)!.value(year: 2019 + $0)! } }
    let direct = SyntheticControl.weights(treated: Array(pooled.prefix(4)), donors: d, importance: [1, 1, 1, 1])
    #expect(sc.weights == direct)
    #expect(sc.predictorImportance == [1, 1, 1, 1])
    #expect(sc.postRMSPE == abs(sc.gaps[4].gap))
  }

  @Test("a covariate of importance 0 changes nothing; a heavy one pulls the weights towards its match")
  func covariates() throws {
    let panel = Self.panel()
    let base = try SyntheticControl(panel: panel, treated: ["T2"], donors: ["D1", "D2", "D3"], preYears: 2019...2022)
    let values = ["T2": 5.0, "D1": 5.0, "D2": 0.0, "D3": 1.0]
    let ignored = try SyntheticControl(
      panel: panel, treated: ["T2"], donors: ["D1", "D2", "D3"], preYears: 2019...2022,
      covariates: [EvaluationCovariate(name: "x", values: values, importance: 0)])
    #expect(ignored.weights == base.weights)
    let heavy = try SyntheticControl(
      panel: panel, treated: ["T2"], donors: ["D1", "D2", "D3"], preYears: 2019...2022,
      covariates: [EvaluationCovariate(name: "x", values: values, importance: 1e6)])
    #expect(heavy.weights[0] > base.weights[0])
    #expect(abs(heavy.weights[0] - 1) < 1e-3)
    #expect(throws: FollowUpError.self) {
      try SyntheticControl(
        panel: panel, treated: ["T2"], donors: ["D1", "D2", "D3"], preYears: 2019...2022,
        covariates: [EvaluationCovariate(name: "x", values: ["T2": 1])])
    }
  }

  @Test("a treated area among the donors, one donor, or a pre-period outside the years is refused")
  func refusals() {
    let panel = Self.panel()
    #expect(throws: FollowUpError.self) {
      try SyntheticControl(panel: panel, treated: ["T1"], donors: ["T1", "D1"], preYears: 2019...2022)
    }
    #expect(throws: FollowUpError.self) {
      try SyntheticControl(panel: panel, treated: ["T1"], donors: ["D1"], preYears: 2019...2022)
    }
    #expect(throws: FollowUpError.self) {
      try SyntheticControl(panel: panel, treated: ["T1"], donors: ["D1", "D2"], preYears: 2015...2022)
    }
  }
}
