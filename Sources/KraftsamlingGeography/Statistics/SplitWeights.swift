import KraftsamlingCore
import KraftsamlingIndex

/// Weights split into self-weights (the diagonal) and links to other
/// areas, as esda's `crand` splits `w.sparse`.
struct SplitWeights {
  var offsets: [Int]
  var neighbours: [Int]
  var weights: [Double]
  var selfWeights: [Double]

  /// Splits `w`: a link `i → i` becomes area *i*'s self-weight (summed if
  /// repeated), every other link stays. Zero-weight links are dropped, as
  /// scipy's `eliminate_zeros` does in esda.
  init(_ w: SpatialWeights) {
    let n = w.count
    var offsets = [0]
    offsets.reserveCapacity(n + 1)
    var neighbours: [Int] = []
    neighbours.reserveCapacity(w.neighbourIndices.count)
    var weights: [Double] = []
    weights.reserveCapacity(w.neighbourIndices.count)
    var selfWeights = [Double](repeating: 0, count: n)
    for i in 0..<n {
      for k in w.offsets[i]..<w.offsets[i + 1] {
        let j = w.neighbourIndices[k]
        let v = w.weightValues[k]
        if j == i {
          selfWeights[i] += v
        } else if v != 0 {
          neighbours.append(j)
          weights.append(v)
        }
      }
      offsets.append(neighbours.count)
    }
    self.offsets = offsets
    self.neighbours = neighbours
    self.weights = weights
    self.selfWeights = selfWeights
  }

  var count: Int { selfWeights.count }
  func cardinality(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }
  var maxCardinality: Int { (0..<count).reduce(0) { max($0, cardinality($1)) } }

  /// Row sums including the self-weight.
  var rowSums: [Double] {
    (0..<count).map { i in
      var s = selfWeights[i]
      for k in offsets[i]..<offsets[i + 1] { s += weights[k] }
      return s
    }
  }

  /// Row sums of squared weights including the self-weight.
  var rowSumsOfSquares: [Double] {
    (0..<count).map { i in
      var s = selfWeights[i] * selfWeights[i]
      for k in offsets[i]..<offsets[i + 1] { s += weights[k] * weights[k] }
      return s
    }
  }

  /// The spatial lag `Σⱼ wᵢⱼ xⱼ + sᵢ xᵢ` of every area.
  func lag(_ x: [Double]) -> [Double] {
    (0..<count).map { i in
      var s = 0.0
      for k in offsets[i]..<offsets[i + 1] { s += weights[k] * x[neighbours[k]] }
      return s + selfWeights[i] * x[i]
    }
  }

  /// *S₀*, *S₁*, *S₂* of Cliff & Ord (1981), as libpysal's `W.s0`, `W.s1`,
  /// `W.s2`:  S₀ = Σᵢⱼ wᵢⱼ, S₁ = ½ Σᵢⱼ (wᵢⱼ + wⱼᵢ)², S₂ = Σᵢ (wᵢ. + w.ᵢ)².
  ///
  /// - Complexity: O(*n* + *m*).
  var moments: (s0: Double, s1: Double, s2: Double) {
    let n = count
    var s0 = 0.0
    var colSums = [Double](repeating: 0, count: n)
    var rowSums = [Double](repeating: 0, count: n)
    // Σ wᵢⱼ² and Σ wᵢⱼ wⱼᵢ: S₁ = Σ wᵢⱼ² + Σ wᵢⱼ wⱼᵢ.
    var squares = 0.0
    for i in 0..<n {
      let d = selfWeights[i]
      s0 += d
      rowSums[i] += d
      colSums[i] += d
      squares += d * d
      for k in offsets[i]..<offsets[i + 1] {
        let v = weights[k]
        s0 += v
        rowSums[i] += v
        colSums[neighbours[k]] += v
        squares += v * v
      }
    }
    // Transposed rows for the cross term.
    var tOffsets = [Int](repeating: 0, count: n + 1)
    for j in neighbours { tOffsets[j + 1] += 1 }
    for i in 0..<n { tOffsets[i + 1] += tOffsets[i] }
    var fill = tOffsets
    var tRows = [Int](repeating: 0, count: neighbours.count)
    var tVals = [Double](repeating: 0, count: neighbours.count)
    for i in 0..<n {
      for k in offsets[i]..<offsets[i + 1] {
        let j = neighbours[k]
        tRows[fill[j]] = i
        tVals[fill[j]] = weights[k]
        fill[j] += 1
      }
    }
    var dense = [Double](repeating: 0, count: n)
    var cross = 0.0
    for i in 0..<n {
      cross += selfWeights[i] * selfWeights[i]
      // column i of W = the links j → i, i.e. wⱼᵢ.
      for k in tOffsets[i]..<tOffsets[i + 1] { dense[tRows[k]] += tVals[k] }
      for k in offsets[i]..<offsets[i + 1] { cross += weights[k] * dense[neighbours[k]] }
      for k in tOffsets[i]..<tOffsets[i + 1] { dense[tRows[k]] = 0 }
    }
    let s1 = squares + cross
    var s2 = 0.0
    for i in 0..<n {
      let t = rowSums[i] + colSums[i]
      s2 += t * t
    }
    return (s0, s1, s2)
  }
}

extension SplitWeights {
  /// The weights (self-weights included) after a transformation.
  func transformed(_ t: WeightsTransformation) -> SplitWeights {
    var copy = self
    switch t {
    case .asGiven:
      break
    case .binary:
      for k in copy.weights.indices { copy.weights[k] = 1 }
      for i in copy.selfWeights.indices where copy.selfWeights[i] != 0 { copy.selfWeights[i] = 1 }
    case .rowStandardised:
      let sums = rowSums
      for i in 0..<count where sums[i] > 0 {
        copy.selfWeights[i] /= sums[i]
        for k in offsets[i]..<offsets[i + 1] { copy.weights[k] /= sums[i] }
      }
    }
    return copy
  }
}
