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
  public var numerator: String
  /// The denominator column.
  public var denominator: String
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
    let headerLoc = SourceLocation(file: doc.source, line: 1)
    func column(_ wanted: String?, candidates: [String], role: String, required: Bool) throws(DataError) -> Int? {
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
    let codeIndex = try column(options.codeColumn, candidates: AreaTableReadOptions.idColumnCandidates, role: "area code", required: true)!
    let yearIndex = try column(options.yearColumn, candidates: PanelReadOptions.yearColumnCandidates, role: "year", required: true)!
    let numIndex = try column(options.numerator, candidates: [], role: "numerator", required: true)!
    let denIndex = try column(options.denominator, candidates: [], role: "denominator", required: true)!
    let könIndex = try column(options.könColumn, candidates: PanelReadOptions.könColumnCandidates, role: "kön", required: false)
    var nameIndex = try column(options.nameColumn, candidates: ["namn", "name"], role: "area name", required: false)
    if nameIndex == codeIndex { nameIndex = nil }

    var observations: [Observation] = []
    var firstLine: [String: Int] = [:]
    for r in doc.records {
      func loc(_ c: Int) -> SourceLocation { SourceLocation(file: doc.source, line: r.line, column: c + 1, field: doc.header[c]) }
      let code = r.fields[codeIndex].trimmingWhitespace()
      if code.isEmpty {
        problems.append(Diagnostic(.error, code: "panel.empty-code", "the area code is empty", at: loc(codeIndex)))
        continue
      }
      let yearText = r.fields[yearIndex].trimmingWhitespace()
      guard let year = Int(yearText), (1900...2200).contains(year) else {
        problems.append(
          Diagnostic(.error, code: "panel.bad-year", "'\(yearText)' is not a year", at: loc(yearIndex),
            hint: "write the year as four digits, e.g. 2023"))
        continue
      }
      var kön: Kön? = nil
      if let k = könIndex {
        let cell = r.fields[k].trimmingWhitespace()
        guard let parsed = PanelReadOptions.kön(from: cell) else {
          problems.append(
            Diagnostic(.error, code: "panel.bad-kon", "'\(cell)' is not a kön", at: loc(k),
              hint: "write kvinna, man or total (also: kvinnor/män, flickor/pojkar, k/m, 2/1)"))
          continue
        }
        kön = parsed
      }
      func count(_ c: Int) -> (Double?, Bool) {
        let cell = r.fields[c].trimmingWhitespace()
        if cell.isEmpty || doc.missingMarkers.contains(cell) {
          problems.append(
            Diagnostic(.warning, code: "panel.missing-value",
              (cell.isEmpty ? "missing value (empty cell)" : "missing value '\(cell)'") + "; the year is shown as a gap",
              at: loc(c)))
          return (nil, true)
        }
        guard let v = doc.number(cell), v >= 0, v == v.rounded(), v < 9e15 else {
          problems.append(
            Diagnostic(.error, code: "panel.bad-count", "'\(cell)' is not a count", at: loc(c),
              hint: "counts are whole numbers ≥ 0; write missing values as .."))
          return (nil, false)
        }
        return (v, true)
      }
      let (n, okN) = count(numIndex)
      let (d, okD) = count(denIndex)
      guard okN && okD else { continue }
      if let n, let d, n > d {
        problems.append(
          Diagnostic(.error, code: "panel.numerator-above-denominator",
            "\(doc.header[numIndex]) (\(DecimalFormatting.shortest(n))) is greater than \(doc.header[denIndex]) (\(DecimalFormatting.shortest(d)))",
            at: loc(numIndex), hint: "check that the two columns are not swapped"))
        continue
      }
      let key = "\(code)\u{1}\(year)\u{1}\(kön?.rawValue ?? "")"
      if let first = firstLine[key] {
        problems.append(
          Diagnostic(.error, code: "panel.duplicate",
            "area \(code), year \(year)\(kön.map { ", \($0.rawValue)" } ?? "") appears again (first on line \(first))",
            at: loc(codeIndex), hint: "give each area, year and kön one row"))
        continue
      }
      firstLine[key] = r.line
      let name = nameIndex.map { r.fields[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
      observations.append(Observation(code: code, name: name, year: year, kön: kön, numerator: n, denominator: d))
    }
    if observations.isEmpty && !problems.containsErrors {
      problems.append(Diagnostic(.error, code: "panel.empty", "the file has no data rows", at: headerLoc))
    }
    if problems.containsErrors { throw DataError(diagnostics: problems.sortedForReport()) }
    return (IndicatorPanel(observations: observations), problems)
  }
}
