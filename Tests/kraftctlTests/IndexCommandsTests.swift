import Foundation
import KraftsamlingKit
import Testing

@Suite("kraftctl: index, compare")
struct IndexCommandsTests {
  private let published = Set(PublishedSelection.stk2024_1374.delområden)

  @Test("index --format csv: documented columns, ranked then excluded areas")
  func indexCSV() throws {
    let r = try Run.kraftctl("index", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 137)
    #expect(
      lines[0]
        == "code,name,score,rank,decile,flags,ej_behoriga_yrkesprogram_ak9,ej_behoriga_yrkesprogram_ak9.contribution,"
        + "trangbodda_0_18,trangbodda_0_18.contribution,ekonomiskt_bistand_20_64,ekonomiskt_bistand_20_64.contribution,"
        + "lag_inkomststandard_0_18,lag_inkomststandard_0_18.contribution")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows[0][3] == "1" && rows[0][4] == "1")
    // the twelve delområden of the published selection are in the top 13
    let top13 = Set(rows.filter { (Int($0[3]) ?? .max) <= 13 }.map { $0[1] })
    #expect(published.isSubset(of: top13))
    // contributions of the arithmetic mean sum to the score
    let first = rows[0]
    let sum = [7, 9, 11, 13].map { Double(first[$0])! }.reduce(0, +)
    #expect(abs(sum - Double(first[2])!) < 1e-9)
    // excluded areas come last with an empty rank and the reason in flags
    let excluded = rows.filter { $0[3].isEmpty }
    #expect(!excluded.isEmpty)
    #expect(excluded.allSatisfy { $0[5].hasPrefix("excluded:") })
    #expect(rows.suffix(excluded.count).allSatisfy { $0[3].isEmpty })
  }

  @Test("index options override the definition and are recorded")
  func indexOverrides() throws {
    let r = try Run.kraftctl(
      "index", "--normalization", "rank", "--aggregation", "geometric", "--weights", "2,1,1,1", "--min-denominator", "20",
      "--missing", "mean", "--top", "5", "--format", "json")
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let modifications = json["modifications"] as! [String]
    #expect(
      modifications == [
        "normalization: rank", "aggregation: geometric", "weights: 2.0,1.0,1.0,1.0", "minDenominator: 20.0",
        "missing: mean, minimum availability 0.75",
      ])
    #expect((json["areas"] as! [Any]).count == 5)
  }

  @Test("index --top and --by geso")
  func indexTopAndGeso() throws {
    let top = try Run.kraftctl("index", "--top", "3", "--format", "csv")
    #expect(top.stdout.split(separator: "\n").count == 4)
    let g = try Run.kraftctl("index", "--by", "geso", "--format", "csv")
    #expect(g.status == 0)
    let lines = g.stdout.split(separator: "\n")
    #expect(lines[0] == "code,name,score,rank,population,areas,ranked_areas")
    #expect(lines.count == 15)
  }

  @Test("a definition the data cannot carry exits 65; a bad --weights or --definition value 64")
  func badDefinitions() throws {
    let geometric = try Run.kraftctl("index", "--aggregation", "geometric")
    #expect(geometric.status == 65)
    #expect(geometric.stderr.contains("the geometric mean needs values > 0"))
    let zero = try Run.kraftctl("index", "--weights", "0,1,1,1")
    #expect(zero.status == 64)
    #expect(zero.stderr.contains("is not a positive number"))
    let name = try Run.kraftctl("index", "--definition", "stadskontoret")
    #expect(name.status == 64)
    #expect(name.stderr.contains("did you mean stadskontoret-2025?"))
    let dir = try Run.temporaryDirectory()
    let file = dir.appendingPathComponent("def.json")
    try #"{"id": "x", "indicators": [{"id": "t", "numerator": "trangboda_0_18", "denominator": "barn_0_18"}]}"#
      .write(to: file, atomically: true, encoding: .utf8)
    let column = try Run.kraftctl("index", "--definition", file.path)
    #expect(column.status == 65)
    #expect(column.stderr.contains("the table has no column 'trangboda_0_18'"))
    #expect(column.stderr.contains("did you mean trangbodda_0_18?"))
    let empty = dir.appendingPathComponent("empty.csv")
    try "kod,namn,barn_0_18\n".write(to: empty, atomically: true, encoding: .utf8)
    let noRows = try Run.kraftctl("index", "--data", empty.path, "--definition", file.path)
    #expect(noRows.status == 65)
    let usage = try Run.kraftctl("index", "--normalization", "zscor")
    #expect(usage.status == 64)
  }

  @Test("a JSON definition file runs")
  func definitionFile() throws {
    let dir = try Run.temporaryDirectory()
    let file = dir.appendingPathComponent("mitt.json")
    try """
      {"id": "mitt", "version": "2", "indicators": [
        {"id": "bistand", "numerator": "ekonomiskt_bistand_20_64", "denominator": "befolkning_20_64", "weight": 2},
        {"id": "uvas", "numerator": "uvas_16_29", "denominator": "unga_16_29"}],
       "normalization": "minmax", "missingData": {"method": "reweight", "minimumAvailability": 0.5}}
      """.write(to: file, atomically: true, encoding: .utf8)
    let r = try Run.kraftctl("index", "--definition", file.path, "--top", "1")
    #expect(r.status == 0)
    #expect(r.stdout.contains("definition mitt@2"))
  }

  @Test("compare two definitions")
  func compare() throws {
    let r = try Run.kraftctl("compare", "--definition", "stadskontoret-2025", "--definition", "threshold-count", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines[0] == "code,name,rank_a,rank_b,shift,top_a,top_b")
    let t = try Run.kraftctl("compare", "--definition", "stadskontoret-2025", "--definition", "scb-regso", "--top", "12")
    #expect(t.status == 0)
    #expect(t.stdout.contains("A: stadskontoret-2025@2025.1"))
    #expect(t.stdout.contains("Top 12 — entering under B:"))
    let one = try Run.kraftctl("compare", "--definition", "stadskontoret-2025")
    #expect(one.status == 64)
  }

  @Test("demo prints the top of the index with the illustrative label")
  func demo() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Run.kraftctl(arguments: ["demo"], cwd: dir)
    #expect(r.status == 0)
    #expect(r.stdout.contains("2. Index stadskontoret-2025@2025.1"))
    #expect(r.stdout.contains("Herrgården"))
    #expect(r.stdout.contains("Illustrative data"))
  }

  @Test("the CustomIndex example runs")
  func customIndexExample() throws {
    let r = try Run.product("CustomIndex")
    #expect(r.status == 0)
    #expect(r.stdout.contains("round trip equal: true"))
  }
}
