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
  public var indicators: [Indicator]

  /// Creates a validator for the given indicators.
  package init(indicators: [Indicator]) { self.indicators = indicators }

  /// Every problem found; an empty array means the table is fine.
  public func validate(_ table: AreaTable, geometry: AreaLayer? = nil) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let file = table.source
    func rowLocation(_ row: Int, _ field: String?) -> SourceLocation {
      SourceLocation(file: file, line: table.lines?[row], field: field)
    }
    let columnResolver = NameResolver(entries: table.columnNames.map { ($0, $0) }, noun: "column")
    // Each check runs once per thing it is about, so that a problem is
    // reported once: a cell check once per column (barn_0_18 is the
    // denominator of two indicators), a pair check once per pair, a missing
    // column once, and a zero denominator once per cell, naming every share
    // it leaves undefined.
    var checkedColumns = Set<String>()
    var checkedPairs = Set<ColumnPair>()
    var reportedMissingColumns = Set<String>()
    var undefinedShares: [Int: [String: [ColumnPair]]] = [:]  // row → denominator → pairs
    var denominatorOrder: [String] = []
    for indicator in indicators {
      var pairs: [ColumnPair] = []
      var valueColumns: [String] = []
      switch indicator.measure {
      case .rate(let p): pairs.append(p)
      case .value(let c): valueColumns.append(c)
      }
      pairs += (indicator.byKön ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
      for column in pairs.flatMap({ [$0.numerator, $0.denominator] }) + valueColumns
      where !table.hasColumn(column) && reportedMissingColumns.insert(column).inserted {
        let s = columnResolver.suggestions(for: column)
        out.append(
          Diagnostic(
            .error, code: "statistics.missing-column",
            "column '\(column)' needed by indicator \(indicator.id) is missing",
            at: SourceLocation(file: file, line: 1, field: column),
            hint: s.isEmpty ? "add the column, or use an index definition that does not need it" : "did you mean \(s.joined(separator: " or "))?"))
      }
      for pair in pairs where checkedPairs.insert(pair).inserted {
        guard let num = table.column(pair.numerator), let den = table.column(pair.denominator) else { continue }
        for (column, values) in [(pair.numerator, num), (pair.denominator, den)] where checkedColumns.insert(column).inserted {
          for row in 0..<table.count {
            guard let v = values[row] else { continue }
            if v < 0 {
              out.append(
                Diagnostic(.error, code: "statistics.negative-count", "\(areaName(table, row)): count \(column) is negative (\(format(v)))",
                  at: rowLocation(row, column), hint: "counts cannot be negative"))
            } else if v.rounded() != v {
              out.append(
                Diagnostic(.error, code: "statistics.fractional-count", "\(areaName(table, row)): count \(column) is not a whole number (\(format(v)))",
                  at: rowLocation(row, column), hint: "give counts, not shares; a share belongs in a value column"))
            }
          }
        }
        for row in 0..<table.count {
          guard let n = num[row], let d = den[row], n >= 0, d >= 0 else { continue }
          if n > d {
            out.append(
              Diagnostic(
                .error, code: "statistics.numerator-exceeds-denominator",
                "\(areaName(table, row)): \(pair.numerator) (\(format(n))) is greater than \(pair.denominator) (\(format(d)))",
                at: rowLocation(row, pair.numerator), hint: "check that the two columns are not swapped"))
          } else if d == 0 {
            if !denominatorOrder.contains(pair.denominator) { denominatorOrder.append(pair.denominator) }
            undefinedShares[row, default: [:]][pair.denominator, default: []].append(pair)
          }
        }
      }
    }
    for row in undefinedShares.keys.sorted() {
      let byDenominator = undefinedShares[row]!
      for denominator in denominatorOrder {
        guard let pairs = byDenominator[denominator] else { continue }
        let shares = pairs.map { "\($0.numerator)/\($0.denominator)" }
        let what = shares.count == 1
          ? "the share \(shares[0]) is undefined"
          : "the shares \(shares.dropLast().joined(separator: ", ")) and \(shares.last!) are undefined"
        out.append(
          Diagnostic(
            .warning, code: "statistics.zero-denominator", "\(areaName(table, row)): \(denominator) is 0, so \(what)",
            at: rowLocation(row, denominator)))
      }
    }
    if let geometry {
      let geometryIDs = Set(geometry.ids)
      let resolver = NameResolver(entries: geometry.ids.map { ($0, $0) }, noun: "area code")
      for (row, code) in table.codes.enumerated() where !geometryIDs.contains(code) {
        let s = resolver.suggestions(for: code)
        out.append(
          Diagnostic(
            .error, code: "statistics.unknown-area",
            "area code \(code) is not in the geometry \(geometry.source ?? "")".trimmingWhitespace(),
            at: rowLocation(row, nil), hint: s.isEmpty ? "check the code" : "did you mean \(s.joined(separator: " or "))?"))
      }
      for f in geometry.features where table.row(ofCode: f.id) == nil {
        out.append(
          Diagnostic(
            .warning, code: "statistics.area-without-data",
            "area \(f.id)\(f.properties["name"].map { " (\($0))" } ?? "") of the geometry has no row in the data",
            at: SourceLocation(file: geometry.source, line: f.line)))
      }
    }
    return out.sortedForReport().removingDuplicates()
  }

  private func areaName(_ table: AreaTable, _ row: Int) -> String {
    "\(table.displayName(row: row)) (\(table.codes[row]))"
  }

  private func format(_ v: Double) -> String {
    v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }
}
