import Dispatch
import KraftsamlingCore
import KraftsamlingIndex

/// Global Moran's *I*: is the variable spatially autocorrelated over the
/// whole map? With analytical inference under normality and randomisation
/// and a permutation test, as esda's `Moran`.
///
/// With *z = y − ȳ* and the transformed weights *W* (row-standardised by
/// default, as esda):
///
///     I = n / S₀ · Σᵢ zᵢ (Wz)ᵢ / Σᵢ zᵢ²
///
/// *E[I] = −1/(n − 1)*. Under normality
/// *Var[I] = (n²S₁ − nS₂ + 3S₀²) / ((n² − 1) S₀²) − E[I]²*; under
/// randomisation, with the kurtosis *k = (Σz⁴/n)/(Σz²/n)²*,
/// *Var[I] = (n((n² − 3n + 3)S₁ − nS₂ + 3S₀²) − k((n² − n)S₁ − 2nS₂ + 6S₀²)) / ((n − 1)(n − 2)(n − 3)S₀²) − E[I]²*
/// (Cliff & Ord 1981). The analytical p-values are two-tailed by default,
/// as esda.
///
/// The permutation test permutes *all* values (total randomisation): *I*
/// is recomputed for *P* random permutations of *z*, and
/// `p = (M + 1)/(P + 1)` with *M* from the alternative — esda's rule
/// (`.directed`): *M* = `#(I_sim ≥ I)`, replaced by `P − M` when that is
/// smaller. `simulatedZScore` is *(I − mean(I_sim)) / sd(I_sim)* with the
/// population standard deviation.
///
/// ```swift
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let m = try GlobalMoran(values: [1, 2, 3, 4], weights: w, inference: .init(permutations: 99, seed: 1))
/// m.statistic   // 0.4: a smooth gradient is positively autocorrelated
/// m.expected    // −0.3333… = −1/(n − 1)
/// ```
///
/// Seeded permutation *r* is a Fisher–Yates shuffle by
/// `SeededGenerator(seed:).stream(r)` (``PermutationMatrix/full(observations:permutations:seed:)``
/// materialises the same permutations), so the result does not depend on
/// the number of threads.
public struct GlobalMoran: Sendable, Hashable, Codable {
  /// *n*, the number of areas.
  package var count: Int
  /// The weights transformation applied before computing.
  package var transformation: WeightsTransformation
  /// *S₀*, the sum of the transformed weights.
  package var s0: Double
  /// Moran's *I* (esda `I`).
  public package(set) var statistic: Double
  /// *E[I] = −1/(n − 1)* (esda `EI`).
  public package(set) var expected: Double
  /// The variance under normality (esda `VI_norm`).
  package var varianceNormality: Double
  /// The variance under randomisation (esda `VI_rand`).
  package var varianceRandomisation: Double
  /// The *z*-score under normality (esda `z_norm`).
  package var zNormality: Double?
  /// The *z*-score under randomisation (esda `z_rand`).
  package var zRandomisation: Double?
  /// Whether the analytical p-values are two-tailed.
  package var twoTailed: Bool
  /// The p-value under normality (esda `p_norm`).
  package var pNormality: Double?
  /// The p-value under randomisation (esda `p_rand`).
  package var pRandomisation: Double?
  /// *P*, the number of permutations (0: none).
  public package(set) var permutations: Int
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  package var seed: UInt64?
  /// The alternative's name.
  package var alternative: String
  /// The mean of the simulated *I* (esda `EI_sim`).
  package var simulatedMean: Double?
  /// The population standard deviation of the simulated *I* (esda `seI_sim`).
  package var simulatedStandardDeviation: Double?
  /// *(I − mean) / sd* of the simulated values (esda `z_sim`).
  public package(set) var simulatedZScore: Double?
  /// The pseudo p-value (esda `p_sim`).
  public package(set) var pValue: Double?
  /// The one-tailed normal p-value of ``simulatedZScore`` (esda `p_z_sim`).
  package var pSimulatedZ: Double?

