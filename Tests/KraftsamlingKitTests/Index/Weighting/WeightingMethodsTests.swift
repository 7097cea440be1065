import Testing

@testable import KraftsamlingIndex

/// The weighting methods on small cases worked out by hand.
@Suite("Weighting methods")
struct WeightingMethodsTests {
  @Test("Budget allocation: the experts' mean shares, their spread and the checks")
  func budget() throws {
    let b = try BudgetAllocation(points: [[50, 30, 20], [30, 30, 40]])
    #expect(close(b.weights, [0.4, 0.3, 0.3], 1e-15))
    #expect(close(b.standardDeviations, [(0.02 as Double).squareRoot(), 0, (0.02 as Double).squareRoot()], 1e-15))
    #expect(b.minima == [0.3, 0.3, 0.2] && b.maxima == [0.5, 0.3, 0.4])
    let one = try BudgetAllocation(points: [[6, 2, 2]], total: 10)
    #expect(one.weights == [0.6, 0.2, 0.2] && one.standardDeviations == [0, 0, 0])
    let problems = BudgetAllocation.problems(in: [[50, 30, 20], [50, 30, 30], [60, -10, 50], [100, 0]], total: 100)
    #expect(problems.map(\.row) == [1, 2, 3])
    #expect(problems[0].message == "expert 2's points add up to 110.0, not 100.0")
    #expect(problems[1].column == 1)
    #expect(throws: IndexError.self) { try BudgetAllocation(points: [], total: 100) }
  }

  @Test("AHP on a consistent matrix: the exact ratios, λmax = n and CR = 0")
  func consistentAHP() throws {
    let ahp = try AnalyticHierarchy(matrix: [[1, 2, 4, 8], [0.5, 1, 2, 4], [0.25, 0.5, 1, 2], [0.125, 0.25, 0.5, 1]])
    #expect(close(ahp.priorities, [8, 4, 2, 1].map { $0 / 15.0 }, 1e-15))
    #expect(abs(ahp.lambdaMax - 4) < 1e-14)
    #expect(ahp.consistencyRatio < 1e-14)
    #expect(ahp.randomIndex == 0.89)
    let two = try AnalyticHierarchy(matrix: [[1, 3], [1.0 / 3, 1]])
    #expect(close(two.priorities, [0.75, 0.25], 1e-15) && two.consistencyRatio == 0 && two.randomIndex == nil)
  }

  @Test("AHP: the lower triangle must hold the reciprocals; entries on Saaty's scale; the diagonal 1")
  func ahpProblems() throws {
    let problems = AnalyticHierarchy.problems(in: [[1, 3, 12], [0.5, 1, 2], [1.0 / 12, 0.5, 2]])
    #expect(problems.map { [$0.row, $0.column ?? -1] } == [[0, 2], [1, 0], [2, 0], [2, 2]])
    #expect(problems[0].message.contains("outside Saaty's scale"))
    #expect(problems[1].message.contains("not the reciprocal of 3.0"))
    // 0.333 for 1/3 is close enough, and the exact reciprocal is used.
    let rounded = try AnalyticHierarchy(matrix: [[1, 3], [0.333, 1]])
    #expect(close(rounded.priorities, [0.75, 0.25], 1e-15))
    #expect(AnalyticHierarchy.problems(in: [[1, 2], [0.5]]).first?.message == "row 2 has 1 comparisons, not 2")
  }

  @Test("Random indices: Saaty's table to 15, Donegan–Dodd's interpolated between the sizes it lists")
  func randomIndices() {
    #expect(AnalyticHierarchy.randomIndex(size: 4, table: .saaty) == 0.89)
    #expect(AnalyticHierarchy.randomIndex(size: 16, table: .saaty) == nil)
    #expect(AnalyticHierarchy.randomIndex(size: 4, table: .doneganDodd) == 0.8286)
    #expect(close(AnalyticHierarchy.randomIndex(size: 22, table: .doneganDodd), 1.5371 + 2 * (1.5619 - 1.5371) / 5, 1e-15))
    #expect(AnalyticHierarchy.randomIndex(size: 101, table: .doneganDodd) == nil)
    #expect(AnalyticHierarchy.randomIndex(size: 2, table: .saaty) == nil)
  }

