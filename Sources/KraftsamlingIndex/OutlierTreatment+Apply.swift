#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

extension OutlierTreatment {
  /// Whether values fail COINr's `check_SkewKurt`: |skew| ≥ threshold and
  /// kurtosis ≥ threshold. Too few values or no variance pass.
  func fails(_ x: [Double]) -> Bool {
    let mo = IndexMath.moments(x)
    let s = mo.skewness
    let k = mo.kurtosis
    guard !s.isNaN, !k.isNaN else { return false }
    return abs(s) >= skewness && k >= kurtosis
  }

  /// Applies the COIN rule to the dense values of one indicator.
  ///
  /// - Returns: The treated values, the positions winsorised (empty when the
  ///   log transform was used instead) and what was done.
  /// - Complexity: O(*w*·*n*) for *w* winsorisation steps.
  func apply(_ original: [Double]) -> (values: [Double], winsorised: [Int], outcome: IndexResult.IndicatorSummary.Treatment) {
    guard enabled, fails(original) else { return (original, [], .none) }
    var x = original
    var changed = Set<Int>()
    var failing = true
    while failing && changed.count < maxWinsorised {
      let high = IndexMath.skewness(x) >= 0
      guard let extreme = high ? x.max() : x.min() else { break }
      var next = high ? -Double.infinity : Double.infinity
      for v in x where v != extreme { next = high ? Swift.max(next, v) : Swift.min(next, v) }
      guard next.isFinite else { break }
      for i in x.indices where x[i] == extreme {
        x[i] = next
        changed.insert(i)
      }
      failing = fails(x)
    }
    if !failing { return (x, changed.sorted(), .winsorised(changed.count)) }
    guard let lo = original.min(), let hi = original.max() else { return (original, [], .none) }
    let shift = 0.01 * (hi - lo)
    return (original.map { log($0 - lo + shift) }, [], .logTransformed)
  }
}