  /// Computes Moran's *I* and its inference.
  ///
  /// - Parameters:
  ///   - values: *y*, one finite value per area in the order of `weights.ids`.
  ///   - weights: The spatial weights.
  ///   - transformation: Applied to `weights` first (default
  ///     `.rowStandardised`, as esda).
  ///   - inference: The permutation options. An injected matrix must hold
  ///     full permutations of `0..<n` (one per row).
  ///   - twoTailed: Whether the analytical p-values are two-tailed
  ///     (default `true`, as esda).
  /// - Throws: ``SpatialStatisticsError`` if the values do not match the
  ///   weights, are not finite or all equal, there are fewer than 4 areas,
  ///   the weights have no links, an option is out of range or an injected
  ///   matrix is not a set of permutations of `0..<n`.
  /// - Complexity: O(*n* + *m*) for the statistic and moments, O(*P* · (*n* + *m*))
  ///   for the permutations (*n* areas, *m* links), divided over the threads.
  public init(
    values: [Double], weights: SpatialWeights, transformation: WeightsTransformation = .rowStandardised,
    inference: PermutationInference = PermutationInference(), twoTailed: Bool = true
  ) throws(SpatialStatisticsError) {
    try validateValues(values, for: weights)
    try inference.validate()
    let n = values.count
    guard n >= 4 else {
      throw SpatialStatisticsError(.tooFewAreas, "Moran's I needs at least 4 areas for its variance, got \(n)")
    }
    let (z, z2ss, z4) = try Self.deviations(values)
    let split = SplitWeights(transformation.apply(to: weights))
    let (s0, s1, s2) = split.moments
    guard s0 > 0 else {
      throw SpatialStatisticsError(.noLinks, "the weights have no links, so no area has neighbours; check the contiguity rule or tolerance")
    }
    let dn = Double(n)
    let statistic = Self.moranI(z, split: split, n: dn, s0: s0, z2ss: z2ss)
    let (ei, vNorm, vRand) = Self.moments(n: dn, s0: s0, s1: s1, s2: s2, z2ss: z2ss, z4: z4)

    self.count = n
    self.transformation = transformation
    self.s0 = s0
    self.statistic = statistic
    self.expected = ei
    self.varianceNormality = vNorm
    self.varianceRandomisation = vRand
    self.twoTailed = twoTailed
    let zn = vNorm > 0 ? finiteOrNil((statistic - ei) / vNorm.squareRoot()) : nil
    let zr = vRand > 0 ? finiteOrNil((statistic - ei) / vRand.squareRoot()) : nil
    self.zNormality = zn
    self.zRandomisation = zr
    self.pNormality = Self.tail(zn, twoTailed: twoTailed)
    self.pRandomisation = Self.tail(zr, twoTailed: twoTailed)
    self.alternative = inference.alternative.name

    let (sims, seed) = try Self.simulatedStatistics(z: z, split: split, s0: s0, z2ss: z2ss, inference: inference)
    let simulation = Self.summarise(sims, observed: statistic, alternative: inference.alternative)
    self.seed = seed
    self.permutations = sims.count
    self.simulatedMean = simulation?.mean
    self.simulatedStandardDeviation = simulation?.sd
    self.simulatedZScore = simulation?.z
    self.pValue = simulation?.p
    self.pSimulatedZ = simulation?.pz
  }

  /// The deviations *z = y − ȳ*, Σz² and Σz⁴.
  ///
  /// - Throws: `constantValues` when every value is the same.
  private static func deviations(_ values: [Double]) throws(SpatialStatisticsError) -> (z: [Double], z2ss: Double, z4: Double) {
    let n = values.count
    var sum = 0.0
    for v in values { sum += v }
    let mean = sum / Double(n)
    let z = values.map { $0 - mean }
    var z2ss = 0.0
    var z4 = 0.0
    for v in z {
      z2ss += v * v
      z4 += v * v * v * v
    }
    guard z2ss > 0 else {
      throw SpatialStatisticsError(
        .constantValues, "all \(n) values are equal (\(mean)), so Moran's I is undefined; choose a variable that varies")
    }
    return (z, z2ss, z4)
  }

  /// *E[I]* and the variances under normality and randomisation (esda
  /// `Moran.__moments`).
  private static func moments(
    n dn: Double, s0: Double, s1: Double, s2: Double, z2ss: Double, z4: Double
  ) -> (expected: Double, normality: Double, randomisation: Double) {
    let ei = -1.0 / (dn - 1)
    let n2 = dn * dn
    let s02 = s0 * s0
    let vNorm = (n2 * s1 - dn * s2 + 3 * s02) / ((dn - 1) * (dn + 1) * s02) - (1.0 / (dn - 1)) * (1.0 / (dn - 1))
    let k = (z4 / dn) / ((z2ss / dn) * (z2ss / dn))
    let a = dn * ((n2 - 3 * dn + 3) * s1 - dn * s2 + 3 * s02)
    let b = k * ((n2 - dn) * s1 - 2 * dn * s2 + 6 * s02)
    let vRand = (a - b) / ((dn - 1) * (dn - 2) * (dn - 3) * s02) - ei * ei
    return (ei, vNorm, vRand)
  }

  /// The normal p-value of a *z*-score, one- or two-tailed.
  private static func tail(_ z: Double?, twoTailed: Bool) -> Double? {
    guard let z else { return nil }
    let p = z > 0 ? normalSurvival(z) : normalCDF(z)
    return twoTailed ? 2 * p : p
  }

