import Foundation
import KraftsamlingKit

/// Where a command writes: standard output, standard error, and files.
struct Output {
  var stdout: String = ""
  var stderr: String = ""
  var quiet = false
  /// How tables are written as CSV (`--csv-dialect`).
  var csvStyle = ReportTable.CSVStyle.rfc4180

  mutating func print(_ s: String = "", terminator: String = "\n") { stdout += s + terminator }
  mutating func note(_ s: String) { if !quiet { stderr += s + "\n" } }
  mutating func warn(_ s: String) { stderr += "kraftctl: warning: " + s + "\n" }

  /// Prints diagnostics on standard error in the kraftctl convention:
  /// `kraftctl: error: FILE:LINE: message (hint: …)`.
  mutating func report(_ diagnostics: [Diagnostic], includeNotes: Bool = true) {
    for d in diagnostics where includeNotes || d.severity != .note {
      if d.severity == .note && quiet { continue }
      stderr += "kraftctl: \(d.severity.rawValue): \(d.locatedMessage)\n"
    }
  }

  /// Flushes what was collected to the real streams.
  mutating func flush() {
    if !stdout.isEmpty {
      FileHandle.standardOutput.write(Data(stdout.utf8))
      stdout = ""
    }
    if !stderr.isEmpty {
      FileHandle.standardError.write(Data(stderr.utf8))
      stderr = ""
    }
  }
}

/// The output formats of the `--format` option.
enum OutputFormat: String, CaseIterable, Sendable {
  case table, csv, json, markdown
  /// An Excel workbook, written with `--out FILE.xlsx` (``WorkbookOutput``), never printed.
  case xlsx

  /// The formats printed as text, which most commands offer.
  static let text: [OutputFormat] = [.table, .csv, .json, .markdown]

  /// Renders a table in this format (JSON as an array of objects keyed by
  /// column; CSV in `style`). A workbook is binary and never rendered:
  /// commands write it before they get here, so `.xlsx` falls back to CSV.
  func render(_ table: ReportTable, csv style: ReportTable.CSVStyle) -> String {
    switch self {
    case .table: table.text()
    case .csv, .xlsx: table.csv(style)
    case .markdown: table.markdown()
    case .json: JSONWriter.text(JSONWriter.Value(rows: table))
    }
  }

  /// How the library's result tables write numbers in this format: exactly
  /// in CSV (and JSON), rounded in text and Markdown.
  var numbers: ReportTable.Numbers { self == .table || self == .markdown ? .rounded : .exact }
}

/// A JSON value whose objects keep their members' order (the library's writer).
typealias JSON = JSONWriter.Value

extension Output {
  /// Prints a table in `format`, CSV in the dialect of `--csv-dialect`.
  mutating func print(_ table: ReportTable, as format: OutputFormat) {
    print(format.render(table, csv: csvStyle), terminator: "")
  }

  /// Prints a JSON document.
  mutating func print(json value: JSON) { print(JSONWriter.text(value), terminator: "") }

  /// Prints a `Codable` value as the library writes it: sorted keys, pretty-printed.
  mutating func print<T: Encodable>(encoded value: T) throws {
    print(try JSONCoding.encodeString(value), terminator: "")
  }
}
