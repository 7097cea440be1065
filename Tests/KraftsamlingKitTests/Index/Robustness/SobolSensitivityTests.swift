import Foundation
import KraftsamlingKit
import Testing

@Suite("SobolSensitivity")
struct SobolSensitivityTests {
  @Test("additive Y = X₁ + 2X₂ + 3X₃: Sᵢ = S_Tᵢ = aᵢ²/Σa² = 1/14, 4/14, 9/14 within 0.02 (N = 20,000, seed 1)")
  func additive() {
    let s = SobolSensitivity(samples: 20_000, seed: 1, bootstrapSamples: 200).analyze(factors: ["x1", "x2", "x3"]) { x in
      x[0] + 2 * x[1] + 3 * x[2]
    }
    let expected = [1.0 / 14, 4.0 / 14, 9.0 / 14]
    for i in 0..<3 {
      #expect(abs(s.factors[i].firstOrder - expected[i]) < 0.02)
      #expect(abs(s.factors[i].totalEffect - expected[i]) < 0.02)
      #expect(s.factors[i].firstOrderLower! <= s.factors[i].firstOrder)
      #expect(s.factors[i].firstOrderUpper! >= s.factors[i].firstOrder)
      #expect(s.factors[i].totalEffectLower! <= s.factors[i].totalEffect)
    }
    // V(Y) = Σaᵢ²/12 = 14/12
    #expect(abs(s.variance - 14.0 / 12) < 0.03)
    #expect(s.runs == 20_000 * 5)
  }

  @Test("Ishigami (a = 7, b = 0.1): analytical S = 0.314, 0.442, 0; S_T = 0.558, 0.442, 0.244, within 0.03 (N = 20,000, seed 3)")
  func ishigami() {
    let s = SobolSensitivity(samples: 20_000, seed: 3, bootstrapSamples: 0).analyze(factors: ["x1", "x2", "x3"]) { u in
      let x = u.map { -Double.pi + 2 * Double.pi * $0 }
      return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }
    // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V₁ = (1 + bπ⁴/5)²/2; V₂ = a²/8; V₁₃ = b²π⁸(1/18 − 1/50).
    let a = 7.0
    let b = 0.1
    let pi4 = pow(Double.pi, 4)
    let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
    let v2 = a * a / 8
    let v13 = b * b * pi4 * pi4 * (1.0 / 18 - 1.0 / 50)
    let v = v1 + v2 + v13
    let first = [v1 / v, v2 / v, 0]
    let total = [(v1 + v13) / v, v2 / v, v13 / v]
    for i in 0..<3 {
      #expect(abs(s.factors[i].firstOrder - first[i]) < 0.03, "S\(i + 1) = \(s.factors[i].firstOrder)")
      #expect(abs(s.factors[i].totalEffect - total[i]) < 0.03, "ST\(i + 1) = \(s.factors[i].totalEffect)")
    }
    #expect(s.factors[0].firstOrderLower == nil)
  }

  @Test("a factor the output ignores gets exactly 0 for both indices")
  func ignored() {
    let s = SobolSensitivity(samples: 500, seed: 2).analyze(factors: ["used", "ignored"]) { x in x[0] * x[0] }
    #expect(s.factors[1].firstOrder == 0)
    #expect(s.factors[1].totalEffect == 0)
  }

  @Test("the design: A, B, then A with column i from B; estimate(outputs:) equals analyze")
  func design() {
    let sobol = SobolSensitivity(samples: 4, seed: 7, bootstrapSamples: 50)
    let d = 2
    let x = sobol.design(factors: d)
    #expect(x.count == 4 * 4 * d)
    func row(_ r: Int) -> [Double] { Array(x[(r * d)..<((r + 1) * d)]) }
    for j in 0..<4 {
      let a = row(j)
      let b = row(4 + j)
      #expect(row(8 + j) == [b[0], a[1]])
      #expect(row(12 + j) == [a[0], b[1]])
      #expect(a.allSatisfy { $0 >= 0 && $0 < 1 } && a != b)
    }
    let model: @Sendable ([Double]) -> Double = { $0[0] + 3 * $0[1] * $0[0] }
    let y = (0..<16).map { model(row($0)) }
    #expect(sobol.estimate(outputs: y, factors: ["a", "b"]) == sobol.analyze(factors: ["a", "b"], model: model))
  }

  @Test("the same seed gives the same indices with 1 and 2 threads")
  func threads() {
    let f: @Sendable ([Double]) -> Double = { $0[0] * $0[1] + $0[2] }
    let one = SobolSensitivity(samples: 1_000, seed: 5, threads: 1).analyze(factors: ["a", "b", "c"], model: f)
    let two = SobolSensitivity(samples: 1_000, seed: 5, threads: 2).analyze(factors: ["a", "b", "c"], model: f)
    #expect(one == two)
  }
}

@Suite("RobustnessAnalysis: sensitivity")
struct RobustnessSensitivityTests {
  static let table = SyntheticData.areaTable(areas: 200, indicators: 4, seed: 12)
  static let definition = SyntheticData.definition(indicators: 4)

  @Test("a choice that cannot change ranks gets exactly 0; one that does gets more")
  func zeroFactor() throws {
    // z-scores with population or sample SD give scores in the same ratio: identical ranks.
    let space = UncertaintySpace(normalizations: [ZScore(), ZScore(deviation: .sample)], dropsIndicator: true)
    let s = try RobustnessAnalysis(space: space, seed: 1).sensitivity(Self.definition, on: Self.table, samples: 200)
    #expect(s.factors.map(\.name) == ["normalization", "dropped-indicator"])
    #expect(s.factors[0].firstOrder == 0 && s.factors[0].totalEffect == 0)
    #expect(s.factors[1].totalEffect > 0.9)
    #expect(s.output == "mean absolute rank shift")
  }

  @Test("1 and 2 threads, other outputs, errors")
  func outputs() throws {
    let prepared = try Self.definition.prepare(Self.table)
    let one = try RobustnessAnalysis(threads: 1).sensitivity(prepared, samples: 100, output: .selectionLosses)
    let two = try RobustnessAnalysis(threads: 2).sensitivity(prepared, samples: 100, output: .selectionLosses)
    #expect(one == two)
    let rank = try RobustnessAnalysis().sensitivity(prepared, samples: 100, output: .rank(area: "S0000001"))
    #expect(rank.factors.count == 3 && rank.variance > 0)
    #expect(throws: RobustnessError.self) {
      try RobustnessAnalysis().sensitivity(prepared, samples: 100, output: .rank(area: "nowhere"))
    }
    #expect(throws: RobustnessError.self) {
      try RobustnessAnalysis(space: UncertaintySpace()).sensitivity(prepared, samples: 100)
    }
  }
}
