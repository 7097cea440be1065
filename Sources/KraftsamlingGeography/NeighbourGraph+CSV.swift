import KraftsamlingCore
import KraftsamlingIndex

extension NeighbourGraph {
  /// Reads a neighbour list: a CSV document with one link per row in the
  /// columns `code` and `neighbor` (also accepted: `neighbour`), the format
  /// `kraftctl contiguity` writes.
  ///
  /// ```text
  /// code,neighbor
  /// 36105,36108
  /// 36108,36105
  /// ```
  ///
  /// Use it when the neighbours come from elsewhere (GeoDa, libpysal's
  /// `W.to_adjlist`, a hand-made list where a bridge or a park should or
  /// should not join two areas).
  ///
  /// **Symmetry.** With `symmetricClosure: false` (the default) the list is
  /// taken as written: a row `a,b` makes *b* a neighbour of *a* only, and
  /// ``isSymmetric`` tells whether every link has its reverse (files
  /// written by `kraftctl contiguity` and libpysal's adjacency lists list
  /// both directions). With `symmetricClosure: true` each row also adds the
  /// reverse link, so a file may list each pair once.
  ///
  /// A row whose neighbour cell is empty declares an area with no
  /// neighbours (an island) without adding a link. A self-link (`a,a`) is
  /// an error.
  ///
  /// - Parameters:
  ///   - document: The parsed CSV (``CSVReader``).
  ///   - ids: The areas of the graph, in row order. Codes in the file that
  ///     are not in `ids` are errors. `nil` takes the codes of the file in
  ///     order of first appearance (in either column).
  ///   - symmetricClosure: Add the reverse of every link.
  /// - Throws: ``DataError`` with every problem, each with its line:
  ///   missing columns, unknown codes (with a suggestion of the nearest
  ///   known code), empty codes, self-links.
  /// - Complexity: O(*r* + *n* + *m* log *d*) for *r* rows.
  public init(csv document: CSVDocument, ids: [String]? = nil, symmetricClosure: Bool = false) throws(DataError) {
    let file = document.source
    guard let codeColumn = document.columnIndex("code"),
      let neighbourColumn = document.columnIndex("neighbor") ?? document.columnIndex("neighbour")
    else {
      throw DataError(
        code: "neighbours.missing-column",
        "a neighbour list needs the columns 'code' and 'neighbor' (found: \(document.header.joined(separator: ", ")))",
        at: SourceLocation(file: file, line: 1), hint: "write the header line as: code,neighbor")
    }
    var problems: [Diagnostic] = []
    var order: [String] = ids ?? []
    var index: [String: Int] = [:]
    for (i, id) in order.enumerated() where index[id] == nil { index[id] = i }
    if let ids, index.count != ids.count {
      throw DataError(code: "neighbours.duplicate-area", "the list of area codes contains a code twice", at: SourceLocation(file: file))
    }
    let resolver: NameResolver<String>? = ids.map { NameResolver(entries: $0.map { ($0, $0) }, noun: "area code") }
    var rows: [[Int]] = Array(repeating: [], count: order.count)
    func row(_ code: String, line: Int, column: Int) -> Int? {
      if let r = index[code] { return r }
      if let resolver {
        var d = resolver.unknownNameError(code, at: document.location(line: line, column: column)).diagnostics[0]
        d.code = "neighbours.unknown-area"
        problems.append(d)
        return nil
      }
      index[code] = order.count
      order.append(code)
      rows.append([])
      return order.count - 1
    }
    for record in document.records {
      let code = record.fields[codeColumn].trimmingWhitespace()
      let neighbour = neighbourColumn < record.fields.count ? record.fields[neighbourColumn].trimmingWhitespace() : ""
      guard !code.isEmpty else {
        problems.append(
          Diagnostic(
            .error, code: "neighbours.empty-code", "the area code is empty",
            at: document.location(line: record.line, column: codeColumn)))
        continue
      }
      guard let i = row(code, line: record.line, column: codeColumn) else { continue }
      if neighbour.isEmpty { continue }
      guard let j = row(neighbour, line: record.line, column: neighbourColumn) else { continue }
      guard i != j else {
        problems.append(
          Diagnostic(
            .error, code: "neighbours.self-link", "area \(code) is listed as its own neighbour",
            at: document.location(line: record.line, column: neighbourColumn), hint: "remove this row"))
        continue
      }
      rows[i].append(j)
      if symmetricClosure { rows[j].append(i) }
    }
    if problems.containsErrors { throw DataError(diagnostics: problems) }
    do {
      try self.init(ids: order, neighbours: rows)
    } catch {
      throw DataError(diagnostics: error.diagnostics)
    }
  }
}
