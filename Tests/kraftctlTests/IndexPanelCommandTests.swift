import Foundation
import Testing

@Suite("kraftctl index --panel")
struct IndexPanelCommandTests {
  /// A directory with a one-indicator definition, a two-year panel (C
  /// enters the top 2 in 2023, A leaves) and a code map.
  static func files() throws -> URL {
    let dir = try Run.temporaryDirectory()
    try #"{"id": "p", "indicators": [{"id": "x", "numerator": "n", "denominator": "d"}], "normalization": "zscore", "smallNumbers": {"minDenominator": 1}}"#
      .write(to: dir.appendingPathComponent("def.json"), atomically: true, encoding: .utf8)
    try """
      år,kod,namn,n,d
      2022,A,Ana,50,100
      2022,B,Bo,40,100
      2022,C,Cilla,30,100
      2022,D,Dan,20,100
      2022,E,Eva,10,100
      2023,A,Ana,20,100
      2023,B,Bo,40,100
      2023,C,Cilla,50,100
      2023,D,Dan,30,100
      2023,E,Eva,10,100

      """.write(to: dir.appendingPathComponent("panel.csv"), atomically: true, encoding: .utf8)
    try "old,new\nE,E2\n".write(to: dir.appendingPathComponent("map.csv"), atomically: true, encoding: .utf8)
    return dir
  }

  static func run(_ dir: URL, _ extra: String...) throws -> RunResult {
    try Run.kraftctl(
      arguments: ["index", "--panel", dir.appendingPathComponent("panel.csv").path, "--definition",
                  dir.appendingPathComponent("def.json").path, "--top", "2"] + extra)
  }

  @Test("the panel as CSV: one row per area and year, scores on the reference year's scale")
  func csv() throws {
    let r = try Self.run(Self.files(), "--year-column", "år", "--reference", "2022", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first == "code,name,year,score,rank,decile,selected")
    // 2022: mean 0.3, population SD √0.02; A's 2023 rate 0.2 is −0.1/√0.02 = −0.7071…
    let a22 = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    let a23 = lines[2].split(separator: ",", omittingEmptySubsequences: false)
    #expect(a22[0...2] == ["A", "Ana", "2022"] && a22[4...6] == ["1", "2", "yes"])
    #expect(abs(Double(a22[3])! - 2.0.squareRoot()) < 1e-12)
    #expect(a23[4...6] == ["4", "8", ""])
    #expect(abs(Double(a23[3])! + 0.5.squareRoot()) < 1e-12)
    #expect(lines.count == 11)
  }

  @Test("the table shows the mobility between the years; JSON has numbers")
  func mobility() throws {
    let dir = try Self.files()
    let text = try Self.run(dir)
    #expect(text.status == 0)
    #expect(text.stdout.contains("2022  2023      5  C         A                       1.200                    3     0.300"))
    #expect(text.stdout.contains("2 years, scores on the scale of 2022; selection: rank ≤ 2"))
    let json = try Self.run(dir, "--format", "json", "--reference", "2023")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(doc["reference"] as? Int == 2023)
    let mobility = try #require((doc["mobility"] as? [[String: Any]])?.first)
    #expect(mobility["entering"] as? [String] == ["C"])
    #expect(mobility["mean_abs_rank_change"] as? Double == 1.2)
  }

  @Test("a code map's changes are warnings")
  func codeMap() throws {
    let dir = try Self.files()
    let r = try Self.run(dir, "--code-map", dir.appendingPathComponent("map.csv").path, "--format", "csv")
    #expect(r.status == 0)
    #expect(r.stderr.contains("map.csv:2: year 2022: area E is reported as E2"))
    #expect(r.stdout.contains("\nE2,Eva,2022,"))
  }

  @Test("a bad panel exits 65 naming file, line and field; a --reference year not in the panel exits 64")
  func errors() throws {
    let dir = try Self.files()
    let bad = dir.appendingPathComponent("bad.csv")
    try "år,kod,n,d\n2022,A,1,10\nx22,B,2,10\n2022,A,3,10\n".write(to: bad, atomically: true, encoding: .utf8)
    let r = try Run.kraftctl(
      arguments: ["index", "--panel", bad.path, "--definition", dir.appendingPathComponent("def.json").path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("bad.csv:3:1 (field år): the year is not a whole number: 'x22'"))
    #expect(r.stderr.contains("bad.csv:4:2 (field kod): area code A appears again (first on line 2)"))
    let noYear = try Self.run(dir, "--year-column", "year")
    #expect(noYear.status == 65)
    #expect(noYear.stderr.contains("there is no column 'year' for the year"))
    let reference = try Self.run(dir, "--reference", "2021")
    #expect(reference.status == 64)
    #expect(reference.stderr.contains("--reference 2021: the panel has no such year"))
    #expect(try Run.kraftctl("index", "--reference", "2022").status == 64)
    #expect(try Self.run(dir, "--data", bad.path).status == 64)
  }

  @Test("report --panel adds the section on the index over time with its chart and tables")
  func report() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let lines = try String(contentsOf: root.appendingPathComponent("Data/malmo/statistik_exempel.csv"), encoding: .utf8)
      .split(whereSeparator: \.isNewline)
    var panel = "år," + lines[0] + "\n"
    for year in ["2023", "2024"] { for l in lines.dropFirst() { panel += year + "," + l + "\n" } }
    let dir = try Run.temporaryDirectory()
    let file = dir.appendingPathComponent("panel.csv")
    try panel.write(to: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("rapport")
    let r = try Run.kraftctl(arguments: ["report", "--out", out.path, "--panel", file.path, "--reference", "2024", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let md = try String(contentsOf: out.appendingPathComponent("rapport.md"), encoding: .utf8)
    #expect(md.contains("## Indexet över tid"))
    #expect(md.contains("2023–2024: nya i urvalet inga; lämnar urvalet inga; rangen ändras i medel 0,0 platser"))
    let svg = try String(contentsOf: out.appendingPathComponent("figurer/index-over-tid.svg"), encoding: .utf8)
    #expect(svg.contains("På 2024 års skala"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tabeller/index-over-tid.csv").path))
    #expect(try Run.kraftctl("report", "--out", out.path, "--reference", "2024").status == 64)
  }
}
