import Foundation
import KraftsamlingKit
import Testing

@testable import kraftctl

/// `--csv-dialect`: every command with `--format csv` writes excel-sv that
/// kraftctl's reader reads back to what it reads from the rfc4180 output,
/// and a Swedish report's tables are excel-sv.
@Suite("kraftctl --csv-dialect")
struct CSVDialectCommandTests {
  /// Runs kraftctl in this process.
  static func run(_ argv: [String]) -> (code: ExitCode, stdout: String, stderr: String) {
    var io = Output()
    let code = CommandLineTool.dispatch(argv, &io)
    return (code, io.stdout, io.stderr)
  }

  /// The cells where `sv` (read from excel-sv) differs from `rfc` (read
  /// from rfc4180): numbers must be equal as numbers, text as text.
  static func differences(_ rfc: CSVDocument, _ sv: CSVDocument) -> [String] {
    var out: [String] = []
    if rfc.header != sv.header { out.append("header \(sv.header)") }
    if rfc.records.count != sv.records.count { out.append("\(sv.records.count) rows, not \(rfc.records.count)") }
    for (a, b) in zip(rfc.records, sv.records) {
      for (i, (x, y)) in zip(a.fields, b.fields).enumerated() {
        let same = rfc.number(x).map { sv.number(y) == $0 } ?? (x == y)
        if !same { out.append("line \(a.line) column \(i + 1): '\(y)' for '\(x)'") }
      }
    }
    return out
  }

  /// The columns of excel-sv output whose cells are all numbers or missing
  /// but still have a decimal point: a numeric column left as text.
  static func pointColumns(_ sv: CSVDocument) -> [String] {
    sv.header.indices.filter { i in
      let cells = sv.records.map { $0.fields[i] }.filter { !sv.isMissing($0) }
      return !cells.isEmpty && cells.allSatisfy { sv.number($0) != nil } && cells.contains { $0.contains(".") }
    }.map { sv.header[$0] }
  }

  /// Command lines with CSV output (`--format csv` is added unless it is the default).
  static let commands: [[String]] = [
    ["index", "--format", "csv"],
    ["index", "--top", "5", "--format", "csv"],
    ["index", "--by", "geso", "--format", "csv"],
    ["compare", "--definition", "stadskontoret-2025", "--definition", "scb-regso", "--format", "csv"],
    ["robustness", "--replications", "40", "--format", "csv", "--quiet"],
    ["clusters", "--format", "csv", "--quiet"],
    ["hotspots", "--permutations", "99", "--format", "csv", "--quiet"],
    ["hotspots", "--variable", "trangbodda_0_18", "--permutations", "0", "--format", "csv", "--quiet"],
    ["areas", "--format", "csv"],
    ["allocate", "--budget", "4 MSEK", "--format", "csv", "--quiet"],
    ["allocate", "--budget", "4 MSEK", "--explain", "--format", "csv", "--quiet"],
    ["compare-models", "--budget", "4 MSEK", "--format", "csv", "--quiet"],
    ["compare-models", "--budget", "4 MSEK", "--by", "forvaltning", "--format", "csv", "--quiet"],
    ["contiguity", "--quiet"],
    ["insatser", "--format", "csv", "--quiet"],
    ["px", Run.fixture("px/folkmangd-ansi.px")],
    ["px", Run.fixture("px/behorighet-symboler.px"), "--area", "kommun", "--select", "kön=F"],
  ]

