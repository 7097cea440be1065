import KraftsamlingKit
import Testing

@Suite("Normalisation fixed at a reference year")
struct FittedNormalizationTests {
  static let reference: [Double] = [0.3, 0.1, 0.3, 0.2, 0.5, -0.4]

  @Test(
    "applied to the reference values, each fitted method gives exactly what normalize gives",
    arguments: [
      ZScore() as any Normalization, ZScore(deviation: .sample), MinMax(), RankNormalization(), PercentileRank(),
      IMDExponential(), DistanceToReference(), DistanceToReference(.value(0.2), mode: .difference),
      Goalposts(lower: 0, upper: 0.4), IdentityNormalization(),
    ])
  func sameOnReference(_ method: any Normalization) throws {
    for orientation in [1.0, -1.0] {
      let context = NormalizationContext(indicator: "x", orientation: orientation, pooledValue: 0.25)
      var expected = Self.reference
      method.normalize(&expected, context: context)
      var got = Self.reference
      try FittedNormalization(method, reference: Self.reference, context: context).apply(&got)
      #expect(got == expected, "\(method)")
    }
  }

  @Test("ranks among the reference values: competition ranks at the values, interpolated between, 1 and n beyond")
  func referenceRanks() {
    let r = ReferenceRanks([10, 40, 20, 20])
    #expect([5, 10, 15, 20, 30, 40, 50].map(r.rank(of:)) == [1, 1, 1.5, 2, 3, 4, 4])
  }

  @Test("percentile and IMD of values outside the reference year stay on the reference scale")
  func outside() throws {
    let c = NormalizationContext()
    var p = [0.0, 0.6, 0.25]
    try FittedNormalization(PercentileRank(), reference: [0.1, 0.2, 0.3], context: c).apply(&p)
    #expect(p == [0, 100, 75])
    var imd = [1.0]
    try FittedNormalization(IMDExponential(), reference: [0.1, 0.2, 0.3], context: c).apply(&imd)
    #expect(abs(imd[0] - 100) < 1e-12)  // worse than every reference value: the most deprived
  }

  @Test("a normalisation that is not built in cannot be fixed")
  func custom() {
    struct Halve: Normalization {
      var specification: StrategySpecification { StrategySpecification("halve") }
      func normalize(_ values: inout [Double], context: NormalizationContext) {
        for i in values.indices { values[i] /= 2 }
      }
    }
    #expect(throws: IndexError.self) { try FittedNormalization(Halve(), reference: [1], context: NormalizationContext()) }
  }
}
