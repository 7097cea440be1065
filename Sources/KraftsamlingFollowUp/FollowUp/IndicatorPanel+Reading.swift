import KraftsamlingCore

/// Which columns of a long-format CSV hold a panel's code, year, counts
/// and kön.
///
/// The defaults read the bundled UVAS series (`kod,ar,unga_16_29,uvas_16_29`).
///
/// ```swift
/// PanelReadOptions.uvas                     // code kod, year ar, uvas_16_29 / unga_16_29
/// PanelReadOptions(numerator: "ej_behoriga", denominator: "avgangna")
/// ```
public struct PanelReadOptions: Sendable, Hashable {
  /// The column with the area code (default: the first of `kod`, `code`, `do_kod`, … present).
  package var codeColumn: String?
  /// The column with the area name, if any (default: `namn`/`name` when present).
  package var nameColumn: String?
  /// The column with the year (default: the first of `ar`, `år`, `year`).
  package var yearColumn: String?
  /// The numerator column.
  package var numerator: String
  /// The denominator column.
  package var denominator: String
  /// The column with kön (default: the first of `kon`, `kön`, `sex` present; none when absent).
  package var könColumn: String?

  /// Creates options.
  ///
  /// - Parameters:
  ///   - numerator: The numerator column.
  ///   - denominator: The denominator column.
  ///   - codeColumn: The area-code column.
  ///   - yearColumn: The year column.
  ///   - könColumn: The kön column.
  ///   - nameColumn: The area-name column.
  package init(
    numerator: String, denominator: String, codeColumn: String? = nil, yearColumn: String? = nil,
    könColumn: String? = nil, nameColumn: String? = nil
  ) {
    self.numerator = numerator
    self.denominator = denominator
    self.codeColumn = codeColumn
    self.yearColumn = yearColumn
    self.könColumn = könColumn
    self.nameColumn = nameColumn
  }

  /// The bundled UVAS series: `uvas_16_29` over `unga_16_29`.
  public static let uvas = PanelReadOptions(numerator: "uvas_16_29", denominator: "unga_16_29")

  /// Year-column names tried in order.
  package static let yearColumnCandidates = ["ar", "år", "year", "tid"]
  /// Kön-column names tried in order.
  package static let könColumnCandidates = ["kon", "kön", "sex", "gender"]

  /// The kön a cell means: `kvinna`/`kvinnor`/`flickor`/`k`/`f`/`2` → kvinna;
  /// `man`/`män`/`pojkar`/`m`/`p`/`1` → man; `total`/`totalt`/`alla`/`t`/empty → everyone.
  ///
  /// - Returns: `.some(nil)` for everyone, `.some(kön)`, or `nil` when not recognised.
  package static func kön(from cell: String) -> Kön?? {
    switch cell.lowercased() {
    case "kvinna", "kvinnor", "flickor", "flicka", "k", "f", "2", "female", "women": return .some(.kvinna)
    case "man", "män", "pojkar", "pojke", "m", "p", "1", "male", "men": return .some(.man)
    case "", "total", "totalt", "alla", "t", "1+2", "all": return .some(nil)
    default: return nil
    }
  }
}

extension IndicatorPanel {
  /// Reads a long-format CSV file (one row per area, year and optionally kön).
  ///
  /// - Parameters:
  ///   - path: The file (`-` for standard input).
  ///   - dialect: How the CSV is written; detected by default.
  ///   - options: Which columns to read (default: the UVAS series).
  ///   - limits: Caps on bytes, rows, columns and cells (default ``InputLimits/standard``).
  /// - Returns: The panel and the warnings and notes.
  /// - Throws: ``DataError``; see ``read(_:options:)``; `limit.<setting>`
  ///   beyond a cap.
  public static func read(
    path: String, dialect: CSVDialect = .auto, options: PanelReadOptions = .uvas, limits: InputLimits = .standard
  ) throws(DataError) -> (panel: IndicatorPanel, diagnostics: [Diagnostic]) {
    try read(CSVReader.read(path: path, dialect: dialect, limits: limits), options: options)
  }

