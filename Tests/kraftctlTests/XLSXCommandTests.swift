import Foundation
import Testing

/// `--format xlsx --out FILE.xlsx` and the report's `tabeller.xlsx`: the
/// workbook's cells are the CSV output's, numbers as numbers.
@Suite("kraftctl --format xlsx")
struct XLSXCommandTests {
  /// The rows of an RFC 4180 CSV text (quoted cells with commas, quotes
  /// and line breaks).
  static func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { cell.append(chars.removeFirst()) } else { quoted = false }
        } else {
          cell.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(cell)
        cell = ""
      } else if c == "\n" {
        rows.append(row + [cell])
        row = []
        cell = ""
      } else {
        cell.append(c)
      }
    }
    return rows
  }

  /// The column letters of column `index` (from 0).
  static func column(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : column(index / 26 - 1) + column(index % 26)
  }

  /// The differences between a sheet and a CSV text: every CSV cell must be
  /// the sheet's cell — empty as absent, a number as the same `Double`, text
  /// as the same text — and the sheet must have no other cells.
  static func differences(_ reader: XLSXTestReader, sheet: Int, csv: String) throws -> [String] {
    let cells = try reader.cells(sheet: sheet)
    var wrong: [String] = []
    var seen = 0
    for (r, row) in csvRows(csv).enumerated() {
      for (c, text) in row.enumerated() {
        let ref = column(c) + String(r + 1)
        switch cells[ref] {
        case nil: if !text.isEmpty { wrong.append("\(ref): missing, CSV has '\(text)'") }
        case .number(_, let x, _)?:
          seen += 1
          if r == 0 || Double(text) != x { wrong.append("\(ref): \(x), CSV has '\(text)'") }
        case .text(let s, _)?:
          seen += 1
          if s != text { wrong.append("\(ref): '\(s)', CSV has '\(text)'") }
        }
      }
    }
    if seen != cells.count { wrong.append("the sheet has \(cells.count - seen) cells the CSV has not") }
    return wrong
  }

  /// Runs kraftctl with `--format xlsx --out` a fresh file and with
  /// `--format csv`, and compares the first sheet with the CSV.
  func compare(_ arguments: [String], sheet: String) throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("ut.xlsx").path
    let written = try Run.kraftctl(arguments: arguments + ["--format", "xlsx", "--out", file])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.isEmpty)
    let csv = try Run.kraftctl(arguments: arguments + ["--format", "csv"])
    let reader = try XLSXTestReader(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
    #expect(reader.sheetNames.first == sheet)
    #expect(try Self.differences(reader, sheet: 1, csv: csv.stdout) == [])
  }

  @Test("index --format xlsx: the cells are the CSV's, numbers numeric to full precision")
  func index() throws {
    try compare(["index"], sheet: "index")
    try compare(["index", "--definition", "scb-regso", "--top", "10"], sheet: "index")
    try compare(["index", "--by", "geso"], sheet: "geso")
  }

  @Test("allocate, hotspots, robustness and compare write their tables as sheets")
  func otherCommands() throws {
    try compare(["allocate", "--budget", "4 MSEK", "--explain"], sheet: "allocation")
    try compare(["hotspots", "--permutations", "19"], sheet: "hotspots")
    try compare(["robustness", "--replications", "20"], sheet: "robustness")
    try compare(["compare", "--definition", "stadskontoret-2025", "--definition", "scb-regso"], sheet: "comparison")
  }

  @Test("audit and px write their tables as sheets too")
  func auditAndPX() throws {
    try compare(["audit", "--part", "importance"], sheet: "importance")
    try compare(["px", Run.fixture("px/lillby.px")], sheet: "cells")
    try compare(["px", Run.fixture("px/lillby.px"), "--area", "område", "--select", "år=2022"], sheet: "areas")
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("granskning.xlsx")
    let r = try Run.kraftctl(arguments: ["audit", "--format", "xlsx", "--out", file.path])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try XLSXTestReader(Array(try Data(contentsOf: file)))
    #expect(reader.sheetNames == ["correlations", "alpha", "pca", "importance", "flags"])
  }

  @Test("robustness --sensitivity --format xlsx has a sheet for the areas, the effects and the Sobol indices")
  func robustnessSheets() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("r.xlsx")
    let r = try Run.kraftctl(
      arguments: ["robustness", "--replications", "20", "--sensitivity", "--format", "xlsx", "--out", file.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try XLSXTestReader(Array(try Data(contentsOf: file)))
    #expect(reader.sheetNames == ["robustness", "effects", "sensitivity"])
    #expect(try reader.cells(sheet: 3)["A1"] == .text("choice", style: 1))
  }

  @Test("--format xlsx needs --out FILE.xlsx; other commands refuse xlsx; --out alone is refused (exit 64)")
  func usageErrors() throws {
    let noOut = try Run.kraftctl("index", "--format", "xlsx")
    #expect(noOut.status == 64 && noOut.stdout.isEmpty)
    #expect(noOut.stderr.contains("--format xlsx needs --out FILE.xlsx: a workbook is not written to standard output"))
    let wrongName = try Run.kraftctl("allocate", "--budget", "1000", "--format", "xlsx", "--out", "tabell.csv")
    #expect(wrongName.status == 64)
    #expect(wrongName.stderr.contains("--out tabell.csv: the workbook's name must end in .xlsx"))
    let other = try Run.kraftctl("clusters", "--format", "xlsx")
    #expect(other.status == 64)
    #expect(other.stderr.contains("--format must be one of table, csv, json, markdown, got 'xlsx'"))
    #expect(other.stderr.contains("hint: Excel workbooks are written by index, allocate, hotspots, robustness, compare, audit or px"))
    let outAlone = try Run.kraftctl("index", "--out", "index.xlsx")
    #expect(outAlone.status == 64)
    #expect(outAlone.stderr.contains("--out index.xlsx: a workbook is written with --format xlsx"))
    let chartName = try Run.kraftctl("robustness", "--replications", "5", "--out", "chart.xlsx")
    #expect(chartName.status == 64)
  }

  @Test("a workbook kraftctl wrote is replaced; any other file is left alone (exit 73)")
  func safety() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ours = dir.appendingPathComponent("index.xlsx").path
    #expect(try Run.kraftctl("index", "--format", "xlsx", "--out", ours).status == 0)
    let first = try Data(contentsOf: URL(fileURLWithPath: ours))
    #expect(try Run.kraftctl("index", "--format", "xlsx", "--out", ours).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: ours)) == first)  // byte-identical run to run
    let theirs = dir.appendingPathComponent("budget.xlsx")
    try Data("a user's workbook".utf8).write(to: theirs)
    let refused = try Run.kraftctl("index", "--format", "xlsx", "--out", theirs.path)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("was not written by KraftsamlingKit; nothing was touched"))
    #expect(try String(contentsOf: theirs, encoding: .utf8) == "a user's workbook")
  }

  @Test("report writes tabeller.xlsx: a sheet per tabeller/*.csv with the same cells")
  func report() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("rapport")
    // English: its CSV files are RFC 4180, which csvRows reads (the Swedish
    // report's excel-sv files are read back in ReportCSVRoundTripTests).
    let r = try Run.kraftctl(arguments: ["report", "--out", out.path, "--permutations", "9", "--quiet", "--lang", "en"])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try XLSXTestReader(Array(try Data(contentsOf: out.appendingPathComponent("tabeller.xlsx"))))
    let csvFiles = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("tabeller").path)
    #expect(Set(reader.sheetNames) == Set(csvFiles.map { String($0.dropLast(4)) }))
    for (i, name) in reader.sheetNames.enumerated() {
      let csv = try String(contentsOf: out.appendingPathComponent("tabeller/\(name).csv"), encoding: .utf8)
      #expect(try Self.differences(reader, sheet: i + 1, csv: csv) == [], "\(name)")
    }
    let manifest = try String(contentsOf: out.appendingPathComponent(".kraftsamling-manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"tabeller.xlsx\""))
  }
}
