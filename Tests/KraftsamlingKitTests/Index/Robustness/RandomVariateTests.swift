import Foundation
import KraftsamlingKit
import Testing

@Suite("SeededGenerator: binomial, gamma and Dirichlet variates")
struct RandomVariateTests {
  @Test("edge cases: no trials, p = 0, p = 1")
  func edges() {
    var g = SeededGenerator(seed: 1)
    #expect(g.binomial(trials: 0, probability: 0.3) == 0)
    #expect(g.binomial(trials: 50, probability: 0) == 0)
    #expect(g.binomial(trials: 50, probability: 1) == 50)
  }

  /// Mean within 5 standard errors, variance within 3 % (K draws).
  @Test("mean n·p and variance n·p·(1 − p), inversion and BTRD, both tails", arguments: [
    (20, 0.5), (50, 0.1), (7, 0.9), (1_000, 0.3), (100_000, 0.01), (10_000, 0.999), (3, 0.5),
  ])
  func moments(_ n: Int, _ p: Double) {
    var g = SeededGenerator(seed: 42).stream(UInt64(n))
    let k = 100_000
    var s = 0.0
    var s2 = 0.0
    for _ in 0..<k {
      let x = g.binomial(trials: n, probability: p)
      #expect(x >= 0 && x <= n)
      s += Double(x)
      s2 += Double(x) * Double(x)
    }
    let mean = s / Double(k)
    let variance = s2 / Double(k) - mean * mean
    let v = Double(n) * p * (1 - p)
    #expect(abs(mean - Double(n) * p) < 5 * (v / Double(k)).squareRoot())
    #expect(abs(variance / v - 1) < 0.03)
  }

  @Test("BTRD frequencies match the binomial pmf (χ² test, n = 30, p = 0.4)")
  func pmf() {
    var g = SeededGenerator(seed: 5)
    let n = 30
    let p = 0.4
    let k = 200_000
    var counts = [Int](repeating: 0, count: n + 1)
    for _ in 0..<k { counts[g.binomial(trials: n, probability: p)] += 1 }
    // Exact pmf by the recursion f(x+1) = f(x)·(n − x)/(x + 1)·p/(1 − p).
    var f = [Double](repeating: 0, count: n + 1)
    f[0] = pow(1 - p, Double(n))
    for x in 0..<n { f[x + 1] = f[x] * Double(n - x) / Double(x + 1) * p / (1 - p) }
    var chi2 = 0.0
    var cells = 0
    for x in 0...n where f[x] * Double(k) >= 5 {
      let e = f[x] * Double(k)
      chi2 += (Double(counts[x]) - e) * (Double(counts[x]) - e) / e
      cells += 1
    }
    // 99.9 % point of χ² with cells − 1 ≈ 20 degrees of freedom is about 45.3.
    #expect(cells >= 20)
    #expect(chi2 < 45.3)
  }

  @Test("gamma: mean a and variance a", arguments: [0.3, 1.0, 2.5, 20.0])
  func gamma(_ a: Double) {
    var g = SeededGenerator(seed: 8)
    let k = 100_000
    var s = 0.0
    var s2 = 0.0
    for _ in 0..<k {
      let x = g.gamma(shape: a)
      #expect(x >= 0)
      s += x
      s2 += x * x
    }
    let mean = s / Double(k)
    let variance = s2 / Double(k) - mean * mean
    #expect(abs(mean - a) < 5 * (a / Double(k)).squareRoot())
    #expect(abs(variance / a - 1) < 0.05)
  }

  @Test("Dirichlet weights: the nominal sum, mean the nominal weights, SD √(s(1 − s)/(c + 1))")
  func dirichlet() {
    var g = SeededGenerator(seed: 2)
    let nominal = [1.0, 1, 2]
    let p = DirichletWeights(concentration: 20)
    var w = [0.0, 0, 0]
    var mean = [0.0, 0, 0]
    var sq = 0.0
    let k = 20_000
    for _ in 0..<k {
      p.perturb(nominal, into: &w, using: &g)
      #expect(abs(w.reduce(0, +) - 4) < 1e-12)
      for j in 0..<3 { mean[j] += w[j] / Double(k) }
      sq += (w[2] / 4 - 0.5) * (w[2] / 4 - 0.5)
    }
    #expect(close(mean, nominal, 0.01))
    // share 0.5: SD √(0.25/21) ≈ 0.1091
    #expect(abs((sq / Double(k)).squareRoot() - (0.25 / 21).squareRoot()) < 0.003)
  }

  @Test("uniform weight noise: within ± share before rescaling, the nominal sum after")
  func uniform() {
    var g = SeededGenerator(seed: 3)
    var w = [0.0, 0, 0, 0]
    for _ in 0..<1_000 {
      UniformWeightNoise(share: 0.25).perturb([1, 1, 1, 1], into: &w, using: &g)
      #expect(abs(w.reduce(0, +) - 4) < 1e-12)
      // each wⱼ = (1 + uⱼ)·4/Σ(1 + u) with uⱼ ∈ [−0.25, 0.25]: between 0.75·4/4.75 and 1.25·4/3.25
      #expect(w.allSatisfy { $0 >= 0.75 * 4 / 4.75 - 1e-12 && $0 <= 1.25 * 4 / 3.25 + 1e-12 })
    }
  }
}
