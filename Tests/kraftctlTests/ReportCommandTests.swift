import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether a text is well-formed XML (the HTML report is polyglot markup).
func isWellFormedXML(_ text: String) -> Bool {
  XMLParser(data: Data(text.utf8)).parse()
}

@Suite("kraftctl report")
struct ReportCommandTests {
  func read(_ url: URL, _ path: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test("writes a well-formed, self-contained HTML report with every section, figure and table")
  func swedishReport() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("rapport")
    let r = try Run.kraftctl(arguments: ["report", "--out", out.path, "--quiet"])
    #expect(r.status == 0)
    let html = try read(out, "index.html")
    #expect(isWellFormedXML(html))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
    for id in ["sammanfattning", "data", "index", "granskning", "robusthet", "vikter", "geografi", "insatser", "fordelning", "uppfoljning", "remissvar", "metod"] {
      #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
    }
    // Self-contained: no scripts, no external style sheets or images.
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"))
    // Every figure carries the source and the illustrative label.
    let figures = html.components(separatedBy: "<figcaption>").dropFirst()
    #expect(figures.count == 14)
    for f in figures where !f.contains("Effektlogik") {
      #expect(f.contains("Illustrativa data – inte officiell statistik"))
    }
    // The Method section prints every choice.
    #expect(html.contains("<dt>Index</dt><dd>Utsatthetsindex (Stadskontoret 2025), version"))
    #expect(html.contains("<dt>Permutationer och slumpfrö</dt><dd>999, 2025</dd>"))
    #expect(html.contains("<dt>Robusthet</dt><dd>1 000 slumpvisa omräkningar (Monte Carlo)</dd>"))
    // The Swedish report's tables are in the excel-sv dialect.
    let robustness = try #require(try excelSwedishText(out.appendingPathComponent("tabeller/robusthet.csv")))
    #expect(robustness.hasPrefix("code;name;rank;median_rank;p05_rank;p95_rank;p_selected\r\n"))
    #expect(html.contains("<dt>Fördelningsmodell</dt><dd>behovsviktad fördelning, budget 6 000 000 kr</dd>"))
    // Every SVG figure is well-formed; every table is CSV with a header.
    let figureFiles = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("figurer").path)
    #expect(figureFiles.count == 14)
    for f in figureFiles { #expect(isWellFormedXML(try read(out, "figurer/" + f)), "\(f)") }
    let index = try #require(try excelSwedishText(out.appendingPathComponent("tabeller/index.csv")))
    #expect(index.hasPrefix("code;name;score;rank;decile;flags;ej_behoriga_yrkesprogram_ak9;ej_behoriga_yrkesprogram_ak9.contribution;"))
    let allocation = try #require(try excelSwedishText(out.appendingPathComponent("tabeller/fordelning.csv")))
    #expect(allocation.hasPrefix("insats;forvaltning;requested;amount;explanation\r\n"))
    let total = allocation.split(separator: "\r\n").dropFirst().reduce(Int64(0)) { $0 + Int64($1.split(separator: ";")[3])! }
    #expect(total == 6_000_000)
    #expect(try read(out, "rapport.md").hasPrefix("# Kraftsamlande insatser i Malmö\n"))
    #expect(try read(out, "json/index.json").contains("\"definition\""))
  }

  @Test("--lang en writes an English report; the files of the earlier report are replaced")
  func englishAndReplace() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("report")
    #expect(try Run.kraftctl(arguments: ["report", "--out", out.path, "--permutations", "9", "--quiet"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("rapport.md").path))
    let r = try Run.kraftctl(arguments: ["report", "--out", out.path, "--lang", "en", "--permutations", "99", "--quiet"])
    #expect(r.status == 0)
    let html = try read(out, "index.html")
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<h2>Method</h2>"))
    #expect(html.contains("Illustrative data – not official statistics"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("rapport.md").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test("usage and output errors: no --out is 64, a file in the way is 73, bad data is 65")
  func errors() throws {
    #expect(try Run.kraftctl("report").status == 64)
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("taken")
    try Data("x".utf8).write(to: file)
    let r = try Run.kraftctl(arguments: ["report", "--out", file.path, "--quiet"])
    #expect(r.status == 73)
    #expect(r.stderr.contains("exists and is not a directory"))
    let bad = try Run.kraftctl(arguments: ["report", "--out", dir.appendingPathComponent("x").path, "--data", Run.fixture("csv/broken.csv")])
    #expect(bad.status == 65)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
  }
}
