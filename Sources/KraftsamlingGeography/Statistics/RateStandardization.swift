import KraftsamlingCore
import KraftsamlingIndex

/// Rates standardised for their small denominators, so that Moran's *I*
/// is not driven by the noisy rates of areas with few inhabitants
/// (Assunção & Reis 1999; esda `assuncao_rate`).
///
/// esda's `Moran_Rate` and `Moran_Local_Rate` (with `adjusted=True`) are
/// Moran's *I* and Local Moran of these values: pass them to
/// ``GlobalMoran/init(values:weights:transformation:inference:twoTailed:)``
/// or ``LocalSpatialStatistics/moran(values:weights:transformation:inference:alpha:falseDiscoveryRate:)``.
/// (`adjusted=False` is Moran of the crude rates *eᵢ/bᵢ*.)
///
/// ```swift
/// let z = try RateStandardization.empiricalBayes(events: [30, 25, 25, 15], populations: [100, 100, 110, 90])
/// let moran = try GlobalMoran(values: z, weights: w)   // esda Moran_Rate, for weights w of the 4 areas
/// ```
public enum RateStandardization {
  /// The empirical-Bayes standardised rates.
  ///
  /// With the crude rates *rᵢ = eᵢ/bᵢ*, the overall rate *β = Σe/Σb*,
  /// the population-weighted variance *s² = Σ bᵢ(rᵢ − β)² / Σb* and
  /// *α = s² − β/(Σb/n)*, each rate's variance is *vᵢ = α + β/bᵢ* (or
  /// *β/bᵢ* where that is negative), and
  ///
  ///     zᵢ = (rᵢ − β) / √vᵢ
  ///
  /// - Parameters:
  ///   - events: *eᵢ*, the number of events in each area (finite, ≥ 0).
  ///   - populations: *bᵢ*, the population at risk (finite, > 0), in the same order.
  /// - Returns: One standardised rate per area.
  /// - Throws: ``SpatialStatisticsError`` if the lengths differ, a count is
  ///   negative or not finite, a population is not positive, there are
  ///   no events at all, or a rate's estimated variance is 0 (equal rates
  ///   in equal populations) — where esda would return NaN.
  /// - Complexity: O(*n*).
  public static func empiricalBayes(events: [Double], populations: [Double]) throws(SpatialStatisticsError) -> [Double] {
    guard events.count == populations.count, !events.isEmpty else {
      throw SpatialStatisticsError(
        .lengthMismatch, "got \(events.count) event counts and \(populations.count) populations; give one of each per area, in the same order")
    }
    for (i, e) in events.enumerated() where !e.isFinite || e < 0 {
      throw SpatialStatisticsError(.nonFiniteValue, "event count \(i) is \(e); give a finite count of 0 or more", area: nil)
    }
    for (i, b) in populations.enumerated() where !b.isFinite || b <= 0 {
      throw SpatialStatisticsError(.nonFiniteValue, "population \(i) is \(b); every area needs a positive population at risk", area: nil)
    }
    let rates = (0..<events.count).map { events[$0] * 1.0 / populations[$0] }
    var eventTotal = 0.0
    var populationTotal = 0.0
    for e in events { eventTotal += e }
    for b in populations { populationTotal += b }
    guard eventTotal > 0 else {
      throw SpatialStatisticsError(.constantValues, "there are no events in any area, so every rate is 0; choose a variable with events")
    }
    let beta = eventTotal / populationTotal
    var spread = 0.0
    for i in rates.indices { spread += populations[i] * ((rates[i] - beta) * (rates[i] - beta)) }
    let alpha = spread / populationTotal - beta / (populationTotal / Double(events.count))
    var standardised = [Double](repeating: 0, count: rates.count)
    for i in rates.indices {
      let raw = alpha + beta / populations[i]
      let variance = raw < 0 ? beta / populations[i] : raw
      guard variance > 0 else {
        throw SpatialStatisticsError(
          .constantValues, "the rates have no spread (the estimated variance of rate \(i) is 0), so they cannot be standardised")
      }
      standardised[i] = (rates[i] - beta) / variance.squareRoot()
    }
    return standardised
  }
}
