import Foundation
import KraftsamlingKit
import Testing

/// The audit against numbers computed independently with scipy, numpy and
/// pingouin (`Fixtures/audit/README.md`) on a table no other test uses.
@Suite("Index audit cross-check")
struct IndexAuditCrossCheckTests {
  struct Expected: Decodable {
    var variables: [String]
    var pearson: [[Double?]]
    var pearson_p: [[Double?]]
    var spearman: [[Double?]]
    var spearman_p: [[Double?]]
    var alphas: [Double]
    var standardized_alphas: [Double]
    var eigenvalues: [Double]
    var explained_variance: [Double]
    var loadings: [[Double]]
    var nominal_shares: [Double]
    var effective_shares: [Double]
  }

  /// The audit of `Fixtures/audit/table.csv` under `definition.json`, and the expected numbers.
  static func load() throws -> (IndexAudit, Expected) {
    let definition = try IndexDefinition(
      json: String(decoding: try Fixtures.contents(ofFile: Fixtures.path("audit/definition.json")), as: UTF8.self))
    let (table, _) = try AreaTable.read(path: Fixtures.path("audit/table.csv"))
    let expected = try JSONDecoder().decode(
      Expected.self, from: try Fixtures.contents(ofFile: Fixtures.path("audit/expected.json")))
    return (try IndexAudit(definition, on: table), expected)
  }

  /// The largest |ours − theirs| / |theirs| over matched pairs; infinity
  /// when one is missing and the other not.
  static func maxRelativeError(_ ours: [Double?], _ theirs: [Double?]) -> Double {
    guard ours.count == theirs.count else { return .infinity }
    var worst = 0.0
    for (a, b) in zip(ours, theirs) {
      guard let a, let b else {
        if (a == nil) != (b == nil) { return .infinity }
        continue
      }
      worst = max(worst, b == 0 ? abs(a) : abs(a - b) / abs(b))
    }
    return worst
  }

  /// The off-diagonal entries of a matrix, row by row.
  static func offDiagonal<T>(_ m: [[T]]) -> [T] {
    m.indices.flatMap { i in m[i].indices.filter { $0 != i }.map { m[i][$0] } }
  }

  @Test("Correlations and their p-values equal scipy's pearsonr and spearmanr to 1e-9 relative")
  func correlations() throws {
    let (audit, expected) = try Self.load()
    #expect(audit.indicatorIDs + audit.dimensionIDs + ["index"] == expected.variables)
    #expect(Self.maxRelativeError(Self.offDiagonal(audit.pearson.coefficients), Self.offDiagonal(expected.pearson)) < 1e-9)
    #expect(Self.maxRelativeError(Self.offDiagonal(audit.pearson.pValues), Self.offDiagonal(expected.pearson_p)) < 1e-9)
    #expect(Self.maxRelativeError(Self.offDiagonal(audit.spearman.coefficients), Self.offDiagonal(expected.spearman)) < 1e-9)
    #expect(Self.maxRelativeError(Self.offDiagonal(audit.spearman.pValues), Self.offDiagonal(expected.spearman_p)) < 1e-9)
    #expect(audit.pearson.counts.allSatisfy { $0.allSatisfy { $0 == 40 } })
  }

  @Test("Cronbach's alpha equals pingouin's (raw) and the mean-correlation formula (standardised)")
  func alpha() throws {
    let (audit, expected) = try Self.load()
    #expect(Self.maxRelativeError(audit.alphas, expected.alphas) < 1e-9)
    #expect(Self.maxRelativeError(audit.standardizedAlphas, expected.standardized_alphas) < 1e-9)
  }

  @Test("PCA eigenvalues, explained variance and loadings equal numpy's eigh")
  func pca() throws {
    let (audit, expected) = try Self.load()
    #expect(Self.maxRelativeError(audit.eigenvalues, expected.eigenvalues) < 1e-9)
    #expect(Self.maxRelativeError(audit.explainedVariance, expected.explained_variance) < 1e-9)
    for (ours, theirs) in zip(audit.loadings, expected.loadings) {
      #expect(zip(ours, theirs).allSatisfy { abs($0 - $1) < 1e-9 })
    }
  }

  @Test("Nominal shares and effective importance (normalised r² with the index) to 1e-9")
  func importance() throws {
    let (audit, expected) = try Self.load()
    #expect(Self.maxRelativeError(audit.nominalShares, expected.nominal_shares) < 1e-12)
    #expect(Self.maxRelativeError(audit.effectiveShares, expected.effective_shares) < 1e-9)
  }
}
