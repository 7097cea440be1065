import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

extension FundingRequest {
  /// The funding requests of an insats: one per budget line of requested
  /// money (``Insats/Finansiering/sökta``), i.e. per (förvaltning, year);
  /// the actors' own money (`egna`) is not requested and not allocated.
  ///
  /// ```swift
  /// let rs = try FundingRequest.requests(from: insats, need: 23.5, targetPopulation: 1_900)
  /// rs.map(\.förvaltningID)   // ["GRF", "GRF", "FRF"] — one per requested budget line
  /// ```
  ///
  /// - Parameters:
  ///   - insats: The insats.
  ///   - need: The need score of its target areas (see ``AreaNeedSource``).
  ///   - targetPopulation: Its target population.
  ///   - priority: The styrgrupp's rank, if any.
  /// - Returns: The requests, in budget-line order; lines of the same actor
  ///   and year are added up.
  /// - Throws: ``MoneyError`` `.overflow` if a sum of lines does not fit.
  /// - Complexity: O(*b*) for *b* budget lines.
  public static func requests(
    from insats: Insats, need: Double? = nil, targetPopulation: Int? = nil, priority: Int? = nil
  ) throws(MoneyError) -> [FundingRequest] {
    var out: [FundingRequest] = []
    var index: [String: Int] = [:]
    for line in insats.budget where line.source == .sökta {
      let key = "\(line.actor)\u{0}\(line.year)"
      if let i = index[key] {
        out[i].requested = try out[i].requested + line.amount
      } else {
        index[key] = out.count
        out.append(
          FundingRequest(
            insatsID: insats.id, förvaltningID: line.actor, year: line.year, requested: line.amount, need: need,
            targetPopulation: targetPopulation, priority: priority))
      }
    }
    return out
  }
}

/// Need scores and target populations of insatser from area statistics:
/// until an index is chosen, the need of an insats is the share (in percent)
/// of a numerator column over a denominator column, summed over the
/// insats's delområden, and its target population is the sum of a
/// population column.
///
/// ```swift
/// let source = AreaNeedSource(table: MalmöData.statistik)   // low income standard among 0–18
/// let (need, population) = source.need(ofAreas: insats.areas)
/// ```
///
/// Areas without data are left out; an insats with no data gets `nil`,
/// which need-based models treat as the average.
package struct AreaNeedSource: Sendable {
  /// The statistics.
  package var table: AreaTable
  /// The column counted as in need, e.g. `lag_inkomststandard_0_18`.
  package var numerator: String
  /// The column it is a share of, e.g. `barn_0_18`.
  package var denominator: String
  /// The target population column, e.g. `barn_0_18`.
  package var population: String

  /// Creates a source; by default the share of 0–18-year-olds in households
  /// with low income standard (one of the four variables of the index in
  /// STK-2024-1374), and the 0–18-year-olds as target population.
  package init(
    table: AreaTable, numerator: String = "lag_inkomststandard_0_18", denominator: String = "barn_0_18",
    population: String = "barn_0_18"
  ) {
    self.table = table
    self.numerator = numerator
    self.denominator = denominator
    self.population = population
  }

  /// The need (100 × Σ numerator / Σ denominator) and the population of
  /// the given area codes.
  /// - Complexity: O(*a*) for *a* areas.
  package func need(ofAreas codes: [String]) -> (need: Double?, population: Int?) {
    var num = 0.0, den = 0.0, pop = 0.0
    var anyNeed = false, anyPop = false
    for code in codes {
      guard let row = table.row(ofCode: code) else { continue }
      if let n = table.value(numerator, row: row), let d = table.value(denominator, row: row), d > 0 {
        num += n
        den += d
        anyNeed = true
      }
      if let p = table.value(population, row: row) {
        pop += p
        anyPop = true
      }
    }
    return (anyNeed && den > 0 ? 100 * num / den : nil, anyPop ? Int(pop.rounded()) : nil)
  }
}
