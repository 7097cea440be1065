import Foundation
import Testing

extension Run {
  /// The fixtures of kraftctl's own tests (`Tests/kraftctlTests/Fixtures`).
  static func kraftctlFixture(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(relative)").path
  }
}

/// `kraftctl report` on the data of another municipality: Lillby, an
/// invented municipality of 15 areas (LB01–LB15), of which 9 can be ranked
/// by its index of crowding, low income and turnout (higher is better).
@Suite("kraftctl report on another municipality's data")
struct ReportOtherMunicipalityTests {
  static let lillby = [
    "--data", Run.kraftctlFixture("lillby/statistik.csv"), "--definition", Run.kraftctlFixture("lillby/index.json"),
  ]
  static let geometry = ["--geometry", Run.kraftctlFixture("lillby/omraden.geojson"), "--id-property", "kod"]
  /// Lillby's nine ranked areas, most vulnerable first.
  static let ranked = "Hagalund, Söderbacka, Östanå, Prästgården, Norrmalm, Centrum, Västerby, Ekbacken, Kvarnbäcken"

  /// A report written with `options` into a fresh directory.
  struct Report {
    var result: RunResult
    var directory: URL
    func text(_ path: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }
    func exists(_ path: String) -> Bool {
      FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
    }
  }

  func report(_ options: [String], in dir: URL) throws -> Report {
    let out = dir.appendingPathComponent("rapport")
    let r = try Run.kraftctl(arguments: ["report", "--out", out.path, "--quiet"] + Self.lillby + options)
    return Report(result: r, directory: out)
  }

