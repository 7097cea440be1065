import Foundation
import Testing

/// Disclosure control end to end: `--min-count` and `--min-denominator` at
/// the boundaries of the defaults (counts 4/5, denominators 9/10).
@Suite("kraftctl disclosure control")
struct DisclosureCommandTests {
  func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Four areas whose rate `andel` = antal/bas rests on 4, 9, 10 and 50 people.
  static let statistics = """
    kod,namn,befolkning,antal,bas
    a4,Fyra,4,1,4
    a9,Nio,9,3,9
    a10,Tio,10,4,10
    a50,Femtio,50,20,50

    """
  /// Every rate enters the index (small-number limit 0 in the definition).
  static let definition = #"""
    {"id": "d", "indicators": [{"id": "andel", "numerator": "antal", "denominator": "bas"}],
     "normalization": "minmax", "smallNumbers": {"minDenominator": 0}}
    """#

  @Test("areas: a population of 4 is '..', 5 and more are shown; --min-count 0 shows all")
  func areas() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try write(Self.statistics.replacingOccurrences(of: "a9,Nio,9", with: "a9,Nio,5"), "s.csv", in: dir)
    let r = try Run.kraftctl("areas", "--data", data, "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.contains("a4,Fyra,,,,.."))
    #expect(lines.contains("a9,Nio,,,,5"))
    let off = try Run.kraftctl("areas", "--data", data, "--format", "csv", "--min-count", "0")
    #expect(off.stdout.split(separator: "\n").contains("a4,Fyra,,,,4"))
    let json = try Run.kraftctl("areas", "--data", data, "--format", "json")
    #expect(json.stdout.contains(#""population": "..""#))
  }

  @Test("index: the rate over 9 people is '..' and flagged suppressed, over 10 shown; scores and ranks stay")
  func index() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = try write(Self.statistics, "s.csv", in: dir)
    let def = try write(Self.definition, "d.json", in: dir)
    let r = try Run.kraftctl("index", "--data", data, "--definition", def, "--format", "csv")
    #expect(r.status == 0, "\(r.stderr)")
    let rows = Dictionary(
      uniqueKeysWithValues: r.stdout.split(separator: "\n").dropFirst().map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return (cells[0], cells)
      })
    // code,name,score,rank,decile,flags,andel,andel.contribution
    #expect(rows["a9"]?[6] == "..")
    #expect(rows["a9"]?[5] == "suppressed:andel")
    #expect(rows["a4"]?[6] == "..")
    #expect(rows["a10"]?[6] == "0.4")
    #expect(rows["a10"]?[5] == "")
    // The areas are still scored and ranked: 3/9 lies between 1/4 and 4/10,
    // min-max score 100·(3/9 − 1/4)/(4/10 − 1/4) = 55.6, rank 3.
    #expect(rows["a9"]?[3] == "3")
    #expect(rows["a9"]?[2].hasPrefix("55.5555") == true)

    // --min-denominator 9 shows the rate over 9 people, not the one over 4.
    let nine = try Run.kraftctl("index", "--data", data, "--definition", def, "--format", "csv", "--min-denominator", "9")
    #expect(nine.stdout.split(separator: "\n").contains { $0.hasPrefix("a4,") && $0.contains(",..,") })
    #expect(nine.stdout.split(separator: "\n").contains { $0.hasPrefix("a9,") && $0.contains(",0.3333333333333333,") })

    // JSON: the rate is null, a denominator below 5 is "..", the area is marked.
    let json = try Run.kraftctl("index", "--data", data, "--definition", def, "--format", "json")
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let areas = object["areas"] as! [[String: Any]]
    func area(_ code: String) -> [String: Any] { areas.first { $0["code"] as? String == code }! }
    func cell(_ code: String) -> [String: Any] { (area(code)["indicators"] as! [String: Any])["andel"] as! [String: Any] }
    #expect(cell("a4")["denominator"] as? String == "..")
    #expect(cell("a4")["rate"] is NSNull)
    #expect(cell("a9")["denominator"] as? Double == 9)
    #expect(cell("a9")["rate"] is NSNull)
    #expect(cell("a10")["rate"] as? Double == 0.4)
    #expect(area("a9")["suppressed"] as? Bool == true)
    #expect(area("a10")["suppressed"] as? Bool == false)
    let disclosure = object["disclosure"] as! [String: Any]
    #expect(disclosure["min_count"] as? Int == 5)
    #expect(disclosure["min_denominator"] as? Int == 10)
    // --min-count 4 shows the denominator 4.
    let four = try Run.kraftctl("index", "--data", data, "--definition", def, "--format", "json", "--min-count", "4")
    #expect(four.stdout.contains(#""denominator": 4"#))
  }

  @Test("uppfoljning: shares over 9 young people are '..', over 10 shown; the report names the rule")
  func uppfoljning() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let series = try write(
      """
      kod,ar,unga_16_29,uvas_16_29
      liten,2022,9,3
      liten,2023,10,2
      stor,2022,1000,100
      stor,2023,1000,90