  @Test("excel-sv output reads back equal to rfc4180 output", arguments: commands)
  func roundTrip(_ argv: [String]) throws {
    let rfc = Self.run(argv)
    let sv = Self.run(argv + ["--csv-dialect", "excel-sv"])
    #expect(rfc.code == .success && sv.code == .success, "\(rfc.stderr)\(sv.stderr)")
    #expect(Self.run(argv + ["--csv-dialect", "rfc4180"]).stdout == rfc.stdout)
    #expect(sv.stdout.hasPrefix("\u{FEFF}") && !rfc.stdout.hasPrefix("\u{FEFF}"))
    #expect(!sv.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let a = try CSVReader.parse(rfc.stdout, source: "rfc4180")
    let b = try CSVReader.parse(bytes: Array(sv.stdout.utf8), source: "excel-sv")
    #expect(a.delimiter == "," && b.delimiter == ";")
    #expect(b.records.count > 0)
    #expect(Self.differences(a, b) == [])
    #expect(Self.pointColumns(b) == [], "numeric columns written as text")
  }

  @Test("apportion's excel-sv output is its own input again, with the same amounts")
  func apportionReadsItsOutput() throws {
    let input = "name,weight\nA,2.5\nB,1\nC,0.5\n"
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try Run.kraftctl(
      arguments: ["apportion", "--method", "hamilton", "--total", "7", "--csv-dialect", "excel-sv"], stdin: input)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == "\u{FEFF}name;weight;amount\r\nA;2,5;4\r\nB;1;2\r\nC;0,5;1\r\n")
    let file = dir.appendingPathComponent("vikter.csv")
    try Data(first.stdout.utf8).write(to: file)
    let again = Self.run(["apportion", "--method", "hamilton", "--total", "7", "--weights", file.path])
    #expect(again.code == .success, "\(again.stderr)")
    #expect(again.stdout == "name,weight,amount\nA,2.5,4\nB,1,2\nC,0.5,1\n")
  }

  @Test("statistics written in excel-sv are --data for index, ranking as the original file does")
  func statisticsAsData() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = Run.kraftctlFixture("lillby/statistik.csv")
    let doc = try CSVReader.read(path: original)
    var table = ReportTable(columns: doc.header, alignments: doc.header.indices.map { $0 < 2 ? .left : .right })
    for record in doc.records { table.append(record.fields) }
    let file = dir.appendingPathComponent("statistik-sv.csv")
    try Data(table.csv(.excelSwedish).utf8).write(to: file)
    let definition = ["--definition", Run.kraftctlFixture("lillby/index.json"), "--format", "csv"]
    let a = Self.run(["index", "--data", original] + definition)
    let b = Self.run(["index", "--data", file.path] + definition)
    #expect(a.code == .success && b.code == .success, "\(a.stderr)\(b.stderr)")
    #expect(a.stdout == b.stdout)
  }

  @Test("a bad dialect, or a dialect without CSV output, is a usage error (64)")
  func usage() {
    let bad = Self.run(["index", "--format", "csv", "--csv-dialect", "excel"])
    #expect(bad.code == .usage)
    #expect(bad.stderr.contains("--csv-dialect must be one of rfc4180, excel-sv, got 'excel'"))
    let table = Self.run(["index", "--format", "table", "--csv-dialect", "excel-sv"])
    #expect(table.code == .usage && table.stderr.contains("--csv-dialect applies only to CSV output"))
    // index's default format is table; apportion's and px's is csv.
    #expect(Self.run(["index", "--csv-dialect", "excel-sv"]).code == .usage)
    #expect(Self.run(["px", Run.fixture("px/folkmangd-ansi.px"), "--csv-dialect", "excel-sv"]).code == .success)
    #expect(Self.run(["px", Run.fixture("px/folkmangd-ansi.px"), "--format", "json", "--csv-dialect", "rfc4180"]).code == .usage)
    #expect(Self.run(["check", "--csv-dialect", "excel-sv"]).code == .usage)
  }

  @Test("every command whose --format offers csv takes --csv-dialect, and no other")
  func declaredWhereCSVIs() {
    for command in CommandLineTool.commands {
      let format = command.options.first { $0.name == "--format" } as? Option<OutputFormat>
      let offersCSV = format?.choices?.contains("csv") == true
      #expect(command.options.contains { $0.name == "--csv-dialect" } == offersCSV, "\(command.name)")
    }
  }
}
