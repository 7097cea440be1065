/// Cronbach's alpha of a group of indicators: how consistently they move
/// together, as if they were items of one test.
///
/// - Raw: α = k/(k − 1) · (1 − Σᵢ Cᵢᵢ / Σᵢⱼ Cᵢⱼ) with C the covariance matrix
///   (denominator n − 1, each entry over the areas where both indicators
///   are present), as `pingouin.cronbach_alpha` and COINr's `get_cronbach`
///   compute it.
/// - Standardised: α = k·r̄ / (1 + (k − 1)·r̄) with r̄ the mean Pearson
///   correlation of the k(k − 1)/2 pairs: alpha of the z-scored indicators.
///
/// ```swift
/// let a = CronbachAlpha(columns: [[1, 2, 3], [1, 3, 2]])
/// a.raw            // 2 · (1 − 2/3) = 0.667
/// a.standardized   // 2 · 0.5 / 1.5 = 0.667
/// ```
///
/// - Complexity: O(*n*·*k*²) for *k* indicators over *n* areas.
package struct CronbachAlpha: Sendable, Hashable {
  /// Raw alpha; `nil` for fewer than two indicators or no variance.
  package let raw: Double?
  /// Standardised alpha; `nil` when some correlation is undefined.
  package let standardized: Double?

  /// Alpha of the columns (one per indicator, NaN where missing).
  package init(columns: [[Double]]) {
    let k = columns.count
    guard k >= 2 else {
      raw = nil
      standardized = nil
      return
    }
    var diagonal = 0.0
    var total = 0.0
    var correlations = 0.0
    var defined = true
    for i in 0..<k {
      for j in i..<k {
        let (a, b) = Correlation.completePairs(columns[i], columns[j])
        guard let c = Self.sampleCovariance(a, b) else {
          defined = false
          continue
        }
        if i == j {
          diagonal += c
          total += c
        } else {
          total += 2 * c
          if let r = Correlation.denseR(a, b) { correlations += r } else { defined = false }
        }
      }
    }
    let kk = Double(k)
    raw = defined && total > 0 ? kk / (kk - 1) * (1 - diagonal / total) : nil
    let mean = correlations / (kk * (kk - 1) / 2)
    standardized = defined ? kk * mean / (1 + (kk - 1) * mean) : nil
  }

  /// Σ(a − ā)(b − b̄)/(n − 1); `nil` for fewer than two pairs.
  static func sampleCovariance(_ a: [Double], _ b: [Double]) -> Double? {
    let n = a.count
    guard n >= 2 else { return nil }
    let (ma, mb) = Correlation.means(a, b)
    var s = 0.0
    for i in 0..<n { s += (a[i] - ma) * (b[i] - mb) }
    return s / Double(n - 1)
  }
}
