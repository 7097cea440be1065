extension AreaTable {
  /// A rate indicator over the whole table (e.g. the whole municipality):
  /// Σ numerator / Σ denominator over the areas that have both values and a
  /// positive denominator.
  package struct IndicatorTotal: Sendable, Hashable {
    /// The indicator.
    package var indicator: Indicator
    /// The numerator and denominator columns.
    package var columns: ColumnPair
    /// Σ numerator over the areas counted.
    package var numerator: Double
    /// Σ denominator over the areas counted.
    package var denominator: Double
    /// The areas counted.
    package var areas: Int

    /// The rate as a proportion, or `nil` when no area has data.
    package var rate: Double? { denominator > 0 ? numerator / denominator : nil }
  }

  /// The totals of the rate indicators whose columns the table has, in the
  /// given order (value indicators and indicators with a missing column are
  /// left out).
  ///
  /// - Complexity: O(*n*·*m*) for *n* areas and *m* indicators.
  package func totals(of indicators: [Indicator]) -> [IndicatorTotal] {
    var out: [IndicatorTotal] = []
    for indicator in indicators {
      guard case .rate(let pair) = indicator.measure, let num = column(pair.numerator),
        let den = column(pair.denominator)
      else { continue }
      var total = IndicatorTotal(indicator: indicator, columns: pair, numerator: 0, denominator: 0, areas: 0)
      for i in 0..<count {
        if let a = num[i], let b = den[i], b > 0 {
          total.numerator += a
          total.denominator += b
          total.areas += 1
        }
      }
      out.append(total)
    }
    return out
  }

  /// The totals as a table (the report's `tabeller/indikatorer.csv`):
  /// `indicator,name,numerator,denominator,rate,areas` — the id, the name,
  /// the numerator and denominator *columns*, the rate over the whole table
  /// as a proportion (empty when no area has data) and the number of areas
  /// counted.
  ///
  /// - Parameters:
  ///   - indicators: The indicators, e.g. an index definition's.
  ///   - numbers: Exact for CSV, rounded to 3 decimals for reading.
  package func indicatorTable(_ indicators: [Indicator], numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["indicator", "name", "numerator", "denominator", "rate", "areas"],
      alignments: [.left, .left, .left, .left, .right, .right])
    t.kinds[4] = .percent(places: 1)
    t.kinds[5] = .integer
    for total in totals(of: indicators) {
      t.append([
        total.indicator.id, total.indicator.name, total.columns.numerator, total.columns.denominator,
        numbers.format(total.rate, places: 3), String(total.areas),
      ])
    }
    return t
  }
}
