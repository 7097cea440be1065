/// Options for reading a statistics file into an ``AreaTable``.
public struct AreaTableReadOptions: Sendable, Hashable {
  /// The column holding the area code, or `nil` to use the first of
  /// `kod`, `code`, `do_kod`, `deso`, `regso`, `kommun_kod`, `id`
  /// (case-insensitive) and otherwise the first column.
  package var idColumn: String?
  /// The column holding the area name, or `nil` to use `namn`/`name` if present.
  package var nameColumn: String?
  /// Columns to read as text and ignore (besides the id and name columns).
  package var textColumns: Set<String>

  /// Creates options.
  public init(idColumn: String? = nil, nameColumn: String? = nil, textColumns: Set<String> = []) {
    self.idColumn = idColumn
    self.nameColumn = nameColumn
    self.textColumns = textColumns
  }

  /// Column names tried, in order, for the area code.
  package static let idColumnCandidates = ["kod", "code", "do_kod", "deso", "regso", "kommun_kod", "omradeskod", "områdeskod", "id"]
  /// Column names tried, in order, for the area name.
  package static let nameColumnCandidates = ["namn", "name", "omrade", "område", "delområde", "kommun"]
}

extension AreaTable {
  /// Reads a statistics file: one row per area, an id column, an optional
  /// name column and numeric columns. The file is streamed: memory grows
  /// with the table, not with the text.
  ///
  /// - Parameters:
  ///   - path: The file (`-` for standard input).
  ///   - dialect: How the CSV is written; detected by default.
  ///   - options: Which columns hold the code and the name.
  ///   - limits: Caps on size, rows and columns.
  /// - Returns: The table and the warnings and notes (missing values such as
  ///   `..`, columns read as text, a Latin-1 fallback).
  /// - Throws: ``DataError`` with every problem at once: the CSV-level
  ///   problems (ragged rows, an unclosed quote) together with duplicate or
  ///   empty area codes and non-numeric cells. To check a file against the
  ///   indicators as well, in the same pass, use ``StatisticsCheck``.
  public static func read(
    path: String, dialect: CSVDialect = .auto, options: AreaTableReadOptions = .init(), limits: InputLimits = .standard
  ) throws(DataError) -> (table: AreaTable, diagnostics: [Diagnostic]) {
    let reading = try readLeniently(path: path, dialect: dialect, options: options, limits: limits)
    guard let table = reading.table, !reading.diagnostics.containsErrors else {
      throw DataError(diagnostics: reading.diagnostics.sortedForReport())
    }
    return (table, reading.diagnostics)
  }

  /// Reads a statistics file without stopping at its errors: the table of
  /// what could be read, and every problem found.
  ///
  /// A cell that is not a number is kept as missing; the row of a repeated or
  /// empty area code and a row with the wrong number of cells are left out.
  /// The table is `nil` only when the file has no usable header (an empty or
  /// UTF-16 file, an unknown `idColumn`). Use it to report everything at
  /// once, as ``StatisticsCheck`` does; use ``read(path:dialect:options:limits:)``
  /// to get a table only when the file is valid.
  ///
  /// - Returns: The table (`nil` if none could be built) and the
  ///   diagnostics of every severity.
  /// - Throws: ``DataError`` `.unreadable` only: the file cannot be opened
  ///   or read.
  package static func readLeniently(
    path: String, dialect: CSVDialect = .auto, options: AreaTableReadOptions = .init(), limits: InputLimits = .standard
  ) throws(DataError) -> (table: AreaTable?, diagnostics: [Diagnostic]) {
    var builder: AreaTableBuilder? = nil
    var notes: [Diagnostic] = []
    var csvProblems: [Diagnostic]
    do throws(DataError) {
      try CSVReader.forEachRecord(
        path: path, dialect: dialect, limits: limits, notes: &notes,
        header: { h throws(DataError) in
          builder = try AreaTableBuilder(
            header: h.columns, source: h.source, delimiter: h.delimiter, decimal: h.decimalSeparator,
            missingMarkers: dialect.missingMarkers, options: options)
        },
        record: { r throws(DataError) in builder!.add(r) })
      csvProblems = notes
    } catch where error.kind == .invalid {
      // The CSV reader puts its notes into the error it throws at the end of
      // the file, but not into one thrown on the way (a limit, a bad header).
      csvProblems = notes.filter { !error.diagnostics.contains($0) } + error.diagnostics
    }
    guard let builder else { return (nil, csvProblems.sortedForReport()) }
    return builder.build(notes: csvProblems)
  }

  /// Builds a table from a parsed CSV document; see ``read(path:dialect:options:limits:)``.
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
    var builder = try AreaTableBuilder(
      header: doc.header, source: doc.source, delimiter: doc.delimiter, decimal: doc.decimalSeparator,
      missingMarkers: doc.missingMarkers, options: options)
    for r in doc.records { builder.add(r) }
    let (table, problems) = builder.build(notes: doc.notes)
    if problems.containsErrors { throw DataError(diagnostics: problems.sortedForReport()) }
    return (table, problems)
  }
}

/// Accumulates CSV records into an ``AreaTable``, column by column.
struct AreaTableBuilder {
  let header: [String]
  let source: String?
  let delimiter: Character
  let decimal: DecimalSeparator
  let missingMarkers: Set<String>
  let idIndex: Int
  let nameIndex: Int?
  let valueColumns: [Int]
  var problems: [Diagnostic] = []
  var codes: [String] = []
  var names: [String?] = []
  var lines: [Int] = []
  var firstLine: [String: Int] = [:]
  var values: [[Double?]]
  var markers: [[Int: String]]
  var bad: [[(line: Int, text: String)]]
  var missing: [[(line: Int, text: String)]]

