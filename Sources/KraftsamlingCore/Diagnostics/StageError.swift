/// The one error design of KraftsamlingKit: what went wrong in a stage, with
/// a stable code, a message, a hint and where.
///
/// Every stage throws a `StageError` specialised by a marker for its domain,
/// named by a type alias: ``MoneyError``, `IndexError`, `RobustnessError`,
/// `GeographyError`, `SpatialStatisticsError`, `InsatsError`,
/// `AllocationError`, `FollowUpError`, ``OutputError``. The domain keeps the
/// codes apart (`IndexError.Code.unknownColumn` cannot be thrown as an
/// allocation error) and lets functions declare typed `throws`, while the
/// fields, the diagnostics and the description are written once, here.
/// Readers of files throw ``DataError`` instead: one error carrying every
/// located problem of a file.
///
/// A check that finds several problems throws the first with the others in
/// ``related``; ``diagnostics`` lists them all.
///
/// ```swift
/// do { _ = try Belopp(parsing: "fyra") }
/// catch { print(error.code, error.diagnostics[0].message) }   // money.invalid-format 'fyra' is not an amount; …
/// ```
///
/// New codes can be added without breaking clients: ``Code`` is a struct
/// wrapping a string, not an enum.
public struct StageError<Domain: StageErrorDomain>: DiagnosticError, Hashable {
  /// The kind of problem, as a stable machine-readable string such as
  /// `index.unknown-column`. Each stage declares its codes as static
  /// members in an extension constrained to its domain.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text.
    public var rawValue: String
    /// Creates a code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text.
    public var description: String { rawValue }
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong, in one sentence.
  package var message: String
  /// How to fix it, when there is something useful to say.
  package var hint: String?
  /// Where: the file, line and column of a problem in a file, and the field
  /// (a column, a JSON path, an option, an area) it concerns.
  package var location: SourceLocation
  /// The areas, indicators, insatser … the problem is about, in order.
  package var subjects: [ErrorSubject]
  /// Further problems found by the same check, in the order found.
  package var related: [StageError]
  /// The problems of an earlier stage this error passes on (e.g. a bad
  /// index definition met by the robustness analysis); when present they
  /// are what ``diagnostics`` reports.
  package var causes: [Diagnostic]

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong, in one sentence.
  ///   - hint: How to fix it.
  ///   - location: Where the problem is.
  ///   - subjects: What the problem is about.
  package init(
    _ code: Code, _ message: String, hint: String? = nil, at location: SourceLocation = SourceLocation(),
    subjects: [ErrorSubject] = []
  ) {
    self.code = code
    self.message = message
    self.hint = hint
    self.location = location
    self.subjects = subjects
    self.related = []
    self.causes = []
  }

  /// Every problem: this one followed by ``related`` (flattened).
  package var all: [StageError] {
    var first = self
    first.related = []
    return [first] + related.flatMap(\.all)
  }

  /// One error from a list of problems (the first, with the rest as
  /// ``related``), or nil for an empty list.
  package static func combining(_ problems: [StageError]) -> StageError? {
    guard var first = problems.first else { return nil }
    first.related += problems.dropFirst()
    return first
  }

  /// Every problem as a located diagnostic of severity error.
  public var diagnostics: [Diagnostic] {
    if !causes.isEmpty { return causes }
    return all.map { Diagnostic(.error, code: DiagnosticCode(rawValue: $0.code.rawValue), $0.message, at: $0.location, hint: $0.hint) }
  }

  /// One line per problem: `LOCATION: MESSAGE (hint: HINT)`.
  public var description: String {
    diagnostics.map(\.locatedMessage).joined(separator: "\n")
  }
}

/// A marker for a stage's errors: each stage declares an uninhabited enum
/// conforming to it and names `StageError<ThatEnum>` with a type alias.
public protocol StageErrorDomain: Sendable {}

/// What an error is about: an area, an indicator, an insats, … by its id.
package enum ErrorSubject: Sendable, Hashable, CustomStringConvertible {
  /// An area, by code.
  case area(String)
  /// An indicator, by id.
  case indicator(String)
  /// An insats, by id.
  case insats(String)

  /// The id.
  package var id: String {
    switch self {
    case .area(let s), .indicator(let s), .insats(let s): s
    }
  }

  /// `area 12345`, `indicator x`, `insats EX-1`.
  package var description: String {
    switch self {
    case .area(let s): "area \(s)"
    case .indicator(let s): "indicator \(s)"
    case .insats(let s): "insats \(s)"
    }
  }
}

extension StageError {
  /// The first area the problem is about.
  package var area: String? { subjects.lazy.compactMap { if case .area(let a) = $0 { a } else { nil } }.first }
  /// Every area the problem is about.
  package var areas: [String] { subjects.compactMap { if case .area(let a) = $0 { a } else { nil } } }
  /// The first indicator the problem is about.
  package var indicator: String? { subjects.lazy.compactMap { if case .indicator(let a) = $0 { a } else { nil } }.first }
  /// The first insats the problem is about.
  package var insatsID: String? { subjects.lazy.compactMap { if case .insats(let a) = $0 { a } else { nil } }.first }
}
