import KraftsamlingCore

/// The data check of a statistics table: every problem found in reading it
/// and in validating it against the indicators, each once, errors first.
///
/// It is the one place that decides what is checked and counts the result:
/// `kraftctl validate`, `kraftctl demo`, `kraftctl report` (its "Data and
/// data check" section) and the examples all use it, so they state the same
/// number of errors and warnings for the same data.
///
/// What is checked (``indicators(definition:catalogue:table:)``): the
/// indicators of the index definition, whose columns are required, and
/// every other indicator of the catalogue (such as UVAS) whose columns the
/// table has. With a geometry, the area codes are matched against it.
///
/// ```swift
/// let check = try StatisticsCheck.read(path: "statistik.csv")
/// for d in check.diagnostics { print(d) }  // statistik.csv:12 (field barn_0_18): error: …
/// print(check.summary)                      // 136 areas checked: 1 error(s), 3 warning(s)
/// ```
///
/// A file with a missing column, a cell that is not a number and a repeated
/// area code reports all three in one run: the reader keeps what it can
/// read (``AreaTable/readLeniently(path:dialect:options:limits:)``) and the
/// validator checks that.
public struct StatisticsCheck: Sendable {
  /// The table that was checked: what could be read of the file, or `nil`
  /// when no table could be built from it (then only the reading problems
  /// are reported).
  package var table: AreaTable?
  /// The indicators the table was checked against.
  package var indicators: [Indicator]
  /// Every problem, errors first, then warnings, then notes, each in input
  /// order; no two are equal.
  public package(set) var diagnostics: [Diagnostic]

  /// Checks a table.
  ///
  /// - Parameters:
  ///   - table: The statistics, or `nil` when the file could not be read
  ///     into a table.
  ///   - readDiagnostics: The problems found while reading it (missing
  ///     values such as `..`, cells that are not numbers, …).
  ///   - definition: The index definition the data is for; its indicators'
  ///     columns are required.
  ///   - catalogue: Further indicators, checked when the table has their
  ///     columns.
  ///   - geometry: The areas the codes must match, if any.
  public init(
    table: AreaTable?, readDiagnostics: [Diagnostic] = [], definition: IndexDefinition = .stadskontoret2025,
    catalogue: IndicatorCatalogue = .stadskontoret2025, geometry: AreaLayer? = nil
  ) {
    var indicators: [Indicator] = []
    var found: [Diagnostic] = []
    if let table {
      indicators = Self.indicators(definition: definition, catalogue: catalogue, table: table)
      found = StatisticsValidator(indicators: indicators).validate(table, geometry: geometry)
    }
    self.table = table
    self.indicators = indicators
    self.diagnostics = (readDiagnostics + found).sortedForReport().removingDuplicates()
  }

  /// Reads a statistics file and checks it, reporting every problem of both
  /// at once.
  ///
  /// - Parameters:
  ///   - path: The file (`-` for standard input).
  ///   - dialect: How the CSV is written; detected by default.
  ///   - options: Which columns hold the code and the name.
  ///   - limits: Caps on size, rows and columns.
  ///   - definition: The index definition the data is for.
  ///   - catalogue: Further indicators, checked when the table has their columns.
  ///   - geometry: The areas the codes must match, if any.
  /// - Throws: ``DataError`` `.unreadable` only, when the file cannot be read
  ///   at all; problems in its content are in ``diagnostics``.
  public static func read(
    path: String, dialect: CSVDialect = .auto, options: AreaTableReadOptions = .init(), limits: InputLimits = .standard,
    definition: IndexDefinition = .stadskontoret2025, catalogue: IndicatorCatalogue = .stadskontoret2025,
    geometry: AreaLayer? = nil
  ) throws(DataError) -> StatisticsCheck {
    let (table, read) = try AreaTable.readLeniently(path: path, dialect: dialect, options: options, limits: limits)
    return StatisticsCheck(
      table: table, readDiagnostics: read, definition: definition, catalogue: catalogue, geometry: geometry)
  }

  /// The indicators a table is checked against: those of `definition`
  /// (their columns are required), then those of `catalogue` that the
  /// definition does not use and whose every column the table has (an
  /// indicator the data does not carry is not an error).
  ///
  /// For the bundled statistics and the default definition this is the
  /// four indicators of STK-2024-1374 and UVAS.
  package static func indicators(definition: IndexDefinition, catalogue: IndicatorCatalogue, table: AreaTable) -> [Indicator] {
    let required = definition.indicators.map(\.indicator)
    let ids = Set(required.map(\.id))
    return required + catalogue.all.filter { !ids.contains($0.id) && $0.columns.allSatisfy(table.hasColumn) }
  }

  /// The number of errors.
  package var errorCount: Int { diagnostics.errors.count }
  /// The number of warnings.
  package var warningCount: Int { diagnostics.warnings.count }
  /// Whether any problem is an error (the data cannot be used as it is).
  package var containsErrors: Bool { diagnostics.containsErrors }

  /// `136 areas checked: 0 error(s), 80 warning(s)`; without the areas when
  /// no table could be read.
  public var summary: String {
    let areas = table.map { "\($0.count) areas checked: " } ?? ""
    return "\(areas)\(errorCount) error(s), \(warningCount) warning(s)"
  }
}
