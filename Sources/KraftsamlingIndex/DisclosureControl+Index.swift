import KraftsamlingCore

extension DisclosureControl {
  /// Whether the rate of an index cell must be hidden: the cell has a rate
  /// (it would be shown) and its denominator is below
  /// ``minimumDenominator``.
  ///
  /// ```swift
  /// let dc = DisclosureControl()   // minimum denominator 10
  /// // a cell with rate 0.25 over 8 people → true; over 12 people → false
  /// ```
  ///
  /// - Parameter cell: A cell of an ``IndexResult/AreaRow``.
  /// - Returns: `true` when the rate is shown as the marker.
  /// - Complexity: O(1).
  package func suppresses(_ cell: IndexResult.IndicatorCell) -> Bool {
    guard cell.rate != nil, let d = cell.denominator else { return false }
    return suppresses(rateWithDenominator: d)
  }
}

extension IndexResult {
  /// The result with every rate that disclosure control hides marked
  /// ``CellFlags/suppressed``, so that the areas concerned carry the flag
  /// `suppressed:<indicator>` in ``AreaRow/flags``.
  ///
  /// Only what is *shown* changes: scores, ranks and every number the
  /// computation used stay as they are (an area's score rests on several
  /// indicators and is not a count). Renderers show a suppressed rate as
  /// the control's ``DisclosureControl/marker`` and hide its denominator
  /// when it is a count below ``DisclosureControl/minimumCount``. A plain
  /// `value` indicator has no denominator and is never suppressed; express
  /// a count of people as a rate to have it controlled.
  ///
  /// ```swift
  /// let shown = try IndexDefinition.stadskontoret2025.run(on: table).disclosed(by: DisclosureControl())
  /// shown.rows.filter(\.isDisclosureControlled).map(\.code)   // areas with a rate over fewer than 10 people
  /// ```
  ///
  /// - Parameter control: The rules (default: counts below 5, denominators below 10).
  /// - Returns: A copy with the flags set (and any earlier ``CellFlags/suppressed`` flags cleared).
  /// - Complexity: O(*n*·*m*) for *n* areas and *m* indicators.
  public func disclosed(by control: DisclosureControl = DisclosureControl()) -> IndexResult {
    var copy = self
    for j in indicatorIDs.indices {
      for row in codes.indices {
        copy.cellFlags[j][row].remove(.suppressed)
        guard let d = denominator(j, row: row), rate(j, row: row) != nil else { continue }
        if control.suppresses(rateWithDenominator: d) { copy.cellFlags[j][row].insert(.suppressed) }
      }
    }
    return copy
  }
}

extension IndexResult.AreaRow {
  /// Whether disclosure control hides at least one of the area's rates
  /// (see ``IndexResult/disclosed(by:)``).
  package var isDisclosureControlled: Bool { indicators.contains { $0.flags.contains(.suppressed) } }
}
