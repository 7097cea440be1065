import KraftsamlingCore

/// The error of the composite-index stage: a definition that does not fit
/// the data, a bad weight, an aggregation the values do not allow, or data
/// too thin to rank.
///
/// Each error says what is wrong *and* how to fix it, and names the
/// indicator, column, area or JSON location involved. Validation collects
/// every problem it can find: the first is the error itself, the rest are in
/// ``related``. It conforms to ``DiagnosticError``, so `kraftctl` prints it
/// like any data problem and exits with status 65.
///
/// ```swift
/// do {
///   _ = try IndexDefinition.stadskontoret2025.run(on: AreaTable(codes: []))
/// } catch {
///   error.code      // IndexError.Code.emptyData
///   error.message   // "the table has no areas"
/// }
/// ```
///
/// New codes can be added without breaking clients: ``Code`` is a struct
/// wrapping a string, not an enum.
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of problem, as a stable machine-readable string.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text, e.g. `index.unknown-column`.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }

    /// A column the definition reads is not in the table.
    public static let unknownColumn = Code(rawValue: "index.unknown-column")
    /// A weight is zero, negative or not finite.
    public static let invalidWeight = Code(rawValue: "index.invalid-weight")
    /// The weights given do not match the indicators (count or ids).
    public static let weightsMismatch = Code(rawValue: "index.weights-mismatch")
    /// An aggregation got values outside its domain (e.g. a geometric mean
    /// over zero or negative values).
    public static let nonPositiveValues = Code(rawValue: "index.nonpositive-values")
    /// The table has no areas, or no area has enough data to be ranked.
    public static let emptyData = Code(rawValue: "index.empty-data")
    /// The definition has no indicators.
    public static let noIndicators = Code(rawValue: "index.no-indicators")
    /// Two indicators (or dimensions) share an id.
    public static let duplicateID = Code(rawValue: "index.duplicate-id")
    /// An indicator names a dimension the definition does not declare.
    public static let unknownDimension = Code(rawValue: "index.unknown-dimension")
    /// An indicator id (e.g. in a weight override) is not in the definition.
    public static let unknownIndicator = Code(rawValue: "index.unknown-indicator")
    /// A normalisation or aggregation method name is not known.
    public static let unknownMethod = Code(rawValue: "index.unknown-method")
    /// A parameter of a method or policy is out of range.
    public static let invalidParameter = Code(rawValue: "index.invalid-parameter")
    /// A policy works within parent areas but no hierarchy with that level was given.
    public static let missingHierarchy = Code(rawValue: "index.missing-hierarchy")
    /// A built-in definition name is not known.
    public static let unknownDefinition = Code(rawValue: "index.unknown-definition")
    /// A JSON definition is malformed or of an unsupported format version.
    public static let invalidDefinition = Code(rawValue: "index.invalid-definition")
    /// Two results cannot be compared (no area in common).
    public static let incomparable = Code(rawValue: "index.incomparable")
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong, in one sentence.
  public var message: String
  /// How to fix it.
  public var hint: String?
  /// The indicator concerned, by id.
  public var indicator: String?
  /// The table column concerned.
  public var column: String?
  /// The area concerned, by code.
  public var area: String?
  /// Where in a definition file the problem is (file, line, JSON path).
  public var location: SourceLocation
  /// Further problems found in the same validation, in the order found.
  public var related: [IndexError]

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong.
  ///   - hint: How to fix it.
  ///   - indicator: The indicator id concerned.
  ///   - column: The table column concerned.
  ///   - area: The area code concerned.
  ///   - location: Where in a definition file.
  public init(
    _ code: Code, _ message: String, hint: String? = nil, indicator: String? = nil, column: String? = nil,
    area: String? = nil, location: SourceLocation = SourceLocation()
  ) {
    self.code = code
    self.message = message
    self.hint = hint
    self.indicator = indicator
    self.column = column
    self.area = area
    self.location = location
    self.related = []
  }

  /// Every problem: this one followed by ``related``.
  public var all: [IndexError] {
    var out = [self]
    out[0].related = []
    for r in related { out += r.all }
    return out
  }

  /// Combines a non-empty list of problems into one error.
  static func combining(_ problems: [IndexError]) -> IndexError? {
    guard var first = problems.first else { return nil }
    first.related += problems.dropFirst()
    return first
  }

  /// The message with its hint, one line per problem.
  public var description: String {
    all.map { $0.diagnostic.locatedMessage }.joined(separator: "\n")
  }

  var diagnostic: Diagnostic {
    var where_ = location
    if where_.field == nil { where_.field = column }
    return Diagnostic(.error, code: DiagnosticCode(rawValue: code.rawValue), message, at: where_, hint: hint)
  }
}

extension IndexError: DiagnosticError {
  /// Every problem as a located diagnostic.
  public var diagnostics: [Diagnostic] { all.map(\.diagnostic) }
}
