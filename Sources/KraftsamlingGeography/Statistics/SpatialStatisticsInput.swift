#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

/// Checks that `values` fit `weights`: one finite value per area.
func validateValues(_ values: [Double], for weights: SpatialWeights) throws(SpatialStatisticsError) {
  guard values.count == weights.count else {
    throw SpatialStatisticsError(
      .lengthMismatch,
      "got \(values.count) values for \(weights.count) areas; give one value per area, in the order of the weights' ids")
  }
  for (i, v) in values.enumerated() where !v.isFinite {
    throw SpatialStatisticsError(
      .nonFiniteValue, "the value is \(v); remove the area or impute a value before computing the statistic",
      area: weights.ids[i])
  }
}

/// The checks every statistic starts with: each variable fits `weights`,
/// the inference options are valid, and there are at least `minimum`
/// areas (otherwise `"\(requirement), got n"`). Returns *n*.
func validateInput(
  _ variables: [Double]..., for weights: SpatialWeights, inference: PermutationInference, minimum: Int,
  _ requirement: String
) throws(SpatialStatisticsError) -> Int {
  for v in variables { try validateValues(v, for: weights) }
  try inference.validate()
  let n = variables.first?.count ?? weights.count
  guard n >= minimum else { throw SpatialStatisticsError(.tooFewAreas, "\(requirement), got \(n)") }
  return n
}

/// The mean, and the population standard deviation `√(Σ(y − ȳ)² / n)`
/// (numpy's `std`, ddof = 0).
func meanAndPopulationSD(_ y: [Double]) -> (mean: Double, sd: Double) {
  var sum = 0.0
  for v in y { sum += v }
  let mean = sum / Double(y.count)
  var ss = 0.0
  for v in y {
    let d = v - mean
    ss += d * d
  }
  return (mean, (ss / Double(y.count)).squareRoot())
}

/// The upper tail of the standard normal distribution, P(Z > z).
func normalSurvival(_ z: Double) -> Double {
  0.5 * erfc(z / 2.0.squareRoot())
}

/// The lower tail of the standard normal distribution, P(Z ≤ z).
func normalCDF(_ z: Double) -> Double {
  0.5 * erfc(-z / 2.0.squareRoot())
}

/// `nil` for NaN or infinite values.
@inline(__always)
func finiteOrNil(_ v: Double) -> Double? { v.isFinite ? v : nil }

/// `(statistic − mean) / sd`, or `nil` when undefined.
func simulatedZ(_ statistic: Double, _ mean: Double?, _ sd: Double?) -> Double? {
  guard let mean, let sd, sd > 0 else { return nil }
  return finiteOrNil((statistic - mean) / sd)
}

/// Checks a significance level.
func validateAlpha(_ alpha: Double) throws(SpatialStatisticsError) {
  guard alpha > 0, alpha < 1 else {
    throw SpatialStatisticsError(.badOption, "the significance level α is \(alpha); give a value between 0 and 1, e.g. 0.05")
  }
}
