/// Principal component analysis of indicators on their correlation matrix
/// (the indicators centred and scaled to unit variance, as R's
/// `prcomp(scale. = TRUE)` and COINr's `get_PCA` do), over the areas where
/// every indicator is present.
///
/// ```swift
/// let pca = PrincipalComponents(columns: [[1, 2, 3, 4], [2, 4, 5, 8]])
/// pca.eigenvalues          // ≈ [1.98, 0.02], summing to 2 indicators
/// pca.explainedVariance    // eigenvalues / 2
/// pca.loadings[0]          // the first component's unit vector over the indicators
/// ```
///
/// - Complexity: O(*n*·*k*²) for the matrix plus O(*k*³) per Jacobi sweep.
package struct PrincipalComponents: Sendable, Hashable {
  /// The eigenvalues of the correlation matrix, descending.
  package let eigenvalues: [Double]
  /// Each eigenvalue's share of their sum (the number of indicators).
  package let explainedVariance: [Double]
  /// The unit eigenvectors, one per component, one entry per indicator;
  /// each turned so that its entry of largest magnitude is positive.
  package let loadings: [[Double]]
  /// The areas the analysis used: those with every indicator present.
  package let count: Int

  /// Analyses the columns (one per indicator, NaN where missing).
  /// Empty when fewer than two indicators, two complete areas, or a
  /// constant indicator leave the correlation matrix undefined.
  package init(columns: [[Double]]) {
    let n = columns.first?.count ?? 0
    let rows = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
    let complete = columns.map { c in rows.map { c[$0] } }
    count = rows.count
    let k = complete.count
    var matrix = [[Double]](repeating: [Double](repeating: 1, count: k), count: k)
    var defined = k >= 2
    for i in 0..<k where defined {
      for j in (i + 1)..<max(i + 1, k) {
        guard let r = Correlation.denseR(complete[i], complete[j]) else {
          defined = false
          break
        }
        matrix[i][j] = r
        matrix[j][i] = r
      }
    }
    guard defined else {
      eigenvalues = []
      explainedVariance = []
      loadings = []
      return
    }
    let eigen = SymmetricEigen(matrix)
    let sum = eigen.values.reduce(0, +)
    eigenvalues = eigen.values
    explainedVariance = eigen.values.map { $0 / sum }
    loadings = eigen.vectors.map(Self.orientedByLargest)
  }

  /// The vector with its sign chosen so that the entry of largest
  /// magnitude (the first of equal ones) is positive.
  static func orientedByLargest(_ v: [Double]) -> [Double] {
    var largest = 0
    for i in v.indices where abs(v[i]) > abs(v[largest]) { largest = i }
    return v.isEmpty || v[largest] >= 0 ? v : v.map { -$0 }
  }
}
