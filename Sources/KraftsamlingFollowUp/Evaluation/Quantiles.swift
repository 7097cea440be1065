#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingIndex

/// Quantiles of the standard normal and Student's t distributions, found by
/// bisection on their tail functions (erfc and the regularised incomplete
/// beta), to about 1e-14 absolute.
enum Quantiles {
  /// z such that Φ(z) = p, for 0 < p < 1.
  static func normal(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
    return bisect { z in 0.5 * erfc(-z / 2.0.squareRoot()) - p }
  }

  /// t such that P(T ≤ t) = p for Student's t with `df` degrees of freedom, for 0.5 ≤ p < 1.
  static func studentT(_ p: Double, degreesOfFreedom df: Double) -> Double {
    precondition(p >= 0.5 && p < 1 && df > 0, "an upper quantile and positive degrees of freedom")
    return bisect(lower: 0) { t in 1 - IncompleteBeta.studentTTwoSided(t: t, degreesOfFreedom: df) / 2 - p }
  }

  /// The root of an increasing function on [lower, 1e6] (or [−40, 40] for
  /// the normal), by 200 halvings or until the interval stops shrinking.
  static func bisect(lower: Double = -40, _ f: (Double) -> Double) -> Double {
    var lo = lower
    var hi = lower == -40 ? 40.0 : 1e6
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if mid == lo || mid == hi { break }
      if f(mid) < 0 { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
  }
}
