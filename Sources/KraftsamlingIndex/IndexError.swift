import KraftsamlingCore

/// The domain of the composite-index stage's errors.
public enum IndexDomain: StageErrorDomain {}

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
public typealias IndexError = StageError<IndexDomain>

extension StageError.Code where Domain == IndexDomain {
  /// A column the definition reads is not in the table.
  package static let unknownColumn = Self(rawValue: "index.unknown-column")
  /// A weight is zero, negative or not finite.
  package static let invalidWeight = Self(rawValue: "index.invalid-weight")
  /// The weights given do not match the indicators (count or ids).
  package static let weightsMismatch = Self(rawValue: "index.weights-mismatch")
  /// An aggregation got values outside its domain (e.g. a geometric mean
  /// over zero or negative values).
  package static let nonPositiveValues = Self(rawValue: "index.nonpositive-values")
  /// The table has no areas, or no area has enough data to be ranked.
  package static let emptyData = Self(rawValue: "index.empty-data")
  /// The definition has no indicators.
  package static let noIndicators = Self(rawValue: "index.no-indicators")
  /// Two indicators (or dimensions) share an id.
  package static let duplicateID = Self(rawValue: "index.duplicate-id")
  /// An indicator names a dimension the definition does not declare.
  package static let unknownDimension = Self(rawValue: "index.unknown-dimension")
  /// An indicator id (e.g. in a weight override) is not in the definition.
  package static let unknownIndicator = Self(rawValue: "index.unknown-indicator")
  /// A normalisation or aggregation method name is not known.
  package static let unknownMethod = Self(rawValue: "index.unknown-method")
  /// A parameter of a method or policy is out of range.
  package static let invalidParameter = Self(rawValue: "index.invalid-parameter")
  /// A policy works within parent areas but no hierarchy with that level was given.
  package static let missingHierarchy = Self(rawValue: "index.missing-hierarchy")
  /// A built-in definition name is not known.
  package static let unknownDefinition = Self(rawValue: "index.unknown-definition")
  /// A JSON definition is malformed or of an unsupported format version.
  package static let invalidDefinition = Self(rawValue: "index.invalid-definition")
  /// Two results cannot be compared (no area in common).
  package static let incomparable = Self(rawValue: "index.incomparable")
}


extension StageError where Domain == IndexDomain {
  /// Creates an index error naming what it concerns.
  ///
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What is wrong.
  ///   - hint: How to fix it.
  ///   - indicator: The indicator id concerned.
  ///   - column: The table column concerned (the diagnostic's field unless
  ///     `location` names one).
  ///   - area: The area code concerned.
  ///   - location: Where in a definition file.
  package init(
    _ code: Code, _ message: String, hint: String? = nil, indicator: String? = nil, column: String? = nil,
    area: String? = nil, location: SourceLocation = SourceLocation()
  ) {
    var place = location
    if place.field == nil { place.field = column }
    let subjects: [ErrorSubject] = [indicator.map(ErrorSubject.indicator), area.map(ErrorSubject.area)].compactMap { $0 }
    self.init(code, message, hint: hint, at: place, subjects: subjects)
  }
}
