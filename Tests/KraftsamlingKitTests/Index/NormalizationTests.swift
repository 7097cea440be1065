import Foundation
import KraftsamlingKit
import Testing

@Suite("Normalisations")
struct NormalizationTests {
  private func run(_ n: any Normalization, _ x: [Double], orientation: Double = 1, pooled: Double? = nil) -> [Double] {
    var v = x.map { $0 * orientation }
    n.normalize(&v, context: NormalizationContext(indicator: "x", orientation: orientation, pooledValue: pooled))
    return v
  }

  @Test func zScoreUsesThePopulationStandardDeviation() {
    // mean 3; Σd² = 4 + 1 + 0 + 9 = 14; population SD √(14/4) = 1.870829
    let z = run(.zScore, [1, 2, 3, 6])
    #expect(close(z, [-2 / 1.8708286933869707, -1 / 1.8708286933869707, 0, 3 / 1.8708286933869707]))
  }

  @Test func zScoreWithSampleStandardDeviation() {
    // sample SD √(14/3) = 2.160247
    let z = run(.zScore(.sample), [1, 2, 3, 6])
    #expect(close(z, [-2, -1, 0, 3].map { $0 / (14.0 / 3).squareRoot() }))
  }

  @Test func zScoreFlipsHigherIsBetter() {
    // negated values −1, −2, −3, −6: mean −3, z = −(raw z)
    let z = run(.zScore, [1, 2, 3, 6], orientation: -1)
    #expect(close(z, [2, 1, 0, -3].map { $0 / 1.8708286933869707 }))
  }

  @Test func zScoreOfAConstantIsZero() {
    #expect(run(.zScore, [4, 4, 4]) == [0, 0, 0])
  }

  @Test func minMaxMapsOntoZeroToHundred() {
    // (x − 2)/(10 − 2)·100
    #expect(close(run(.minMax, [2, 4, 10]), [0, 25, 100]))
    // flipped: the lowest raw value gets 100
    #expect(close(run(.minMax, [2, 4, 10], orientation: -1), [100, 75, 0]))
    #expect(run(.minMax, [3, 3]) == [50, 50])
  }

  @Test func rankUsesCompetitionRanksWithTiesAtTheLowest() {
    #expect(run(.rank, [0.3, 0.1, 0.3, 0.2]) == [3, 1, 3, 2])
    // flipped: −0.3, −0.1, −0.3, −0.2 → the two 0.3s are best (rank 1)
    #expect(run(.rank, [0.3, 0.1, 0.3, 0.2], orientation: -1) == [1, 4, 1, 3])
  }

  @Test func percentileRankIsHundredTimesRankMinusOneOverNMinusOne() {
    // ranks 3, 1, 3, 2 of 4 → 100·(2, 0, 2, 1)/3
    #expect(close(run(.percentileRank, [0.3, 0.1, 0.3, 0.2]), [200.0 / 3, 0, 200.0 / 3, 100.0 / 3]))
    #expect(run(.percentileRank, [7]) == [50])
  }

  @Test func imdExponentialGivesHundredToTheMostDeprived() {
    // descending ranks 1, 4, 3, 2 → R = 1, 1/4, 2/4, 3/4; X = −23·ln(1 − R·(1 − e^(−100/23)))
    let k = 1 - exp(-100.0 / 23)  // ≈ 0.987054
    let expected = [1.0, 0.25, 0.5, 0.75].map { -23 * log(1 - $0 * k) }
    let x = run(.imdExponential, [0.4, 0.1, 0.2, 0.3])
    #expect(close(x, expected))
    #expect(close(x[0], 100, 1e-9))
    #expect(close(x[1], 6.517733, 1e-5))
  }

  @Test func imdExponentialTiesShareTheMoreDeprivedRank() {
    // 0.5, 0.5 both rank 1 (R = 1) → 100; 0.1 rank 3 of 3 → R = 1/3
    let x = run(.imdExponential, [0.5, 0.5, 0.1])
    #expect(close(x[0], 100) && close(x[1], 100))
    #expect(x[2] < 10)
  }

  @Test func goalpostsTruncateAndFlipTheirRoles() {
    // (x − 0.1)/(0.4 − 0.1)·100, truncated
    #expect(close(run(.goalposts(lower: 0.1, upper: 0.4), [0.05, 0.2, 0.5]), [0, 100.0 / 3, 100]))
    // higher is better: 100·(0.4 − x)/0.3
    #expect(close(run(.goalposts(lower: 0.1, upper: 0.4), [0.05, 0.2, 0.5], orientation: -1), [100, 200.0 / 3, 0]))
    #expect(close(run(.goalposts(lower: 0, upper: 1, truncate: false), [1.5]), [150]))
  }

  @Test func goalpostsMustBeOrdered() {
    #expect(throws: IndexError.self) { try Goalposts(lower: 1, upper: 1).validate() }
  }

  @Test func distanceToReferenceIsPerCentOfTheReference() {
    // 100·(x − 0.1)/0.1
    #expect(close(run(.distanceToReference(.value(0.1)), [0.05, 0.1, 0.3]), [-50, 0, 200]))
    // higher is better: 100·(0.1 − x)/0.1
    #expect(close(run(.distanceToReference(.value(0.1)), [0.05, 0.1, 0.3], orientation: -1), [50, 0, -200]))
    // pooled reference from the context; difference mode in percentage points
    #expect(close(run(.distanceToReference, [0.1, 0.3], pooled: 0.2), [-50, 50]))
    #expect(close(run(.distanceToReference(.pooled, mode: .difference), [0.1, 0.3], pooled: 0.2), [-10, 10]))
  }

  @Test func identityKeepsOrientedValues() {
    #expect(run(.identity, [0.1, 0.3]) == [0.1, 0.3])
    #expect(run(.identity, [0.1, 0.3], orientation: -1) == [-0.1, -0.3])
  }

  @Test(arguments: [
    ("zscore", "zscore"), ("minmax", "minmax"), ("rank", "rank"), ("percentile", "percentile"), ("imd-exp", "imd-exp"),
    ("distance", "distance"), ("identity", "identity"),
  ])
  func catalogBuildsEveryBuiltInByName(name: String, method: String) throws {
    let n = try IndexStrategyCatalog.builtIn.normalization(StrategySpecification(name))
    #expect(n.specification.method == method)
  }

  @Test func catalogSuggestsTheNearestName() {
    do {
      _ = try IndexStrategyCatalog.builtIn.normalization(StrategySpecification("zscor"))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownMethod)
      #expect(error.hint?.contains("zscore") == true)
    }
  }
}