  /// Builds a panel from a parsed long-format CSV document.
  ///
  /// Errors (with file, line and column): a required column missing (with
  /// "did you mean"), an empty code, a year that is not a whole number
  /// between 1900 and 2200, a count that is negative or not a whole
  /// number, a numerator above its denominator, an unknown kön, the same
  /// area, year and kön twice. A missing marker (`..`, empty) makes the
  /// cell missing with a warning: the year stays in the series as a gap.
  ///
  /// - Parameters:
  ///   - doc: The parsed CSV.
  ///   - options: Which columns to read.
  /// - Returns: The panel and the warnings and notes.
  /// - Throws: ``DataError`` with every problem found.
  /// - Complexity: O(r) for r rows.
  public static func read(_ doc: CSVDocument, options: PanelReadOptions = .uvas) throws(DataError)
    -> (panel: IndicatorPanel, diagnostics: [Diagnostic])
  {
    var problems: [Diagnostic] = doc.notes
    let columns = try PanelColumns(doc, options)
    var observations: [Observation] = []
    var firstLine: [String: Int] = [:]
    for r in doc.records {
      guard let o = observation(in: r, doc, columns, &problems) else { continue }
      let key = "\(o.code)\u{1}\(o.year)\u{1}\(o.kön?.rawValue ?? "")"
      if let first = firstLine[key] {
        problems.append(
          Diagnostic(.error, code: "panel.duplicate",
            "area \(o.code), year \(o.year)\(o.kön.map { ", \($0.rawValue)" } ?? "") appears again (first on line \(first))",
            at: columns.location(r, columns.code, doc), hint: "give each area, year and kön one row"))
        continue
      }
      firstLine[key] = r.line
      observations.append(o)
    }
    if observations.isEmpty && !problems.containsErrors {
      problems.append(Diagnostic(.error, code: "panel.empty", "the file has no data rows", at: SourceLocation(file: doc.source, line: 1)))
    }
    if problems.containsErrors { throw DataError(diagnostics: problems.sortedForReport()) }
    return (IndicatorPanel(observations: observations), problems)
  }

  /// The positions of the columns a panel is read from.
  private struct PanelColumns {
    var code: Int
    var year: Int
    var numerator: Int
    var denominator: Int
    var kön: Int?
    var name: Int?

    /// Finds the columns named in the options, or else among the usual
    /// names.
    ///
    /// - Throws: `panel.no-column` for a required column that is missing.
    init(_ doc: CSVDocument, _ options: PanelReadOptions) throws(DataError) {
      code = try Self.column(doc, options.codeColumn, candidates: AreaTableReadOptions.idColumnCandidates, role: "area code", required: true)!
      year = try Self.column(doc, options.yearColumn, candidates: PanelReadOptions.yearColumnCandidates, role: "year", required: true)!
      numerator = try Self.column(doc, options.numerator, candidates: [], role: "numerator", required: true)!
      denominator = try Self.column(doc, options.denominator, candidates: [], role: "denominator", required: true)!
      kön = try Self.column(doc, options.könColumn, candidates: PanelReadOptions.könColumnCandidates, role: "kön", required: false)
      name = try Self.column(doc, options.nameColumn, candidates: ["namn", "name"], role: "area name", required: false)
      if name == code { name = nil }
    }

    /// The column named `wanted`, or else the first of the candidates.
    private static func column(
      _ doc: CSVDocument, _ wanted: String?, candidates: [String], role: String, required: Bool
    ) throws(DataError) -> Int? {
      let headerLoc = SourceLocation(file: doc.source, line: 1)
      if let wanted {
        if let i = doc.columnIndex(wanted) { return i }
        let s = NameResolver(entries: doc.header.map { ($0, $0) }, noun: "column").suggestions(for: wanted)
        throw DataError(
          code: "panel.no-column", "there is no column '\(wanted)' for the \(role)", at: headerLoc,
          hint: s.first.map { "did you mean \($0)?" } ?? "the columns are: \(doc.header.joined(separator: ", "))")
      }
      if let i = candidates.lazy.compactMap({ doc.columnIndex($0) }).first { return i }
      if required {
        throw DataError(
          code: "panel.no-column", "no column for the \(role) (looked for \(candidates.joined(separator: ", ")))",
          at: headerLoc, hint: "name the column or give it explicitly; the columns are: \(doc.header.joined(separator: ", "))")
      }
      return nil
    }

