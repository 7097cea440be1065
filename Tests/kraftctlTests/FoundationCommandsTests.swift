import Foundation
import Testing

@Suite("kraftctl: help, areas, validate, demo")
struct FoundationCommandsTests {
  @Test("help, --help and --version")
  func help() throws {
    let overview = try Run.kraftctl("help")
    #expect(overview.status == 0)
    #expect(overview.stdout.contains("COMMANDS:"))
    #expect(overview.stdout.contains("areas"))
    let areasHelp = try Run.kraftctl("areas", "--help")
    #expect(areasHelp.status == 0 && areasHelp.stdout.hasPrefix("OVERVIEW: "))
    #expect(areasHelp.stdout.contains("EXAMPLES:"))
    #expect(try Run.kraftctl("--version").stdout.hasPrefix("kraftctl "))
  }

  @Test("usage errors exit 64 with a suggestion")
  func usageErrors() throws {
    let r = try Run.kraftctl("aresa")
    #expect(r.status == 64)
    #expect(r.stderr == "kraftctl: error: unknown command 'aresa'\nkraftctl: hint: did you mean areas?\n")
    let o = try Run.kraftctl("areas", "--fromat", "csv")
    #expect(o.status == 64)
    #expect(o.stderr.contains("did you mean --format?"))
    let f = try Run.kraftctl("areas", "--format", "xml")
    #expect(f.status == 64)
  }

  @Test("areas --format csv lists 136 delområden, columns starting code,name,geso")
  func areasCSV() throws {
    let r = try Run.kraftctl("areas", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 137)
    #expect(lines[0] == "code,name,geso,geso_name,stadsdel,population")
    #expect(lines[1] == "10101,Västra Hamnen,1,\"Västra hamnen, Gamla staden m fl\",Centrum,3574")
  }

  @Test("areas --name Herrmodsdal exits 64 (a bad option value) and suggests Hermodsdal")
  func herrmodsdal() throws {
    let r = try Run.kraftctl("areas", "--name", "Herrmodsdal")
    #expect(r.status == 64)
    #expect(r.stderr == "kraftctl: error: --name: unknown area 'Herrmodsdal' (hint: did you mean Hermodsdal?)\n")
    let ok = try Run.kraftctl("areas", "--name", "hermodsdal", "--format", "csv")
    #expect(ok.status == 0 && ok.stdout.split(separator: "\n").count == 2)
  }

  @Test("validate: a clean file exits 0, warnings do not fail, errors exit 65 with FILE:LINE")
  func validate() throws {
    let bundled = try Run.kraftctl("validate")
    #expect(bundled.status == 0)
    #expect(bundled.stdout.contains("136 areas checked: 0 error(s)"))
    let bad = Run.fixture("csv/bad-counts.csv")
    let r = try Run.kraftctl("validate", "--data", bad)
    #expect(r.status == 65)
    #expect(r.stdout.contains("\(bad):2 (field trangbodda_0_18): error: A (10101): trangbodda_0_18 (120) is greater than barn_0_18 (100)"))
    #expect(r.stdout.contains("\(bad):4:6 (field ekonomiskt_bistand_20_64): warning: missing value '..'"))
    // Errors come before warnings.
    #expect(r.stdout.split(separator: "\n").first?.contains(": error: ") == true)
    let latin = try Run.kraftctl("validate", "--data", Run.fixture("csv/scb-latin1.csv"))
    // That file lacks most indicator columns: errors name them.
    #expect(latin.status == 65)
    #expect(latin.stdout.contains("column 'avgangna_ak9' needed by indicator ej_behoriga_yrkesprogram_ak9 is missing"))
  }

  @Test("validate reports CSV problems with their lines; a missing file exits 66")
  func validateBroken() throws {
    let broken = Run.fixture("csv/broken.csv")
    let r = try Run.kraftctl("validate", "--data", broken)
    #expect(r.status == 65)
    #expect(r.stdout.contains("\(broken):5: error: row has 3 cells but the header has 4"))
    #expect(r.stdout.contains("\(broken):6:2: error: a quoted cell is never closed"))
    let missing = try Run.kraftctl("validate", "--data", "/nonexistent.csv")
    #expect(missing.status == 66)
    #expect(missing.stderr == "kraftctl: error: /nonexistent.csv: no such file (hint: check the path)\n")
  }

  @Test("validate reads standard input with -")
  func stdin() throws {
    let r = try Run.kraftctl(
      "validate", "--data", "-", "--format", "json",
      stdin: "kod;barn_0_18;trangbodda_0_18\n10101;10;12\n")
    #expect(r.status == 65)
    #expect(r.stdout.contains("\"file\": \"<stdin>\""))
    #expect(r.stdout.contains("\"code\": \"statistics.numerator-exceeds-denominator\""))
  }

  @Test("demo runs on the bundled data, labels it illustrative and writes the report to ./kraftsamling-demo")
  func demo() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Run.kraftctl(arguments: ["demo"], cwd: dir)
    #expect(r.status == 0)
    #expect(r.stdout.contains("Illustrative data"))
    #expect(r.stdout.contains("136 delområden in 14 GeSO"))
    #expect(r.stdout.contains("Report: wrote 33 files to kraftsamling-demo/"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kraftsamling-demo/index.html").path))
  }
}

@Suite("Examples")
struct ExamplesTests {
  @Test("LoadMalmoData runs and shows the suggestion for Herrmodsdal")
  func loadMalmoData() throws {
    let r = try Run.product("LoadMalmoData")
    #expect(r.status == 0)
    #expect(r.stdout.contains("136 delområden in 14 GeSO"))
    #expect(r.stdout.contains("unknown delområde 'Herrmodsdal' (hint: did you mean Hermodsdal?)"))
  }
}