  @Test("NNLS with a non-negative solution equals least squares; an exact fit is found")
  func nnlsPositive() {
    // b = 2·a₁ + 3·a₂ exactly.
    let a: [[Double]] = [[1, 2, 0, 1], [0, 1, 1, 2]]
    let b = zip(a[0], a[1]).map { 2 * $0 + 3 * $1 }
    let fit = NonNegativeLeastSquares(columns: a, b)
    #expect(close(fit.solution, [2, 3], 1e-14))
    #expect(fit.residualNorm < 1e-13)
  }

  @Test("NNLS where the unconstrained coefficient is negative: it is 0 and the other refits")
  func nnlsNegative() throws {
    // Unconstrained: b = 2·a₁ − a₂ (residual 0). With a₂ out: x₁ = a₁·b/a₁·a₁ = 3/2.
    let fit = NonNegativeLeastSquares(columns: [[1, 0, 1], [0, 1, 1]], [2, -1, 1])
    #expect(close(fit.solution, [1.5, 0], 1e-15))
    #expect(abs(fit.residualNorm - (1.5 as Double).squareRoot()) < 1e-14)
    let ls = try #require(LeastSquares.solve(columns: [[1, 0, 1], [0, 1, 1]], [2, -1, 1]))
    #expect(close(ls, [2, -1], 1e-14))
    #expect(LeastSquares.solve(columns: [[1, 2, 3], [2, 4, 6]], [1, 2, 3]) == nil)
    #expect(NonNegativeLeastSquares(columns: [[1, 1], [1, 2]], [-1, -2]).solution == [0, 0])
  }

  @Test("Varimax raises the varimax criterion, keeps communalities, and leaves one factor alone")
  func varimax() {
    let loadings: [[Double]] = [[0.8, 0.3], [0.7, 0.4], [0.3, -0.8], [0.4, -0.7], [0.6, 0.1]]
    let (rotated, sweeps) = Varimax.rotate(loadings)
    #expect(sweeps >= 1)
    #expect(Varimax.criterion(rotated) > Varimax.criterion(loadings))
    for (a, b) in zip(loadings, rotated) {
      #expect(abs(a.reduce(0) { $0 + $1 * $1 } - b.reduce(0) { $0 + $1 * $1 }) < 1e-14)
    }
    // At the optimum another rotation changes nothing.
    #expect(close(Varimax.rotate(rotated).loadings.flatMap { $0 }, rotated.flatMap { $0 }, 1e-12))
    #expect(Varimax.rotate([[0.5], [0.7]]).loadings == [[0.5], [0.7]])
  }

  @Test("Regression weights: a free intercept, R² and the refusal when nothing helps")
  func regression() throws {
    let x1: [Double] = [1, 2, 3, 4, 5]
    let x2: [Double] = [2, 1, 4, 3, 5]
    let y = zip(x1, x2).map { 10 + 2 * $0 + 1 * $1 }
    let fit = try RegressionWeights(columns: [x1, x2], outcome: y)
    #expect(close(fit.coefficients, [2, 1], 1e-13))
    #expect(close(fit.weights, [2.0 / 3, 1.0 / 3], 1e-13))
    #expect(abs(fit.intercept - 10) < 1e-12 && abs(fit.rSquared - 1) < 1e-14)
    #expect(throws: IndexError.self) { try RegressionWeights(columns: [x1], outcome: x1.map { -$0 }) }
    #expect(throws: IndexError.self) { try RegressionWeights(columns: [x1, x2], outcome: [1, 2, .nan, .nan, .nan]) }
  }
}
