import KraftsamlingCore

/// Weights from principal components (Handbook §6.1, after Nicoletti et
/// al. 2000): the components of the items' correlation matrix with an
/// eigenvalue above a minimum that each explain more than a minimum share
/// of the variance are kept; their loadings (eigenvector · √eigenvalue) are
/// rotated by varimax; each rotated factor's squared loadings are scaled to
/// sum 1; each item goes with the factor where its scaled squared loading is
/// largest and is weighted by that loading times the factor's share of the
/// variance the kept factors explain; the weights are scaled to sum 1.
///
/// ```swift
/// let pca = try PCAWeights(columns: [a, b, c, d])   // one column per item, NaN where missing
/// pca.weights; pca.retained; pca.factorShares
/// ```
///
/// - Complexity: that of ``PrincipalComponents`` plus O(*p*·*r*²) per varimax sweep.
package struct PCAWeights: Sendable, Hashable {
  /// The weights, summing to 1.
  package let weights: [Double]
  /// The eigenvalues of the correlation matrix, descending.
  package let eigenvalues: [Double]
  /// The number of components kept.
  package let retained: Int
  /// The rotated loadings, one row per item, one column per kept factor.
  package let rotatedLoadings: [[Double]]
  /// Each kept factor's share of the variance they explain together, after rotation.
  package let factorShares: [Double]
  /// The factor (0-based) each item goes with.
  package let factorOf: [Int]
  /// Each item's scaled squared loading on its factor.
  package let scaledLoadings: [Double]
  /// The areas with every item present, which the analysis used.
  package let areaCount: Int

  /// Derives the weights of the columns.
  ///
  /// - Throws: ``IndexError`` `index.empty-data` when the correlation matrix
  ///   is undefined, `index.invalid-parameter` when no component passes the thresholds.
  package init(columns: [[Double]], minimumEigenvalue: Double = 1, minimumShare: Double = 0.1) throws(IndexError) {
    let pca = PrincipalComponents(columns: columns)
    guard !pca.eigenvalues.isEmpty else {
      throw IndexError(
        .emptyData, "the items' correlation matrix is undefined",
        hint: "PCA weights need at least two items, two areas with every item present and no constant item")
    }
    let kept = pca.eigenvalues.indices.filter {
      pca.eigenvalues[$0] > minimumEigenvalue && pca.explainedVariance[$0] > minimumShare
    }
    guard !kept.isEmpty else {
      throw IndexError(
        .invalidParameter,
        "no component has an eigenvalue above \(minimumEigenvalue) and explains more than \(minimumShare) of the variance",
        hint: "the largest eigenvalue is \(pca.eigenvalues[0]); lower the thresholds")
    }
    let p = columns.count
    let loadings = (0..<p).map { i in kept.map { pca.loadings[$0][i] * pca.eigenvalues[$0].squareRoot() } }
    let rotated = Varimax.rotate(loadings).loadings
    let explained = kept.indices.map { c in rotated.reduce(0) { $0 + $1[c] * $1[c] } }
    let total = explained.reduce(0, +)
    var factorOf = [Int](repeating: 0, count: p)
    var scaled = [Double](repeating: 0, count: p)
    for i in 0..<p {
      for c in kept.indices {
        let q = rotated[i][c] * rotated[i][c] / explained[c]
        if q > scaled[i] {
          scaled[i] = q
          factorOf[i] = c
        }
      }
    }
    let raw = (0..<p).map { scaled[$0] * explained[factorOf[$0]] / total }
    let sum = raw.reduce(0, +)
    weights = raw.map { $0 / sum }
    eigenvalues = pca.eigenvalues
    retained = kept.count
    rotatedLoadings = rotated
    factorShares = explained.map { $0 / total }
    self.factorOf = factorOf
    scaledLoadings = scaled
    areaCount = pca.count
  }
}
