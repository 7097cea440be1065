/// Checks a statistics table against the indicators that will be computed
/// from it and, optionally, against the area geometry.
///
/// Errors: a column an indicator needs is missing; a count is negative or
/// not a whole number; a numerator is greater than its denominator; an
/// area code of the table is not in the geometry. Warnings: a missing
/// count (e.g. SCB's `..`), a zero denominator (the rate is undefined), an
/// area of the geometry absent from the table.
///
/// ```swift
/// let report = StatisticsValidator(indicators: IndicatorCatalogue.stadskontoret2025.all)
///   .validate(table, geometry: layer)
/// report.containsErrors   // false for the bundled data
/// ```
///
/// - Complexity: O(*n*·*k*) for *n* areas and *k* indicators.
public struct StatisticsValidator: Sendable {
  /// The indicators whose columns are checked.
  public var indicators: [Indicator]

  /// Creates a validator for the given indicators.
  public init(indicators: [Indicator]) { self.indicators = indicators }

  /// Every problem found; an empty array means the table is fine.
  public func validate(_ table: AreaTable, geometry: AreaLayer? = nil) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let file = table.source
    func rowLocation(_ row: Int, _ field: String?) -> SourceLocation {
      SourceLocation(file: file, line: table.lines?[row], field: field)
    }
    let columnResolver = NameResolver(entries: table.columnNames.map { ($0, $0) }, noun: "column")
    var checkedPairs = Set<ColumnPair>()
    var reportedMissingColumns = Set<String>()
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
            at: SourceLocation(file: file, line: 1),
            hint: s.isEmpty ? "add the column, or use an index definition that does not need it" : "did you mean \(s.joined(separator: " or "))?"))
      }
      for pair in pairs where checkedPairs.insert(pair).inserted {
        guard let num = table.column(pair.numerator), let den = table.column(pair.denominator) else { continue }
        for row in 0..<table.count {
          let name = "\(table.displayName(row: row)) (\(table.codes[row]))"
          for (column, value) in [(pair.numerator, num[row]), (pair.denominator, den[row])] {
            guard let v = value else { continue }
            if v < 0 {
              out.append(
                Diagnostic(.error, code: "statistics.negative-count", "\(name): count \(column) is negative (\(format(v)))",
                  at: rowLocation(row, column), hint: "counts cannot be negative"))
            } else if v.rounded() != v {
              out.append(
                Diagnostic(.error, code: "statistics.fractional-count", "\(name): count \(column) is not a whole number (\(format(v)))",
                  at: rowLocation(row, column), hint: "give counts, not shares; a share belongs in a value column"))
            }
          }
          if let n = num[row], let d = den[row], n >= 0, d >= 0 {
            if n > d {
              out.append(
                Diagnostic(
                  .error, code: "statistics.numerator-exceeds-denominator",
                  "\(name): \(pair.numerator) (\(format(n))) is greater than \(pair.denominator) (\(format(d)))",
                  at: rowLocation(row, pair.numerator), hint: "check that the two columns are not swapped"))
            } else if d == 0 {
              out.append(
                Diagnostic(
                  .warning, code: "statistics.zero-denominator",
                  "\(name): \(pair.denominator) is 0, so the share \(pair.numerator)/\(pair.denominator) is undefined",
                  at: rowLocation(row, pair.denominator)))
            }
          }
        }
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
    return out.sortedForReport()
  }

  private func format(_ v: Double) -> String {
    v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }
}
