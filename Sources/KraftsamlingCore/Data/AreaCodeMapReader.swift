extension AreaCodeMap {
  /// Reads a code map: a CSV file with the columns `old` and `new`, one
  /// pair of area codes a row (see ``AreaCodeMap``).
  ///
  /// ```text
  /// old,new
  /// 1280C1010,1280C1030
  /// 1280C1020,1280C1030
  /// ```
  ///
  /// - Throws: ``DataError`` naming the file, line and field of every
  ///   problem: a missing `old` or `new` column, an empty code.
  package static func read(path: String, dialect: CSVDialect = .auto) throws(DataError) -> AreaCodeMap {
    let doc = try CSVReader.read(path: path, dialect: dialect)
    var problems: [Diagnostic] = []
    var columns: [Int] = []
    for name in ["old", "new"] {
      if let i = doc.columnIndex(name) { columns.append(i); continue }
      problems.append(
        Diagnostic(
          .error, code: "codemap.no-column", "there is no column '\(name)'", at: SourceLocation(file: doc.source, line: 1, field: name),
          hint: "a code map has the columns old,new: one row per changed area code"))
    }
    guard problems.isEmpty else { throw DataError(diagnostics: problems) }
    var pairs: [(old: String, new: String)] = []
    var lines: [String: Int] = [:]
    for r in doc.records {
      let old = r.fields[columns[0]].trimmingWhitespace()
      let new = r.fields[columns[1]].trimmingWhitespace()
      for (text, c) in [(old, columns[0]), (new, columns[1])] where text.isEmpty {
        problems.append(
          Diagnostic(.error, code: "codemap.empty-code", "the area code is empty", at: doc.location(line: r.line, column: c)))
      }
      guard !old.isEmpty, !new.isEmpty else { continue }
      pairs.append((old, new))
      if lines[old] == nil { lines[old] = r.line }
    }
    guard !problems.containsErrors else { throw DataError(diagnostics: problems) }
    var map = AreaCodeMap(pairs)
    map.lines = lines
    map.source = doc.source
    return map
  }
}
