import KraftsamlingCore

/// A problem with the numbers of a participatory weighting method (an AHP
/// matrix, experts' points), by position, so that a reader of a file can
/// point at the line and field it came from.
package struct WeightingInputProblem: Sendable, Hashable {
  /// The 0-based row (expert, or the first item of a comparison).
  package var row: Int
  /// The 0-based column (item), or `nil` for the row as a whole.
  package var column: Int?
  /// What is wrong.
  package var message: String
  /// How to fix it.
  package var hint: String?

  /// A problem at `row` (and `column`).
  package init(row: Int, column: Int?, message: String, hint: String? = nil) {
    self.row = row
    self.column = column
    self.message = message
    self.hint = hint
  }

  /// The problem as an index error, located at `field` (e.g. `matrix[1][2]`).
  package var error: IndexError {
    let field = "[\(row)]" + (column.map { "[\($0)]" } ?? "")
    return IndexError(.invalidParameter, message, hint: hint, location: SourceLocation(field: field))
  }
}

extension StageError.Code where Domain == IndexDomain {
  /// An AHP matrix is too inconsistent (consistency ratio above 0.1) and was not forced.
  package static let inconsistentComparisons = Self(rawValue: "index.inconsistent-comparisons")
}
