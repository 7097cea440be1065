import Foundation
import Testing

@Suite("kraftctl hotspots")
struct HotspotsCommandTests {
  static let labels: Set<String> = ["HH", "LH", "LL", "HL", "hot", "cold", "ns"]

  @Test("CSV has the documented columns, one row per area with a value, sorted by code; global I on stderr")
  func csv() throws {
    let r = try Kraftctl.run(["hotspots", "--variable", "ekonomiskt_bistand_20_64", "--permutations", "199", "--format", "csv"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "code,name,value,statistic,quadrant,p,label")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    // 136 delområden, 6 without a value (no people aged 20–64 in the illustrative data).
    #expect(rows.count == 130)
    #expect(r.stderr.contains("6 area(s) have no value"))
    #expect(rows.map { $0[0] } == rows.map { $0[0] }.sorted())
    for row in rows {
      #expect(row.count == 7)
      #expect(["HH", "LH", "LL", "HL"].contains(row[4]))
      #expect(Self.labels.contains(row[6]))
      let p = Double(row[5])!
      #expect(p >= 1.0 / 200 && p <= 1)
      // A significant area is labelled with its quadrant.
      if p < 0.05 { #expect(row[6] == row[4]) } else { #expect(row[6] == "ns") }
    }
    #expect(rows.contains { $0[1] == "Södra Sofielund" && $0[4] == "HH" })
    #expect(r.stderr.contains("global Moran's I = 0."))
    #expect(r.stderr.contains("Illustrativa data"))
  }

  @Test("The same seed gives the same output; another seed other p-values")
  func seeded() throws {
    let a = try Kraftctl.run(["hotspots", "--permutations", "99", "--seed", "4", "--format", "csv"])
    let b = try Kraftctl.run(["hotspots", "--permutations", "99", "--seed", "4", "--format", "csv"])
    let c = try Kraftctl.run(["hotspots", "--permutations", "99", "--seed", "5", "--format", "csv"])
    #expect(a.status == 0 && a.stdout == b.stdout)
    #expect(a.stdout != c.stdout)
  }

  @Test("JSON carries the settings, global Moran's I and every area; Gi* labels are hot, cold or ns")
  func json() throws {
    let r = try Kraftctl.run([
      "hotspots", "--variable", "trangbodda_0_18", "--statistic", "getis-ord-star", "--permutations", "99", "--format", "json",
    ])
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["statistic"] as? String == "getis-ord-star")
    #expect(object["permutations"] as? Int == 99)
    #expect(object["seed"] as? Int == 12345)
    let global = try #require(object["global_moran"] as? [String: Any])
    #expect((global["I"] as? Double ?? 0) > 0)
    let areas = try #require(object["areas"] as? [[String: Any]])
    #expect(areas.count == 129)
    for a in areas {
      #expect(["hot", "cold", "ns"].contains(a["label"] as? String ?? "?"))
      #expect(a["quadrant"] is NSNull)
    }
  }

  @Test("--fdr never finds more significant areas than --alpha alone")
  func fdr() throws {
    func significant(_ extra: [String]) throws -> Int {
      let r = try Kraftctl.run(["hotspots", "--permutations", "199", "--format", "csv"] + extra)
      #expect(r.status == 0)
      return r.stdout.split(separator: "\n").dropFirst().filter { !$0.hasSuffix(",ns") }.count
    }
    let plain = try significant([])
    #expect(plain > 0)
    #expect(try significant(["--fdr"]) <= plain)
  }

  @Test(
    "Bad option values exit 64, with a suggestion where one is near",
    arguments: [
      (["--variable", "bistand"], Int32(64), "did you mean ekonomiskt_bistand_20_64"),
      (["--alpha", "2"], 64, "--alpha must be between 0 and 1"),
      (["--statistic", "getis"], 64, "did you mean getis-ord"),
      (["--permutations", "-5"], 64, "--permutations"),
    ])
  func errors(_ extra: [String], _ status: Int32, _ message: String) throws {
    let r = try Kraftctl.run(["hotspots"] + extra)
    #expect(r.status == status)
    #expect(r.stderr.contains(message))
  }
}
