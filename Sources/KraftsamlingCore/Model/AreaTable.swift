/// A table of statistics with one row per area and one column per
/// variable: counts (numerators, denominators, populations) or plain values.
///
/// Storage is columnar, so indices over tens of thousands of areas stay
/// fast. A missing cell is `nil` — explicit, never a NaN sentinel — and
/// the table remembers which marker (SCB's `..`, `-` or an empty cell)
/// it was read from, so that a report can show it as the source did.
///
/// ```swift
/// var t = AreaTable(codes: ["A", "B"], names: ["Ana", "Bo"])
/// try t.addColumn("barn_0_18", [120, nil])
/// t.value("barn_0_18", row: 0)   // 120.0
/// t.row(ofCode: "B")             // 1
/// ```
public struct AreaTable: Sendable, Hashable, Codable {
  /// The area codes, one per row, unique.
  public private(set) var codes: [String]
  /// The area names, one per row (`nil` when the source had none).
  package private(set) var names: [String?]
  /// The variable columns in source order.
  public private(set) var columnNames: [String]
  /// The values of each column, aligned with ``codes``.
  private var storage: [[Double?]]
  /// The source line of each row, when read from a file.
  package var lines: [Int]?
  /// The marker a missing cell was written with, keyed by column then row.
  package var missingMarkers: [String: [Int: String]]
  /// Where the table was read from, for messages.
  package var source: String?
  private var rowIndex: [String: Int]
  private var columnIndex: [String: Int]

  /// Creates a table with the given areas and no columns.
  ///
  /// - Precondition: `codes` are unique and `names` is empty or has one
  ///   element per code.
  package init(codes: [String], names: [String?] = [], source: String? = nil) {
    precondition(names.isEmpty || names.count == codes.count, "one name per code")
    self.codes = codes
    self.names = names.isEmpty ? Array(repeating: nil, count: codes.count) : names
    self.columnNames = []
    self.storage = []
    self.lines = nil
    self.missingMarkers = [:]
    self.source = source
    var index: [String: Int] = [:]
    for (i, c) in codes.enumerated() {
      precondition(index[c] == nil, "duplicate area code \(c)")
      index[c] = i
    }
    self.rowIndex = index
    self.columnIndex = [:]
  }

  /// The number of areas (rows).
  public var count: Int { codes.count }

  /// Adds a column, or replaces one of the same name.
  ///
  /// - Throws: ``DataError`` if `values` has not one value per row.
  package mutating func addColumn(_ name: String, _ values: [Double?]) throws(DataError) {
    guard values.count == codes.count else {
      throw DataError(
        code: "table.column-length",
        "column \(name) has \(values.count) values for \(codes.count) areas", at: SourceLocation(file: source, field: name))
    }
    if let i = columnIndex[name] {
      storage[i] = values
    } else {
      columnIndex[name] = storage.count
      columnNames.append(name)
      storage.append(values)
    }
  }

  /// Whether the table has a column of this name.
  package func hasColumn(_ name: String) -> Bool { columnIndex[name] != nil }

  /// All values of a column, or `nil` when there is no such column.
  public func column(_ name: String) -> [Double?]? {
    columnIndex[name].map { storage[$0] }
  }

  /// One cell, `nil` when missing or when the column does not exist.
  public func value(_ column: String, row: Int) -> Double? {
    guard let c = columnIndex[column] else { return nil }
    return storage[c][row]
  }

  /// The row of an area code, or `nil`.
  /// - Complexity: O(1).
  public func row(ofCode code: String) -> Int? { rowIndex[code] }

  /// The display name of a row: its name, or its code when it has none.
  public func displayName(row: Int) -> String { names[row] ?? codes[row] }

  /// A copy with only the given rows, in the given order.
  package func selecting(rows: [Int]) -> AreaTable {
    var t = AreaTable(codes: rows.map { codes[$0] }, names: rows.map { names[$0] }, source: source)
    t.lines = lines.map { l in rows.map { l[$0] } }
    for (c, name) in columnNames.enumerated() {
      let col = storage[c]
      t.columnIndex[name] = t.storage.count
      t.columnNames.append(name)
      t.storage.append(rows.map { col[$0] })
      if let markers = missingMarkers[name] {
        var m: [Int: String] = [:]
        for (newRow, oldRow) in rows.enumerated() { if let v = markers[oldRow] { m[newRow] = v } }
        if !m.isEmpty { t.missingMarkers[name] = m }
      }
    }
    return t
  }

  private enum CodingKeys: String, CodingKey {
    case codes, names, columnNames, columns, lines, missingMarkers, source
  }

  /// Encodes as `{"codes": […], "names": […], "columnNames": […], "columns": [[…]]}` with `null` for missing cells.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(codes, forKey: .codes)
    try c.encode(names, forKey: .names)
    try c.encode(columnNames, forKey: .columnNames)
    try c.encode(storage, forKey: .columns)
    try c.encodeIfPresent(lines, forKey: .lines)
    try c.encode(missingMarkers.mapValues { Dictionary(uniqueKeysWithValues: $0.map { (String($0.key), $0.value) }) }, forKey: .missingMarkers)
    try c.encodeIfPresent(source, forKey: .source)
  }

  /// Decodes the format written by ``encode(to:)``.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let codes = try c.decode([String].self, forKey: .codes)
    let names = try c.decodeIfPresent([String?].self, forKey: .names) ?? []
    if Set(codes).count != codes.count {
      throw DecodingError.dataCorruptedError(forKey: .codes, in: c, debugDescription: "area codes are not unique")
    }
    if !names.isEmpty && names.count != codes.count {
      throw DecodingError.dataCorruptedError(forKey: .names, in: c, debugDescription: "need one name per code")
    }
    self.init(codes: codes, names: names, source: try c.decodeIfPresent(String.self, forKey: .source))
    let columnNames = try c.decode([String].self, forKey: .columnNames)
    let columns = try c.decode([[Double?]].self, forKey: .columns)
    guard columnNames.count == columns.count else {
      throw DecodingError.dataCorruptedError(forKey: .columns, in: c, debugDescription: "need one column per column name")
    }
    for (n, v) in zip(columnNames, columns) {
      do { try addColumn(n, v) } catch {
        throw DecodingError.dataCorruptedError(forKey: .columns, in: c, debugDescription: error.description)
      }
    }
    lines = try c.decodeIfPresent([Int].self, forKey: .lines)
    let markers = try c.decodeIfPresent([String: [String: String]].self, forKey: .missingMarkers) ?? [:]
    missingMarkers = markers.mapValues { Dictionary(uniqueKeysWithValues: $0.compactMap { k, v in Int(k).map { ($0, v) } }) }
  }

  /// Tables are equal when their areas, columns and values are equal.
  public static func == (lhs: AreaTable, rhs: AreaTable) -> Bool {
    lhs.codes == rhs.codes && lhs.names == rhs.names && lhs.columnNames == rhs.columnNames
      && lhs.storage == rhs.storage
  }

  /// Hashes the areas, columns and values.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(codes)
    hasher.combine(columnNames)
  }
}
