extension ReportTable {
  /// How a result table writes its numbers. Every stage's result tables
  /// (the index, robustness, hot spots, allocation …) take one, so that a
  /// table has one definition whether it is written as CSV (by `kraftctl`
  /// or into a report's `tabeller/`) or shown as text or Markdown.
  ///
  /// ```swift
  /// ReportTable.Numbers.exact.format(0.1 + 0.2, places: 3)     // "0.30000000000000004"
  /// ReportTable.Numbers.rounded.format(0.1 + 0.2, places: 3)   // "0.300"
  /// ReportTable.Numbers.exact.format(nil, places: 3)           // ""
  /// ```
  package enum Numbers: Sendable, Hashable {
    /// For CSV (and anything read back by a program): the shortest text
    /// that reads back as the same `Double`, with `.` as the decimal point
    /// and no exponent between 1e-6 and 1e15.
    case exact
    /// For text and Markdown tables: rounded half away from zero to the
    /// column's number of decimals.
    case rounded

    /// A number as a cell: empty for none.
    ///
    /// - Parameters:
    ///   - value: The number, or `nil` for none.
    ///   - places: The decimals of ``rounded``; ``exact`` ignores them.
    package func format(_ value: Double?, places: Int) -> String {
      guard let value else { return "" }
      switch self {
      case .exact: return DecimalFormatting.shortest(value)
      case .rounded: return DecimalFormatting.fixed(value, places: places)
      }
    }
  }
}