  /// *I* under each permutation of an injected matrix, or of the seeded
  /// shuffles; none without permutations. The seed is reported only for
  /// seeded shuffles.
  ///
  /// - Throws: `badPermutationMatrix` when an injected row is not a
  ///   permutation of `0..<n`.
  private static func simulatedStatistics(
    z: [Double], split: SplitWeights, s0: Double, z2ss: Double, inference: PermutationInference
  ) throws(SpatialStatisticsError) -> (simulated: [Double], seed: UInt64?) {
    let n = z.count
    if let matrix = inference.matrix {
      try matrix.validateFull(observations: n)
      let sims = simulate(z: z, split: split, s0: s0, z2ss: z2ss, permutations: matrix.rows, threads: inference.threads) {
        r, buffer in
        for c in 0..<n { buffer[c] = z[matrix[r, c]] }
      }
      return (sims, nil)
    } else if inference.permutations > 0 {
      let root = SeededGenerator(seed: inference.seed)
      let sims = simulate(z: z, split: split, s0: s0, z2ss: z2ss, permutations: inference.permutations, threads: inference.threads) {
        r, buffer in
        for c in 0..<n { buffer[c] = z[c] }
        var g = root.stream(UInt64(r))
        g.shuffle(&buffer)
      }
      return (sims, inference.seed)
    }
    return ([], nil)
  }

  /// The mean and population standard deviation of the simulated *I*, the
  /// *z*-score of the observed one, its normal p-value and the pseudo
  /// p-value; `nil` without simulations.
  private static func summarise(
    _ sims: [Double], observed statistic: Double, alternative: any PermutationAlternative
  ) -> (mean: Double, sd: Double, z: Double?, pz: Double?, p: Double)? {
    guard !sims.isEmpty else { return nil }
    var total = 0.0
    for s in sims { total += s }
    let m = total / Double(sims.count)
    var ss = 0.0
    for s in sims { ss += (s - m) * (s - m) }
    let sd = (ss / Double(sims.count)).squareRoot()
    let zs = simulatedZ(statistic, m, sd)
    let pz = zs.map { $0 > 0 ? normalSurvival($0) : normalCDF($0) }
    var simulated = sims
    let p = simulated.withUnsafeMutableBufferPointer { alternative.pValue(observed: statistic, simulated: $0) }
    return (m, sd, zs, pz, p)
  }

  /// `n / S₀ · Σ zᵢ (Wz)ᵢ / Σ z²`, evaluated as esda does.
  @inline(__always)
  static func moranI(_ z: [Double], split: SplitWeights, n: Double, s0: Double, z2ss: Double) -> Double {
    var inum = 0.0
    for i in 0..<z.count {
      var l = split.selfWeights[i] * z[i]
      for k in split.offsets[i]..<split.offsets[i + 1] { l += split.weights[k] * z[split.neighbours[k]] }
      inum += z[i] * l
    }
    return n / s0 * inum / z2ss
  }

  /// Runs `permutations` permutations, `fill(r, buffer)` writing permuted
  /// values; permutations are split over threads in interleaved blocks.
  private static func simulate(
    z: [Double], split: SplitWeights, s0: Double, z2ss: Double, permutations: Int, threads: Int,
    fill: @escaping @Sendable (Int, inout [Double]) -> Void
  ) -> [Double] {
    let n = z.count
    var sims = [Double](repeating: 0, count: permutations)
    let blockSize = 32
    let blocks = (permutations + blockSize - 1) / blockSize
    let workers = max(1, min(threads, blocks))
    let dn = Double(n)
    sims.withUnsafeMutableBufferPointer { out in
      let target = SimulationOutput(buffer: out)
      let work: @Sendable (Int) -> Void = { t in
        var buffer = [Double](repeating: 0, count: n)
        var block = t
        while block < blocks {
          for r in (block * blockSize)..<min((block + 1) * blockSize, permutations) {
            fill(r, &buffer)
            target.buffer[r] = moranI(buffer, split: split, n: dn, s0: s0, z2ss: z2ss)
          }
          block += workers
        }
      }
      if workers == 1 {
        work(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
      }
    }
    return sims
  }
}

/// The simulation output, written at disjoint indices by the workers.
private struct SimulationOutput: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>
}

extension PermutationMatrix {
  /// Checks that every row is a permutation of `0..<n`.
  func validateFull(observations n: Int) throws(SpatialStatisticsError) {
    guard columns == n else {
      throw SpatialStatisticsError(
        .badPermutationMatrix,
        "the permutation matrix has \(columns) columns but there are \(n) areas; global Moran's I needs full permutations of 0..<n, one per row")
    }
    var stamp = [Int](repeating: -1, count: n)
    for r in 0..<rows {
      for c in 0..<n {
        let v = self[r, c]
        guard v < n, stamp[v] != r else {
          throw SpatialStatisticsError(
            .badPermutationMatrix, "row \(r) of the permutation matrix is not a permutation of 0..<\(n) (index \(v) in column \(c))")
        }
        stamp[v] = r
      }
    }
  }
}
