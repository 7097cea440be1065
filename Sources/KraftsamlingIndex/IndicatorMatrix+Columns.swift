/// Column-major caches of an ``IndicatorMatrix`` and the column loop the
/// built-in means score with.

/// Columns of normalised values (or their logs) over the ranked areas,
/// column-major, with 0 for a missing value and a 1/0 availability column
/// beside each — none when no value is missing.
struct ColumnCache: Sendable {
  /// m·n values, column j at j·n.
  let values: [Double]
  /// m·n availabilities (1 or 0); empty when ``complete``.
  let available: [Double]
  /// Whether no value is missing.
  let complete: Bool

  init(_ columns: [[Double]]) {
    var values: [Double] = []
    var available: [Double] = []
    var complete = true
    for c in columns {
      for v in c {
        values.append(v.isNaN ? 0 : v)
        available.append(v.isNaN ? 0 : 1)
        if v.isNaN { complete = false }
      }
    }
    self.values = values
    self.available = complete ? [] : available
    self.complete = complete
  }
}

extension ColumnCache {
  /// Σⱼ wⱼ·xⱼ[k] / Σⱼ wⱼ·aⱼ[k] over the indicators with wⱼ > 0, column by
  /// column; NaN where no weighted value is available.
  func weightedMean(m: Int, weights: [Double], into scores: inout [Double]) {
    // Running sums of the available weights; the first column writes them
    // all, so they need no initial value.
    var sums = complete ? [0] : [Double](unsafeUninitializedCapacity: scores.count) { _, count in count = scores.count }
    weights.withUnsafeBufferPointer { w in
      scores.withUnsafeMutableBufferPointer { out in
        sums.withUnsafeMutableBufferPointer { sums in weightedMean(m: m, weights: w, into: out, weightSums: sums) }
      }
    }
  }

  @inline(__always)
  private func weightedMean(
    m: Int, weights w: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
    weightSums sums: UnsafeMutableBufferPointer<Double>
  ) {
    let n = out.count
    guard let o = out.baseAddress, let ws = sums.baseAddress else { return }
    var active: [Int] = []  // at most m: the indicators with weight > 0, in order
    var total = 0.0
    for j in 0..<m where w[j] > 0 {
      active.append(j)
      total += w[j]
    }
    guard !active.isEmpty else {
      o.update(repeating: .nan, count: n)
      return
    }
    values.withUnsafeBufferPointer { values in
      available.withUnsafeBufferPointer { available in
        // The same additions in the same order as the row-by-row loop:
        // sum = 0 + w₁x₁ + w₂x₂ + …, and likewise the available weights; the
        // first column starts from 0, the last one divides.
        for (t, j) in active.enumerated() {
          let wj = w[j]
          let x = values.baseAddress! + j * n
          let first = t == 0
          let last = t == active.count - 1
          if complete {
            switch (first, last) {
            case (true, true): for k in 0..<n { o[k] = (0 + wj * x[k]) / total }
            case (true, false): for k in 0..<n { o[k] = 0 + wj * x[k] }
            case (false, true): for k in 0..<n { o[k] = (o[k] + wj * x[k]) / total }
            case (false, false): for k in 0..<n { o[k] += wj * x[k] }
            }
          } else {
            let a = available.baseAddress! + j * n
            switch (first, last) {
            case (true, true):
              for k in 0..<n {
                let s = 0 + wj * a[k]
                o[k] = s > 0 ? (0 + wj * x[k]) / s : .nan
              }
            case (true, false):
              for k in 0..<n {
                o[k] = 0 + wj * x[k]
                ws[k] = 0 + wj * a[k]
              }
            case (false, true):
              for k in 0..<n {
                let s = ws[k] + wj * a[k]
                o[k] = s > 0 ? (o[k] + wj * x[k]) / s : .nan
              }
            case (false, false):
              for k in 0..<n {
                o[k] += wj * x[k]
                ws[k] += wj * a[k]
              }
            }
          }
        }
      }
    }
  }
}
