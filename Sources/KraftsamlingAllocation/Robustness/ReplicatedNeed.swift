import KraftsamlingCore
import KraftsamlingIndex

/// The need of each insats from one replication's index scores, computed
/// as ``IndexNeedSource`` computes it — each ranked area's score rescaled
/// to 0–100 over the ranked areas, averaged over the insats's areas
/// weighted by their target population — but from positions prepared once
/// instead of dictionaries, so that a replication costs O(Σ areas).
///
/// The arithmetic is the source's, step for step, so that the same scores
/// give the same need to the last bit.
struct ReplicatedNeed: Sendable {
  /// One area of an insats: its position among the scored areas (−1 when
  /// the index does not rank it) and its target population, if known.
  struct Area: Sendable {
    var position: Int
    var population: Double?
  }

  /// The areas of each insats that follows the index, in the insats's order.
  let areas: [[Area]]

  /// Prepares the areas of each insats.
  ///
  /// - Parameters:
  ///   - areaCodes: The area codes of each insats.
  ///   - codes: The codes of the scored areas, in score order.
  ///   - table: The statistics holding the population column.
  ///   - populationColumn: The target population column.
  init(areaCodes: [[String]], codes: [String], table: AreaTable, populationColumn: String) {
    var position: [String: Int] = [:]
    for (k, code) in codes.enumerated() { position[code] = k }
    areas = areaCodes.map { list in
      list.map { code in
        Area(
          position: position[code] ?? -1,
          population: table.row(ofCode: code).flatMap { table.value(populationColumn, row: $0) })
      }
    }
  }

  /// The need (0–100) of every insats under `scores` (NaN = no score),
  /// in millionths as an allocation item holds it, or `nil` when none of
  /// its areas has a score.
  ///
  /// - Complexity: O(*n* + Σ areas) for *n* scored areas.
  func needMillionths(scores: [Double], into out: inout [Int64?]) {
    var lo = Double.infinity
    var hi = -Double.infinity
    for s in scores where !s.isNaN {
      lo = Swift.min(lo, s)
      hi = Swift.max(hi, s)
    }
    for (i, list) in areas.enumerated() {
      out[i] = Self.need(list, scores: scores, lo: lo, hi: hi).map(Self.millionths)
    }
  }

  /// The population-weighted mean rescaled score of the areas (unweighted
  /// when no area has a population), as ``IndexNeedSource/need(ofAreas:)``.
  private static func need(_ list: [Area], scores: [Double], lo: Double, hi: Double) -> Double? {
    var weighted = 0.0
    var weights = 0.0
    var plain = 0.0
    var plainCount = 0
    for a in list {
      guard a.position >= 0 else { continue }
      let score = scores[a.position]
      guard !score.isNaN else { continue }
      let n = hi > lo ? 100 * (score - lo) / (hi - lo) : 100
      plain += n
      plainCount += 1
      if let p = a.population, p > 0 {
        weighted += n * p
        weights += p
      }
    }
    return weights > 0 ? weighted / weights : (plainCount > 0 ? plain / Double(plainCount) : nil)
  }

  /// A need in exact millionths, rounded half away from zero, as an
  /// allocation item converts a request's need.
  static func millionths(_ need: Double) -> Int64 {
    Int64((need * 1_000_000).rounded(.toNearestOrAwayFromZero))
  }
}
