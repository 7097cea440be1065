/// Options for reading a statistics file into an ``AreaTable``.
public struct AreaTableReadOptions: Sendable, Hashable {
  /// The column holding the area code, or `nil` to use the first of
  /// `kod`, `code`, `do_kod`, `deso`, `regso`, `kommun_kod`, `id`
  /// (case-insensitive) and otherwise the first column.
  public var idColumn: String?
  /// The column holding the area name, or `nil` to use `namn`/`name` if present.
  public var nameColumn: String?
  /// Columns to read as text and ignore (besides the id and name columns).
  public var textColumns: Set<String>

  /// Creates options.
  public init(idColumn: String? = nil, nameColumn: String? = nil, textColumns: Set<String> = []) {
    self.idColumn = idColumn
    self.nameColumn = nameColumn
    self.textColumns = textColumns
  }

  /// Column names tried, in order, for the area code.
  public static let idColumnCandidates = ["kod", "code", "do_kod", "deso", "regso", "kommun_kod", "omradeskod", "id"]
  /// Column names tried, in order, for the area name.
  public static let nameColumnCandidates = ["namn", "name", "omrade", "område", "delområde", "kommun"]
}

extension AreaTable {
  /// Reads a statistics file: one row per area, an id column, an optional
  /// name column and numeric columns.
  ///
  /// - Parameters:
  ///   - path: The file (`-` for standard input).
  ///   - dialect: How the CSV is written; detected by default.
  ///   - options: Which columns hold the code and the name.
  /// - Returns: The table and the warnings and notes (missing values such as
  ///   `..`, columns read as text, a Latin-1 fallback).
  /// - Throws: ``DataError`` with every problem: duplicate or empty area
  ///   codes, non-numeric cells, plus all CSV-level problems.
  public static func read(path: String, dialect: CSVDialect = .auto, options: AreaTableReadOptions = .init())
    throws(DataError) -> (table: AreaTable, diagnostics: [Diagnostic])
  {
    let doc = try CSVReader.read(path: path, dialect: dialect)
    return try read(doc, options: options)
  }

