import KraftsamlingCore
import KraftsamlingIndex

/// The error thrown by the geography stage: contiguity, neighbour graphs,
/// selections and clusters of areas.
///
/// Problems with an *input file* (a neighbour list in CSV, a name that is
/// not known) are reported as ``DataError`` with a located ``Diagnostic``;
/// this type covers the remaining misuses of valid data: an area code that
/// the graph does not have, a `top` count larger than the number of scored
/// areas, a selection that is empty.
///
/// ```swift
/// do {
///   _ = try AreaSelection.top(3, of: ["10101": 1.0])
/// } catch {
///   print(error)   // geography.selection-too-large: asked for the top 3 areas but only 1 has a score …
/// }
/// ```
///
/// New codes may be added in any release: ``Code`` is a struct wrapping a
/// string, not an enum.
public struct GeographyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A stable, machine-readable kind of geography problem.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's text, e.g. `geography.unknown-area`.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An area code that the layer or graph does not contain.
    public static let unknownArea = Code(rawValue: "geography.unknown-area")
    /// A selection that selects nothing.
    public static let emptySelection = Code(rawValue: "geography.empty-selection")
    /// `top(k)` with *k* larger than the number of scored areas, or *k* < 1.
    public static let selectionTooLarge = Code(rawValue: "geography.selection-too-large")
    /// The same area code twice in a layer or graph.
    public static let duplicateArea = Code(rawValue: "geography.duplicate-area")
    /// A tolerance that is negative or not finite.
    public static let invalidTolerance = Code(rawValue: "geography.invalid-tolerance")
    /// A classification or map asked for with impossible parameters
    /// (no classes, no finite values…).
    public static let invalidParameter = Code(rawValue: "geography.invalid-parameter")
    /// The code's text.
    public var description: String { rawValue }
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong and how to fix it.
  public var message: String
  /// The area codes involved, if any.
  public var areas: [String]

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong and how to fix it, in one or two sentences.
  ///   - areas: The area codes involved.
  public init(_ code: Code, _ message: String, areas: [String] = []) {
    self.code = code
    self.message = message
    self.areas = areas
  }

  /// `CODE: MESSAGE`.
  public var description: String { "\(code): \(message)" }
}

extension GeographyError: DiagnosticError {
  /// The error as one diagnostic (the first area code, if any, as the
  /// field).
  public var diagnostics: [Diagnostic] {
    [
      Diagnostic(
        .error, code: DiagnosticCode(rawValue: code.rawValue), message,
        at: SourceLocation(field: areas.first.map { "area \($0)" }))
    ]
  }
}
