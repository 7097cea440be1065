import Foundation
import Testing

@Suite("kraftctl px and --data FILE.px")
struct PXCommandTests {
  private let ansi = Run.fixture("px/folkmangd-ansi.px")
  private let deso = Run.fixture("px/deso-flersprakig.px")
  private let symbols = Run.fixture("px/behorighet-symboler.px")

  @Test("px: one row per cell with each dimension's code and text, value and symbol")
  func tidyCells() throws {
    let r = try Run.kraftctl("px", ansi)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 33)
    #expect(lines[0] == "region.code,region.text,ålder.code,ålder.text,år.code,år.text,value,symbol")
    #expect(lines[12] == "1283,1283 Helsingborg,18-64,18-64 år,2023,2023,,..")
    let s = try Run.kraftctl("px", symbols, "--select", "kommun=0117", "--select", "kön=pojkar")
    #expect(s.stdout.split(separator: "\n").dropFirst().map(String.init) == [
      "0117,0117 Österåker,P,pojkar,2019,2019,63.31,", "0117,0117 Österåker,P,pojkar,2020,2020,,......",
      "0117,0117 Österåker,P,pojkar,2021,2021,72.9,",
    ])
  }

  @Test("px --lang en --format json: English names and texts, numbers and null")
  func json() throws {
    let r = try Run.kraftctl("px", deso, "--lang", "en", "--select", "year=2023", "--select", "sex=women", "--format", "json")
    #expect(r.status == 0)
    let cells = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
    #expect(cells.count == 12)
    #expect(cells[0]["region.text"] as? String == "1280C1010 Centre 1")
    #expect(cells[0]["observations.code"] as? String == "Folkmangd")
    #expect(cells[0]["value"] as? Double == 809)
    #expect(cells[0]["symbol"] is NSNull)
  }

  @Test("px --area: the area table CSV, columns named by the codes of the varying values")
  func areaTable() throws {
    let r = try Run.kraftctl("px", symbols, "--area", "kommun", "--select", "kön=F")
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        code,name,2019,2020,2021
        0114,0114 Upplands Väsby,31.89,..,33.21
        0115,0115 Vallentuna,27.26,..,0.98
        0117,0117 Österåker,46.72,..,27.25
        0120,0120 Värmdö,30.98,..,7.5

        """)
  }

  @Test("exit codes: 64 for an unknown value, dimension or language, 65 for a bad file, 66 for a missing one")
  func exitCodes() throws {
    let unknownValue = try Run.kraftctl("px", symbols, "--select", "läsår=2099")
    #expect(unknownValue.status == 64 && unknownValue.stderr.contains("2019, 2020, 2021"))
    #expect(try Run.kraftctl("px", symbols, "--area", "län").status == 64)
    #expect(try Run.kraftctl("px", deso, "--lang", "fi").status == 64)
    #expect(try Run.kraftctl("px", symbols, "--select", "läsår").status == 64)
    let noArea = try Run.kraftctl("index", "--data", symbols)
    #expect(noArea.status == 64 && noArea.stderr.contains("needs --area DIM"))
    #expect(try Run.kraftctl("index", "--data", Run.kraftctlFixture("lillby/statistik.csv"), "--area", "x").status == 64)
    let dir = try Run.temporaryDirectory()
    let bad = dir.appendingPathComponent("bad.px")
    try Data("STUB=\"r\";\nVALUES(\"r\")=\"a\",\"b\";\nDATA=\n1 2 3;\n".utf8).write(to: bad)
    let invalid = try Run.kraftctl("px", bad.path)
    #expect(invalid.status == 65)
    #expect(invalid.stderr.contains("bad.px:3 (field DATA): DATA has 3 cells but the dimensions (r 2) make 2"))
    #expect(try Run.kraftctl("px", dir.appendingPathComponent("saknas.px").path).status == 66)
  }

  @Test("index --data FILE.px --area --select ranks the areas as the same data in CSV")
  func indexFromPX() throws {
    let definition = Run.kraftctlFixture("lillby/index.json")
    let csv = try Run.kraftctl(
      "index", "--data", Run.kraftctlFixture("lillby/statistik.csv"), "--definition", definition, "--format", "csv")
    let px = try Run.kraftctl(
      "index", "--data", Run.fixture("px/lillby.px"), "--area", "område", "--select", "år=2022", "--select",
      "tabellinnehåll=barn_0_18,trangbodda_0_18", "--definition", definition, "--format", "csv")
    #expect(px.status == 64, "a value list is not a value")
    let all = try Run.kraftctl(
      "index", "--data", Run.fixture("px/lillby.px"), "--area", "område", "--select", "Tid=2022", "--definition", definition,
      "--format", "csv")
    #expect(csv.status == 0 && all.status == 0)
    #expect(all.stdout == csv.stdout)
    #expect(all.stdout.split(separator: "\n").count == 16)
    let other = try Run.kraftctl(
      "index", "--data", Run.fixture("px/lillby.px"), "--area", "område", "--select", "år=2021", "--definition", definition,
      "--format", "csv")
    #expect(other.status == 0 && other.stdout != csv.stdout)
  }
}