  /// Builds a table from a parsed CSV document; see ``read(path:dialect:options:)``.
  ///
  /// Columns other than the id and name are numeric. A column in which more
  /// than half of the non-missing cells are not numbers is treated as a text
  /// column and skipped with a note; in any other column a cell that is not a
  /// number is an error. Missing markers (``CSVDialect/missingMarkers``)
  /// become `nil` with a warning naming the line.
  ///
  /// - Complexity: O(*r*·*c*) for *r* rows and *c* columns.
  public static func read(_ doc: CSVDocument, options: AreaTableReadOptions = .init()) throws(DataError)
    -> (table: AreaTable, diagnostics: [Diagnostic])
  {
    var problems: [Diagnostic] = doc.notes
    let headerLoc = SourceLocation(file: doc.source, line: 1)
    let idIndex: Int
    if let name = options.idColumn {
      guard let i = doc.columnIndex(name) else {
        let resolver = NameResolver(entries: doc.header.map { ($0, $0) }, noun: "column")
        throw DataError(diagnostics: [
          Diagnostic(
            .error, code: "table.no-id-column", "there is no column '\(name)' for the area code", at: headerLoc,
            hint: resolver.suggestions(for: name).first.map { "did you mean \($0)?" }
              ?? "the columns are: \(doc.header.joined(separator: ", "))")
        ])
      }
      idIndex = i
    } else {
      idIndex = AreaTableReadOptions.idColumnCandidates.lazy.compactMap { doc.columnIndex($0) }.first ?? 0
    }
    var nameIndex: Int? = nil
    if let name = options.nameColumn {
      guard let i = doc.columnIndex(name) else {
        throw DataError(
          code: "table.no-name-column", "there is no column '\(name)' for the area name", at: headerLoc,
          hint: "the columns are: \(doc.header.joined(separator: ", "))")
      }
      nameIndex = i
    } else {
      nameIndex = AreaTableReadOptions.nameColumnCandidates.lazy.compactMap { doc.columnIndex($0) }.first
      if nameIndex == idIndex { nameIndex = nil }
    }

    // Area codes.
    var codes: [String] = []
    var names: [String?] = []
    var lines: [Int] = []
    var firstLine: [String: Int] = [:]
    var keptRecords: [CSVRecord] = []
    for r in doc.records {
      let code = r.fields[idIndex].trimmingWhitespace()
      let loc = doc.location(line: r.line, column: idIndex)
      if code.isEmpty {
        problems.append(Diagnostic(.error, code: "table.empty-code", "the area code is empty", at: loc, hint: "every row needs an area code"))
        continue
      }
      if let first = firstLine[code] {
        problems.append(
          Diagnostic(.error, code: "table.duplicate-code", "area code \(code) appears again (first on line \(first))", at: loc,
            hint: "each area must have exactly one row"))
        continue
      }
      firstLine[code] = r.line
      codes.append(code)
      names.append(nameIndex.map { r.fields[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
      lines.append(r.line)
      keptRecords.append(r)
    }

    var table = AreaTable(codes: codes, names: names, source: doc.source)
    table.lines = lines
    for (c, column) in doc.header.enumerated() where c != idIndex && c != nameIndex {
      if options.textColumns.contains(column) { continue }
      var values: [Double?] = []
      values.reserveCapacity(keptRecords.count)
      var markers: [Int: String] = [:]
      var bad: [(line: Int, text: String)] = []
      var missingLines: [(line: Int, text: String)] = []
      for (row, r) in keptRecords.enumerated() {
        let cell = r.fields[c].trimmingWhitespace()
        if doc.missingMarkers.contains(cell) {
          values.append(nil)
          markers[row] = cell
          missingLines.append((r.line, cell))
        } else if let v = doc.number(cell) {
          values.append(v)
        } else {
          values.append(nil)
          bad.append((r.line, cell))
        }
      }
      let present = keptRecords.count - missingLines.count
      if !bad.isEmpty && bad.count * 2 > present {
        problems.append(
          Diagnostic(
            .note, code: "table.text-column", "column '\(column)' holds text and is not used as a number",
            at: SourceLocation(file: doc.source, line: 1, column: c + 1, field: column)))
        continue
      }
      for b in bad {
        problems.append(
          Diagnostic(
            .error, code: "table.non-numeric", "cell is not a number: '\(b.text)'",
            at: SourceLocation(file: doc.source, line: b.line, column: c + 1, field: column),
            hint: doc.delimiter == ","
              ? "write numbers with a decimal point, or use ';' as delimiter for decimal commas"
              : "write numbers with digits, e.g. 12,5 or 1 234; write missing values as .."))
      }
      for m in missingLines {
        problems.append(
          Diagnostic(
            .warning, code: "table.missing-value", m.text.isEmpty ? "missing value (empty cell)" : "missing value '\(m.text)'",
            at: SourceLocation(file: doc.source, line: m.line, column: c + 1, field: column)))
      }
      do { try table.addColumn(column, values) } catch { problems += error.diagnostics }
      if !markers.isEmpty { table.missingMarkers[column] = markers }
    }
    if problems.containsErrors {
      throw DataError(diagnostics: problems.sortedForReport())
    }
    return (table, problems)
  }
}

extension Array where Element == Diagnostic {
  /// The diagnostics in report order: errors first, then warnings, then
  /// notes; within a severity by line, then column, keeping the original
  /// order for ties.
  ///
  /// - Complexity: O(*n* log *n*).
  public func sortedForReport() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
      let la = a.element.location.line ?? 0
      let lb = b.element.location.line ?? 0
      if la != lb { return la < lb }
      let ca = a.element.location.column ?? 0
      let cb = b.element.location.column ?? 0
      if ca != cb { return ca < cb }
      return a.offset < b.offset
    }.map(\.element)
  }
}