      """, "u.csv", in: dir)
    let r = try Run.kraftctl("uppfoljning", "--series", series, "--areas", "liten", "--lang", "en")
    #expect(r.status == 0, "\(r.stderr)")
    // The Delområden table: population 2023, then 2022 (3 of 9: hidden) and 2023 (2 of 10: 20.0 %).
    let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("liten") }
    #expect(row.map { $0.split(separator: " ") == ["liten", "10", "..", "20.0"] } == true, "\(r.stdout)")
    #expect(r.stdout.contains("Disclosure control: shares of fewer than 10 people and counts below 5"))
    let off = try Run.kraftctl(
      "uppfoljning", "--series", series, "--areas", "liten", "--lang", "en", "--min-denominator", "0", "--min-count", "0")
    #expect(off.stdout.contains("33.3"))
    let json = try Run.kraftctl("uppfoljning", "--series", series, "--areas", "liten", "--format", "json")
    #expect(json.status == 0)
    #expect(!json.stdout.contains("0.3333"))
  }

  /// The rows of `hotspots --format csv`, by code.
  static func rows(_ csv: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      out[cells[0]] = cells
    }
    return out
  }

  // In the bundled statistics, befolkning_20_64 (the denominator of
  // ekonomiskt_bistand_20_64) is 1, 3, 5, 9 and 6 in 10104, 10105, 10106
  // (1 of 5 on social assistance: 20 %), 11203 and 36216, and exactly 10
  // in 25610 Kroksbäcksparken.
  static let small = ["10104", "10105", "10106", "11203", "36216"]

  @Test("hotspots --variable: rates over 9 people are '..' with their own statistic, over 10 shown; the test is unchanged")
  func hotspots() throws {
    let base = ["hotspots", "--variable", "ekonomiskt_bistand_20_64", "--permutations", "99", "--format", "csv"]
    let r = try Kraftctl.run(base)
    #expect(r.status == 0, "\(r.stderr)")
    let rows = Self.rows(r.stdout)
    for code in Self.small {
      #expect(rows[code]?[2] == ".." && rows[code]?[3] == "..", "\(code): \(rows[code] ?? [])")
    }
    #expect(rows["25610"]?[2] == "0")
    #expect(rows["25610"]?[3] != "..")
    #expect(
      r.stderr.contains(
        "disclosure control: the rate of 5 area(s) rests on fewer than 10 people and is not shown"), "\(r.stderr)")
    #expect(r.stderr.contains("10104, 10105, 10106, 11203, 36216"))
    // Off: 1 of 5 = 20 %; quadrants, p-values and labels are those of the suppressed run.
    let off = Self.rows(try Kraftctl.run(base + ["--min-denominator", "0"]).stdout)
    #expect(off["10106"]?[2] == "20")
    #expect(off.count == rows.count)
    for (code, row) in rows { #expect(off[code].map { Array($0[4...]) } == Array(row[4...]), "\(code)") }
    // 11 hides the area of 10 as well; 9 shows the area of 9.
    #expect(Self.rows(try Kraftctl.run(base + ["--min-denominator", "11"]).stdout)["25610"]?[2] == "..")
    let nine = Self.rows(try Kraftctl.run(base + ["--min-denominator", "9"]).stdout)
    #expect(nine["11203"]?[2] == "0")
    #expect(nine["10106"]?[2] == "..")
    // JSON: null value, statistic and z-scores, and the flag.
    let json = try Kraftctl.run(Array(base.dropLast()) + ["json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let areas = try #require(object["areas"] as? [[String: Any]])
    let hidden = try #require(areas.first { $0["code"] as? String == "10106" })
    #expect(hidden["suppressed"] as? Bool == true)
    #expect(hidden["value"] is NSNull && hidden["statistic"] is NSNull && hidden["z"] is NSNull && hidden["z_sim"] is NSNull)
    #expect(hidden["label"] as? String == off["10106"]?[6])
    let shown = try #require(areas.first { $0["code"] as? String == "25610" })
    #expect(shown["suppressed"] as? Bool == false)
    #expect(shown["value"] as? Double == 0)
  }

  @Test("map --value: rates over too few people are cross-hatched, out of the class breaks, with a legend entry")
  func map() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("m.svg").path
    let r = try Kraftctl.run(["map", "--value", "ekonomiskt_bistand_20_64", "--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.contains("För få personer, visas ej (5)"))
    #expect(svg.contains("Östra Hamnen (10106): för få personer, visas ej (röjandekontroll)</title>"))
    #expect(svg.contains("Kroksbäcksparken (25610): 0,0</title>"))
    #expect(r.stderr.contains("disclosure control: the rate of 5 area(s)"))
    // The quantile classes count 136 − 6 without a value − 5 suppressed = 125 areas.
    let counts = svg.matches(of: /– [0-9,]+ \(([0-9]+)\)/).map { Int($0.output.1)! }
    #expect(counts.reduce(0, +) == 125, "\(counts)")
    let off = try Kraftctl.run(["map", "--value", "ekonomiskt_bistand_20_64", "--min-denominator", "0"])
    #expect(!off.stdout.contains("kk-suppressed"))
    #expect(off.stdout.contains("Östra Hamnen (10106): 20,0</title>"))
  }
}
