import KraftsamlingCore
import KraftsamlingIndex

/// The rule that turns an observed statistic and its simulated reference
/// distribution into a pseudo p-value: the alternative hypothesis of a
/// permutation test.
///
/// All rules give `(M + 1) / (P + 1)` for *P* simulated values, where *M*
/// counts the simulated values at least as extreme as the observed one
/// (Hope 1968; Besag & Clifford 1989) — they differ in what "extreme"
/// means. The built-in rules are esda's `alternative` options
/// (`esda.significance`):
///
/// | rule | *M* counts | esda |
/// |---|---|---|
/// | ``DirectedAlternative`` (`.directed`) | `#(sim ≥ obs)`, or `P − #(sim ≥ obs)` when that is smaller | `"directed"`, esda's default |
/// | ``GreaterAlternative`` (`.greater`) | `#(sim ≥ obs)` | `"greater"` |
/// | ``LesserAlternative`` (`.lesser`) | `#(sim ≤ obs)` | `"lesser"` |
/// | ``FoldedAlternative`` (`.folded`) | `#(|sim − mean| ≥ |obs − mean|)` | `"folded"` |
/// | ``TwoSidedAlternative`` (`.twoSided`) | values outside the central interval the observed value bounds | `"two-sided"` |
///
/// Call sites read `alternative: .directed`. Plug in your own rule by
/// conforming a `Sendable` type.
///
/// ```swift
/// var sims: [Double] = [0.1, 0.5, -0.2, 0.9]
/// let p = sims.withUnsafeMutableBufferPointer {
///   DirectedAlternative().pValue(observed: 0.6, simulated: $0)
/// }
/// // #(sim ≥ 0.6) = 1, P − 1 = 3 → M = 1 → p = 2 / 5 = 0.4
/// ```
public protocol PermutationAlternative: Sendable {
  /// The rule's name as esda spells it (`"directed"`, `"greater"`, …);
  /// results record it.
  var name: String { get }

  /// The pseudo p-value of `observed` against the `simulated` values.
  ///
  /// - Parameters:
  ///   - observed: The observed statistic.
  ///   - simulated: The *P* simulated statistics; the rule may reorder them.
  /// - Returns: A value in `[1 / (P + 1), 1]`.
  /// - Complexity: O(*P*) for the built-in rules.
  func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double
}

/// esda's default `"directed"` rule: count the simulated values at least
/// as large as the observed one, *M* = `#(sim ≥ obs)`; if fewer values lie
/// strictly below (`P − M < M`), count those instead. The p-value is
/// `(M + 1) / (P + 1)`: the observed value is tested against whichever tail
/// it falls in.
///
/// It is half the two-sided p-value and so too small by a factor of about
/// two for a two-sided question; esda keeps it as its default for
/// compatibility and so do we. For a two-sided test at level α, compare it
/// with α / 2, or use ``FoldedAlternative``.
///
/// Ties count towards the upper tail: if every simulated value equals the
/// observed one, *M* = `P − P` = 0 and the p-value is the smallest possible,
/// exactly as in esda.
///
/// ```swift
/// // sims 1, 2, 3, 4 and observed 3.5: #(sim ≥ 3.5) = 1, P − 1 = 3 → p = 2/5
/// ```
///
/// - Complexity: O(*P*).
public struct DirectedAlternative: PermutationAlternative, Hashable {
  /// Creates the rule.
  package init() {}
  /// `"directed"`.
  public var name: String { "directed" }
  /// `(min(#(sim ≥ obs), P − #(sim ≥ obs)) + 1) / (P + 1)`.
  public func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double {
    var larger = 0
    for s in simulated where s >= observed { larger += 1 }
    let p = simulated.count
    if p - larger < larger { larger = p - larger }
    return (Double(larger) + 1) / (Double(p) + 1)
  }
}

/// The one-sided upper-tail rule (esda `"greater"`): *M* = `#(sim ≥ obs)`.
///
/// ```swift
/// // sims 1, 2, 3, 4 and observed 3: #(sim ≥ 3) = 2 → p = 3/5
/// ```
///
/// - Complexity: O(*P*).
package struct GreaterAlternative: PermutationAlternative, Hashable {
  /// Creates the rule.
  package init() {}
  /// `"greater"`.
  package var name: String { "greater" }
  /// `(#(sim ≥ obs) + 1) / (P + 1)`.
  package func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double {
    var m = 0
    for s in simulated where s >= observed { m += 1 }
    return (Double(m) + 1) / (Double(simulated.count) + 1)
  }
}

/// The one-sided lower-tail rule (esda `"lesser"`): *M* = `#(sim ≤ obs)`.
///
/// ```swift
/// // sims 1, 2, 3, 4 and observed 3: #(sim ≤ 3) = 3 → p = 4/5
/// ```
///
/// - Complexity: O(*P*).
package struct LesserAlternative: PermutationAlternative, Hashable {
  /// Creates the rule.
  package init() {}
  /// `"lesser"`.
  package var name: String { "lesser" }
  /// `(#(sim ≤ obs) + 1) / (P + 1)`.
  package func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double {
    var m = 0
    for s in simulated where s <= observed { m += 1 }
    return (Double(m) + 1) / (Double(simulated.count) + 1)
  }
}

