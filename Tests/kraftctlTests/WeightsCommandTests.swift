import Foundation
import Testing

@Suite("kraftctl weights")
struct WeightsCommandTests {
  /// The four indicators of the default definition, in order.
  static let ids = ["ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18", "ekonomiskt_bistand_20_64", "lag_inkomststandard_0_18"]

  /// An AHP matrix as CSV, its rows given in the order `rows` (1/x as a fraction).
  static func matrix(_ rows: [[String]]) -> String {
    (["id," + ids.joined(separator: ",")] + zip(ids, rows).map { id, row in ([id] + row).joined(separator: ",") })
      .joined(separator: "\n") + "\n"
  }

  @Test("AHP from standard input: ahpy's priorities, the consistency ratio and the --weights line")
  func ahp() throws {
    let csv = Self.matrix([["1", "3", "5", "7"], ["1/3", "1", "3", "5"], ["1/5", "1/3", "1", "3"], ["1/7", "1/5", "1/3", "1"]])
    let r = try Run.kraftctl("weights", "--method", "ahp", "--input", "-", stdin: csv)
    #expect(r.status == 0)
    // ahpy 2.1 (Fixtures/weighting/expected.json, "drinks-like"): 0.56500905…, CR 0.04381364…
    #expect(r.stdout.contains("ej_behoriga_yrkesprogram_ak9  Andel avgångna åk 9 ej behöriga till yrkesprogram  0.565009"))
    #expect(r.stdout.contains("consistency_ratio: 0.043814\n"))
    #expect(r.stdout.contains("kraftctl index --weights 0.565009,0.262201,0.117504,0.055285\n"))
    let index = try Run.kraftctl("index", "--weights", "0.565009,0.262201,0.117504,0.055285", "--format", "csv")
    #expect(index.status == 0)
  }

  @Test("An inconsistent matrix exits 65 with its consistency ratio; --force accepts it")
  func inconsistent() throws {
    let csv = Self.matrix([["1", "9", "1/5", "3"], ["1/9", "1", "7", "1/3"], ["5", "1/7", "1", "9"], ["1/3", "3", "1/9", "1"]])
    let refused = try Run.kraftctl("weights", "--method", "ahp", "--input", "-", stdin: csv)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("<stdin>: the comparisons are too inconsistent: consistency ratio 2.0674"))
    #expect(refused.stderr.contains("pass --force"))
    let forced = try Run.kraftctl("weights", "--method", "ahp", "--input", "-", "--force", "--format", "csv", stdin: csv)
    #expect(forced.status == 0)
    #expect(forced.stdout.split(separator: "\n").count == 5)
  }

  @Test("Bad input is located at file, line and field and exits 65")
  func badInput() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("poang.csv").path
    let header = "expert,ej_behoriga_yrkesprogram_ak9,trangbodda,ekonomiskt_bistand_20_64,lag_inkomststandard_0_18"
    try (header + "\nA,40,20,20,20\nB,30,30,x,30\nC,30,30,30,30\n").write(toFile: file, atomically: true, encoding: .utf8)
    let r = try Run.kraftctl("weights", "--method", "budget", "--input", file)
    #expect(r.status == 65)
    #expect(r.stderr.contains("poang.csv:3 (field ekonomiskt_bistand_20_64): 'x' is not a number"))
    let fixed = header.replacingOccurrences(of: "trangbodda,", with: "trangbodda_0_18,")
    try (fixed + "\nA,40,20,20,20\nB,30,30,30,30\n").write(toFile: file, atomically: true, encoding: .utf8)
    let sums = try Run.kraftctl("weights", "--method", "budget", "--input", file)
    #expect(sums.status == 65)
    #expect(sums.stderr.contains("poang.csv:3 (field B): expert 2's points add up to 120.0, not 100.0"))
    try (header + "\nA,40,20,20,20\n").write(toFile: file, atomically: true, encoding: .utf8)
    let unknown = try Run.kraftctl("weights", "--method", "budget", "--input", file)
    #expect(unknown.stderr.contains("poang.csv:1 (field trangbodda): the definition has no indicator 'trangbodda'"))
  }

  @Test("Budget allocation from JSON, and the record as JSON")
  func budgetJSON() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("poang.json").path
    let json = #"{"items": ["lag_inkomststandard_0_18", "ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18", "ekonomiskt_bistand_20_64"], "points": [[10, 40, 30, 20], [30, 20, 30, 20]]}"#
    try json.write(toFile: file, atomically: true, encoding: .utf8)
    let r = try Run.kraftctl("weights", "--method", "budget", "--input", file, "--format", "json")
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let weights = try #require(object["weights"] as? [Double])
    #expect(zip(weights, [0.3, 0.3, 0.2, 0.2]).allSatisfy { abs($0 - $1) < 1e-15 })
    #expect((object["ids"] as? [String]) == Self.ids)
  }

  @Test("Optimised weights on the bundled data: equal effective importance within 0.01, and --out writes the definition")
  func optimised() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("viktad.json").path
    let r = try Run.kraftctl("weights", "--method", "optimised", "--format", "csv", "--out", out)
    #expect(r.status == 0)
    let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    #expect(rows.count == 4)
    for row in rows { #expect(abs(try #require(Double(row[3])) - 0.25) < 0.01) }
    let index = try Run.kraftctl("index", "--definition", out, "--format", "csv")
    #expect(index.status == 0)
    let definition = try String(contentsOfFile: out, encoding: .utf8)
    #expect(definition.contains("weighting: optimised (indicators)"))
  }

  @Test("Regression and PCA weights, and the dimension level of the cross-check fixture")
  func regressionAndPCA() throws {
    let regression = try Run.kraftctl("weights", "--method", "regression", "--outcome", "uvas_16_29/unga_16_29")
    #expect(regression.status == 0 && regression.stdout.contains("r_squared: "))
    let pca = try Run.kraftctl("weights", "--method", "pca", "--format", "markdown")
    #expect(pca.stdout.hasPrefix("| id | name | weight | component | scaled_loading | component_share |"))
    let dims = try Run.kraftctl(
      "weights", "--method", "regression", "--outcome", "utfall", "--level", "dimensions", "--data",
      Run.fixture("weighting/table.csv"), "--definition", Run.fixture("weighting/definition.json"))
    #expect(dims.status == 0)
    // scipy: 0.616720346486273, 0.38327965351372695
    #expect(dims.stdout.contains("ekonomi  ekonomi  0.616720"))
    #expect(dims.stdout.contains("Dimension weights 0.616720,0.383280: write the weighted definition with --out FILE"))
  }

  @Test("Usage errors exit 64")
  func usage() throws {
    #expect(try Run.kraftctl("weights").status == 64)
    #expect(try Run.kraftctl("weights", "--method", "ahp").status == 64)
    #expect(try Run.kraftctl("weights", "--method", "regression").status == 64)
    #expect(try Run.kraftctl("weights", "--method", "optimised", "--target", "1,-1,1,1").status == 64)
  }
}
