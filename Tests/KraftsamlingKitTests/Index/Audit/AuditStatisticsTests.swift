import Foundation
import Testing

@testable import KraftsamlingIndex

/// Small cases of the audit's statistics, worked out by hand.
@Suite("Audit statistics")
struct AuditStatisticsTests {
  @Test("Pearson's r of four pairs: 4 / √(5·5) = 0.8")
  func pearson() {
    let e = Correlation.pearson([1, 2, 3, 4], [1, 3, 2, 4])
    #expect(abs(e.r! - 0.8) < 1e-15)
    #expect(e.count == 4)
    // n = 4: t = r·√(2/(1 − r²)) with 2 degrees of freedom gives p = 1 − |r|.
    #expect(abs(e.pValue! - 0.2) < 1e-14)
  }

  @Test("Pearson skips pairs with a missing value and is undefined for a constant column")
  func pearsonMissing() {
    let e = Correlation.pearson([1, .nan, 2, 3, 4], [1, 9, 3, 2, 4])
    #expect(abs(e.r! - 0.8) < 1e-15)
    #expect(e.count == 4)
    let constant = Correlation.pearson([2, 2, 2], [1, 2, 3])
    #expect(constant.r == nil && constant.pValue == nil && constant.count == 3)
  }

  @Test("Average ranks share the mean of the ranks a tie spans")
  func ranks() {
    #expect(Correlation.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
    #expect(Correlation.averageRanks([3, 3, 3]) == [2, 2, 2])
  }

  @Test("Spearman with a tie: ranks [1, 2.5, 2.5, 4] against [1, 2, 3, 4] give 4.5/√22.5 = 3/√10")
  func spearmanTie() {
    let e = Correlation.spearman([1, 2, 2, 3], [10, 20, 30, 40])
    #expect(abs(e.r! - 3 / 10.0.squareRoot()) < 1e-15)
  }

  @Test("p-values: closed forms for 1 and 2 degrees of freedom, and the ends")
  func pValues() throws {
    // n = 3 (1 df): p = 1 − 2·asin|r|/π; r = 0.5 gives 2/3.
    let p3 = try #require(IncompleteBeta.correlationPValue(r: 0.5, count: 3))
    #expect(abs(p3 - 2.0 / 3) < 1e-14)
    // 2 df: P(|T| ≥ t) = 1 − t/√(t² + 2).
    let t = 1.7
    #expect(abs(IncompleteBeta.studentTTwoSided(t: t, degreesOfFreedom: 2) - (1 - t / (t * t + 2).squareRoot())) < 1e-14)
    #expect(IncompleteBeta.correlationPValue(r: 1, count: 10) == 0)
    #expect(IncompleteBeta.correlationPValue(r: 0, count: 10) == 1)
    #expect(IncompleteBeta.correlationPValue(r: 0.3, count: 2) == nil)
  }

  @Test("The incomplete beta function: I_x(1, 1) = x, I_x(2, 2) = 3x² − 2x³, symmetry")
  func incompleteBeta() {
    for x in [0.05, 0.3, 0.5, 0.77, 0.99] {
      #expect(abs(IncompleteBeta.regularized(x: x, complement: 1 - x, a: 1, b: 1) - x) < 1e-14)
      let cubic = 3 * x * x - 2 * x * x * x
      #expect(abs(IncompleteBeta.regularized(x: x, complement: 1 - x, a: 2, b: 2) - cubic) < 1e-14)
      let left = IncompleteBeta.regularized(x: x, complement: 1 - x, a: 7.5, b: 0.5)
      let right = IncompleteBeta.regularized(x: 1 - x, complement: x, a: 0.5, b: 7.5)
      #expect(abs(left + right - 1) < 1e-14)
    }
  }

  @Test("Cronbach's alpha: raw from the covariances, standardised from the mean correlation")
  func alpha() throws {
    // Variances 1 and 1, covariance 0.5: α = 2·(1 − 2/3); r = 0.5: 2·0.5/1.5.
    let a = CronbachAlpha(columns: [[1, 2, 3], [1, 3, 2]])
    #expect(abs(try #require(a.raw) - 2.0 / 3) < 1e-15)
    #expect(abs(try #require(a.standardized) - 2.0 / 3) < 1e-15)
    // x and 2x: variances 5/3 and 20/3, covariance 10/3: α = 2·(1 − (25/3)/15) = 8/9; r = 1.
    let b = CronbachAlpha(columns: [[1, 2, 3, 4], [2, 4, 6, 8]])
    #expect(abs(try #require(b.raw) - 8.0 / 9) < 1e-15)
    #expect(abs(try #require(b.standardized) - 1) < 1e-15)
    #expect(CronbachAlpha(columns: [[1, 2, 3]]).raw == nil)
  }

  @Test("Jacobi eigen-decomposition: eigenvalues descending, A·v = λ·v, orthonormal vectors")
  func eigen() {
    let two = SymmetricEigen([[2, 1], [1, 2]])
    #expect(abs(two.values[0] - 3) < 1e-15 && abs(two.values[1] - 1) < 1e-15)
    let a: [[Double]] = [[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]]
    let e = SymmetricEigen(a)
    #expect(e.values == e.values.sorted(by: >))
    #expect(abs(e.values.reduce(0, +) - 8) < 1e-13)  // the trace
    for (λ, v) in zip(e.values, e.vectors) {
      for i in 0..<4 {
        let av = (0..<4).reduce(0.0) { $0 + a[i][$1] * v[$1] }
        #expect(abs(av - λ * v[i]) < 1e-13)
      }
    }
    for p in 0..<4 {
      for q in 0..<4 {
        let dot = (0..<4).reduce(0.0) { $0 + e.vectors[p][$1] * e.vectors[q][$1] }
        #expect(abs(dot - (p == q ? 1 : 0)) < 1e-13)
      }
    }
  }

  @Test("PCA of two indicators: eigenvalues 1 ± r, loadings ±1/√2 with the largest positive")
  func pca() throws {
    let x: [Double] = [1, 2, 3, 4]
    let y: [Double] = [4, 3, 1, 2]  // r = −0.8
    let pca = PrincipalComponents(columns: [x, y])
    #expect(abs(pca.eigenvalues[0] - 1.8) < 1e-14 && abs(pca.eigenvalues[1] - 0.2) < 1e-14)
    #expect(abs(pca.explainedVariance[0] - 0.9) < 1e-14)
    for loading in pca.loadings {
      let largest = try #require(loading.max { abs($0) < abs($1) })
      #expect(largest > 0)
      #expect(abs(abs(loading[0]) - 0.5.squareRoot()) < 1e-14)
    }
  }

  @Test("Effective importance: r² normalised to sum to 1")
  func effective() {
    let s = EffectiveImportance.shares(correlations: [0.9, 0.3, nil])
    #expect(abs(s[0]! - 0.9) < 1e-15 && abs(s[1]! - 0.1) < 1e-15 && s[2] == nil)
    #expect(EffectiveImportance.isMismatch(effective: 0.5, nominal: 0.2))
    #expect(EffectiveImportance.isMismatch(effective: 0.09, nominal: 0.2))
    #expect(!EffectiveImportance.isMismatch(effective: 0.3, nominal: 0.2))
  }
}
