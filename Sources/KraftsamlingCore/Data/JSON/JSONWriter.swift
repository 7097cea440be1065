/// Writes JSON built in code, with object members in the order given.
///
/// `JSONCoding` writes `Codable` values with sorted keys; some outputs
/// (kraftctl's `--format json`) want their members in a chosen order — the
/// code first, then the name — so they are built as a ``Value`` and written
/// here. The output is stable: two-space indentation, one member or
/// element per line, numbers in their shortest exact form
/// (`DecimalFormatting.shortest`), non-finite numbers as `null`, and the
/// same escapes as `JSONEncoder` except that `/` is not escaped.
///
/// ```swift
/// let v: JSONWriter.Value = ["code": "10101", "rank": 3, "score": .number(1.25), "flags": []]
/// JSONWriter.text(v)
/// // {
/// //   "code": "10101",
/// //   "rank": 3,
/// //   "score": 1.25,
/// //   "flags": []
/// // }
/// ```
package enum JSONWriter {
  /// A JSON value whose objects keep their members' order.
  package indirect enum Value: Sendable {
    /// A string.
    case string(String)
    /// A number, written in its shortest exact form (`null` when not finite).
    case number(Double)
    /// A whole number.
    case integer(Int64)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([Value])
    /// An object; members are written in this order.
    case object([(key: String, value: Value)])
  }

  /// The value as JSON text, followed by a newline.
  ///
  /// - Complexity: O(*n*) in the size of the output.
  package static func text(_ value: Value) -> String { render(value, indent: 0) + "\n" }

  /// The value as JSON text without a final newline, its nested lines
  /// indented as if it stood at depth `indent`.
  package static func render(_ value: Value, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch value {
    case .string(let s): return quote(s)
    case .number(let d): return d.isFinite ? DecimalFormatting.shortest(d) : "null"
    case .integer(let i): return String(i)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let a):
      if a.isEmpty { return "[]" }
      return "[\n" + a.map { pad + render($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
    case .object(let o):
      if o.isEmpty { return "{}" }
      return "{\n"
        + o.map { pad + quote($0.key) + ": " + render($0.value, indent: indent + 1) }.joined(separator: ",\n")
        + "\n" + close + "}"
    }
  }

  /// A string as a JSON string literal: `"` and `\` escaped, `\n`, `\r`,
  /// `\t` by name and other control characters as `\u00XX`.
  package static func quote(_ s: String) -> String {
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

extension JSONWriter.Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  package init(stringLiteral value: String) { self = .string(value) }
  package init(integerLiteral value: Int64) { self = .integer(value) }
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  package init(arrayLiteral elements: JSONWriter.Value...) { self = .array(elements) }
  /// An object with the members in the order written.
  package init(dictionaryLiteral elements: (String, JSONWriter.Value)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
}

extension JSONWriter.Value {
  /// A string, or `null`.
  package init(_ value: String?) { self = value.map { .string($0) } ?? .null }
  /// A number, or `null`.
  package init(_ value: Double?) { self = value.map { .number($0) } ?? .null }
  /// A whole number, or `null`.
  package init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
  /// A whole number, or `null`.
  package init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
  /// `true` or `false`.
  package init(_ value: Bool) { self = .bool(value) }
  /// An array of strings.
  package init(_ strings: [String]) { self = .array(strings.map { .string($0) }) }
  /// An array of objects, one per row of `table`, keyed by its columns.
  package init(rows table: ReportTable) {
    self = .array(table.rows.map { row in .object(zip(table.columns, row).map { (key: $0, value: .string($1)) }) })
  }
}
