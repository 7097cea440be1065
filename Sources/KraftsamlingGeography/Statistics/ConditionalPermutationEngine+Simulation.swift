import KraftsamlingCore
import KraftsamlingIndex

/// The permutation part shared by the local statistics.
struct ConditionalSimulation {
  var permutations: Int
  var seed: UInt64?
  var pValue: [Double?]
  var mean: [Double?]
  var standardDeviation: [Double?]
}

/// Draws (or checks the injected) conditional matrix and runs the engine.
func runConditional(
  x: [Double], split: SplitWeights, observed: [Double], formula: ConditionalPermutationEngine.Formula,
  inference: PermutationInference
) throws(SpatialStatisticsError) -> ConditionalSimulation {
  let n = x.count
  let none = [Double?](repeating: nil, count: n)
  guard
    let (matrix, seed) = try conditionalMatrix(
      observations: n, maxCardinality: split.maxCardinality, inference: inference)
  else {
    return ConditionalSimulation(permutations: 0, seed: nil, pValue: none, mean: none, standardDeviation: none)
  }
  let engine = ConditionalPermutationEngine(
    x: x, offsets: split.offsets, neighbours: split.neighbours, weights: split.weights,
    selfWeights: split.selfWeights, observed: observed, formula: formula, matrix: matrix,
    alternative: inference.alternative, threads: inference.threads, progress: inference.progress)
  let out = engine.run()
  return ConditionalSimulation(
    permutations: matrix.rows, seed: seed, pValue: out.pValue, mean: out.mean, standardDeviation: out.standardDeviation)
}

extension PermutationMatrix {
  /// Checks that an injected matrix suits conditional permutation of *n*
  /// observations whose largest neighbour count is `maxCardinality`.
  func validateConditional(observations n: Int, maxCardinality k: Int) throws(SpatialStatisticsError) {
    guard columns >= k else {
      throw SpatialStatisticsError(
        .badPermutationMatrix,
        "the permutation matrix has \(columns) columns but an area has \(k) neighbours; give at least as many columns as the largest number of neighbours")
    }
    var stamp = [Int](repeating: -1, count: max(n - 1, 0))
    for r in 0..<rows {
      for c in 0..<k {
        let v = self[r, c]
        guard v < n - 1 else {
          throw SpatialStatisticsError(
            .badPermutationMatrix,
            "permutation \(r) has index \(v) in column \(c), but indices must be below n − 1 = \(n - 1) (they point into the other observations)")
        }
        guard stamp[v] != r else {
          throw SpatialStatisticsError(
            .badPermutationMatrix,
            "permutation \(r) repeats index \(v) in its first \(k) columns; draw each row without replacement")
        }
        stamp[v] = r
      }
    }
  }
}

/// The conditional permutation matrix of `inference` for `n` sites whose
/// largest neighbour count is `maxCardinality`: the injected one (checked)
/// or one drawn from the seed, with the seed it was drawn from; `nil` when
/// there are no permutations.
func conditionalMatrix(observations n: Int, maxCardinality: Int, inference: PermutationInference)
  throws(SpatialStatisticsError) -> (matrix: PermutationMatrix, seed: UInt64?)?
{
  if let injected = inference.matrix {
    try injected.validateConditional(observations: n, maxCardinality: maxCardinality)
    return injected.rows > 0 ? (injected, nil) : nil
  }
  guard inference.permutations > 0 else { return nil }
  guard maxCardinality <= n - 1 else {
    throw SpatialStatisticsError(
      .tooFewAreas,
      "an area has \(maxCardinality) neighbours but there are only \(n - 1) other areas; check the weights for repeated links")
  }
  let matrix = PermutationMatrix.conditional(
    observations: n, columns: maxCardinality, permutations: inference.permutations, seed: inference.seed)
  return matrix.rows > 0 ? (matrix, inference.seed) : nil
}
