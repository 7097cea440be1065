import KraftsamlingCore
import KraftsamlingIndex

extension LocalSpatialStatistics {
  /// Getis–Ord *Gᵢ* or *Gᵢ\** for every area, with analytical *z*-scores
  /// and conditional-permutation pseudo p-values, as esda's `G_Local`.
  ///
  /// With the transformed weights *W* and positive values *y*:
  ///
  ///     Gᵢ  = Σ_{j≠i} wᵢⱼ yⱼ / (Σⱼ yⱼ − yᵢ)          (star: false)
  ///     Gᵢ* = Σⱼ wᵢⱼ yⱼ / Σⱼ yⱼ,  with wᵢᵢ > 0       (star: true)
  ///
  /// For *Gᵢ\** the area is its own neighbour: esda's rule is followed — a
  /// self-link already in `weights` is kept; otherwise the self-weight is 1
  /// with the binary transformation and the largest weight of the row
  /// (1 for binary contiguity) with the others, set *before* the
  /// transformation, so that row-standardised *Gᵢ\** weights are
  /// 1/(kᵢ + 1). Pass `selfWeight` to choose it yourself (esda `star=0.5`).
  ///
  /// The analytical moments are esda's (Getis & Ord 1992; Ord & Getis
  /// 1995): with *N = n − 1* for *Gᵢ* (*n* for *Gᵢ\**), *Wᵢ = Σⱼ wᵢⱼ* and the
  /// mean *ȳᵢ* and variance *sᵢ²* of the *N* values that enter the
  /// denominator, *E[Gᵢ] = Wᵢ/N* and
  /// *Var[Gᵢ] = Wᵢ(N − Wᵢ)/(N − 1) · 1/N² · sᵢ²/ȳᵢ²*. Note that esda plugs
  /// in the row sum *Wᵢ* whatever the transformation, so with
  /// row-standardised weights *E[Gᵢ] = 1/N*.
  ///
  /// The permutation test permutes the raw values *y* with the same shared
  /// matrix as Local Moran; a simulated *Gᵢ* is
  /// *Σ_c wᵢ_c y_π(c) / (Σy − yᵢ)*, a simulated *Gᵢ\** is
  /// *(Σ_c wᵢ_c y_π(c) + wᵢᵢ yᵢ) / Σy*.
  ///
  /// ```swift
  /// let rook3x3 = try SpatialWeights(ids: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
  ///                                  neighbours: [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7],
  ///                                               [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]])
  /// let y: [Double] = [6, 6, 2, 6, 2, 2, 2, 0, 1]
  /// let g = try LocalSpatialStatistics.getisOrd(values: y, weights: rook3x3, star: true,
  ///                                             inference: .init(permutations: 999, seed: 7))
  /// g.areas[0].statistic   // 0.2222… = (6 + 6 + 6)/3 / 27
  /// g.areas[0].label       // .hotSpot if significant, else .notSignificant
  /// ```
  ///
  /// - Parameters:
  ///   - values: *y*, non-negative and finite, one per area in the order
  ///     of `weights.ids`.
  ///   - weights: The spatial weights; for *Gᵢ* any self-link is dropped.
  ///   - star: `false` for *Gᵢ*, `true` for *Gᵢ\**.
  ///   - selfWeight: For *Gᵢ\**, the self-weight before the
  ///     transformation; `nil` for esda's default described above.
  ///   - transformation: Applied to the weights (default
  ///     `.rowStandardised`, esda's `"R"`).
  ///   - inference: Permutations, seed or injected matrix, alternative, threads.
  ///   - alpha: The significance level for the labels (default 0.05).
  ///   - falseDiscoveryRate: Whether to use esda's `fdr` threshold.
  /// - Returns: One ``Area`` per area; ``Area/quadrant`` is `nil`.
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights, are negative or not finite, sum to 0 (or, for *Gᵢ*, one area
  ///   holds the whole sum), there are fewer than 3 areas, an option is out
  ///   of range or an injected matrix does not fit.
  /// - Complexity: O(*n* + *m*) plus O(*P* · *m*) for the permutations,
  ///   divided over the threads.
  public static func getisOrd(
    values: [Double], weights: SpatialWeights, star: Bool = false, selfWeight: Double? = nil,
    transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference(), alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) -> LocalSpatialStatistics {
    let (total, totalSquares) = try validateGetisOrdInput(
      values, weights: weights, star: star, selfWeight: selfWeight, inference: inference, alpha: alpha)
    let n = values.count
    let split = getisOrdWeights(weights, star: star, selfWeight: selfWeight, transformation: transformation)

    let removeSelf = star ? 0.0 : 1.0
    let bigN = Double(n) - removeSelf
    let lag = split.lag(values)
    let rowSums = split.rowSums
    let (mean, sd) = meanAndPopulationSD(values)
    var statistic = [Double](repeating: 0, count: n)
    var areas: [Area] = []
    areas.reserveCapacity(n)
    for i in 0..<n {
      statistic[i] = lag[i] / (total - values[i] * removeSelf)
    }
    let sim = try runConditional(
      x: values, split: split, observed: statistic,
      formula: star ? .getisOrdStar(total: total) : .getisOrd(total: total), inference: inference)
    for i in 0..<n {
      let y = values[i]
      let (expected, variance) = getisOrdMoments(
        value: y, rowSum: rowSums[i], total: total, totalSquares: totalSquares, removeSelf: removeSelf, bigN: bigN)
      areas.append(
        Area(
          id: weights.ids[i], value: y, standardisedValue: sd > 0 ? (y - mean) / sd : 0, spatialLag: lag[i],
          neighbourCount: split.cardinality(i), statistic: statistic[i], quadrant: nil,
          expected: expected, variance: variance,
          zScore: variance > 0 ? finiteOrNil((statistic[i] - expected) / variance.squareRoot()) : nil,
          conditionalExpected: nil, conditionalVariance: nil,
          simulatedMean: sim.mean[i], simulatedStandardDeviation: sim.standardDeviation[i],
          simulatedZScore: simulatedZ(statistic[i], sim.mean[i], sim.standardDeviation[i]),
          pValue: sim.pValue[i], label: .notSignificant))
    }
    var result = LocalSpatialStatistics(
      kind: star ? .getisOrdStar : .getisOrd, areas: areas, transformation: transformation,
      permutations: sim.permutations, seed: sim.seed, alternative: inference.alternative.name, alpha: alpha,
      falseDiscoveryRate: falseDiscoveryRate, threshold: alpha)
    result.applyLabels()
    return result
  }

  /// Checks the input of ``getisOrd(values:weights:star:selfWeight:transformation:inference:alpha:falseDiscoveryRate:)``.
  ///
  /// - Returns: Σy and Σy².
  /// - Throws: As the function itself.
  private static func validateGetisOrdInput(
    _ values: [Double], weights: SpatialWeights, star: Bool, selfWeight: Double?, inference: PermutationInference,
    alpha: Double
  ) throws(SpatialStatisticsError) -> (total: Double, totalSquares: Double) {
    try validateValues(values, for: weights)
    try inference.validate()
    try validateAlpha(alpha)
    let n = values.count
    guard n >= 3 else {
      throw SpatialStatisticsError(.tooFewAreas, "Getis–Ord needs at least 3 areas, got \(n)")
    }
    for (i, v) in values.enumerated() where v < 0 {
      throw SpatialStatisticsError(
        .negativeValue,
        "the value is \(v), but Getis–Ord G needs non-negative values (counts, rates, scores shifted to start at 0); use Local Moran for signed values",
        area: weights.ids[i])
    }
    if let selfWeight, !(selfWeight.isFinite && selfWeight >= 0) {
      throw SpatialStatisticsError(.badOption, "the self-weight is \(selfWeight); give a finite value of 0 or more")
    }
    var total = 0.0
    var totalSquares = 0.0
    for v in values {
      total += v
      totalSquares += v * v
    }
    guard total > 0 else {
      throw SpatialStatisticsError(.constantValues, "all values are 0, so Getis–Ord G is undefined; choose a variable with positive values")
    }
    if !star, let i = values.firstIndex(where: { total - $0 <= 0 }) {
      throw SpatialStatisticsError(
        .constantValues, "this area holds the whole sum of the values, so Gᵢ = Σ wᵢⱼyⱼ / (Σy − yᵢ) divides by 0; use Gᵢ* (star) instead",
        area: weights.ids[i])
    }
    return (total, totalSquares)
  }

  /// The weights of Gᵢ (no self-links) or Gᵢ* (self-weights set before the
  /// transformation, esda `_infer_star_and_structure_w`), transformed.
  private static func getisOrdWeights(
    _ weights: SpatialWeights, star: Bool, selfWeight: Double?, transformation: WeightsTransformation
  ) -> SplitWeights {
    var raw = SplitWeights(weights)
    for i in 0..<raw.selfWeights.count {
      if !star {
        raw.selfWeights[i] = 0
      } else if let selfWeight {
        raw.selfWeights[i] = selfWeight
      } else if raw.selfWeights[i] == 0 {
        if transformation == .binary {
          raw.selfWeights[i] = 1
        } else {
          var largest = 0.0
          for k in raw.offsets[i]..<raw.offsets[i + 1] { largest = max(largest, raw.weights[k]) }
          raw.selfWeights[i] = largest
        }
      }
    }
    return raw.transformed(transformation)
  }

  /// *E[Gᵢ] = Wᵢ/N* and *Var[Gᵢ] = Wᵢ(N − Wᵢ)/(N − 1) · 1/N² · sᵢ²/ȳᵢ²*
  /// (esda's analytical moments) of an area with value `value` and row
  /// sum `rowSum`.
  @inline(__always)
  private static func getisOrdMoments(
    value y: Double, rowSum card: Double, total: Double, totalSquares: Double, removeSelf: Double, bigN: Double
  ) -> (expected: Double, variance: Double) {
    let empiricalMean = (total - y * removeSelf) / bigN
    let meanOfSquares = (totalSquares - (y * y) * removeSelf) / bigN
    let empiricalVariance = meanOfSquares - empiricalMean * empiricalMean
    let expected = card / bigN
    var variance = card * (bigN - card)
    variance /= bigN - 1
    variance *= 1 / (bigN * bigN)
    variance *= empiricalVariance / (empiricalMean * empiricalMean)
    return (expected, variance)
  }

  /// Computes the local statistic chosen by `kind` (for tools that take
  /// it as a parameter, such as `kraftctl hotspots --statistic`).
  ///
  /// ```swift
  /// let kind = LocalSpatialStatistics.Kind(rawValue: "getis-ord-star")!
  /// let g = try LocalSpatialStatistics.compute(kind, values: y, weights: w)
  /// ```
  ///
  /// - Parameters:
  ///   - kind: `.moran`, `.getisOrd` or `.getisOrdStar`.
  ///   - values: One value per area.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to the weights (default `.rowStandardised`).
  ///   - inference: The permutation options.
  ///   - alpha: The significance level.
  ///   - falseDiscoveryRate: Whether to use esda's `fdr` threshold.
  /// - Returns: The statistics.
  /// - Throws: ``SpatialStatisticsError`` as the statistic's own function.
  /// - Complexity: As ``moran(values:weights:transformation:inference:alpha:falseDiscoveryRate:)``.
  package static func compute(
    _ kind: Kind, values: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference(), alpha: Double = 0.05, falseDiscoveryRate: Bool = false
  ) throws(SpatialStatisticsError) -> LocalSpatialStatistics {
    switch kind {
    case .moran:
      try moran(
        values: values, weights: weights, transformation: transformation, inference: inference, alpha: alpha,
        falseDiscoveryRate: falseDiscoveryRate)
    case .getisOrd, .getisOrdStar:
      try getisOrd(
        values: values, weights: weights, star: kind == .getisOrdStar, transformation: transformation,
        inference: inference, alpha: alpha, falseDiscoveryRate: falseDiscoveryRate)
    }
  }
}
