import KraftsamlingCore

extension AreaCodeMap {
  /// One year's table read through the map, with a warning for every change.
  ///
  /// - A code with one new code is reported under it; rows that end up
  ///   under the same code are **merged**: the columns in `countColumns`
  ///   (the numerators and denominators of rate indicators) are summed, so
  ///   the merged area's rates are the pooled rates of its parts; a sum over
  ///   a missing cell is missing, and every other column is missing in a
  ///   merged row (an average of plain values is not a value of the area).
  /// - A code with several new codes (a **split**) cannot be divided: its
  ///   row is left out of the year, and the new areas have no row there.
  ///
  /// A table that the map does not touch is returned as it is.
  ///
  /// - Complexity: O(*n*·*c*) for *n* rows and *c* columns.
  package func apply(to table: AreaTable, year: Int, countColumns: Set<String>) -> (table: AreaTable, warnings: [Diagnostic]) {
    var keys: [String] = []
    var rows: [String: [Int]] = [:]
    var warnings: [Diagnostic] = []
    for (i, code) in table.codes.enumerated() {
      let t = targets(of: code)
      if t.count > 1 {
        warnings.append(warning(code, "year \(year): area \(code) was split into \(t.joined(separator: ", ")); its row is left out of \(year) and the new areas have no values that year"))
        continue
      }
      let key = t.first ?? code
      if rows[key] == nil { keys.append(key) }
      rows[key, default: []].append(i)
    }
    guard !warnings.isEmpty || keys.contains(where: { rows[$0]!.count > 1 || table.codes[rows[$0]![0]] != $0 }) else {
      return (table, [])
    }
    for key in keys {
      let parts = rows[key]!.map { table.codes[$0] }
      if parts.count > 1 {
        warnings.append(warning(parts.first { lines[$0] != nil } ?? parts[0], "year \(year): areas \(parts.joined(separator: ", ")) are merged into \(key): their counts are summed, other columns left missing"))
      } else if parts[0] != key {
        warnings.append(warning(parts[0], "year \(year): area \(parts[0]) is reported as \(key)"))
      }
    }
    return (merged(table, keys: keys, rows: rows, countColumns: countColumns), warnings)
  }

  /// The table with one row per key: each key's rows merged.
  private func merged(_ table: AreaTable, keys: [String], rows: [String: [Int]], countColumns: Set<String>) -> AreaTable {
    let names = keys.map { key in
      let r = rows[key]!
      return table.names[r.first { table.codes[$0] == key } ?? r[0]]
    }
    var out = AreaTable(codes: keys, names: names, source: table.source)
    for name in table.columnNames {
      let column = table.column(name) ?? []
      let sums = countColumns.contains(name)
      let values: [Double?] = keys.map { key in
        let r = rows[key]!
        if r.count == 1 { return column[r[0]] }
        guard sums else { return nil }
        var s = 0.0
        for i in r {
          guard let v = column[i] else { return nil }
          s += v
        }
        return s
      }
      try? out.addColumn(name, values)
    }
    return out
  }

  /// A code-map warning located at the map's line for `old`.
  private func warning(_ old: String, _ message: String) -> Diagnostic {
    Diagnostic(.warning, code: "index.code-map", message, at: SourceLocation(file: source, line: lines[old]))
  }
}
