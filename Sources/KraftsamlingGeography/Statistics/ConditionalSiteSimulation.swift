import Dispatch
import KraftsamlingCore
import KraftsamlingIndex

/// A local statistic written as a weighted sum over an area's neighbours,
/// so that it can be simulated under conditional permutation:
/// `finish(i, Σ_c wᵢ_c · term(i, v_c))` with *v* the neighbour values.
protocol NeighbourSumStatistic: Sendable {
  /// The contribution of one neighbour value to site *i*'s sum.
  func term(_ i: Int, _ neighbourValue: Double) -> Double
  /// The statistic of site *i* from the weighted sum.
  func finish(_ i: Int, _ weightedSum: Double) -> Double
}

/// Conditional permutation for the local statistics that the specialised
/// ``ConditionalPermutationEngine`` does not cover (local join counts,
/// local Geary, local bivariate Moran): esda's `crand` with a generic
/// statistic.
///
/// The matrix is the one ``runConditional(x:split:observed:formula:inference:)``
/// draws (`PermutationMatrix.conditional` with the same seed), so every
/// local statistic of a run sees the same neighbour draws. Site *i* with
/// *kᵢ* other neighbours takes its *c*-th permuted neighbour value from
/// `x` without site *i*, at the index in column *c* of each row. Sites are
/// split over threads; each site's arithmetic is the same on any thread.
///
/// - Complexity: O(*n*² + *P* · *m*) time (a copy of the values per site,
///   then *P* sums over the *m* links); O(*n* + *P*) memory per thread.
func runConditionalSites<S: NeighbourSumStatistic>(
  x: [Double], split: SplitWeights, observed: [Double], statistic: S, inference: PermutationInference
) throws(SpatialStatisticsError) -> ConditionalSimulation {
  let n = x.count
  let none = [Double?](repeating: nil, count: n)
  guard
    let (matrix, seed) = try conditionalMatrix(
      observations: n, maxCardinality: split.maxCardinality, inference: inference)
  else {
    return ConditionalSimulation(permutations: 0, seed: nil, pValue: none, mean: none, standardDeviation: none)
  }
  var summaries = [SimulationSummary?](repeating: nil, count: n)
  let blockSize = 16
  let blocks = (n + blockSize - 1) / blockSize
  let workers = max(1, min(inference.threads, blocks))
  let alternative = inference.alternative
  summaries.withUnsafeMutableBufferPointer { pointer in
    let target = DisjointOutput(buffer: pointer)
    let work: @Sendable (Int) -> Void = { t in
      var others = [Double](repeating: 0, count: max(n - 1, 0))
      var simulated = [Double](repeating: 0, count: matrix.rows)
      var block = t
      while block < blocks {
        for i in (block * blockSize)..<min((block + 1) * blockSize, n) where split.cardinality(i) > 0 {
          for j in 0..<i { others[j] = x[j] }
          for j in (i + 1)..<max(n, i + 1) { others[j - 1] = x[j] }
          simulateSite(i, others: others, split: split, matrix: matrix, statistic: statistic, into: &simulated)
          target.buffer[i] = SimulationSummary(simulated, observed: observed[i], alternative: alternative)
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
  return ConditionalSimulation(
    permutations: matrix.rows, seed: seed, pValue: summaries.map { $0?.pValue },
    mean: summaries.map { $0?.mean }, standardDeviation: summaries.map { $0?.standardDeviation })
}

/// The *P* simulated statistics of site `i`: for each row of the matrix,
/// the weighted sum of the terms of the permuted neighbour values, added
/// left to right (esda's dot product), then finished.
@inline(__always)
private func simulateSite<S: NeighbourSumStatistic>(
  _ i: Int, others: [Double], split: SplitWeights, matrix: PermutationMatrix, statistic: S, into simulated: inout [Double]
) {
  let start = split.offsets[i]
  let k = split.offsets[i + 1] - start
  for r in 0..<matrix.rows {
    var acc = 0.0
    for c in 0..<k {
      acc += split.weights[start + c] * statistic.term(i, others[matrix[r, c]])
    }
    simulated[r] = statistic.finish(i, acc)
  }
}
