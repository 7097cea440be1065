import Foundation
import KraftsamlingKit
import Testing

@testable import KraftsamlingFollowUp

/// Synthetic-control weights against pysyncon 1.7.0
/// (`Fixtures/evaluation/README.md`).
@Suite("Synthetic control against pysyncon")
struct SyntheticControlReferenceTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var seed: Int
      var years: [Int]
      var preYears: [Int]
      var codes: [String]
      var donors: [[Double]]
      var treated: [Double]
      var weights: [Double]
      var weightsTight: [Double]
      var lossW: Double
    }
    var versions: [String: String]
    var cases: [Case]
  }

  static func reference() throws -> Reference {
    try JSONDecoder().decode(
      Reference.self, from: try Fixtures.contents(ofFile: Fixtures.path("evaluation/synthetic-control.json")))
  }

  /// The case as a panel of rates (numerator = rate, denominator = 1).
  static func panel(_ c: Reference.Case) -> IndicatorPanel {
    var observations: [IndicatorPanel.Observation] = []
    for (t, year) in c.years.enumerated() {
      observations.append(.init(code: "T", year: year, numerator: c.treated[t], denominator: 1))
      for (j, code) in c.codes.enumerated() {
        observations.append(.init(code: code, year: year, numerator: c.donors[j][t], denominator: 1))
      }
    }
    return IndicatorPanel(observations: observations)
  }

  static func l1(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } }

  /// pysyncon's objective ½wᵀPw − qᵀw on the standardised predictors.
  static func pysynconLoss(_ c: Reference.Case, _ w: [Double]) -> Double {
    let pre = c.preYears.count
    var loss = 0.0
    for t in 0..<pre {
      let values = [c.treated[t]] + c.donors.map { $0[t] }
      let mean = values.reduce(0, +) / Double(values.count)
      let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
      let fit = zip(c.donors, w).reduce(0) { $0 + $1.0[t] * $1.1 } / sd
      loss += 0.5 * fit * fit - c.treated[t] / sd * fit
    }
    return loss
  }

  @Test("the weights equal pysyncon's converged weights to 1e-3 in L1 (lags only, V = identity)")
  func weights() throws {
    let reference = try Self.reference()
    #expect(reference.versions["pysyncon"] == "1.7.0")
    for c in reference.cases {
      let sc = try SyntheticControl(
        panel: Self.panel(c), treated: ["T"], donors: c.codes, preYears: c.preYears.first!...c.preYears.last!)
      #expect(sc.weights.allSatisfy { $0 >= 0 })
      #expect(abs(sc.weights.reduce(0, +) - 1) < 1e-12)
      let distance = Self.l1(sc.weights, c.weightsTight)
      #expect(distance < 1e-3, "seed \(c.seed): L1 \(distance)")
    }
  }

  @Test("pysyncon's default SLSQP stop is never better than the exact optimum, and close to it")
  func defaultStop() throws {
    for c in try Self.reference().cases {
      let sc = try SyntheticControl(
        panel: Self.panel(c), treated: ["T"], donors: c.codes, preYears: c.preYears.first!...c.preYears.last!)
      let ours = Self.pysynconLoss(c, sc.weights)
      #expect(abs(Self.pysynconLoss(c, c.weights) - c.lossW) < 1e-9 * max(1, abs(c.lossW)))
      #expect(ours <= c.lossW + 1e-9, "seed \(c.seed)")
      #expect(Self.l1(sc.weights, c.weights) < 0.02, "seed \(c.seed)")
    }
  }

  @Test("the gaps are treated minus Σ wⱼ·yⱼ and the pre-period RMSPE is their root mean square")
  func gaps() throws {
    let c = try Self.reference().cases[0]
    let sc = try SyntheticControl(
      panel: Self.panel(c), treated: ["T"], donors: c.codes, preYears: c.preYears.first!...c.preYears.last!)
    #expect(sc.gaps.map(\.year) == c.years)
    for (t, gap) in sc.gaps.enumerated() {
      let synthetic = zip(c.donors, sc.weights).reduce(0) { $0 + $1.0[t] * $1.1 }
      #expect(abs(gap.synthetic - synthetic) < 1e-12)
      #expect(abs(gap.gap - (c.treated[t] - synthetic)) < 1e-12)
    }
    let pre = sc.gaps.prefix(c.preYears.count).map(\.gap)
    #expect(abs(sc.preRMSPE - (pre.reduce(0) { $0 + $1 * $1 } / Double(pre.count)).squareRoot()) < 1e-12)
  }
}
