import Foundation
import KraftsamlingKit
import Testing

@Suite("COIN outlier treatment")
struct OutlierTreatmentTests {
  private func treat(_ x: [Double], _ t: OutlierTreatment) throws -> IndexResult {
    let table = IndexFixtures.valueTable(["v": x.map { $0 }])
    let d = IndexDefinition(id: "t", indicators: [.init(id: "v", valueColumn: "v")], normalization: .identity, outliers: t)
    return try d.run(on: table)
  }

  @Test func coinrExampleWinsorisesOnePoint() throws {
    // COINr's own example x = c(1:10, 30, 100): skew 3.063, kurt 9.741 fail
    // (|skew| ≥ 2 and kurt ≥ 3.5); 100 → 30 gives skew 1.712 < 2: passes.
    let x: [Double] = Array(1...10).map(Double.init) + [30, 100]
    let r = try treat(x, .coin())
    #expect(r.value(0, row: 11) == 30)
    #expect(r.value(0, row: 10) == 30)
    #expect(r.cellFlags[0][11] == [.winsorised])
    #expect(r.cellFlags[0][10] == [])
    #expect(r.summaries[0].treatment == .winsorised(1))
    // the summary describes the data before treatment: COINr's skew() and kurt()
    #expect(close(r.summaries[0].skewness, 3.0632410342394985, 1e-12))
    #expect(close(r.summaries[0].kurtosis, 9.741390834569144, 1e-12))
  }

  @Test func lowOutliersAreWinsorisedUpwards() throws {
    // 1…20, −60, −40: skew −2.717, kurt 7.461 → −60 → −40 (still −2.382, 5.489)
    // → both −40 → 1: passes with 2 points changed.
    let x: [Double] = Array(1...20).map(Double.init) + [-60, -40]
    let r = try treat(x, .coin())
    #expect(r.value(0, row: 20) == 1 && r.value(0, row: 21) == 1)
    #expect(r.summaries[0].treatment == .winsorised(2))
  }

  @Test func fallsBackToTheLogTransformOfTheOriginalValues() throws {
    // twenty 1s, 2, 3, 100, 200 with at most one point: 200 → 100 still fails
    // (skew 3.22, kurt 9.12), so COINr's log_CT is applied to the original:
    // ln(x − 1 + 0.01·(200 − 1)) = ln(x + 0.99)
    let x: [Double] = [Double](repeating: 1, count: 20) + [2, 3, 100, 200]
    let r = try treat(x, .coin(maxWinsorised: 1))
    #expect(r.summaries[0].treatment == .logTransformed)
    #expect(close(r.value(0, row: 0), log(1.99)))
    #expect(close(r.value(0, row: 23), log(200.99)))
    #expect(r.cellFlags[0].allSatisfy { !$0.contains(.winsorised) })
    #expect(r.warnings.contains { $0.code == "index.log-transformed" })
  }

  @Test func indicatorsThatPassAreLeftAlone() throws {
    let r = try treat([1, 2, 3, 4, 5], .coin())
    #expect(r.summaries[0].treatment == .none)
    #expect(r.value(0, row: 4) == 5)
  }
}

@Suite("Empirical-Bayes shrinkage")
struct EmpiricalBayesTests {
  // y = 1, 10, 40, 0 over n = 10, 100, 200, 5 (the last below minDenominator 10).
  // m = 51/315 = 0.161905; s² = Σn(r − m)²/Σn = 0.0026757; n̄ = 315/4 = 78.75;
  // A = s² − m/n̄ = 0.00061980; Cᵢ = A/(A + m/nᵢ); θᵢ = m + Cᵢ(rᵢ − m):
  // θ = 0.159622, 0.144767, 0.178424, 0.158864.
  @Test func marshallGlobalEstimator() throws {
    var t = AreaTable(codes: ["a", "b", "c", "d"])
    try t.addColumn("y", [1, 10, 40, 0])
    try t.addColumn("n", [10, 100, 200, 5])
    let d = IndexDefinition(
      id: "t", indicators: [.init(id: "r", numerator: "y", denominator: "n")], normalization: .identity,
      smallNumbers: SmallNumberPolicy(minDenominator: 10, shrinkage: .empiricalBayes(within: nil)))
    let r = try d.run(on: t)
    #expect(close(r.value(0, row: 0), 0.1596223021582734, 1e-12))
    #expect(close(r.value(0, row: 1), 0.14476704929101958, 1e-12))
    #expect(close(r.value(0, row: 2), 0.17842411422527765, 1e-12))
    // the small area is kept, shrunk hard toward m, and flagged
    #expect(close(r.value(0, row: 3), 0.15886394869445716, 1e-12))
    #expect(r.cellFlags[0][3] == [.smallDenominator, .shrunk])
    // the observed rate is still the raw 0/5
    #expect(r.rate(0, row: 3) == 0)
    #expect(r.rankedCount == 4)
  }

  // Within parents: P = {a, b, c} (y 1, 10, 40 over n 10, 100, 200) has 3
  // areas and its own estimate m = 51/310 = 0.164516, A = 0.00069719; Q = {d, e}
  // (5/50, 8/40) has fewer than 3 and uses the global m = 64/400 = 0.16,
  // A = 0.0004. θ = 0.161893, 0.145313, 0.180794 | 0.153333, 0.163636.
  @Test func marshallLocalEstimatorWithinParentAreas() throws {
    var t = AreaTable(codes: ["a", "b", "c", "d", "e"])
    try t.addColumn("y", [1, 10, 40, 5, 8])
    try t.addColumn("n", [10, 100, 200, 50, 40])
    let h = try AreaHierarchy(areas: [
      Area(code: "P", name: "P", level: .geso), Area(code: "Q", name: "Q", level: .geso),
      Area(code: "a", name: "a", level: .delområde, parents: [.geso: "P"]),
      Area(code: "b", name: "b", level: .delområde, parents: [.geso: "P"]),
      Area(code: "c", name: "c", level: .delområde, parents: [.geso: "P"]),
      Area(code: "d", name: "d", level: .delområde, parents: [.geso: "Q"]),
      Area(code: "e", name: "e", level: .delområde, parents: [.geso: "Q"]),
    ])
    let d = IndexDefinition(
      id: "t", indicators: [.init(id: "r", numerator: "y", denominator: "n")], normalization: .identity,
      smallNumbers: SmallNumberPolicy(minDenominator: 10, shrinkage: .empiricalBayes(within: .geso)))
    let r = try d.run(on: t, hierarchy: h)
    let expected = [0.16189320388349515, 0.1453131941359396, 0.18079424854501883, 0.15333333333333332, 0.16363636363636364]
    for (i, e) in expected.enumerated() { #expect(close(r.value(0, row: i), e, 1e-12)) }
  }

  @Test func shrinkageWithinParentsNeedsAHierarchy() {
    let d = IndexDefinition(
      id: "t", indicators: [.init(id: "r", numerator: "y", denominator: "n")],
      smallNumbers: SmallNumberPolicy(shrinkage: .empiricalBayes(within: .geso)))
    var t = AreaTable(codes: ["a"])
    try! t.addColumn("y", [1])
    try! t.addColumn("n", [10])
    do {
      _ = try d.run(on: t)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .missingHierarchy)
    }
  }
}
