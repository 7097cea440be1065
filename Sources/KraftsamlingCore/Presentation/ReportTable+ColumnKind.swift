extension ReportTable {
  /// What a column's cells hold, for writers that keep types: an Excel
  /// workbook writes numbers as numbers with a number format, and CSV in the
  /// Swedish Excel dialect writes a decimal comma only in numeric cells.
  ///
  /// Cells stay text in the table (as CSV writes them with
  /// ``Numbers/exact``); a typed writer parses a numeric column's cell and
  /// writes it as text when it is not a number (`..` for a suppressed rate,
  /// the empty cell for none).
  ///
  /// By default a right-aligned column is ``number(places:)`` without a fixed
  /// number of decimals and a left-aligned column is ``text``; a table's
  /// builder says more where it knows more:
  ///
  /// ```swift
  /// var t = ReportTable(columns: ["forvaltning", "amount"], alignments: [.left, .right])
  /// t.kinds[1] = .kronor
  /// ```
  package enum ColumnKind: Sendable, Hashable, Codable {
    /// Text, written as it is (codes such as `0180` keep their zeros).
    case text
    /// A number; `places` is the number of decimals to show, `nil` for as
    /// many as it has.
    case number(places: Int?)
    /// A whole number, such as a rank or a count of people.
    case integer
    /// A proportion (`0.095`) shown as a percentage with `places` decimals
    /// (`9,5 %`).
    case percent(places: Int)
    /// Whole kronor, shown with grouped thousands and `kr`.
    case kronor

    /// Whether cells of this kind are numbers.
    package var isNumeric: Bool { self != .text }

    /// The default kind for a column with the given alignment.
    package static func `default`(for alignment: Alignment) -> ColumnKind {
      alignment == .right ? .number(places: nil) : .text
    }
  }
}