/// The two-sided rule that folds the reference distribution about its mean
/// (esda `"folded"`): *M* = `#(|sim − mean| ≥ |obs − mean|)`, with `mean`
/// the mean of the simulated values.
///
/// ```swift
/// // sims 1, 2, 3, 4 (mean 2.5) and observed 4: |sim − 2.5| = 1.5, 0.5, 0.5, 1.5
/// // ≥ |4 − 2.5| = 1.5 → M = 2 → p = 3/5
/// ```
///
/// - Complexity: O(*P*).
package struct FoldedAlternative: PermutationAlternative, Hashable {
  /// Creates the rule.
  package init() {}
  /// `"folded"`.
  package var name: String { "folded" }
  /// `(#(|sim − mean| ≥ |obs − mean|) + 1) / (P + 1)`.
  package func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double {
    guard !simulated.isEmpty else { return 1 }
    var sum = 0.0
    for s in simulated { sum += s }
    let mean = sum / Double(simulated.count)
    let folded = abs(observed - mean)
    var m = 0
    for s in simulated where abs(s - mean) >= folded { m += 1 }
    return (Double(m) + 1) / (Double(simulated.count) + 1)
  }
}

/// esda's `"two-sided"` rule, which esda announces as its future default:
/// find the percentile *q* at which the observed value sits
/// (`q = 100 · #(sim ≤ obs)/P`), take *q′ = min(q, 100 − q)*, and count the
/// simulated values at or beyond the *q′*-th and *(100 − q′)*-th
/// percentiles: *M* = `#(sim ≤ low) + #(sim ≥ high)`.
///
/// Percentiles interpolate linearly between order statistics exactly as
/// numpy's default `percentile` (`method="linear"`): position
/// *(P − 1) · q′/100*, and the interpolation `a + (b − a)·t` (or
/// `b − (b − a)(1 − t)` when *t ≥ ½*), so the counts match esda's.
///
/// ```swift
/// // sims 1…10 and observed 2.5: #(sim ≤ 2.5) = 2 → q = 20; low = 20th percentile:
/// // position 9 · 0.2 = 1.8 → 3 − (3 − 2)·0.2 = 2.8; high = 80th: position 7.2 → 8 + 0.2 = 8.2
/// // M = #(sim ≤ 2.8) + #(sim ≥ 8.2) = 2 + 2 → p = 5/11
/// ```
///
/// When the observed value ties with many simulated values both bounds can
/// equal it and the ties are counted twice; esda then returns p-values above
/// 1, this rule returns at most 1.
///
/// - Complexity: O(*P* log *P*) (it sorts the simulated values).
package struct TwoSidedAlternative: PermutationAlternative, Hashable {
  /// Creates the rule.
  package init() {}
  /// `"two-sided"`.
  package var name: String { "two-sided" }
  /// `min(1, (#(sim ≤ low) + #(sim ≥ high) + 1) / (P + 1))`.
  package func pValue(observed: Double, simulated: UnsafeMutableBufferPointer<Double>) -> Double {
    let p = simulated.count
    guard p > 0 else { return 1 }
    var sorted = simulated
    sorted.sort()
    // #(sim ≤ obs) by binary search in the sorted values.
    let atMost = upperBound(sorted, observed)
    let percentile = Double(atMost) / Double(p) * 100
    let lowPercentile = min(percentile, 100 - percentile)
    let low = numpyPercentile(sorted, lowPercentile)
    let high = numpyPercentile(sorted, 100 - lowPercentile)
    let below = upperBound(sorted, low)
    let above = p - lowerBound(sorted, high)
    return min(1, (Double(below + above) + 1) / (Double(p) + 1))
  }

  /// The number of sorted values ≤ `x`.
  private func upperBound(_ a: UnsafeMutableBufferPointer<Double>, _ x: Double) -> Int {
    var lo = 0
    var hi = a.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if a[mid] <= x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The number of sorted values < `x`.
  private func lowerBound(_ a: UnsafeMutableBufferPointer<Double>, _ x: Double) -> Int {
    var lo = 0
    var hi = a.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if a[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// numpy's `percentile(a, q)` with the default linear method, on sorted values.
  private func numpyPercentile(_ a: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
    let n = a.count
    let virtual = Double(n - 1) * (q / 100)
    if virtual <= 0 { return a[0] }
    if virtual >= Double(n - 1) { return a[n - 1] }
    let previous = virtual.rounded(.down)
    let t = virtual - previous
    let lower = a[Int(previous)]
    let upper = a[Int(previous) + 1]
    let difference = upper - lower
    return t >= 0.5 ? upper - difference * (1 - t) : lower + difference * t
  }
}

extension PermutationAlternative where Self == TwoSidedAlternative {
  /// Two-sided by percentiles, esda's `"two-sided"` (its announced future default).
  package static var twoSided: TwoSidedAlternative { TwoSidedAlternative() }
}

extension PermutationAlternative where Self == DirectedAlternative {
  /// esda's default rule: the tail the observed value falls in.
  public static var directed: DirectedAlternative { DirectedAlternative() }
}

extension PermutationAlternative where Self == GreaterAlternative {
  /// The upper tail: is the statistic larger than under randomness?
  package static var greater: GreaterAlternative { GreaterAlternative() }
}

extension PermutationAlternative where Self == LesserAlternative {
  /// The lower tail: is the statistic smaller than under randomness?
  package static var lesser: LesserAlternative { LesserAlternative() }
}

extension PermutationAlternative where Self == FoldedAlternative {
  /// Two-sided, folding the reference distribution about its mean.
  package static var folded: FoldedAlternative { FoldedAlternative() }
}