  @Test("--title heads the report; nothing says Malmö; no sample insatser, follow-up or consultation")
  func titleAndNoMalmö() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try report(["--title", "Lågt valdeltagande i Sverige"], in: dir)
    #expect(report.result.status == 0, "\(report.result.stderr)")
    let html = try report.text("index.html")
    let markdown = try report.text("rapport.md")
    #expect(isWellFormedXML(html))
    #expect(html.contains("<title>Lågt valdeltagande i Sverige</title>"))
    #expect(html.contains("<h1>Lågt valdeltagande i Sverige</h1>"))
    #expect(markdown.hasPrefix("# Lågt valdeltagande i Sverige\n"))
    #expect(!html.contains("Malmö") && !markdown.contains("Malmö"))
    // The city-wide column is the municipality's, in a neutral word.
    #expect(html.contains("<th class=\"num\">Kommunen</th>"))
    // No sample insatser, no money divided, no follow-up or consultation.
    for id in ["insatser", "fordelning", "uppfoljning", "remissvar"] {
      #expect(!html.contains("<section id=\"\(id)\">"), "section \(id)")
    }
    for id in ["sammanfattning", "data", "index", "robusthet", "metod"] {
      #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
    }
    #expect(!html.contains("EX-2026") && !html.contains("Påhittade exempel") && !html.contains("6 000 000"))
    #expect(!report.exists("tabeller/fordelning.csv") && !report.exists("tabeller/stodberattigande.csv"))
    #expect(try report.text("json/stodberattigande.json").filter { !$0.isWhitespace } == "[]")
    // One line for each section left out, saying what would fill it.
    for line in [
      "Inga insatser angavs; ange --insatser FIL för att pröva stödberättigande och fördela medel.",
      "Uppföljningen av UVAS mot urvalet i STK-2024-1374 ingår bara med de medföljande data; följ upp en egen serie med kraftctl uppfoljning --series FIL.",
      "Inga remissvar angavs; ange --remiss FIL (kraftsamling-remiss/1) för att sammanställa en remissomgång.",
    ] {
      #expect(markdown.components(separatedBy: "- " + line + "\n").count == 2, "\(line)")
    }
  }

  @Test("the selection text follows the data: the 9 ranked areas when --top is larger, else the top K")
  func selectionText() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let all = try report([], in: dir.appendingPathComponent("a"))
    #expect(all.result.status == 0, "\(all.result.stderr)")
    let markdown = try all.text("rapport.md")
    #expect(markdown.contains("\n- Urval (de 9 rangordnade områdena): \(Self.ranked).\n"))
    #expect(!markdown.contains("de 12 högst rankade"))
    #expect(markdown.contains("Bara 9 områden kunde rangordnas, färre än 12: urvalet är alla rangordnade områden."))
    #expect(markdown.hasPrefix("# Kraftsamlande insatser i kommunen\n"))
    let top5 = try report(["--top", "5", "--lang", "en"], in: dir.appendingPathComponent("b"))
    #expect(top5.result.status == 0, "\(top5.result.stderr)")
    let english = try top5.text("report.md")
    #expect(english.contains("\n- Selection (the 5 highest ranked): Hagalund, Söderbacka, Östanå, Prästgården, Norrmalm.\n"))
    #expect(english.contains("The selection is the 5 highest-ranked areas."))
    #expect(english.hasPrefix("# Concentrated interventions in the municipality\n"))
    #expect(english.contains("\n- No insatser were given; give --insatser FILE to test eligibility and divide money.\n"))
  }

  @Test("an insats naming areas not in the data is an error naming the insats and the codes; nothing is written")
  func unknownArea() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = Run.kraftctlFixture("lillby/insatser-okant-omrade.json")
    let report = try report(["--insatser", file, "--budget", "2 MSEK", "--population", "barn_0_18"], in: dir)
    #expect(report.result.status == 65)
    let lines = report.result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      report.result.stderr.hasPrefix(
        "kraftctl: error: \(file) (field areas): insats LB-2026-03 names areas not in \(Self.lillby[1]): LB77, XX99 "))
    #expect(report.result.stderr.contains("did you mean LB07?"))
    #expect(!report.result.stderr.contains("LB-2026-01") && !report.result.stderr.contains("need"))
    #expect(!FileManager.default.fileExists(atPath: report.directory.path))
  }

  @Test("your own insatser, budget, geometry and --kommun: eligibility, allocation and maps for Lillby")
  func ownInsatser() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let options = [
      "--kommun", "Lillby", "--insatser", Run.kraftctlFixture("lillby/insatser.json"), "--budget", "3 MSEK",
      "--population", "barn_0_18",
    ]
    let report = try report(options + Self.geometry, in: dir)
    #expect(report.result.status == 0, "\(report.result.stderr)")
    let html = try report.text("index.html")
    #expect(html.contains("<h1>Kraftsamlande insatser i Lillby</h1>"))
    #expect(html.contains("<th class=\"num\">Lillby</th>"))
    for id in ["geografi", "insatser", "fordelning"] { #expect(html.contains("<section id=\"\(id)\">"), "\(id)") }
    // Ids belong in the tables' CSV; the report names insatser by title.
    let csv = try report.text("tabeller/fordelning.csv")
    #expect(csv.contains("LB-2026-01") && csv.contains("LB-2026-02") && !csv.contains("EX-2026"))
    // The budget covers both requests (2 × 1 200 000 kr).
    // The Swedish report's CSV: excel-sv, with ';' and CRLF.
    let allocation = try #require(try excelSwedishText(report.directory.appendingPathComponent("tabeller/fordelning.csv")))
      .split(separator: "\r\n").dropFirst()
    #expect(allocation.count == 4)
    #expect(allocation.reduce(Int64(0)) { $0 + Int64($1.split(separator: ";")[3])! } == 2_400_000)
    #expect(!html.contains("Inga insatser angavs") && !html.contains("Ingen budget angavs"))
    // Without --budget the insatser are tested, and the summary says what would divide money.
    let noBudget = try self.report(Array(options[0...3]), in: dir.appendingPathComponent("b"))
    #expect(noBudget.result.status == 0, "\(noBudget.result.stderr)")
    let markdown = try noBudget.text("rapport.md")
    #expect(
      markdown.contains(
        "\n- Ingen budget angavs; ange --budget BELOPP för att fördela medel över de stödberättigade insatserna.\n"))
    #expect(markdown.contains("<a id=\"insatser\"></a>") && !markdown.contains("<a id=\"fordelning\"></a>"))
  }

  @Test("--remiss FILE adds the consultation on any data")
  func remiss() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let exported = try Run.kraftctl("remissvar", "--remiss", "2025", "--export")
    #expect(exported.status == 0)
    let file = dir.appendingPathComponent("remiss-2025.json")
    try Data(exported.stdout.utf8).write(to: file)
    let report = try report(["--remiss", file.path], in: dir)
    #expect(report.result.status == 0, "\(report.result.stderr)")
    let html = try report.text("index.html")
    #expect(html.contains("<section id=\"remissvar\">"))
    #expect(html.contains("<h3>STK-2024-1374 Återrapportering kring kraftsamlande insatser; nu fråga om remiss</h3>"))
    #expect(!html.contains("Inga remissvar angavs"))
  }

  @Test("bad report options are usage errors (exit 64) and nothing is written", arguments: [
    (["--budget", "2 MSEK"], "kraftctl: error: --budget: there are no insatser to divide it over"),
    (["--target", "2030:8"], "kraftctl: error: --target: the report follows UVAS up on the bundled data only"),
    (["--title", " "], "kraftctl: error: --title must not be empty"),
    (["--kommun", "Lill\nby"], "kraftctl: error: --kommun must be one line of text"),
  ])
  func usageErrors(_ options: [String], _ message: String) throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try report(options, in: dir)
    #expect(report.result.status == 64)
    #expect(report.result.stderr.hasPrefix(message), "\(report.result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: report.directory.path))
  }

  @Test("the bundled demo report still says Malmö and has every section; --title and --kommun change only the names")
  func bundled() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let demo = try Run.kraftctl(arguments: ["demo", "--out", dir.appendingPathComponent("demo").path, "--quiet"])
    #expect(demo.status == 0, "\(demo.stderr)")
    let html = try String(contentsOf: dir.appendingPathComponent("demo/index.html"), encoding: .utf8)
    #expect(html.contains("<h1>Kraftsamlande insatser i Malmö</h1>"))
    #expect(html.contains("<th class=\"num\">Malmö</th>"))
    #expect(html.contains("<li>Urval (de 12 högst rankade): "))
    let sections = [
      "sammanfattning", "data", "index", "robusthet", "geografi", "insatser", "fordelning", "uppfoljning", "remissvar",
      "metod",
    ]
    for id in sections { #expect(html.contains("<section id=\"\(id)\">"), "section \(id)") }
    #expect(!html.contains("angavs; ange --") && !html.contains("ingår bara med de medföljande data"))
    let out = dir.appendingPathComponent("named")
    let named = try Run.kraftctl(arguments: [
      "report", "--out", out.path, "--quiet", "--title", "Kraftsamling 2026", "--kommun", "Malmö stad",
      "--permutations", "9",
    ])
    #expect(named.status == 0, "\(named.stderr)")
    let markdown = try String(contentsOf: out.appendingPathComponent("rapport.md"), encoding: .utf8)
    #expect(markdown.hasPrefix("# Kraftsamling 2026\n"))
    #expect(markdown.contains("| Indikator | Malmö stad | Områden med data |"))
    #expect(markdown.contains("<a id=\"remissvar\"></a>") && markdown.contains("<a id=\"fordelning\"></a>"))
  }
}
