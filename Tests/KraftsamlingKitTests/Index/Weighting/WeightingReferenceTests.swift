import Foundation
import KraftsamlingKit
import Testing

@testable import KraftsamlingIndex

/// The weighting methods against ahpy, numpy and scipy
/// (`Fixtures/weighting/README.md`).
@Suite("Weighting cross-check")
struct WeightingReferenceTests {
  struct Expected: Decodable {
    struct AHP: Decodable {
      var name: String
      var items: [String]
      var matrix: [[Double]]
      var randomIndex: String
      var priorities: [Double]
      var consistencyRatio: Double
      var lambdaMax: Double
    }
    struct PCA: Decodable {
      var eigenvalues: [Double]
      var retained: Int
      var weights: [Double]
      var factorShares: [Double]
    }
    struct Regression: Decodable {
      var coefficients: [Double]
      var weights: [Double]
      var rSquared: Double
      var intercept: Double
      var olsCoefficients: [Double]
    }
    struct NNLS: Decodable {
      var A: [[Double]]
      var b: [Double]
      var x: [Double]
      var rnorm: Double
    }
    var ahp: [AHP]
    var pca: PCA
    var pcaLowThreshold: PCA
    var regression: Regression
    var dimensionRegression: Regression
    var nnls: NNLS
  }

  static func expected() throws -> Expected {
    try JSONDecoder().decode(Expected.self, from: try Fixtures.contents(ofFile: Fixtures.path("weighting/expected.json")))
  }

  static func fixture() throws -> (IndexDefinition, AreaTable) {
    let definition = try IndexDefinition(
      json: String(decoding: try Fixtures.contents(ofFile: Fixtures.path("weighting/definition.json")), as: UTF8.self))
    let (table, _) = try AreaTable.read(path: Fixtures.path("weighting/table.csv"))
    return (definition, table)
  }

  static func maxError(_ a: [Double], _ b: [Double]) -> Double {
    a.count == b.count ? zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) } : .infinity
  }

  @Test("AHP priorities, λmax and consistency ratios equal ahpy's to 1e-6 (in fact 1e-12) on five matrices")
  func ahp() throws {
    let cases = try Self.expected().ahp
    #expect(cases.count == 5)
    for c in cases {
      let table: AHPRandomIndex = c.randomIndex == "dd" ? .doneganDodd : .saaty
      let ours = try AnalyticHierarchy(matrix: c.matrix, randomIndex: table)
      #expect(Self.maxError(ours.priorities, c.priorities) < 1e-12, "\(c.name)")
      #expect(abs(ours.consistencyRatio - c.consistencyRatio) < 1e-12, "\(c.name)")
      #expect(abs(ours.lambdaMax - c.lambdaMax) < 1e-12, "\(c.name)")
    }
  }

  @Test("An inconsistent matrix (CR ≈ 2.07 > 0.1) is refused, and weighted when forced")
  func inconsistentRefused() throws {
    let c = try #require(try Self.expected().ahp.first { $0.name == "inconsistent" })
    let definition = IndexDefinition(
      id: "fyra", indicators: c.items.map { .init(id: $0, valueColumn: $0) })
    do {
      _ = try definition.weighted(by: .analyticHierarchy(matrix: c.matrix))
      Issue.record("an inconsistent matrix was accepted")
    } catch {
      #expect(error.code == .inconsistentComparisons)
      #expect(error.message.contains("consistency ratio 2.0674"))
    }
    let (forced, record) = try definition.weighted(by: .analyticHierarchy(matrix: c.matrix, force: true))
    #expect(Self.maxError(forced.indicators.map(\.weight), c.priorities) < 1e-12)
    #expect(abs(try #require(record.diagnostics["consistencyRatio"]) - c.consistencyRatio) < 1e-12)
    #expect(forced.modifications.first == "weighting: ahp (indicators)")
  }

  @Test("NNLS equals scipy.optimize.nnls on a small problem with an active constraint")
  func nnls() throws {
    let c = try Self.expected().nnls
    let columns = (0..<c.A[0].count).map { j in c.A.map { $0[j] } }
    let fit = NonNegativeLeastSquares(columns: columns, c.b)
    #expect(Self.maxError(fit.solution, c.x) < 1e-14)
    #expect(abs(fit.residualNorm - c.rnorm) < 1e-14)
  }

  @Test("Regression weights equal scipy's NNLS to 1e-9, with b2's negative OLS coefficient at 0")
  func regression() throws {
    let (definition, table) = try Self.fixture()
    let e = try Self.expected()
    let record = try definition.weightingRecord(.regression(outcome: "utfall"), level: .indicators, table: table, hierarchy: nil)
    #expect(Self.maxError(record.weights, e.regression.weights) < 1e-9)
    #expect(Self.maxError(try #require(record.details["coefficient"]), e.regression.coefficients) < 1e-9)
    #expect(abs(try #require(record.diagnostics["rSquared"]) - e.regression.rSquared) < 1e-9)
    #expect(abs(try #require(record.diagnostics["intercept"]) - e.regression.intercept) < 1e-9)
    #expect(e.regression.olsCoefficients[4] < 0 && record.weights[4] == 0)
    // A zero weight cannot go into a definition.
    #expect(throws: IndexError.self) { try definition.weighted(by: .regression(outcome: "utfall"), on: table) }
  }

  @Test("Regression weights of the dimensions equal scipy's on the dimension scores")
  func dimensionRegression() throws {
    let (definition, table) = try Self.fixture()
    let e = try Self.expected().dimensionRegression
    let (weighted, record) = try definition.weighted(by: .regression(outcome: "utfall"), level: .dimensions, on: table)
    #expect(record.ids == ["ekonomi", "boende"])
    #expect(Self.maxError(record.weights, e.weights) < 1e-9)
    #expect(abs(try #require(record.diagnostics["rSquared"]) - e.rSquared) < 1e-9)
    #expect(Self.maxError(weighted.dimensions.map(\.weight), e.weights) < 1e-9)
    #expect(weighted.indicators.map(\.weight) == definition.indicators.map(\.weight))
  }

  @Test("PCA weights equal numpy's eigh plus varimax to 1e-9, with two and with three components")
  func pca() throws {
    let (definition, table) = try Self.fixture()
    let e = try Self.expected()
    for (method, reference) in [
      (WeightingMethod.principalComponents(), e.pca),
      (.principalComponents(minimumEigenvalue: 0.3, minimumShare: 0.05), e.pcaLowThreshold),
    ] {
      let (weighted, record) = try definition.weighted(by: method, on: table)
      #expect(record.diagnostics["components"] == Double(reference.retained))
      #expect(Self.maxError(record.weights, reference.weights) < 1e-9)
      #expect(Self.maxError(try #require(record.details["eigenvalue"]), reference.eigenvalues) < 1e-12)
      let shares = Set(try #require(record.details["componentShare"])).sorted()
      #expect(Self.maxError(shares, reference.factorShares) < 1e-9 || reference.retained == 3)
      // Each dimension's weight is the sum of its indicators', so the nominal shares are the weights.
      let sums = [record.weights[0...2].reduce(0, +), record.weights[3...5].reduce(0, +)]
      #expect(Self.maxError(weighted.dimensions.map(\.weight), sums) < 1e-15)
      #expect(Self.maxError(IndexAudit.nominalShares(weighted), record.weights) < 1e-15)
    }
  }
}
