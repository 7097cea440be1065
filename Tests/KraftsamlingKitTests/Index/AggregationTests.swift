import Foundation
import KraftsamlingKit
import Testing

@Suite("Aggregations")
struct AggregationTests {
  private func contributions(_ a: any Aggregation, _ x: [Double], _ w: [Double]) -> (Double, [Double]) {
    let s = a.aggregate(x, weights: w)
    var c = [Double](repeating: 0, count: x.count)
    a.contributions(x, weights: w, score: s, into: &c)
    return (s, c)
  }

  @Test func arithmeticMeanDividesByTheWeightsPresent() {
    // (1·1 + 1·2 + 2·6)/4 = 15/4
    let (s, c) = contributions(.arithmetic, [1, 2, 6], [1, 1, 2])
    #expect(close(s, 3.75))
    // contributions wᵢxᵢ/Σw = 0.25, 0.5, 3 — they sum to the score
    #expect(close(c, [0.25, 0.5, 3]))
    #expect(close(c.reduce(0, +), s))
  }

  @Test func geometricMeanOfPositiveValues() {
    // √(1·4) = 2; contributions ln(1)/2 = 0 and ln(4)/2, summing to ln 2
    let (s, c) = contributions(.geometric, [1, 4], [1, 1])
    #expect(close(s, 2))
    #expect(close(c.reduce(0, +), log(2)))
    // weights 1 and 3: exp((ln 1 + 3 ln 16)/4) = 16^(3/4) = 8
    #expect(close(WeightedGeometricMean().aggregate([1, 16], weights: [1, 3]), 8))
  }

  @Test func geometricMeanNeedsPositiveValuesOrAnOffset() {
    #expect(WeightedGeometricMean().aggregate([0, 4], weights: [1, 1]).isNaN)
    #expect(WeightedGeometricMean().domainProblem(for: 0) != nil)
    #expect(WeightedGeometricMean().domainProblem(for: 0.1) == nil)
    // offset 1: √((0+1)(3+1)) − 1 = 1
    #expect(close(WeightedGeometricMean(offset: 1).aggregate([0, 3], weights: [1, 1]), 1))
    #expect(WeightedGeometricMean(offset: 1).domainProblem(for: -0.5) == nil)
  }

  @Test func harmonicMean() {
    // 2/(1/1 + 1/4) = 1.6; contributions 1.6·(1/1.25, 0.25/1.25) = 1.28, 0.32
    let (s, c) = contributions(.harmonic, [1, 4], [1, 1])
    #expect(close(s, 1.6))
    #expect(close(c, [1.28, 0.32]))
    #expect(WeightedHarmonicMean().domainProblem(for: -1) != nil)
  }

  @Test func minimumIsNonCompensatory() {
    let (s, c) = contributions(.minimum, [2, 0.5, 3], [1, 1, 1])
    #expect(s == 0.5)
    #expect(c == [0, 0.5, 0])
    // ties share the score
    let (s2, c2) = contributions(.minimum, [1, 1, 3], [1, 1, 1])
    #expect(s2 == 1 && c2 == [0.5, 0.5, 0])
    // a zero weight leaves an indicator out
    #expect(MinimumAggregation().aggregate([0.1, 2], weights: [0, 1]) == 2)
  }

  @Test func thresholdCountCountsValuesStrictlyAbove() {
    // 1.5 and 2.0 are > 1; 1.0 is not
    let (s, c) = contributions(.thresholdCount(above: 1, required: 2), [1.5, 0.2, 2.0, 1.0], [1, 1, 1, 1])
    #expect(s == 2)
    #expect(c == [1, 0, 1, 0])
  }

  @Test func thresholdCountWithUnequalWeights() {
    // mean weight (2 + 1 + 1)/3 = 4/3: beyond are indicators 1 and 3 → 2/(4/3) + 1/(4/3) = 1.5 + 0.75
    #expect(close(ThresholdCount(threshold: 0).aggregate([1, -1, 1], weights: [2, 1, 1]), 2.25))
  }

  @Test(arguments: [
    ("arithmetic", 2.0), ("geometric", 3.0.squareRoot()), ("harmonic", 1.5), ("minimum", 1.0), ("count", 1.0),
  ])
  func catalogBuildsEveryBuiltIn(name: String, expected: Double) throws {
    let a = try IndexStrategyCatalog.builtIn.aggregation(StrategySpecification(name))
    // values 1 and 3, equal weights; count: threshold 1 → only 3 counts
    #expect(close(a.aggregate([1, 3], weights: [1, 1]), expected))
  }

  @Test func countRejectsAFractionalRequirement() {
    #expect(throws: IndexError.self) {
      try IndexStrategyCatalog.builtIn.aggregation(StrategySpecification("count", parameters: ["required": 1.5]))
    }
  }
}
