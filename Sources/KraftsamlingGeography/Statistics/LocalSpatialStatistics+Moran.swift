import KraftsamlingCore
import KraftsamlingIndex

extension LocalSpatialStatistics {
  /// Local Moran's *Iᵢ* (LISA) for every area, with conditional-permutation
  /// pseudo p-values and quadrant labels, as esda's `Moran_Local`.
  ///
  /// With *z = (y − ȳ)/σ* (population σ) and the transformed weights *W*
  /// (row-standardised by default, as esda):
  ///
  ///     Iᵢ = (n − 1) · zᵢ · (Wz)ᵢ / Σⱼ zⱼ²
  ///
  /// The analytical moments are esda's: under total randomisation
  /// (Sokal et al. 1998, eqs. A3–A4, esda `EI`, `VI`)
  /// *E[Iᵢ] = −wᵢ/(n − 1)*,
  /// *Var[Iᵢ] = wᵢ⁽²⁾(n − b₂)/(n − 1) + (wᵢ² − wᵢ⁽²⁾)(2b₂ − n)/((n − 1)(n − 2)) − (wᵢ/(n − 1))²*;
  /// under conditional randomisation (eqs. A7–A8, esda `EIc`, `VIc`)
  /// *E = −zᵢ² wᵢ/((n − 1) m₂)*,
  /// *Var = (zᵢ/m₂)² · n/(n − 2) · (wᵢ⁽²⁾ − wᵢ²/(n − 1)) · (m₂ − zᵢ²/(n − 1))*,
  /// where *wᵢ = Σⱼ wᵢⱼ*, *wᵢ⁽²⁾ = Σⱼ wᵢⱼ²*, *m₂ = Σz²/n*, *m₄ = Σz⁴/n*,
  /// *b₂ = m₄/m₂²*.
  ///
  /// The permutation test holds *zᵢ* fixed and draws the *kᵢ* neighbour
  /// values from the *n − 1* other observations without replacement, using
  /// one shared ``PermutationMatrix`` for every site (see
  /// ``PermutationInference``); the simulated statistic is
  /// *zᵢ · (Σ_c wᵢ_c z_π(c) + wᵢᵢ zᵢ) · (n − 1)/Σz²*.
  ///
  /// ```swift
  /// // 3 × 3 rook lattice with a high corner: y = 6 6 2 / 6 2 2 / 2 0 1
  /// let rook3x3 = try SpatialWeights(ids: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
  ///                                  neighbours: [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7],
  ///                                               [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]])
  /// let lisa = try LocalSpatialStatistics.moran(values: [6, 6, 2, 6, 2, 2, 2, 0, 1], weights: rook3x3,
  ///                                             inference: .init(permutations: 999, seed: 7))
  /// lisa.areas[0].quadrant   // .highHigh
  /// lisa.areas[0].statistic  // 1.6363… = 18/11: 8 · 3 · 3 / 44 with d = y − 3, Σd² = 44
  /// ```
  ///
  /// - Parameters:
  ///   - values: *y*, one finite value per area in the order of `weights.ids`.
  ///   - weights: The spatial weights (binary contiguity, say); a link from
  ///     an area to itself is its self-weight, as esda treats the diagonal.
  ///   - transformation: Applied to `weights` first (default `.rowStandardised`, as esda).
  ///   - inference: Permutations, seed or injected matrix, alternative, threads.
  ///   - alpha: The significance level for the labels (default 0.05).
  ///   - falseDiscoveryRate: Whether to lower the threshold with esda's
  ///     `fdr` (Benjamini–Hochberg) instead of using α directly.
  /// - Returns: One ``Area`` per area.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights, are not finite or all equal, there are fewer than 3 areas,
  ///   an option is out of range or an injected matrix does not fit.
  /// - Complexity: O(*n* + *m*) for the statistics and O(*P* · *m*) for the
  ///   permutations (*n* areas, *m* links, *P* permutations), divided over
  ///   the threads; O(*P* · *k*) memory for the matrix (*k* the largest
  ///   number of neighbours).
  public static func moran(
    values: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference(), alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) -> LocalSpatialStatistics {
    try validateValues(values, for: weights)
    try inference.validate()
    try validateAlpha(alpha)
    let n = values.count
    guard n >= 3 else {
      throw SpatialStatisticsError(.tooFewAreas, "Local Moran needs at least 3 areas, got \(n)")
    }
    let (mean, sd) = meanAndPopulationSD(values)
    guard sd > 0 else {
      throw SpatialStatisticsError(
        .constantValues, "all \(n) values are equal (\(mean)), so they have no spatial pattern to test; choose a variable that varies")
    }
    let z = values.map { ($0 - mean) / sd }
    let split = SplitWeights(transformation.apply(to: weights))
    var den = 0.0
    var fourth = 0.0
    for v in z {
      den += v * v
      fourth += v * v * v * v
    }
    let lag = split.lag(z)
    let n1 = Double(n - 1)
    let statistic = (0..<n).map { n1 * z[$0] * lag[$0] / den }

    // Analytical moments (Sokal et al. 1998), exactly as esda computes them.
    let dn = Double(n)
    let m2 = den / dn
    let m4 = fourth / dn
    let b2 = m4 / (m2 * m2)
    let wi = split.rowSums
    let wi2 = split.rowSumsOfSquares

    let sim = try runConditional(
      x: z, split: split, observed: statistic, formula: .moran(scaling: n1 / den), inference: inference)

    var areas: [Area] = []
    areas.reserveCapacity(n)
    for i in 0..<n {
      let expected = -wi[i] / n1
      var variance = wi2[i] * (dn - b2) / n1
      variance += (wi[i] * wi[i] - wi2[i]) * (2 * b2 - dn) / (n1 * (dn - 2))
      variance -= (-wi[i] / n1) * (-wi[i] / n1)
      let zi2 = z[i] * z[i]
      let eic = -(zi2 * wi[i]) / (n1 * m2)
      let vic = (z[i] / m2) * (z[i] / m2) * (dn / (dn - 2)) * (wi2[i] - wi[i] * wi[i] / n1) * (m2 - zi2 / n1)
      areas.append(
        Area(
          id: weights.ids[i], value: values[i], standardisedValue: z[i], spatialLag: lag[i],
          neighbourCount: split.cardinality(i), statistic: statistic[i],
          quadrant: Quadrant(value: z[i], lag: lag[i]),
          expected: expected, variance: variance,
          zScore: variance > 0 ? finiteOrNil((statistic[i] - expected) / variance.squareRoot()) : nil,
          conditionalExpected: eic, conditionalVariance: vic,
          simulatedMean: sim.mean[i], simulatedStandardDeviation: sim.standardDeviation[i],
          simulatedZScore: simulatedZ(statistic[i], sim.mean[i], sim.standardDeviation[i]),
          pValue: sim.pValue[i], label: .notSignificant))
    }
    var result = LocalSpatialStatistics(
      kind: .moran, areas: areas, transformation: transformation, permutations: sim.permutations,
      seed: sim.seed, alternative: inference.alternative.name, alpha: alpha,
      falseDiscoveryRate: falseDiscoveryRate, threshold: alpha)
    result.applyLabels()
    return result
  }
}
