import KraftsamlingCore

/// Named recipients and their weights, read from a CSV file with the
/// columns `name,weight` (`kraftctl apportion --weights FILE`).
///
/// The columns are found by their header — `name` or `namn`, `weight` or
/// `vikt`, in any case and with spaces ignored — or, failing that, are the
/// first two. Weights are whole numbers or decimals (a decimal comma works
/// with `;` as the delimiter) and must not be negative. Every bad weight of
/// the file is reported at once, located at its line and column.
///
/// ```swift
/// let input = try ApportionmentInput(document: CSVReader.parse("name,weight\nA,10\nB,7\nC,3\n", source: "w.csv"))
/// let a = try input.apportion(10, by: ApportionmentRegistry.standard.make("dhondt"), ties: .error)
/// a.amounts   // [5, 4, 1]
/// ```
package struct ApportionmentInput: Sendable, Hashable {
  /// The recipients' names, in file order.
  package var names: [String]
  /// Their weights, in the same order.
  package var weights: [ApportionmentWeight]
  /// The file's name in messages (`<stdin>` for standard input).
  package var source: String?
  /// The CSV reader's notes (the dialect it detected).
  package var notes: [Diagnostic]

  /// Creates an input from parallel lists of names and weights.
  package init(names: [String], weights: [ApportionmentWeight], source: String? = nil, notes: [Diagnostic] = []) {
    precondition(names.count == weights.count, "one weight per name")
    self.names = names
    self.weights = weights
    self.source = source
    self.notes = notes
  }

  /// Reads `path` (`-` for standard input).
  ///
  /// - Throws: ``DataError``: `.unreadable` for a missing file; the CSV
  ///   reader's errors; `apportion.columns` when there are not two
  ///   columns; every `apportion.weight` (not a number) and
  ///   `apportion.negative-weight` of the file.
  package static func read(path: String, dialect: CSVDialect = .auto) throws(DataError) -> ApportionmentInput {
    try ApportionmentInput(document: CSVReader.read(path: path, dialect: dialect))
  }

  /// Reads the names and weights of a parsed CSV document.
  ///
  /// - Throws: ``DataError`` as ``read(path:dialect:)``.
  /// - Complexity: O(*n*) for *n* rows.
  package init(document doc: CSVDocument) throws(DataError) {
    let lower = doc.header.map { String($0.lowercased().filter { $0 != " " }) }
    guard let nameColumn = lower.firstIndex(where: { ["name", "namn"].contains($0) }) ?? (lower.count >= 2 ? 0 : nil),
      let weightColumn = lower.firstIndex(where: { ["weight", "vikt"].contains($0) }) ?? (lower.count >= 2 ? 1 : nil)
    else {
      throw DataError(
        code: "apportion.columns", "the weights file needs two columns, name and weight",
        at: SourceLocation(file: doc.source, line: 1), hint: "start the file with the header name,weight")
    }
    var names: [String] = []
    var weights: [ApportionmentWeight] = []
    var problems: [Diagnostic] = []
    for r in doc.records {
      let name = r.fields[nameColumn]
      let text = r.fields[weightColumn]
      let at = doc.location(line: r.line, column: weightColumn)
      guard let w = try? ApportionmentWeight(parsing: text) else {
        problems.append(
          Diagnostic(
            .error, code: "apportion.weight", "weight '\(text)' of '\(name)' is not a number", at: at,
            hint: "write e.g. 12 or 12.5"))
        continue
      }
      if w.mantissa < 0 {
        problems.append(
          Diagnostic(
            .error, code: "apportion.negative-weight", "weight \(text) of '\(name)' is negative", at: at,
            hint: "weights must be zero or positive"))
      }
      names.append(name)
      weights.append(w)
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    self.init(names: names, weights: weights, source: doc.source, notes: doc.notes)
  }

  /// Apportions `total` units among the recipients.
  ///
  /// With ``TiePolicy/error``, a tie for the last units is reported with
  /// the tied recipients' names (`allocation.tie`) rather than their
  /// positions.
  ///
  /// - Throws: ``DataError`` `allocation.tie`, or ``AllocationError`` from
  ///   the method (a negative total, weights all zero, an overflow).
  /// - Complexity: That of the method.
  package func apportion(_ total: Int64, by method: any ApportionmentMethod, ties: TiePolicy) throws -> Apportionment {
    if ties == .error, let r = try? method.apportion(weights, total: total, ties: .inputOrder), let t = r.tie {
      throw DataError(
        code: "allocation.tie",
        "tie: \(names(t.tied).joined(separator: ", ")) have an equal claim on the last \(t.favoured.count) unit(s)",
        at: SourceLocation(file: source),
        hint: "choose --ties order (the first in the file wins) or --ties seed:S (a seeded lottery)")
    }
    return try method.apportion(weights, total: total, ties: ties)
  }

  /// The names of the recipients at `indices`.
  package func names(_ indices: [Int]) -> [String] { indices.map { names[$0] } }
}
