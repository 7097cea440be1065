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
}
