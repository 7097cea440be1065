import Foundation
import Testing

@Suite("kraftctl validate: every problem at once, once, counted alike everywhere")
struct ValidateCommandTests {
  @Test("one run reports a missing column, a non-numeric cell and a repeated area code, and exits 65")
  func threeKindsInOneRun() throws {
    let file = Run.fixture("csv/three-problems.csv")
    let r = try Run.kraftctl("validate", "--data", file)
    #expect(r.status == 65)
    #expect(r.stdout.split(separator: "\n").map(String.init) == [
      "\(file):1 (field lag_inkomststandard_0_18): error: column 'lag_inkomststandard_0_18' needed by indicator lag_inkomststandard_0_18 is missing (hint: add the column, or use an index definition that does not need it)",
      "\(file):3:3 (field barn_0_18): error: cell is not a number: 'tolv' (hint: write numbers with a decimal point, or use ';' as delimiter for decimal commas)",
      "\(file):4:1 (field kod): error: area code 1280C1010 appears again (first on line 2) (hint: each area must have exactly one row)",
      "2 areas checked: 3 error(s), 0 warning(s)",
    ])
    let json = try Run.kraftctl("validate", "--data", file, "--format", "json")
    #expect(json.status == 65)
    #expect(json.stdout.contains("\"errors\": 3"))
    #expect(json.stdout.contains("\"code\": \"statistics.missing-column\""))
    #expect(json.stdout.contains("\"code\": \"table.non-numeric\""))
    #expect(json.stdout.contains("\"code\": \"table.duplicate-code\""))
  }

  @Test("CSV-level errors and the cells' errors come in the same run")
  func csvAndCellErrorsTogether() throws {
    let broken = Run.fixture("csv/broken.csv")
    let r = try Run.kraftctl("validate", "--data", broken)
    #expect(r.status == 65)
    #expect(r.stdout.contains("\(broken):3:3 (field barn_0_18): error: cell is not a number: 'tolv'"))
    #expect(r.stdout.contains("\(broken):4:1 (field kod): error: area code 10101 appears again (first on line 2)"))
    #expect(r.stdout.contains("\(broken):5: error: row has 3 cells but the header has 4"))
    #expect(r.stdout.contains("\(broken):1 (field avgangna_ak9): error: column 'avgangna_ak9' needed by indicator"))
  }

  @Test("one negative count is exactly one error line")
  func oneNegativeCount() throws {
    let file = Run.fixture("csv/one-negative-count.csv")
    let r = try Run.kraftctl("validate", "--data", file)
    #expect(r.status == 65)
    let errors = r.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors == [
      "\(file):2 (field barn_0_18): error: Centrum (1280C1010): count barn_0_18 is negative (-400) (hint: counts cannot be negative)"
    ])
    #expect(r.stdout.hasSuffix("2 areas checked: 1 error(s), 0 warning(s)\n"))
  }

  @Test("validate, demo, report and LoadMalmoData agree on the bundled data: 0 errors, 80 warnings")
  func countsAgree() throws {
    let validate = try Run.kraftctl("validate")
    #expect(validate.status == 0)
    #expect(validate.stdout.hasSuffix("136 areas checked: 0 error(s), 80 warning(s)\n"))
    #expect(validate.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }.count == 80)
    let json = try Run.kraftctl("validate", "--format", "json")
    #expect(json.stdout.contains("\"errors\": 0"))
    #expect(json.stdout.contains("\"warnings\": 80"))

    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let demo = try Run.kraftctl(arguments: ["demo", "--out", "demo"], cwd: dir)
    #expect(demo.status == 0)
    #expect(demo.stdout.contains("   validation: 0 errors, 80 warnings (zero denominators on 24 rows"))
    let demoReport = try String(contentsOf: dir.appendingPathComponent("demo/rapport.md"), encoding: .utf8)
    #expect(demoReport.contains("Datakontrollen fann 0 fel och 80 varningar"))

    let sv = dir.appendingPathComponent("rapport").path
    let report = try Run.kraftctl("report", "--out", sv, "--quiet")
    #expect(report.status == 0)
    let markdown = try String(contentsOfFile: sv + "/rapport.md", encoding: .utf8)
    let html = try String(contentsOfFile: sv + "/index.html", encoding: .utf8)
    #expect(markdown.contains("Datakontrollen fann 0 fel och 80 varningar"))
    #expect(html.contains("Datakontrollen fann 0 fel och 80 varningar"))
    let en = dir.appendingPathComponent("report").path
    #expect(try Run.kraftctl("report", "--out", en, "--lang", "en", "--quiet").status == 0)
    let english = try String(contentsOfFile: en + "/report.md", encoding: .utf8)
    #expect(english.contains("The data check found 0 errors and 80 warnings"))

    let example = try Run.product("LoadMalmoData")
    #expect(example.status == 0)
    #expect(example.stdout.contains("validation: 0 errors, 80 warnings"))
  }

  @Test("a file with Malmö's codes is checked against the bundled geometry, as the report maps it")
  func malmöCodesUseBundledGeometry() throws {
    let r = try Run.kraftctl("validate", "--data", Run.fixture("csv/bad-counts.csv"))
    #expect(r.status == 65)
    #expect(r.stderr.contains("the area codes are Malmö's delområden: using the bundled geometry"))
    #expect(r.stdout.contains("warning: area 10104 (Mellersta Hamnen) of the geometry has no row in the data"))
  }
}
