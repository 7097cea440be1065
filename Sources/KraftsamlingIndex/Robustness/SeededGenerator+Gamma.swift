#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

extension SeededGenerator {
  /// A gamma random variate with the given shape and scale 1.
  ///
  /// Marsaglia & Tsang's method (2000): for shape *a* ≥ 1, with d = a − ⅓
  /// and c = 1/√(9d), draw x ~ N(0, 1) and v = (1 + c·x)³ until v > 0 and a
  /// uniform *u* passes the squeeze u < 1 − 0.0331·x⁴ or the exact test
  /// ln u < x²/2 + d·(1 − v + ln v); return d·v. For *a* < 1 it returns
  /// Gamma(a + 1)·U^{1/a}.
  ///
  /// ```swift
  /// var g = SeededGenerator(seed: 3)
  /// let x = g.gamma(shape: 2)   // mean 2, variance 2
  /// ```
  ///
  /// - Parameter shape: *a* > 0.
  /// - Returns: A positive value (0 only by underflow for tiny shapes).
  /// - Precondition: `shape > 0` and finite.
  /// - Complexity: O(1) expected (about 1.02 normals per draw for a ≥ 1).
  /// - SeeAlso: G. Marsaglia & W. W. Tsang (2000), "A simple method for
  ///   generating gamma variables", *ACM Transactions on Mathematical
  ///   Software* 26(3), 363–372.
  package mutating func gamma(shape: Double) -> Double {
    precondition(shape > 0 && shape.isFinite, "the gamma shape must be positive and finite")
    if shape < 1 {
      var u = uniform()
      while u <= 0 { u = uniform() }
      return gamma(shape: shape + 1) * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v }
      if u > 0, log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// A point on the simplex drawn from the Dirichlet distribution with
  /// parameters α: independent Gamma(αⱼ) variates divided by their sum.
  ///
  /// Its mean is αⱼ/Σα and its variance αⱼ(Σα − αⱼ)/((Σα)²(Σα + 1)): with
  /// αⱼ = c·wⱼ for shares wⱼ summing to 1, the draw is centred on w and
  /// the concentration *c* sets how tightly.
  ///
  /// ```swift
  /// var g = SeededGenerator(seed: 3)
  /// var w = [0.0, 0, 0]
  /// g.dirichlet([10, 10, 20], into: &w)   // sums to 1, about [0.25, 0.25, 0.5]
  /// ```
  ///
  /// - Parameters:
  ///   - alpha: The parameters, each > 0.
  ///   - result: Receives the point; must have `alpha.count` elements.
  /// - Precondition: `result.count == alpha.count`, every αⱼ > 0.
  /// - Complexity: O(*k*) for *k* parameters.
  package mutating func dirichlet(_ alpha: [Double], into result: inout [Double]) {
    precondition(result.count == alpha.count, "one result per parameter")
    var sum = 0.0
    for j in alpha.indices {
      let x = gamma(shape: alpha[j])
      result[j] = x
      sum += x
    }
    if sum > 0 {
      for j in alpha.indices { result[j] /= sum }
    } else {
      // Every variate underflowed (only for absurdly small α): the mean.
      var total = 0.0
      for a in alpha { total += a }
      for j in alpha.indices { result[j] = alpha[j] / total }
    }
  }
}
