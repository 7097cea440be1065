import Foundation
import Testing

/// Programs outside the package that the print test needs: headless
/// Chromium (through Scripts/print-report.sh) and pdftotext (poppler-utils).
enum PrintTools {
  /// Whether `name` is an executable file in a folder of `PATH`.
  static func onPath(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
  }

  /// Both tools are installed (CI has neither: the test is skipped there).
  static let available = onPath("chromium") && onPath("pdftotext")

  /// Runs a program found on `PATH` and captures its output.
  static func run(_ name: String, _ arguments: [String]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }
}

@Suite("kraftctl report: printing")
struct ReportPrintTests {
  static let notice = "Illustrativa data – inte officiell statistik"
  static let caption = "Tabell: de högst rankade områdena med indikatorernas andelar"

  /// Writes the demo report into a new temporary folder; returns the folder
  /// and the report's HTML.
  func writeReport(_ dir: URL) throws -> (URL, String) {
    let out = dir.appendingPathComponent("rapport")
    let r = try Run.kraftctl(arguments: ["demo", "--out", out.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    return (out, try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8))
  }

  @Test("the HTML carries the print style sheet: A4 pages, repeated table headers, whole figures, page numbers, the notice")
  func printRules() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (_, html) = try writeReport(dir)
    let style = try #require(html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first)
    for rule in [
      "@media print{", "@page{size:A4 portrait;", "thead{display:table-header-group}", "figure{break-inside:avoid;",
      ".table,pre.code{overflow:visible}", "content:\"Sida \" counter(page) \" av \" counter(pages)",
      "@top-center{content:\"\(Self.notice)\"",
    ] {
      #expect(style.contains(rule), "\(rule)")
    }
    // The indicators' names head their columns.
    #expect(html.contains("<th class=\"num\">Andel avgångna åk 9 ej behöriga till yrkesprogram</th>"))
  }

  /// The text of each page of a PDF (`pdftotext -layout`).
  func pages(_ pdf: URL) throws -> [String] {
    let r = try PrintTools.run("pdftotext", ["-layout", pdf.path, "-"])
    #expect(r.status == 0, "\(r.stderr)")
    var pages = r.stdout.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
    return pages
  }

  /// The header and first row of the top-20 table, as the HTML has them.
  func topTable(_ html: String) throws -> (headers: [String], firstRow: [String]) {
    let table = try #require(html.components(separatedBy: "<caption>" + Self.caption).dropFirst().first?.components(separatedBy: "</table>").first)
    // Each cell's text is what follows the last `>` before its end tag.
    func cells(_ row: String, _ tag: String) -> [String] {
      row.replacingOccurrences(of: "<wbr/>", with: "").components(separatedBy: "</\(tag)>").dropLast().map { cell in
        String(cell.split(separator: ">", omittingEmptySubsequences: false).last ?? "")
          .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      }
    }
    let head = try #require(table.components(separatedBy: "</thead>").first)
    let body = try #require(table.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tr>").first)
    return (cells(head, "th"), cells(body, "td"))
  }

  /// Whether `text` is the concatenation of words taken from successive
  /// lines (a header that wrapped in its column: `ej_behoriga_` above
  /// `yrkesprogram_ak9`).
  func assembled(_ text: Substring, from lines: ArraySlice<[String]>) -> Bool {
    if text.isEmpty { return true }
    for (offset, words) in zip(lines.indices, lines) {
      for word in words where text.hasPrefix(word) {
        if assembled(text.dropFirst(word.count), from: lines[(offset + 1)...]) { return true }
      }
    }
    return false
  }

  @Test("printed to PDF with Chromium: the top-20 table's every column on one page, page numbers and the notice on every page", .enabled(if: PrintTools.available))
  func printsToPDF() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (out, html) = try writeReport(dir)
    let pdf = dir.appendingPathComponent("rapport.pdf")
    let script = repositoryRoot.appendingPathComponent("Scripts/print-report.sh").path
    let r = try PrintTools.run("bash", [script, out.path, pdf.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == pdf.path + "\n")
    let pages = try pages(pdf)
    #expect(pages.count >= 10)
    for (i, page) in pages.enumerated() {
      #expect(page.contains(Self.notice), "page \(i + 1)")
      #expect(page.contains("Sida \(i + 1) av \(pages.count)"), "page \(i + 1)")
    }
    let (headers, firstRow) = try topTable(html)
    #expect(headers.count == 8)
    #expect(headers.contains("Andel avgångna åk 9 ej behöriga till yrkesprogram"))
    let number = try #require(pages.firstIndex { $0.contains(Self.caption) })
    // The header block: the lines from the caption to the first row.
    let lines = pages[number].components(separatedBy: Self.caption)[1].split(separator: "\n").map(String.init)
    let rowLine = try #require(lines.firstIndex { $0.contains(firstRow[1]) })
    // Cells of a line are two or more spaces apart; a header may wrap over
    // several lines, so its pieces are matched with the spaces removed.
    let pieces = lines[..<rowLine].map { line in
      line.components(separatedBy: "  ").map { $0.filter { $0 != " " } }.filter { !$0.isEmpty }
    }
    for header in headers {
      let compact = Substring(header.filter { $0 != " " })
      let onOneLine = pieces.joined().contains { $0.contains(compact) }  // short headers share a cell
      #expect(onOneLine || assembled(compact, from: pieces[...]), "column \(header) is missing from page \(number + 1)")
    }
    for value in firstRow { #expect(lines[rowLine].contains(value), "\(value) is missing from \(lines[rowLine])") }
  }
}
