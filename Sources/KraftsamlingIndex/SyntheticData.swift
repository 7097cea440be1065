#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// Seeded synthetic area tables for benchmarks, property tests and
/// examples: any number of areas and rate indicators, shaped like real
/// small-area statistics (a latent vulnerability shared by all indicators,
/// skewed rates, some tiny denominators, a few missing cells).
///
/// The same arguments always give the same table (all randomness comes
/// from ``SeededGenerator``), on every platform.
///
/// ```swift
/// let table = SyntheticData.areaTable(areas: 50_000, indicators: 10, seed: 7)
/// let definition = SyntheticData.definition(indicators: 10)
/// let result = try definition.run(on: table)      // the default pipeline on 50,000 areas
/// ```
///
/// Columns: `befolkning` (population), and for indicator *j* = 1…*m*
/// `ind<j>_num` and `ind<j>_den` (two-digit *j*, e.g. `ind01_num`). Area
/// codes are `S0000001`, `S0000002`, …; names are absent.
///
/// For area *i*, a latent vulnerability zᵢ ~ N(0, 1); each denominator is
/// uniform on 2…1,501 (so about 0.5 % fall below 10); the rate is
/// logistic(−2 + 0.8·zᵢ + 0.5·εᵢⱼ) with εᵢⱼ ~ N(0, 1), and the numerator is
/// the rounded rate × denominator. A share `missingShare` of the numerator
/// cells is missing.
package enum SyntheticData {
  /// A synthetic table.
  ///
  /// - Parameters:
  ///   - areas: The number of rows.
  ///   - indicators: The number of rate indicators.
  ///   - seed: The seed.
  ///   - missingShare: The share of missing numerator cells (0…1).
  /// - Complexity: O(*areas*·*indicators*).
  package static func areaTable(areas: Int, indicators: Int, seed: UInt64 = 2025, missingShare: Double = 0.01) -> AreaTable {
    var table = AreaTable(codes: (0..<areas).map { code($0) }, source: "synthetic(seed \(seed))")
    var latent = [Double](repeating: 0, count: areas)
    var population = [Double?](repeating: nil, count: areas)
    var g = SeededGenerator(seed: seed).stream(0)
    for i in 0..<areas {
      latent[i] = g.normal()
      population[i] = Double(200 + g.uniform(below: 9_800))
    }
    try? table.addColumn("befolkning", population)
    for j in 0..<indicators {
      var s = SeededGenerator(seed: seed).stream(UInt64(j + 1))
      var num = [Double?](repeating: nil, count: areas)
      var den = [Double?](repeating: nil, count: areas)
      for i in 0..<areas {
        let d = Double(2 + s.uniform(below: 1_500))
        let x = -2 + 0.8 * latent[i] + 0.5 * s.normal()
        let rate = 1 / (1 + exp(-x))
        den[i] = d
        num[i] = s.uniform() < missingShare ? nil : (rate * d).rounded()
      }
      let name = columnStem(j)
      try? table.addColumn(name + "_num", num)
      try? table.addColumn(name + "_den", den)
    }
    return table
  }

  /// The default pipeline of `stadskontoret-2025` (z-scores, equal weights,
  /// arithmetic mean, minDenominator 10, reweighting with at least 75 % of
  /// the indicators) over the columns of ``areaTable(areas:indicators:seed:missingShare:)``.
  /// Every fifth indicator is marked `higherIsBetter`, to exercise flipping.
  package static func definition(indicators: Int) -> IndexDefinition {
    IndexDefinition(
      id: "synthetic", version: "1", title: "Synthetic index over \(indicators) indicators",
      indicators: (0..<indicators).map { j in
        let stem = columnStem(j)
        return IndexDefinition.WeightedIndicator(
          id: stem, numerator: stem + "_num", denominator: stem + "_den",
          direction: j % 5 == 4 ? .higherIsBetter : .higherIsWorse)
      }, normalization: IndexDefinition.stadskontoret2025.normalization,
      aggregation: IndexDefinition.stadskontoret2025.aggregation, missingData: IndexDefinition.stadskontoret2025.missingData,
      smallNumbers: IndexDefinition.stadskontoret2025.smallNumbers)
  }

  private static func code(_ i: Int) -> String {
    let s = String(i + 1)
    return "S" + String(repeating: "0", count: max(0, 7 - s.count)) + s
  }

  private static func columnStem(_ j: Int) -> String {
    j + 1 < 10 ? "ind0\(j + 1)" : "ind\(j + 1)"
  }
}
