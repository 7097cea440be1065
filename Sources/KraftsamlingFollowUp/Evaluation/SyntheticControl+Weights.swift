extension SyntheticControl {
  /// The donor weights for predictors `treated` (X₁, length k) and
  /// `donors` (each donor's k predictors, the columns of X₀): every
  /// predictor divided by its sample standard deviation (n − 1) over the
  /// treated unit and the donors, as `pysyncon` and R's `Synth` do, then
  /// multiplied by √vₖ, and the simplex least squares solved exactly.
  /// Predictors without spread carry no information and are dropped.
  static func weights(treated x1: [Double], donors x0: [[Double]], importance v: [Double]) -> [Double] {
    var rows: [[Double]] = []
    var target: [Double] = []
    for k in x1.indices where v[k] > 0 {
      let values = [x1[k]] + x0.map { $0[k] }
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
      guard variance > 0 else { continue }
      let factor = (v[k] / variance).squareRoot()
      rows.append(x0.map { $0[k] * factor })
      target.append(x1[k] * factor)
    }
    guard !rows.isEmpty else { return [Double](repeating: 1 / Double(x0.count), count: x0.count) }
    let columns = x0.indices.map { j in rows.map { $0[j] } }
    return SimplexLeastSquares(columns: columns, target).solution
  }
}
