import KraftsamlingCore
import KraftsamlingIndex

/// Controlling the false discovery rate when many areas are tested at once
/// (Benjamini & Hochberg 1995).
///
/// With 136 delområden (or 6,160 DeSO areas) tested at α = 0.05, about 5 %
/// of the areas look "significant" by chance alone. The Benjamini–Hochberg
/// procedure lowers the threshold so that, of the areas declared
/// significant, at most a fraction α is expected to be false discoveries.
///
/// ```swift
/// let p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
/// FalseDiscoveryRate.threshold(p, alpha: 0.05)   // 0.0125: p < 0.0125 is significant
/// FalseDiscoveryRate.adjusted(p)[0]              // 0.008  (= 0.001 · 8 / 1)
/// ```
///
/// The reference is esda's `fdr` helper (Benjamini & Yekutieli 2001; de
/// Castro & Singer 2006), whose semantics ``threshold(_:alpha:)`` follows
/// exactly.
public enum FalseDiscoveryRate {
  /// The p-value cut-off that controls the false discovery rate at
  /// `alpha`, as esda's `fdr(pvalues, alpha)`: an area is significant when
  /// its p-value is *strictly below* the returned value.
  ///
  /// Sort the *n* p-values ascending, *p₍₁₎ ≤ … ≤ p₍ₙ₎*, and find the
  /// largest rank *k* with *p₍ₖ₎ < k·α/n*; the cut-off is *k·α/n* (not
  /// *p₍ₖ₎*). If no rank qualifies, the cut-off falls back to the
  /// Bonferroni bound *α/n*. (esda's docstring describes the fallback the
  /// other way round — "if all hypotheses are rejected" — but its code, and
  /// this function, fall back when *none* is.) Areas with *p < k·α/n* are
  /// exactly the ones Benjamini–Hochberg rejects.
  ///
  /// ```swift
  /// // n = 4, α = 0.05: k·α/n = 0.0125, 0.025, 0.0375, 0.05
  /// FalseDiscoveryRate.threshold([0.01, 0.02, 0.04, 0.3], alpha: 0.05)  // 0.025 (k = 2)
  /// FalseDiscoveryRate.threshold([0.2, 0.3, 0.4, 0.5], alpha: 0.05)     // 0.0125 (α/n)
  /// ```
  ///
  /// - Parameters:
  ///   - pValues: The p-values of the *n* tests (in any order).
  ///   - alpha: The false discovery rate to control, in (0, 1).
  /// - Returns: The cut-off; `alpha` itself when `pValues` is empty.
  /// - Complexity: O(*n* log *n*).
  public static func threshold(_ pValues: [Double], alpha: Double) -> Double {
    let n = pValues.count
    guard n > 0 else { return alpha }
    let sorted = pValues.sorted()
    var rank = n
    while rank >= 1 {
      let cut = Double(rank) * alpha / Double(n)
      if sorted[rank - 1] < cut { return cut }
      rank -= 1
    }
    return alpha / Double(n)
  }

  /// Benjamini–Hochberg adjusted p-values (q-values), in the input order,
  /// as R's `p.adjust(p, method = "BH")`:
  /// *q₍ᵢ₎ = min over k ≥ i of min(1, n·p₍ₖ₎ / k)*.
  ///
  /// An area with adjusted value below α is significant with the false
  /// discovery rate controlled at α (with `≤` instead of esda's strict `<`
  /// at the boundary).
  ///
  /// ```swift
  /// FalseDiscoveryRate.adjusted([0.01, 0.04, 0.03])
  /// // sorted 0.01, 0.03, 0.04 → 0.03, 0.04·3/3 = 0.04, min(0.03·3/2, 0.04) = 0.04 → [0.03, 0.04, 0.04]
  /// ```
  ///
  /// - Parameter pValues: The p-values.
  /// - Returns: The adjusted values, one per input, in the same order.
  /// - Complexity: O(*n* log *n*).
  public static func adjusted(_ pValues: [Double]) -> [Double] {
    let n = pValues.count
    guard n > 0 else { return [] }
    let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
    var result = [Double](repeating: 0, count: n)
    var running = 1.0
    for rank in stride(from: n, through: 1, by: -1) {
      let index = order[rank - 1]
      running = min(running, pValues[index] * Double(n) / Double(rank))
      result[index] = running
    }
    return result
  }
}
