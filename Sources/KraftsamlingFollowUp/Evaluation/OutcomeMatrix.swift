import KraftsamlingCore

/// The outcome rates of chosen areas over chosen years, complete, with one
/// population weight per area: the common input of the evaluation methods.
///
/// The weight is the area's mean denominator over the weighting years (for
/// UVAS, its number of 16–29-year-olds), fixed over time so that a
/// group's rate moves only when its members' rates move.
///
/// - Complexity: storage O(a·y).
package struct OutcomeMatrix: Sendable, Hashable {
  /// The area codes, one per row.
  package let codes: [String]
  /// The years, one per column, consecutive.
  package let years: [Int]
  /// The rates, `rates[area][year]`.
  package let rates: [[Double]]
  /// The population weights, one per area, all > 0.
  package let populations: [Double]

  /// Creates a matrix from rates and populations.
  ///
  /// - Precondition: one row of `years.count` rates and one positive
  ///   population per code.
  package init(codes: [String], years: [Int], rates: [[Double]], populations: [Double]) {
    precondition(rates.count == codes.count && populations.count == codes.count, "one row and population per area")
    precondition(rates.allSatisfy { $0.count == years.count }, "one rate per year")
    self.codes = codes
    self.years = years
    self.rates = rates
    self.populations = populations
  }

  /// Reads the rates of `codes` over `years` from a panel, and their mean
  /// denominators over `weightYears` as populations.
  ///
  /// - Throws: `followup.bad-evaluation` naming the first area and year
  ///   that is not in the panel or lacks a value or a positive population.
  package init(panel: IndicatorPanel, codes: [String], years: ClosedRange<Int>, weightYears: ClosedRange<Int>)
    throws(FollowUpError)
  {
    var rates: [[Double]] = []
    var populations: [Double] = []
    for code in codes {
      guard let series = panel.series(code: code) else {
        throw FollowUpError(.badEvaluation, "area \(code) is not in the panel", context: code)
      }
      var row: [Double] = []
      for year in years {
        guard let value = series.value(year: year), value.isFinite else {
          throw FollowUpError(.badEvaluation, "area \(code) has no value for \(year)", context: "\(code) \(year)")
        }
        row.append(value)
      }
      let denominators = weightYears.compactMap { series.point(year: $0)?.denominator }.filter { $0 > 0 }
      guard !denominators.isEmpty else {
        throw FollowUpError(
          .badEvaluation, "area \(code) has no population in \(weightYears.lowerBound)–\(weightYears.upperBound)",
          context: code)
      }
      rates.append(row)
      populations.append(denominators.reduce(0, +) / Double(denominators.count))
    }
    self.init(codes: codes, years: Array(years), rates: rates, populations: populations)
  }

  /// The column of a year, or `nil` when the year is not covered.
  package func column(of year: Int) -> Int? {
    guard let first = years.first, year >= first, year - first < years.count else { return nil }
    return year - first
  }

  /// The population-weighted mean rate of `rows` per year (the rate of
  /// the group as one area).
  package func pooled(_ rows: [Int]) -> [Double] {
    let total = rows.reduce(0) { $0 + populations[$1] }
    return years.indices.map { t in rows.reduce(0) { $0 + populations[$1] * rates[$1][t] } / total }
  }
}
