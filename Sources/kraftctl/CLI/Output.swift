import Foundation
import KraftsamlingKit

/// Where a command writes: standard output, standard error, and files.
struct Output {
  var stdout: String = ""
  var stderr: String = ""
  var quiet = false

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
enum OutputFormat: String, CaseIterable {
  case table, csv, json, markdown

  /// Reads `--format` among `allowed` (default `table`, or the first allowed).
  static func parse(_ args: Arguments, allowed: [OutputFormat] = [.table, .csv, .json, .markdown]) throws(UsageError)
    -> OutputFormat
  {
    try args.choice("--format", allowed.map { ($0.rawValue, $0) }) ?? allowed[0]
  }

  /// Renders a table in this format (JSON as an array of objects keyed by column).
  func render(_ table: ReportTable) -> String {
    switch self {
    case .table: table.text()
    case .csv: table.csv()
    case .markdown: table.markdown()
    case .json:
      JSONOutput.string(
        table.rows.map { row in JSONOutput.Object(zip(table.columns, row).map { ($0, .string($1)) }) })
    }
  }
}

/// Writes JSON with sorted keys and pretty printing, so output is stable.
enum JSONOutput {
  /// A JSON value built by hand (keeps key order).
  indirect enum Value {
    case string(String), number(Double), integer(Int64), bool(Bool), null, array([Value]), object(Object)
  }
  struct Object {
    var members: [(String, Value)]
    init(_ members: [(String, Value)]) { self.members = members }
  }

  static func string(_ objects: [Object]) -> String { render(.array(objects.map { .object($0) }), indent: 0) + "\n" }
  static func string(_ value: Value) -> String { render(value, indent: 0) + "\n" }

  /// Encodes a Codable value with sorted keys, pretty-printed.
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
  }

  static func render(_ v: Value, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch v {
    case .string(let s): return quote(s)
    case .number(let d): return d.isFinite ? DecimalFormatting.shortest(d) : "null"
    case .integer(let i): return String(i)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let a):
      if a.isEmpty { return "[]" }
      return "[\n" + a.map { pad + render($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
    case .object(let o):
      if o.members.isEmpty { return "{}" }
      return "{\n" + o.members.map { pad + quote($0.0) + ": " + render($0.1, indent: indent + 1) }.joined(separator: ",\n")
        + "\n" + close + "}"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let h = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
