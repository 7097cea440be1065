import KraftsamlingIndex

/// The population-weighted difference of two groups' mean area values and
/// its cluster-robust (CR1) standard error, clusters = areas: the arithmetic
/// of every difference-in-differences here, with one value per area (its
/// change).
///
/// The estimate is the weighted least-squares coefficient of a treatment
/// dummy in a regression of the changes on a constant and the dummy, with
/// weights pᵢ: τ̂ = Σ_T w̃ᵢDᵢ − Σ_C w̃ᵢDᵢ, w̃ᵢ = pᵢ / Σ_group p. Its sandwich
/// variance with one observation per cluster is
/// Σ_T w̃ᵢ²eᵢ² + Σ_C w̃ᵢ²eᵢ², eᵢ = Dᵢ − D̄_group, and CR1 multiplies it by
/// G/(G − 1)·(N − 1)/(N − K) = G/(G − 2) (N = G areas, K = 2 coefficients).
struct ClusteredContrast: Sendable, Hashable {
  /// τ̂.
  let estimate: Double
  /// √(CR1 variance).
  let standardError: Double
  /// G − 1, the degrees of freedom of the t reference distribution.
  let degreesOfFreedom: Int

  /// Computes the contrast of `changes` (one per area) between the rows
  /// `treated` and `comparison`, weighted by `populations`.
  ///
  /// - Precondition: both groups non-empty and at least three areas in all.
  init(changes d: [Double], treated: [Int], comparison: [Int], populations p: [Double]) {
    precondition(!treated.isEmpty && !comparison.isEmpty && treated.count + comparison.count > 2, "too few areas")
    func group(_ rows: [Int]) -> (mean: Double, meat: Double) {
      let total = rows.reduce(0) { $0 + p[$1] }
      let mean = rows.reduce(0) { $0 + p[$1] * d[$1] } / total
      let meat = rows.reduce(0) { acc, i in
        let v = p[i] / total * (d[i] - mean)
        return acc + v * v
      }
      return (mean, meat)
    }
    let t = group(treated)
    let c = group(comparison)
    let g = Double(treated.count + comparison.count)
    estimate = t.mean - c.mean
    standardError = ((t.meat + c.meat) * g / (g - 2)).squareRoot()
    degreesOfFreedom = treated.count + comparison.count - 1
  }

  /// The two-sided p-value of τ̂ = 0 against Student's t with G − 1 df.
  var pValue: Double {
    IncompleteBeta.studentTTwoSided(t: estimate / standardError, degreesOfFreedom: Double(degreesOfFreedom))
  }
}