  init(
    header: [String], source: String?, delimiter: Character, decimal: DecimalSeparator, missingMarkers: Set<String>,
    options: AreaTableReadOptions
  ) throws(DataError) {
    self.header = header
    self.source = source
    self.delimiter = delimiter
    self.decimal = decimal == .auto ? (delimiter == "," ? .point : .auto) : decimal
    self.missingMarkers = missingMarkers
    func index(_ name: String) -> Int? { header.firstIndex(of: name) ?? header.firstIndex { nameKey($0) == nameKey(name) } }
    let headerLoc = SourceLocation(file: source, line: 1)
    if let name = options.idColumn {
      guard let i = index(name) else {
        let resolver = NameResolver(entries: header.map { ($0, $0) }, noun: "column")
        throw DataError(
          code: "table.no-id-column", "there is no column '\(name)' for the area code", at: headerLoc,
          hint: resolver.suggestions(for: name).first.map { "did you mean \($0)?" }
            ?? "the columns are: \(header.joined(separator: ", "))")
      }
      idIndex = i
    } else {
      idIndex = AreaTableReadOptions.idColumnCandidates.lazy.compactMap { index($0) }.first ?? 0
    }
    if let name = options.nameColumn {
      guard let i = index(name) else {
        throw DataError(
          code: "table.no-name-column", "there is no column '\(name)' for the area name", at: headerLoc,
          hint: "the columns are: \(header.joined(separator: ", "))")
      }
      nameIndex = i
    } else {
      let i = AreaTableReadOptions.nameColumnCandidates.lazy.compactMap { index($0) }.first
      nameIndex = i == idIndex ? nil : i
    }
    let (id, nm) = (idIndex, nameIndex)
    valueColumns = header.indices.filter { $0 != id && $0 != nm && !options.textColumns.contains(header[$0]) }
    values = Array(repeating: [], count: valueColumns.count)
    markers = Array(repeating: [:], count: valueColumns.count)
    bad = Array(repeating: [], count: valueColumns.count)
    missing = Array(repeating: [], count: valueColumns.count)
  }

  private func location(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: source, line: line, column: column + 1, field: header[column])
  }

  mutating func add(_ r: CSVRecord) {
    let code = r.fields[idIndex].trimmingWhitespace()
    if code.isEmpty {
      problems.append(
        Diagnostic(.error, code: "table.empty-code", "the area code is empty", at: location(r.line, idIndex), hint: "every row needs an area code"))
      return
    }
    if let first = firstLine[code] {
      problems.append(
        Diagnostic(
          .error, code: "table.duplicate-code", "area code \(code) appears again (first on line \(first))",
          at: location(r.line, idIndex), hint: "each area must have exactly one row"))
      return
    }
    firstLine[code] = r.line
    let row = codes.count
    codes.append(code)
    names.append(nameIndex.map { r.fields[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
    lines.append(r.line)
    for (k, c) in valueColumns.enumerated() {
      let raw = r.fields[c]
      let cell = raw.utf8.first.map { $0 == 0x20 || $0 == 0x09 } == true || raw.utf8.last.map { $0 == 0x20 || $0 == 0x09 } == true
        ? raw.trimmingWhitespace() : raw
      if missingMarkers.contains(cell) {
        values[k].append(nil)
        markers[k][row] = cell
        missing[k].append((r.line, cell))
      } else if let v = NumberParser.parse(cell, decimal: decimal) {
        values[k].append(v)
      } else {
        values[k].append(nil)
        bad[k].append((r.line, cell))
      }
    }
  }

  /// The table of the rows added (a cell that is not a number is missing)
  /// and every problem: `notes` (the CSV reader's), then the rows', then the
  /// columns'. Errors do not stop it; the caller decides whether they make
  /// the table unusable.
  func build(notes: [Diagnostic]) -> (table: AreaTable, diagnostics: [Diagnostic]) {
    var problems = notes + self.problems
    var table = AreaTable(codes: codes, names: names, source: source)
    table.lines = lines
    for (k, c) in valueColumns.enumerated() {
      let column = header[c]
      let present = codes.count - missing[k].count
      if !bad[k].isEmpty && bad[k].count * 2 > present {
        problems.append(
          Diagnostic(
            .note, code: "table.text-column", "column '\(column)' holds text and is not used as a number",
            at: SourceLocation(file: source, line: 1, column: c + 1, field: column)))
        continue
      }
      for b in bad[k] {
        problems.append(
          Diagnostic(
            .error, code: "table.non-numeric", "cell is not a number: '\(b.text)'", at: location(b.line, c),
            hint: delimiter == ","
              ? "write numbers with a decimal point, or use ';' as delimiter for decimal commas"
              : "write numbers with digits, e.g. 12,5 or 1 234; write missing values as .."))
      }
      for m in missing[k] {
        problems.append(
          Diagnostic(
            .warning, code: "table.missing-value", m.text.isEmpty ? "missing value (empty cell)" : "missing value '\(m.text)'",
            at: location(m.line, c)))
      }
      do { try table.addColumn(column, values[k]) } catch { problems += error.diagnostics }
      if !markers[k].isEmpty { table.missingMarkers[column] = markers[k] }
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
  package func sortedForReport() -> [Diagnostic] {
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
