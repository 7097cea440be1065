import KraftsamlingCore

/// An index over several years on one scale: every area's score, rank,
/// decile and selection in each year, and how the ranking moved from one
/// year to the next.
///
/// Made by ``IndexDefinition/run(on:reference:top:codeMap:hierarchy:)``:
/// the normalisation's parameters are fixed at the reference year, so a
/// score that rises means the area's indicators got worse *on the
/// reference year's scale*, not merely worse than the other areas'. Ranks,
/// deciles and the selection (rank ≤ `top`, ties at the cut included) are
/// within each year.
///
/// ```swift
/// let t = try IndexDefinition.stadskontoret2025.run(on: [2022: t22, 2023: t23], reference: 2022, top: 12)
/// t.rows.filter { $0.code == "1280C1010" }.map(\.score)   // the area's score in 2022 and 2023
/// t.mobility[0].comparison.entering.map(\.code)           // areas selected in 2023 but not 2022
/// t.mobility[0].comparison.spearman                       // rank correlation 2022 → 2023
/// ```
public struct IndexTimeResult: Sendable, Hashable {
  /// One area in one year.
  public struct Row: Sendable, Hashable {
    /// The area code (after the code map).
    public let code: String
    /// The area's name in the latest year that gives one, else the code.
    package let name: String
    /// The year.
    public let year: Int
    /// The score on the reference year's scale; `nil` when not ranked that year.
    public let score: Double?
    /// The rank within the year, 1 = most vulnerable.
    public let rank: Int?
    /// The decile within the year, 1 = the most vulnerable tenth.
    public let decile: Int?
    /// Whether the area is in the year's selection: rank ≤ `top`.
    public let selected: Bool
  }

  /// How the ranking moved between two consecutive years of the panel.
  public struct Mobility: Sendable, Hashable {
    /// The earlier year.
    public let from: Int
    /// The later year.
    public let to: Int
    /// The two years compared as two runs: areas entering and leaving the
    /// selection, the mean absolute rank change and Spearman's rank
    /// correlation over the areas ranked in both years.
    public let comparison: IndexComparison
  }

  /// The year whose normalisation parameters every year uses.
  package let reference: Int
  /// The years of the panel, ascending.
  package let years: [Int]
  /// The size of the selection: areas ranked `top` or better.
  package let top: Int
  /// Every area in every year it appears, areas in the reference year's
  /// rank order (then areas absent from it, by code), years ascending.
  public let rows: [Row]
  /// One entry per pair of consecutive years.
  public let mobility: [Mobility]
  /// The code map's changes and each year's remarks, prefixed with the year.
  package let warnings: [Diagnostic]
  /// The full result of each year, in ``years`` order.
  package let results: [IndexResult]

  /// Assembles the time result from the years' results.
  init(reference: Int, years: [Int], top: Int, results: [IndexResult], warnings: [Diagnostic]) {
    var warnings = warnings
    var mobility: [Mobility] = []
    for k in years.indices.dropFirst() {
      do throws(IndexError) {
        let c = try IndexComparison(base: results[k - 1], other: results[k], top: top)
        mobility.append(Mobility(from: years[k - 1], to: years[k], comparison: c))
      } catch {
        warnings.append(Diagnostic(.warning, code: "index.no-common-areas", "\(years[k - 1])–\(years[k]): \(error.message)"))
      }
    }
    self.reference = reference
    self.years = years
    self.top = top
    self.rows = Self.rows(years: years, results: results, reference: years.firstIndex(of: reference) ?? 0, top: top)
    self.mobility = mobility
    self.warnings = warnings
    self.results = results
  }

  /// The rows: areas in the reference year's order, then the others by
  /// code; each area's years ascending.
  private static func rows(years: [Int], results: [IndexResult], reference r: Int, top: Int) -> [Row] {
    var areas = results[r].order.map { results[r].codes[$0] }
    var seen = Set(areas)
    var names: [String: String] = [:]
    var others: [String] = []
    for result in results {
      for (i, code) in result.codes.enumerated() {
        if let name = result.names[i] { names[code] = name }
        if seen.insert(code).inserted { others.append(code) }
      }
    }
    areas += others.sorted()
    let rowOf = results.map { result in Dictionary(uniqueKeysWithValues: result.codes.enumerated().map { ($1, $0) }) }
    var out: [Row] = []
    for code in areas {
      for (k, year) in years.enumerated() {
        guard let i = rowOf[k][code] else { continue }
        let res = results[k]
        out.append(
          Row(
            code: code, name: names[code] ?? code, year: year, score: res.scores[i], rank: res.ranks[i],
            decile: res.deciles[i], selected: (res.ranks[i] ?? .max) <= top))
      }
    }
    return out
  }
}
