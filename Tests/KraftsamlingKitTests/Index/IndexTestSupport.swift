import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

/// Test helpers of the index suites.
enum IndexFixtures {
  /// The worked example of `Documentation/IndexPipeline.md`: five areas,
  /// three indicators (the third higher-is-better), Eva's children too few.
  static func workedExample() -> AreaTable {
    var t = AreaTable(codes: ["1", "2", "3", "4", "5"], names: ["Ana", "Bo", "Cecilia", "David", "Eva"])
    try! t.addColumn("bistand", [10, 30, 10, 10, 10])
    try! t.addColumn("vuxna", [100, 100, 100, 100, 100])
    try! t.addColumn("trangbodda", [10, 20, 10, 20, 3])
    try! t.addColumn("barn", [50, 50, 50, 50, 8])
    try! t.addColumn("behoriga", [18, 18, 18, 18, 10])
    try! t.addColumn("elever", [20, 20, 20, 20, 20])
    try! t.addColumn("befolkning", [1000, 2000, 1000, 1000, 500])
    return t
  }

  /// The worked example's definition.
  static func workedDefinition() -> IndexDefinition {
    IndexDefinition(
      id: "exempel", version: "1",
      indicators: [
        .init(id: "bistand", numerator: "bistand", denominator: "vuxna"),
        .init(id: "trangbodda", numerator: "trangbodda", denominator: "barn"),
        .init(id: "behoriga", numerator: "behoriga", denominator: "elever", direction: .higherIsBetter),
      ], normalization: .zScore, aggregation: .arithmetic,
      missingData: MissingDataPolicy(.reweight, minimumAvailability: 0.6), smallNumbers: SmallNumberPolicy(minDenominator: 10))
  }

  /// A one-indicator-per-column table of plain values.
  static func valueTable(_ columns: [String: [Double?]], codes: [String]? = nil) -> AreaTable {
    let n = columns.values.first?.count ?? 0
    var t = AreaTable(codes: codes ?? (1...max(n, 1)).prefix(n).map(String.init))
    for k in columns.keys.sorted() { try! t.addColumn(k, columns[k]!) }
    return t
  }

  /// The bundled illustrative statistics, read by the library's CSV reader.
  static func malmoStatistics() throws -> AreaTable { MalmöData.statistik }

  /// The twelve delområden of the published initial selection (STK-2024-1374).
  static let published = PublishedSelection.stk2024_1374.delområden
}

/// `a ≈ b` within an absolute tolerance.
func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tol
}

/// Element-wise `≈`.
func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-9) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
}
