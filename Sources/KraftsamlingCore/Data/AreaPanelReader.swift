extension AreaTable {
  /// Reads a *panel*: a long statistics file with one row per area and
  /// year, the year in `yearColumn` and otherwise the columns of
  /// ``read(path:dialect:options:limits:)``. Each year becomes a table of
  /// its own; an area code may repeat across years but not within one.
  ///
  /// ```text
  /// år,kod,namn,barn_0_18,trangbodda_0_18
  /// 2022,1280C1010,Centrum,412,61
  /// 2023,1280C1010,Centrum,420,58
  /// ```
  ///
  /// - Parameters:
  ///   - path: The file (`-` for standard input).
  ///   - yearColumn: The column holding the year, a whole number.
  ///   - dialect: How the CSV is written; detected by default.
  ///   - options: Which columns hold the code and the name.
  ///   - limits: Caps on size, rows and columns.
  /// - Returns: The tables by year and the warnings and notes.
  /// - Throws: ``DataError`` with every problem at once, each naming the
  ///   file, line and field: no year column, a year that is not a whole
  ///   number, a code repeated within a year, a cell that is not a number.
  /// - Complexity: O(*r*·*c*) for *r* rows and *c* columns.
  package static func readPanel(
    path: String, yearColumn: String, dialect: CSVDialect = .auto, options: AreaTableReadOptions = .init(),
    limits: InputLimits = .standard
  ) throws(DataError) -> (tables: [Int: AreaTable], diagnostics: [Diagnostic]) {
    let doc = try CSVReader.read(path: path, dialect: dialect, limits: limits)
    guard let y = doc.columnIndex(yearColumn) else {
      let resolver = NameResolver(entries: doc.header.map { ($0, $0) }, noun: "column")
      throw DataError(
        code: "panel.no-year-column", "there is no column '\(yearColumn)' for the year",
        at: SourceLocation(file: doc.source, line: 1, field: yearColumn),
        hint: resolver.suggestions(for: yearColumn).first.map { "did you mean \($0)?" }
          ?? "the columns are: \(doc.header.joined(separator: ", "))")
    }
    var options = options
    options.textColumns.insert(doc.header[y])
    var problems: [Diagnostic] = doc.notes
    var byYear: [Int: [CSVRecord]] = [:]
    for r in doc.records {
      guard let year = Int(r.fields[y].trimmingWhitespace()) else {
        problems.append(
          Diagnostic(
            .error, code: "panel.invalid-year", "the year is not a whole number: '\(r.fields[y])'",
            at: doc.location(line: r.line, column: y), hint: "write the year as digits, e.g. 2023"))
        continue
      }
      byYear[year, default: []].append(r)
    }
    var tables: [Int: AreaTable] = [:]
    for (year, records) in byYear.sorted(by: { $0.key < $1.key }) {
      var builder = try AreaTableBuilder(
        header: doc.header, source: doc.source, delimiter: doc.delimiter, decimal: doc.decimalSeparator,
        missingMarkers: doc.missingMarkers, options: options)
      for r in records { builder.add(r) }
      let (table, diagnostics) = builder.build(notes: [])
      // A column's note (line 1) would repeat for every year; cell problems are each year's own.
      problems += diagnostics.filter { d in d.location.line != 1 || !problems.contains(d) }
      tables[year] = table
    }
    if tables.isEmpty && !problems.containsErrors {
      problems.append(
        Diagnostic(.error, code: "panel.empty", "the panel has no rows", at: SourceLocation(file: doc.source, line: 1),
          hint: "add one row per area and year"))
    }
    guard !problems.containsErrors else { throw DataError(diagnostics: problems.sortedForReport()) }
    return (tables, problems)
  }
}
