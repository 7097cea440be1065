import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Where the need-based models get an insats's *need* and *target
/// population* from: the areas it targets.
///
/// Two sources are built in: ``IndexNeedSource`` (the utsatthetsindex of
/// the target areas — the default of `kraftctl allocate`) and
/// ``AreaNeedSource`` (one share, such as the share of children in
/// low-income households). Conform to use your own, e.g. a Care Need Index.
///
/// ```swift
/// let source = IndexNeedSource(result: indexResult, table: statistik)
/// let (need, population) = source.need(ofAreas: ["25611"])
/// ```
public protocol NeedSource: Sendable {
  /// The need of a group of areas and their target population, or `nil`
  /// for either when none of the areas has data.
  func need(ofAreas codes: [String]) -> (need: Double?, population: Int?)
}

extension AreaNeedSource: NeedSource {}

/// Need from an index run: each area's score rescaled to 0–100 over the
/// ranked areas (0 the least, 100 the most vulnerable), averaged over the
/// target areas weighted by their target population.
///
/// Index scores such as z-score means can be negative, so they cannot be
/// used as weights directly; min–max rescaling keeps their order and
/// relative distances. Ranks are never used (they would throw distances
/// away). Areas that the index did not rank (too few people) contribute
/// their population but no need. The target population is the sum of
/// ``populationColumn`` over the target areas.
///
/// - Complexity: O(*n*) to create for *n* areas; O(*a*) per query of *a* areas.
public struct IndexNeedSource: NeedSource {
  /// The need value (0–100) of each ranked area, by code.
  package let needByCode: [String: Double]
  /// The statistics holding the population column.
  package let table: AreaTable
  /// The target population column, e.g. `barn_0_18`.
  package let populationColumn: String

  /// Creates a source from an index result.
  ///
  /// - Parameters:
  ///   - result: The index run.
  ///   - table: The statistics the population is read from.
  ///   - populationColumn: The target population; default 0–18-year-olds.
  public init(result: IndexResult, table: AreaTable, populationColumn: String = "barn_0_18") {
    let present = result.scores.compactMap { $0 }
    let lo = present.min() ?? 0
    let hi = present.max() ?? 0
    var need: [String: Double] = [:]
    for (code, score) in zip(result.codes, result.scores) {
      guard let score else { continue }
      need[code] = hi > lo ? 100 * (score - lo) / (hi - lo) : 100
    }
    self.needByCode = need
    self.table = table
    self.populationColumn = populationColumn
  }

  /// The population-weighted mean need of the areas (unweighted when no
  /// area has a population) and their total population.
  public func need(ofAreas codes: [String]) -> (need: Double?, population: Int?) {
    var weighted = 0.0
    var weights = 0.0
    var plain = 0.0
    var plainCount = 0
    var population = 0.0
    var anyPopulation = false
    for code in codes {
      let p = table.row(ofCode: code).flatMap { table.value(populationColumn, row: $0) }
      if let p {
        population += p
        anyPopulation = true
      }
      guard let n = needByCode[code] else { continue }
      plain += n
      plainCount += 1
      if let p, p > 0 {
        weighted += n * p
        weights += p
      }
    }
    let need: Double? = weights > 0 ? weighted / weights : (plainCount > 0 ? plain / Double(plainCount) : nil)
    return (need, anyPopulation ? Int(population.rounded()) : nil)
  }
}
