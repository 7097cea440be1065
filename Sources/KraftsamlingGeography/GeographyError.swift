import KraftsamlingCore
import KraftsamlingIndex

/// The domain of the geography stage's errors.
public enum GeographyDomain: StageErrorDomain {}

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
public typealias GeographyError = StageError<GeographyDomain>

extension StageError.Code where Domain == GeographyDomain {
  /// An area code that the layer or graph does not contain.
  package static let unknownArea = Self(rawValue: "geography.unknown-area")
  /// A selection that selects nothing.
  package static let emptySelection = Self(rawValue: "geography.empty-selection")
  /// `top(k)` with *k* larger than the number of scored areas, or *k* < 1.
  package static let selectionTooLarge = Self(rawValue: "geography.selection-too-large")
  /// The same area code twice in a layer or graph.
  package static let duplicateArea = Self(rawValue: "geography.duplicate-area")
  /// A tolerance that is negative or not finite.
  package static let invalidTolerance = Self(rawValue: "geography.invalid-tolerance")
  /// A classification or map asked for with impossible parameters
  /// (no classes, no finite values…).
  package static let invalidParameter = Self(rawValue: "geography.invalid-parameter")
}


extension StageError where Domain == GeographyDomain {
  /// Creates an error about some areas (the first is named in the
  /// diagnostic's field as `area CODE`).
  package init(_ code: Code, _ message: String, areas: [String]) {
    self.init(code, message, at: SourceLocation(field: areas.first.map { "area \($0)" }), subjects: areas.map(ErrorSubject.area))
  }
}
