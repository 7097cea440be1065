import KraftsamlingCore
import KraftsamlingIndex

/// How much would the selected areas improve anyway? The frozen selection
/// rule (an index definition and N) applied to earlier years of the data, as
/// if the programme had started then, and the outcome change of those
/// untreated "selected" areas over the following years: the improvement
/// regression to the mean alone brings, with its spread over placebo years.
///
/// For each placebo year s with an indicator table and outcome data in s
/// and s + h, the top N areas of the definition run on that year's table
/// form the placebo selection; its change is that of its aggregate rate
/// (numerators and denominators summed) from s to s + h, the rest of the
/// panel's change is computed the same way, and their difference is what a
/// naive before/after comparison would have called an effect.
///
/// ```swift
/// let placebo = try PlaceboSelections(
///   definition: .stadskontoret2025, tables: tablesByYear, top: 12, panel: uvas, horizon: 3)
/// placebo.meanDifference        // e.g. −0.011: selected areas fell 1.1 pp more than the rest, untreated
/// placebo.standardDeviation     // its spread over the placebo years
/// ```
///
/// - Complexity: one index run per placebo year, plus O(*a*) per year for the changes.
public struct PlaceboSelections: Sendable, Hashable, Codable {
  /// The definition's label (id and version).
  package let definition: String
  /// N, the number of areas selected.
  package let selected: Int
  /// The years from selection to measurement.
  package let horizon: Int
  /// One row per placebo year, in year order.
  public let years: [PlaceboYear]
  /// The mean over placebo years of the selected-minus-rest change.
  public let meanDifference: Double
  /// The sample standard deviation (n − 1) of that difference over placebo years (NaN for one year).
  public let standardDeviation: Double

  /// One placebo selection.
  public struct PlaceboYear: Sendable, Hashable, Codable {
    /// The year the rule was applied to.
    public let year: Int
    /// The areas it selected.
    package let areas: [String]
    /// The selected areas' aggregate rate change from `year` to `year + horizon`.
    public let selectedChange: Double
    /// The rest of the panel's aggregate rate change over the same years.
    public let restChange: Double
    /// `selectedChange − restChange`.
    package var difference: Double { selectedChange - restChange }
  }

  /// Applies the rule to every year of `tables` whose outcome is in the panel then and `horizon` years later.
  ///
  /// - Parameters:
  ///   - definition: The frozen index definition.
  ///   - tables: The indicator table of each earlier year.
  ///   - n: The number of areas the rule selects.
  ///   - panel: The outcome panel.
  ///   - horizon: The years from selection to measurement (> 0).
  ///   - hierarchy: The area hierarchy, if the definition needs one.
  /// - Throws: `followup.bad-evaluation` when no year can be used, an index
  ///   run fails (its message is kept), or a selected area lacks outcome data.
  public init(
    definition: IndexDefinition, tables: [Int: AreaTable], top n: Int, panel: IndicatorPanel, horizon: Int,
    hierarchy: AreaHierarchy? = nil
  ) throws(FollowUpError) {
    let usable = tables.keys.sorted().filter { panel.years.contains($0) && panel.years.contains($0 + horizon) }
    guard horizon > 0, n > 0, !usable.isEmpty else {
      throw FollowUpError(
        .badEvaluation, "no year has both an indicator table and outcome data \(horizon) years later",
        context: "tables")
    }
    var rows: [PlaceboYear] = []
    for year in usable {
      let result: IndexResult
      do { result = try definition.run(on: tables[year]!, hierarchy: hierarchy) } catch {
        throw FollowUpError(.badEvaluation, "the index for \(year) failed: \(error)", context: "\(year)")
      }
      let areas = result.top(n).map(\.code)
      rows.append(try Self.placebo(year: year, areas: areas, panel: panel, horizon: horizon))
    }
    self.definition = definition.label
    selected = n
    self.horizon = horizon
    years = rows
    let d = rows.map(\.difference)
    let mean = d.reduce(0, +) / Double(d.count)
    meanDifference = mean
    standardDeviation =
      d.count > 1 ? (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1)).squareRoot() : .nan
  }

  /// The changes of one placebo selection.
  static func placebo(year: Int, areas: [String], panel: IndicatorPanel, horizon: Int) throws(FollowUpError)
    -> PlaceboYear
  {
    let selected = panel.aggregate(codes: areas, id: "placebo", name: "placebo", level: .cluster)
    let rest = panel.rest(excluding: areas, id: "rest", name: "rest")
    guard let s0 = selected?.point(year: year), let s1 = selected?.point(year: year + horizon),
      s0.missingMembers == 0, s1.missingMembers == 0, let a = s0.value, let b = s1.value,
      let r0 = rest?.value(year: year), let r1 = rest?.value(year: year + horizon)
    else {
      throw FollowUpError(
        .badEvaluation, "the areas selected for \(year) lack outcome data in \(year) or \(year + horizon)",
        context: "\(year)")
    }
    return PlaceboYear(year: year, areas: areas, selectedChange: b - a, restChange: r1 - r0)
  }
}
