/// Checks a statistics table against the indicators that will be computed
/// from it and, optionally, against the area geometry.
///
/// Errors: a column an indicator needs is missing; a count is negative or
/// not a whole number; a numerator is greater than its denominator; an
/// area code of the table is not in the geometry. Warnings: a zero
/// denominator (the rate is undefined), an area of the geometry absent
/// from the table. (Missing counts such as SCB's `..` are the reader's
/// warnings.) Each problem is reported once: a cell shared by several
/// indicators, such as `barn_0_18`, is checked once, and a zero
/// denominator is one warning naming every share it leaves undefined.
///
/// To read a file and check it in one pass, with every problem of both at
/// once, and to count them as `kraftctl` does, use ``StatisticsCheck``.
///
/// ```swift
/// let report = StatisticsValidator(indicators: IndicatorCatalogue.stadskontoret2025.all)
///   .validate(table, geometry: layer)
/// report.containsErrors   // false for the bundled data
/// ```
///
/// - Complexity: O(*n*·*k*) for *n* areas and *k* indicators.
package struct StatisticsValidator: Sendable {
  /// The indicators whose columns are checked.
  package var indicators: [Indicator]

  /// Creates a validator for the given indicators.
  package init(indicators: [Indicator]) { self.indicators = indicators }

  /// Every problem found; an empty array means the table is fine.
  package func validate(_ table: AreaTable, geometry: AreaLayer? = nil) -> [Diagnostic] {
    var check = TableCheck(table: table)
    for indicator in indicators { checkColumns(of: indicator, &check) }
    var out = check.out + zeroDenominatorWarnings(check)
    if let geometry { out += geometryProblems(table, geometry) }
    return out.sortedForReport().removingDuplicates()
  }

  /// What the column checks have found and done so far. Each check runs
  /// once per thing it is about, so that a problem is reported once: a cell
  /// check once per column (barn_0_18 is the denominator of two
  /// indicators), a pair check once per pair, a missing column once, and a
  /// zero denominator once per cell, naming every share it leaves undefined.
  private struct TableCheck {
    let table: AreaTable
    let columnResolver: NameResolver<String>
    var out: [Diagnostic] = []
    var checkedColumns = Set<String>()
    var checkedPairs = Set<ColumnPair>()
    var reportedMissingColumns = Set<String>()
    /// row → denominator → pairs
    var undefinedShares: [Int: [String: [ColumnPair]]] = [:]
    var denominatorOrder: [String] = []

    init(table: AreaTable) {
      self.table = table
      self.columnResolver = NameResolver(entries: table.columnNames.map { ($0, $0) }, noun: "column")
    }

    /// The location of a cell.
    func location(_ row: Int, _ field: String?) -> SourceLocation {
      SourceLocation(file: table.source, line: table.lines?[row], field: field)
    }
  }

  /// Checks the columns an indicator needs (its rate or value, and its
  /// rates by kön): present, counts whole and non-negative, numerators
  /// within their denominators.
  private func checkColumns(of indicator: Indicator, _ check: inout TableCheck) {
    var pairs: [ColumnPair] = []
    var valueColumns: [String] = []
    switch indicator.measure {
    case .rate(let p): pairs.append(p)
    case .value(let c): valueColumns.append(c)
    }
    pairs += (indicator.byKön ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
    for column in pairs.flatMap({ [$0.numerator, $0.denominator] }) + valueColumns
    where !check.table.hasColumn(column) && check.reportedMissingColumns.insert(column).inserted {
      let s = check.columnResolver.suggestions(for: column)
      check.out.append(
        Diagnostic(
          .error, code: "statistics.missing-column",
          "column '\(column)' needed by indicator \(indicator.id) is missing",
          at: SourceLocation(file: check.table.source, line: 1, field: column),
          hint: s.isEmpty ? "add the column, or use an index definition that does not need it" : "did you mean \(s.joined(separator: " or "))?"))
    }
    for pair in pairs where check.checkedPairs.insert(pair).inserted {
      checkPair(pair, &check)
    }
  }

  /// Checks the counts of a pair's two columns (each column once) and that
  /// no numerator exceeds its denominator; notes the zero denominators.
  private func checkPair(_ pair: ColumnPair, _ check: inout TableCheck) {
    let table = check.table
    guard let num = table.column(pair.numerator), let den = table.column(pair.denominator) else { return }
    for (column, values) in [(pair.numerator, num), (pair.denominator, den)] where check.checkedColumns.insert(column).inserted {
      checkCounts(column, values, &check)
    }
    for row in 0..<table.count {
      guard let n = num[row], let d = den[row], n >= 0, d >= 0 else { continue }
      if n > d {
        check.out.append(
          Diagnostic(
            .error, code: "statistics.numerator-exceeds-denominator",
            "\(areaName(table, row)): \(pair.numerator) (\(format(n))) is greater than \(pair.denominator) (\(format(d)))",
            at: check.location(row, pair.numerator), hint: "check that the two columns are not swapped"))
      } else if d == 0 {
        if !check.denominatorOrder.contains(pair.denominator) { check.denominatorOrder.append(pair.denominator) }
        check.undefinedShares[row, default: [:]][pair.denominator, default: []].append(pair)
      }
    }
  }

  /// Negative and fractional counts of one column.
  private func checkCounts(_ column: String, _ values: [Double?], _ check: inout TableCheck) {
    let table = check.table
    for row in 0..<table.count {
      guard let v = values[row] else { continue }
      if v < 0 {
        check.out.append(
          Diagnostic(.error, code: "statistics.negative-count", "\(areaName(table, row)): count \(column) is negative (\(format(v)))",
            at: check.location(row, column), hint: "counts cannot be negative"))
      } else if v.rounded() != v {
        check.out.append(
          Diagnostic(.error, code: "statistics.fractional-count", "\(areaName(table, row)): count \(column) is not a whole number (\(format(v)))",
            at: check.location(row, column), hint: "give counts, not shares; a share belongs in a value column"))
      }
    }
  }

  /// One warning per cell with a zero denominator, naming every share it
  /// leaves undefined.
  private func zeroDenominatorWarnings(_ check: TableCheck) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for row in check.undefinedShares.keys.sorted() {
      let byDenominator = check.undefinedShares[row]!
      for denominator in check.denominatorOrder {
        guard let pairs = byDenominator[denominator] else { continue }
        let shares = pairs.map { "\($0.numerator)/\($0.denominator)" }
        let what = shares.count == 1
          ? "the share \(shares[0]) is undefined"
          : "the shares \(shares.dropLast().joined(separator: ", ")) and \(shares.last!) are undefined"
        out.append(
          Diagnostic(
            .warning, code: "statistics.zero-denominator", "\(areaName(check.table, row)): \(denominator) is 0, so \(what)",
            at: check.location(row, denominator)))
      }
    }
    return out
  }

  /// Area codes of the table missing from the geometry (errors), and areas
  /// of the geometry missing from the table (warnings).
  private func geometryProblems(_ table: AreaTable, _ geometry: AreaLayer) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let geometryIDs = Set(geometry.ids)
    let resolver = NameResolver(entries: geometry.ids.map { ($0, $0) }, noun: "area code")
    for (row, code) in table.codes.enumerated() where !geometryIDs.contains(code) {
      let s = resolver.suggestions(for: code)
      out.append(
        Diagnostic(
          .error, code: "statistics.unknown-area",
          "area code \(code) is not in the geometry \(geometry.source ?? "")".trimmingWhitespace(),
          at: SourceLocation(file: table.source, line: table.lines?[row], field: nil),
          hint: s.isEmpty ? "check the code" : "did you mean \(s.joined(separator: " or "))?"))
    }
    for f in geometry.features where table.row(ofCode: f.id) == nil {
      out.append(
        Diagnostic(
          .warning, code: "statistics.area-without-data",
          "area \(f.id)\(f.properties["name"].map { " (\($0))" } ?? "") of the geometry has no row in the data",
          at: SourceLocation(file: geometry.source, line: f.line)))
    }
    return out
  }

  private func areaName(_ table: AreaTable, _ row: Int) -> String {
    "\(table.displayName(row: row)) (\(table.codes[row]))"
  }

  private func format(_ v: Double) -> String {
    v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }
}
