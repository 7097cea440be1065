import KraftsamlingCore

extension IndexResult {
  /// One area of a result, with its indicators: the view reports and
  /// `kraftctl index` print.
  ///
  /// ```swift
  /// let top = result.ranked[0]
  /// top.flags            // e.g. ["small-denominator:ej_behoriga_yrkesprogram_ak9"]
  /// top.indicators[1].contribution
  /// ```
  public struct AreaRow: Sendable, Hashable, Codable {
    /// The table row.
    public package(set) var row: Int
    /// The area code.
    public package(set) var code: String
    /// The area name (the code when the table has none).
    public package(set) var name: String
    /// The score, `nil` when not ranked.
    public package(set) var score: Double?
    /// The rank, 1 = most vulnerable.
    public package(set) var rank: Int?
    /// The decile, 1 = most vulnerable tenth.
    public package(set) var decile: Int?
    /// The class, when the definition classifies.
    public package(set) var `class`: Int?
    /// Why the area is not ranked.
    public package(set) var exclusion: Exclusion?
    /// The area's indicators, in definition order.
    public package(set) var indicators: [IndicatorCell]

    /// Flag tokens: `excluded:<reason>` first, then `<flag>:<indicator>` for
    /// every flagged cell (`missing`, `small-denominator`, `shrunk`,
    /// `imputed`, `winsorised`, `suppressed`), in indicator order.
    package var flags: [String] {
      var t: [String] = []
      if let exclusion { t.append(exclusion.token) }
      for c in indicators { for f in c.flags.tokens { t.append("\(f):\(c.id)") } }
      return t
    }
  }

  /// One indicator of one area.
  public struct IndicatorCell: Sendable, Hashable, Codable {
    /// The indicator id.
    public package(set) var id: String
    /// The observed rate (a proportion) or plain value.
    public package(set) var rate: Double?
    /// The denominator of a rate.
    package var denominator: Double?
    /// The value entering normalisation (after imputation and treatment).
    public package(set) var value: Double?
    /// The normalised value (higher = worse).
    public package(set) var normalized: Double?
    /// The contribution to the score.
    package var contribution: Double?
    /// The cell's flags.
    public package(set) var flags: CellFlags
  }

  /// The view of one table row.
  ///
  /// ```swift
  /// let row = result.areaRow(0)
  /// row.indicators.map(\.contribution)   // each indicator's share of the score
  /// ```
  ///
  /// - Parameter row: A table row (0-based).
  /// - Returns: The area with its indicators.
  /// - Complexity: O(*m*) for *m* indicators.
  package func areaRow(_ row: Int) -> AreaRow {
    AreaRow(
      row: row, code: codes[row], name: names[row] ?? codes[row], score: scores[row], rank: ranks[row],
      decile: deciles[row], class: classes[row], exclusion: exclusions[row],
      indicators: indicatorIDs.indices.map { j in
        IndicatorCell(
          id: indicatorIDs[j], rate: rate(j, row: row), denominator: denominator(j, row: row), value: value(j, row: row),
          normalized: normalizedValue(j, row: row), contribution: contribution(j, row: row), flags: cellFlags[j][row])
      })
  }

  /// The ranked areas, most vulnerable first (ties in table order).
  public var ranked: [AreaRow] { order.prefix(rankedCount).map(areaRow) }

  /// The areas not ranked, in table order, each with its ``Exclusion``.
  public var excluded: [AreaRow] { order.dropFirst(rankedCount).map(areaRow) }

  /// Every area: the ranked ones in rank order, then the excluded ones.
  public var rows: [AreaRow] { order.map(areaRow) }

  /// The areas ranked `k` or better (ties at *k* included, so there may be
  /// more than *k*), most vulnerable first.
  ///
  /// ```swift
  /// try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik).top(13).count   // 13
  /// ```
  ///
  /// - Parameter k: The last rank included.
  /// - Complexity: O(*n*·*m*) for *n* areas and *m* indicators.
  public func top(_ k: Int) -> [AreaRow] {
    order.prefix(rankedCount).filter { (ranks[$0] ?? .max) <= k }.map(areaRow)
  }

  /// The view of an area by code, or `nil`.
  ///
  /// ```swift
  /// result.area(code: "25611")?.rank   // Holma's rank
  /// ```
  ///
  /// - Complexity: O(*n*) to find the code.
  public func area(code: String) -> AreaRow? { row(ofCode: code).map(areaRow) }
}
