import Dispatch
import KraftsamlingCore
import KraftsamlingIndex

/// The full-permutation test shared by the global statistics added after
/// ``GlobalMoran`` (join counts, Geary's *C*, bivariate Moran).
///
/// Permutation *r* is `values` shuffled by Fisher–Yates with
/// `SeededGenerator(seed:).stream(r)` — the scheme ``GlobalMoran`` uses — or
/// the values reordered by row *r* of an injected full matrix
/// (`values[row[0]], values[row[1]], …`, as `numpy.random.permutation`).
/// Each permutation is computed on its own, so the output is the same for
/// any number of threads.
///
/// - Complexity: O(*P* · cost of one statistic), divided over the threads.
struct FullPermutationSimulation<Output: Sendable> {
  /// The simulated outputs, one per permutation.
  var simulated: [Output]
  /// The seed; `nil` when a matrix was injected or no permutations were run.
  var seed: UInt64?

  /// Runs the permutations of `values` that `inference` asks for.
  ///
  /// - Parameters:
  ///   - values: The values that are permuted.
  ///   - inference: Permutations and seed, or an injected full matrix; threads.
  ///   - placeholder: Any value of the output type (fills the buffer before it is written).
  ///   - statistic: The statistic of one permuted vector.
  /// - Throws: `badPermutationMatrix` when an injected row is not a
  ///   permutation of `0..<n`.
  init(
    values: [Double], inference: PermutationInference, placeholder: Output,
    statistic: @escaping @Sendable ([Double]) -> Output
  ) throws(SpatialStatisticsError) {
    let n = values.count
    if let matrix = inference.matrix {
      try matrix.validateFull(observations: n)
      simulated = Self.run(matrix.rows, n, inference.threads, placeholder, statistic) { r, buffer in
        for c in 0..<n { buffer[c] = values[matrix[r, c]] }
      }
      seed = nil
    } else if inference.permutations > 0 {
      let root = SeededGenerator(seed: inference.seed)
      simulated = Self.run(inference.permutations, n, inference.threads, placeholder, statistic) { r, buffer in
        for c in 0..<n { buffer[c] = values[c] }
        var g = root.stream(UInt64(r))
        g.shuffle(&buffer)
      }
      seed = inference.seed
    } else {
      simulated = []
      seed = nil
    }
  }

  /// Runs `permutations` permutations in interleaved blocks of 32 over the
  /// threads; `fill(r, buffer)` writes permutation *r*.
  private static func run(
    _ permutations: Int, _ n: Int, _ threads: Int, _ placeholder: Output,
    _ statistic: @escaping @Sendable ([Double]) -> Output, fill: @escaping @Sendable (Int, inout [Double]) -> Void
  ) -> [Output] {
    var out = [Output](repeating: placeholder, count: permutations)
    let blockSize = 32
    let blocks = (permutations + blockSize - 1) / blockSize
    let workers = max(1, min(threads, blocks))
    out.withUnsafeMutableBufferPointer { pointer in
      let target = DisjointOutput(buffer: pointer)
      let work: @Sendable (Int) -> Void = { t in
        var buffer = [Double](repeating: 0, count: n)
        var block = t
        while block < blocks {
          for r in (block * blockSize)..<min((block + 1) * blockSize, permutations) {
            fill(r, &buffer)
            target.buffer[r] = statistic(buffer)
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
    return out
  }
}

/// A buffer that worker threads write at disjoint indices.
struct DisjointOutput<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
}

/// The summary of simulated statistics esda reports: their mean and
/// population standard deviation, the *z*-score of the observed value, its
/// one-tailed normal p-value, and the pseudo p-value.
package struct SimulationSummary: Sendable, Hashable, Codable {
  /// The mean of the simulated statistics.
  package var mean: Double
  /// Their population standard deviation.
  package var standardDeviation: Double
  /// `(observed − mean) / standardDeviation`; `nil` when undefined.
  package var zScore: Double?
  /// The normal tail beyond `|zScore|` (esda `p_z_sim`).
  package var pZScore: Double?
  /// The pseudo p-value under the alternative.
  package var pValue: Double

  /// Summarises `simulated` against `observed`; `nil` without simulations.
  init?(_ simulated: [Double], observed: Double, alternative: any PermutationAlternative) {
    guard !simulated.isEmpty else { return nil }
    var total = 0.0
    for s in simulated { total += s }
    mean = total / Double(simulated.count)
    var ss = 0.0
    for s in simulated { ss += (s - mean) * (s - mean) }
    standardDeviation = (ss / Double(simulated.count)).squareRoot()
    zScore = simulatedZ(observed, mean, standardDeviation)
    pZScore = zScore.map { normalSurvival(abs($0)) }
    var copy = simulated
    pValue = copy.withUnsafeMutableBufferPointer { alternative.pValue(observed: observed, simulated: $0) }
  }
}

/// `(#{s ≥ observed} + 1) / (P + 1)`: the upper-tail pseudo p-value esda's
/// join counts use whatever the alternative.
func upperTailPValue(_ simulated: [Double], observed: Double) -> Double {
  var atLeast = 0
  for s in simulated where s >= observed { atLeast += 1 }
  return (Double(atLeast) + 1) / (Double(simulated.count) + 1)
}
