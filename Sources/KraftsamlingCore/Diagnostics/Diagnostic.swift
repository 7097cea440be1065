/// Where in an input a problem was found: file, line, column and field.
///
/// Every reader in KraftsamlingKit attaches a location to each problem it
/// reports, so that a user can go straight to the offending cell.
///
/// ```swift
/// let here = SourceLocation(file: "statistik.csv", line: 12, field: "barn_0_18")
/// print(here)   // statistik.csv:12 (field barn_0_18)
/// ```
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file name or a description of the source such as `<stdin>`.
  public package(set) var file: String?
  /// The 1-based line number.
  public package(set) var line: Int?
  /// The 1-based column: a character column for text formats, a field
  /// number for CSV.
  public package(set) var column: Int?
  /// The field: a CSV column name, a JSON path such as
  /// `insatser[2].budget[0].belopp`, or a property name.
  public package(set) var field: String?

  /// Creates a location; every part is optional.
  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
  }

  /// `FILE:LINE:COLUMN`, leaving out the parts that are unknown, followed by
  /// the field in parentheses when there is one.
  public var description: String {
    var parts: [String] = []
    if let file { parts.append(file) }
    if let line {
      parts.append(String(line))
      if let column { parts.append(String(column)) }
    }
    var text = parts.joined(separator: ":")
    if let field {
      text += text.isEmpty ? field : " (field \(field))"
    }
    return text
  }

  /// The same location with a field name added.
  package func with(field: String) -> SourceLocation {
    var copy = self
    copy.field = field
    return copy
  }
}

/// A stable, machine-readable identifier of a kind of problem.
///
/// New codes can be added without breaking clients: this is a struct
/// wrapping a string, not an enum.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The code's text, e.g. `csv.ragged-row`.
  public var rawValue: String
  /// Creates a code from its text.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a code from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// The code's text.
  public var description: String { rawValue }
}

/// One problem (or remark) found in an input, with its location and a hint
/// on how to fix it.
///
/// Readers and validators collect *all* diagnostics instead of stopping at
/// the first, so that a user can fix a file in one pass.
///
/// ```swift
/// let d = Diagnostic(.error, code: "csv.non-numeric",
///                    "cell is not a number: 'tolv'",
///                    at: SourceLocation(file: "a.csv", line: 3, field: "barn_0_18"),
///                    hint: "write numbers with digits, e.g. 12")
/// print(d)  // a.csv:3 (field barn_0_18): error: cell is not a number: 'tolv' (hint: write numbers with digits, e.g. 12)
/// ```
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// A remark, e.g. which encoding was detected.
    case note
    /// Something the user should look at that does not stop the work,
    /// e.g. a missing value (`..`).
    case warning
    /// The input cannot be used as it is.
    case error

    private var order: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    /// Orders note < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
  }

  /// How serious the problem is.
  public package(set) var severity: Severity
  /// A stable code for the kind of problem.
  public var code: DiagnosticCode
  /// What is wrong, in one sentence.
  public var message: String
  /// Where it is.
  public package(set) var location: SourceLocation
  /// How to fix it, when there is something useful to say.
  public var hint: String?

  /// Creates a diagnostic.
  package init(
    _ severity: Severity, code: DiagnosticCode, _ message: String,
    at location: SourceLocation = SourceLocation(), hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.hint = hint
  }

  /// `LOCATION: SEVERITY: MESSAGE (hint: HINT)`.
  public var description: String {
    let place = location.description
    var text = place.isEmpty ? "" : place + ": "
    text += "\(severity.rawValue): \(message)"
    if let hint { text += " (hint: \(hint))" }
    return text
  }

  /// The location and message without the severity, as `kraftctl` prints
  /// it after its own `kraftctl: error:` prefix.
  public var locatedMessage: String {
    let place = location.description
    var text = place.isEmpty ? message : place + ": " + message
    if let hint { text += " (hint: \(hint))" }
    return text
  }
}

extension Array where Element == Diagnostic {
  /// The diagnostics of severity `.error`.
  public var errors: [Diagnostic] { filter { $0.severity == .error } }
  /// The diagnostics of severity `.warning`.
  public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
  /// Whether any diagnostic is an error.
  package var containsErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics without exact repetitions (same severity, code,
  /// message, location and hint), the first of each kept, in order.
  ///
  /// - Complexity: O(*n*).
  package func removingDuplicates() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return filter { seen.insert($0).inserted }
  }
}

/// The error thrown by every reader and validator of input data.
///
/// It carries *all* the problems found (at least one of severity
/// `.error`) and says whether the input could not be read at all
/// (`.unreadable`: a missing file, a permission problem) or was read but is
/// not valid (`.invalid`). `kraftctl` maps these to exit codes 66 and 65.
public struct DataError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Why the input cannot be used.
  package enum Kind: String, Sendable, Hashable, Codable {
    /// The input was read but its content is wrong.
    case invalid
    /// The input could not be opened or read.
    case unreadable
  }

  /// Why the input cannot be used.
  package var kind: Kind
  /// Every problem found, errors first, in input order within a severity.
  public var diagnostics: [Diagnostic]

  /// Creates an error from the diagnostics found.
  package init(_ kind: Kind = .invalid, diagnostics: [Diagnostic]) {
    self.kind = kind
    self.diagnostics = diagnostics
  }

  /// Creates an error with one diagnostic.
  package init(
    _ kind: Kind = .invalid, code: DiagnosticCode, _ message: String,
    at location: SourceLocation = SourceLocation(), hint: String? = nil
  ) {
    self.init(kind, diagnostics: [Diagnostic(.error, code: code, message, at: location, hint: hint)])
  }

  /// One line per diagnostic.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}

/// An error that can describe itself as located diagnostics.
///
/// Every stage's error type (``DataError``, ``MoneyError`` and the errors
/// of the index, geography, eligibility and allocation stages) conforms,
/// so that a tool such as `kraftctl` can print any of them the same way
/// and map them to exit codes in one place.
package protocol DiagnosticError: Error, Sendable, CustomStringConvertible {
  /// The problems, each with location and hint.
  var diagnostics: [Diagnostic] { get }
  /// Whether the input could not be read at all (a missing or unreadable
  /// file) rather than read and found invalid.
  var isUnreadable: Bool { get }
}

extension DiagnosticError {
  /// By default an error is about invalid content, not an unreadable file.
  package var isUnreadable: Bool { false }
}

extension DataError: DiagnosticError {
  /// Whether the input could not be read at all.
  package var isUnreadable: Bool { kind == .unreadable }
}
