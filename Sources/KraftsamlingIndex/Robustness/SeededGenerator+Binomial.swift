#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

extension SeededGenerator {
  /// A binomial random variate: the number of successes in `n` independent
  /// trials that each succeed with probability `p`.
  ///
  /// The sampler is **exact** (no normal or Poisson approximation): for a
  /// small mean, n·min(p, 1−p) < 10, it inverts the distribution function by
  /// sequential search from 0 (Kachitvichyanukul & Schmeiser's BINV, about
  /// n·p + 1 uniforms); otherwise it uses Hörmann's BTRD, transformed
  /// rejection with decomposition (Hörmann 1993), which needs about 1.15
  /// uniforms on average and evaluates the exact probability ratio (by
  /// recursion near the mode, with Stirling's series and its tabulated
  /// corrections further out) before accepting a value. For p > ½ it draws
  /// n − X with X ~ Binomial(n, 1 − p).
  ///
  /// Robustness analyses use it to redraw an indicator's numerator as
  /// Binomial(denominator, observed rate).
  ///
  /// ```swift
  /// var g = SeededGenerator(seed: 1)
  /// let k = g.binomial(trials: 1_000, probability: 0.3)   // about 300 (SD 14.5)
  /// g.binomial(trials: 10, probability: 0)                 // 0
  /// g.binomial(trials: 10, probability: 1)                 // 10
  /// ```
  ///
  /// - Parameters:
  ///   - n: The number of trials (≥ 0).
  ///   - p: The success probability, in [0, 1].
  /// - Returns: A value in 0…n.
  /// - Precondition: `n ≥ 0` and `0 ≤ p ≤ 1`.
  /// - Complexity: O(1) expected for n·min(p, 1−p) ≥ 10 (BTRD), O(n·p) for
  ///   smaller means (inversion).
  /// - SeeAlso: W. Hörmann (1993), "The generation of binomial random
  ///   variates", *Journal of Statistical Computation and Simulation* 46,
  ///   101–110; V. Kachitvichyanukul & B. Schmeiser (1988), "Binomial random
  ///   variate generation", *Communications of the ACM* 31(2), 216–222.
  package mutating func binomial(trials n: Int, probability p: Double) -> Int {
    precondition(n >= 0, "the number of trials must not be negative")
    precondition(p >= 0 && p <= 1, "the probability must be in [0, 1]")
    if n == 0 || p == 0 { return 0 }
    if p == 1 { return n }
    if p > 0.5 { return n - binomial(trials: n, probability: 1 - p) }
    if Double(n) * p < 10 { return binomialInversion(n, p) }
    return binomialBTRD(n, p)
  }

  /// Inversion by sequential search (BINV), for n·p < 10 and p ≤ ½.
  private mutating func binomialInversion(_ n: Int, _ p: Double) -> Int {
    let q = 1 - p
    let s = p / q
    let a = Double(n + 1) * s
    let start = pow(q, Double(n))  // P(X = 0) ≥ e^−14 here, no underflow
    while true {
      var r = start
      var u = uniform()
      var x = 0
      // u falls in the interval of x when it is below P(X = x) after the
      // previous intervals have been subtracted.
      while u > r {
        u -= r
        x += 1
        if x > n { break }  // rounding left u above the total: draw again
        r *= a / Double(x) - s
      }
      if x <= n { return x }
    }
  }

  /// Hörmann's BTRD for n·p ≥ 10 and p ≤ ½.
  private mutating func binomialBTRD(_ n: Int, _ p: Double) -> Int {
    let nd = Double(n)
    let m = ((nd + 1) * p).rounded(.down)  // the mode
    let r = p / (1 - p)
    let nr = (nd + 1) * r
    let npq = nd * p * (1 - p)
    let spq = npq.squareRoot()
    let b = 1.15 + 2.53 * spq
    let a = -0.0873 + 0.0248 * b + 0.01 * p
    let c = nd * p + 0.5
    let alpha = (2.83 + 5.1 / b) * spq
    let vr = 0.92 - 4.2 / b
    let urvr = 0.86 * vr
    while true {
      // 1. The central box: immediate acceptance (about 86 % of draws).
      var v = uniform()
      if v <= urvr {
        let u = v / vr - 0.43
        let k = ((2 * a / (0.5 - abs(u)) + b) * u + c).rounded(.down)
        return Int(k)
      }
      // 2. A point of the hat outside the box.
      var u: Double
      if v >= vr {
        u = uniform() - 0.5
      } else {
        u = v / vr - 0.93
        u = (u < 0 ? -0.5 : 0.5) - u
        v = uniform() * vr
      }
      // 3. The candidate and its acceptance test.
      let us = 0.5 - abs(u)
      let kd = ((2 * a / us + b) * u + c).rounded(.down)
      if kd < 0 || kd > nd { continue }
      v = v * alpha / (a / (us * us) + b)
      let km = abs(kd - m)
      if km <= 15 {
        // 3.1 The exact ratio f(k)/f(m) by recursion.
        var f = 1.0
        if m < kd {
          var i = m
          while i < kd {
            i += 1
            f *= nr / i - r
          }
        } else if m > kd {
          var i = kd
          while i < m {
            i += 1
            v *= nr / i - r
          }
        }
        if v <= f { return Int(kd) }
        continue
      }
      // 3.2 Squeeze with bounds on log f(k)/f(m).
      v = log(v)
      let rho = (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq + 0.5)
      let t = -km * km / (2 * npq)
      if v < t - rho { return Int(kd) }
      if v > t + rho { continue }
      // 3.3 The exact log ratio with Stirling's series.
      let nm = nd - m + 1
      let h = (m + 0.5) * log((m + 1) / (r * nm)) + Self.stirlingCorrection(m) + Self.stirlingCorrection(nd - m)
      let nk = nd - kd + 1
      let bound =
        h + (nd + 1) * log(nm / nk) + (kd + 0.5) * log(nk * r / (kd + 1)) - Self.stirlingCorrection(kd)
        - Self.stirlingCorrection(nd - kd)
      if v <= bound { return Int(kd) }
    }
  }

  /// The error of Stirling's formula, f_c(k) = ln k! − [(k + ½)·ln(k + 1) −
  /// (k + 1) + ½·ln 2π]: tabulated for k ≤ 9, the series 1/12·(k+1)⁻¹ −
  /// 1/360·(k+1)⁻³ + 1/1260·(k+1)⁻⁵ beyond.
  static func stirlingCorrection(_ k: Double) -> Double {
    if k <= 9 {
      return stirlingTable[Int(k)]
    }
    let s = 1 / ((k + 1) * (k + 1))
    return (1.0 / 12 - (1.0 / 360 - s / 1260) * s) / (k + 1)
  }

  /// f_c(0)…f_c(9).
  static let stirlingTable: [Double] = [
    0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119,
    0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871,
  ]
}
