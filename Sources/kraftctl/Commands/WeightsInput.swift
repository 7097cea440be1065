import Foundation
import KraftsamlingKit

/// The judgements of `kraftctl weights --input FILE`: an AHP comparison
/// matrix or experts' budget points, as CSV or JSON, checked with every
/// problem located at its file, line and field, and reordered to the
/// definition's order.
///
/// CSV: a header naming the items after a first label column, then one row
/// per item (AHP: the row's item first) or per expert (budget: the expert's
/// name first); fractions such as `1/3` are allowed. JSON:
/// `{"items": [...], "matrix": [[...]]}` or `{"items": [...], "points": [[...]]}`.
struct WeightsInput {
  /// The items, in the file's order.
  var items: [String]
  /// The numbers, one row per item (AHP) or expert (budget), file order.
  var rows: [[Double]]
  /// The file's name as messages show it.
  var file: String
  /// Where each row is: a line for CSV, a JSON path for JSON.
  var rowLocations: [SourceLocation]

  /// The location of one number.
  func location(row: Int, column: Int?) -> SourceLocation {
    var place = rowLocations[row]
    if let column {
      place.field = place.line == nil ? "\(place.field ?? "")[\(column)]" : items[column]
    }
    return place
  }

  /// Reads a file (`.json` by its name, else CSV).
  static func read(_ path: String, key: String) throws -> WeightsInput {
    let bytes = try FileInput.readBytes(path: path)
    let file = FileInput.displayName(path)
    return path.lowercased().hasSuffix(".json")
      ? try json(bytes, file: file, key: key) : try csv(bytes, file: file)
  }

  /// A CSV file: the header's items, each record's numbers after its label.
  static func csv(_ bytes: [UInt8], file: String) throws -> WeightsInput {
    let document = try CSVReader.parse(bytes: bytes, source: file)
    let items = Array(document.header.dropFirst()).map { $0.trimmingCharacters(in: .whitespaces) }
    var rows: [[Double]] = []
    var locations: [SourceLocation] = []
    var problems: [Diagnostic] = []
    for record in document.records {
      var row: [Double] = []
      for (k, text) in record.fields.dropFirst().enumerated() {
        guard let x = number(text) else {
          let field = k < items.count ? items[k] : "column \(k + 2)"
          problems.append(
            Diagnostic(
              .error, code: "weights.not-a-number", "'\(text)' is not a number",
              at: SourceLocation(file: file, line: record.line, field: field), hint: "e.g. 3, 0.5 or 1/3"))
          continue
        }
        row.append(x)
      }
      rows.append(row)
      locations.append(SourceLocation(file: file, line: record.line, field: record.fields.first))
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    return WeightsInput(items: items, rows: rows, file: file, rowLocations: locations)
  }

  /// A JSON object with `items` and `key` (`matrix` or `points`).
  static func json(_ bytes: [UInt8], file: String, key: String) throws -> WeightsInput {
    func fail(_ message: String, _ field: String? = nil) -> DataError {
      DataError(
        code: "weights.invalid-json", message, at: SourceLocation(file: file, field: field),
        hint: "expected {\"items\": [\"id\", …], \"\(key)\": [[…], …]}")
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw fail("not a JSON object")
    }
    guard let items = object["items"] as? [String] else { throw fail("no list of item ids", "items") }
    guard let raw = object[key] as? [Any] else { throw fail("no \(key) of numbers", key) }
    var rows: [[Double]] = []
    for (i, entry) in raw.enumerated() {
      let row = entry as? [Any] ?? []
      let numbers = row.compactMap { ($0 as? NSNumber)?.doubleValue }
      guard entry is [Any], numbers.count == row.count else {
        throw fail("\(key)[\(i)] is not a list of numbers", "\(key)[\(i)]")
      }
      rows.append(numbers)
    }
    let locations = rows.indices.map { SourceLocation(file: file, field: "\(key)[\($0)]") }
    return WeightsInput(items: items, rows: rows, file: file, rowLocations: locations)
  }

  /// A decimal number or a fraction `a/b`.
  static func number(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces)
    let parts = t.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
    return Double(t)
  }

  /// The library's problems with the numbers, located in the file.
  func diagnostics(_ problems: [WeightingInputProblem]) -> [Diagnostic] {
    problems.map { p in
      Diagnostic(
        .error, code: "weights.invalid-input", p.message,
        at: p.row < rowLocations.count ? location(row: p.row, column: p.column) : SourceLocation(file: file), hint: p.hint)
    }
  }

  /// What is wrong with the file's items as the definition's `ids`: an
  /// item the definition does not have, one named twice, one missing.
  func itemProblems(for ids: [String], noun: String) -> [Diagnostic] {
    let header = SourceLocation(file: file, line: rowLocations.first?.line == nil ? nil : 1, field: "items")
    var problems: [Diagnostic] = []
    for (k, item) in items.enumerated() where !ids.contains(item) || items.firstIndex(of: item) != k {
      var at = header
      if at.line != nil { at.field = item }
      let twice = ids.contains(item)
      problems.append(
        Diagnostic(
          .error, code: "weights.unknown-item", twice ? "'\(item)' is named twice" : "the definition has no \(noun) '\(item)'",
          at: at, hint: "the \(noun)s are \(ids.joined(separator: ", "))"))
    }
    for id in ids where !items.contains(id) {
      problems.append(
        Diagnostic(
          .error, code: "weights.missing-item", "the \(noun) '\(id)' is missing", at: header,
          hint: "name every \(noun) once: \(ids.joined(separator: ", "))"))
    }
    return problems
  }
}
