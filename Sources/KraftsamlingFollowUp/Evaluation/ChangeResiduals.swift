/// The area-level changes over a horizon in the panel's history, with the
/// common change of each window removed: the noise a difference-in-
/// differences of that horizon has to see an effect through.
///
/// For every window start s with s + h in the history, eᵢ(s) =
/// Δᵢ(s) − mean_j Δⱼ(s), Δᵢ(s) = y_{i,s+h} − y_{i,s}. Removing the mean of
/// n areas shrinks the expected square by (n − 1)/n under equal variances,
/// so the residuals are stored inflated by √(n/(n − 1)); then
/// σ̂ᵢ² = mean_s eᵢ(s)² is an unbiased estimate of area i's change variance
/// under homoskedasticity, and a bootstrap draw from area i's residuals has
/// exactly that variance.
struct ChangeResiduals: Sendable, Hashable {
  /// `residuals[area][window]`, inflated as described.
  let residuals: [[Double]]
  /// The window start years.
  let starts: [Int]

  /// The residuals of `outcomes` for horizon `h` over windows ending at or before `lastYear`.
  ///
  /// - Returns: `nil` when no window fits or there are fewer than two areas.
  init?(outcomes: OutcomeMatrix, horizon h: Int, lastYear: Int) {
    let n = outcomes.codes.count
    let columns = outcomes.years.indices.filter { t in
      t + h < outcomes.years.count && outcomes.years[t + h] <= lastYear
    }
    guard n > 1, h > 0, !columns.isEmpty else { return nil }
    let inflation = (Double(n) / Double(n - 1)).squareRoot()
    var residuals = [[Double]](repeating: [], count: n)
    for t in columns {
      let changes = outcomes.rates.map { $0[t + h] - $0[t] }
      let mean = changes.reduce(0, +) / Double(n)
      for i in 0..<n { residuals[i].append((changes[i] - mean) * inflation) }
    }
    self.residuals = residuals
    starts = columns.map { outcomes.years[$0] }
  }

  /// σ̂ᵢ², the mean squared (inflated) residual of each area.
  var variances: [Double] {
    residuals.map { r in r.reduce(0) { $0 + $1 * $1 } / Double(r.count) }
  }
}