    /// The location of a cell of a record.
    func location(_ r: CSVRecord, _ c: Int, _ doc: CSVDocument) -> SourceLocation {
      SourceLocation(file: doc.source, line: r.line, column: c + 1, field: doc.header[c])
    }
  }

  /// The observation of one record, or `nil` (with its problem) when the
  /// code is empty, the year or kön unreadable, a count bad or the
  /// numerator above the denominator.
  private static func observation(
    in r: CSVRecord, _ doc: CSVDocument, _ columns: PanelColumns, _ problems: inout [Diagnostic]
  ) -> Observation? {
    func loc(_ c: Int) -> SourceLocation { columns.location(r, c, doc) }
    let code = r.fields[columns.code].trimmingWhitespace()
    if code.isEmpty {
      problems.append(Diagnostic(.error, code: "panel.empty-code", "the area code is empty", at: loc(columns.code)))
      return nil
    }
    let yearText = r.fields[columns.year].trimmingWhitespace()
    guard let year = Int(yearText), (1900...2200).contains(year) else {
      problems.append(
        Diagnostic(.error, code: "panel.bad-year", "'\(yearText)' is not a year", at: loc(columns.year),
          hint: "write the year as four digits, e.g. 2023"))
      return nil
    }
    var kön: Kön? = nil
    if let k = columns.kön {
      let cell = r.fields[k].trimmingWhitespace()
      guard let parsed = PanelReadOptions.kön(from: cell) else {
        problems.append(
          Diagnostic(.error, code: "panel.bad-kon", "'\(cell)' is not a kön", at: loc(k),
            hint: "write kvinna, man or total (also: kvinnor/män, flickor/pojkar, k/m, 2/1)"))
        return nil
      }
      kön = parsed
    }
    let (n, okN) = count(r.fields[columns.numerator], at: loc(columns.numerator), doc, &problems)
    let (d, okD) = count(r.fields[columns.denominator], at: loc(columns.denominator), doc, &problems)
    guard okN && okD else { return nil }
    if let n, let d, n > d {
      problems.append(
        Diagnostic(.error, code: "panel.numerator-above-denominator",
          "\(doc.header[columns.numerator]) (\(DecimalFormatting.shortest(n))) is greater than \(doc.header[columns.denominator]) (\(DecimalFormatting.shortest(d)))",
          at: loc(columns.numerator), hint: "check that the two columns are not swapped"))
      return nil
    }
    let name = columns.name.map { r.fields[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    return Observation(code: code, name: name, year: year, kön: kön, numerator: n, denominator: d)
  }

  /// A count cell: a whole number ≥ 0, or missing (a warning, the year
  /// becomes a gap).
  ///
  /// - Returns: The count (`nil` when missing or bad) and whether the cell
  ///   is usable (`false` when it is bad).
  private static func count(
    _ raw: String, at location: SourceLocation, _ doc: CSVDocument, _ problems: inout [Diagnostic]
  ) -> (Double?, Bool) {
    let cell = raw.trimmingWhitespace()
    if cell.isEmpty || doc.missingMarkers.contains(cell) {
      problems.append(
        Diagnostic(.warning, code: "panel.missing-value",
          (cell.isEmpty ? "missing value (empty cell)" : "missing value '\(cell)'") + "; the year is shown as a gap",
          at: location))
      return (nil, true)
    }
    guard let v = doc.number(cell), v >= 0, v == v.rounded(), v < 9e15 else {
      problems.append(
        Diagnostic(.error, code: "panel.bad-count", "'\(cell)' is not a count", at: location,
          hint: "counts are whole numbers ≥ 0; write missing values as .."))
      return (nil, false)
    }
    return (v, true)
  }
}
