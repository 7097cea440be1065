import KraftsamlingCore
import KraftsamlingIndex

/// Sparse spatial weights in compressed-row form: for each area *i*, its
/// neighbours *j* and the weights *wᵢⱼ*.
///
/// This is the input of the spatial statistics (Moran's I, Local Moran,
/// Getis–Ord). A ``NeighbourGraph`` produces it with binary or
/// row-standardised weights; users may also build it directly.
///
/// Neighbours of area `i` are `neighbours[offsets[i] ..< offsets[i + 1]]`
/// with the matching `weights`. Storage is O(*n* + *m*) for *n* areas and
/// *m* directed links.
///
/// ```swift
/// // Three areas in a row: 0 – 1 – 2, row-standardised.
/// let w = try SpatialWeights(ids: ["a", "b", "c"],
///                            neighbours: [[1], [0, 2], [1]],
///                            weights: [[1], [0.5, 0.5], [1]])
/// w.neighbours(of: 1)   // [0, 2]
/// w.rowSum(1)           // 1.0
/// ```
public struct SpatialWeights: Sendable, Hashable {
  /// The area codes, one per row.
  public let ids: [String]
  /// Row start positions into ``neighbourIndices`` and ``weightValues``;
  /// `offsets.count == ids.count + 1`.
  package let offsets: [Int]
  /// The neighbour indices of all rows, concatenated.
  package let neighbourIndices: [Int]
  /// The weights of all rows, concatenated.
  package let weightValues: [Double]

  /// Creates weights from per-area neighbour lists and, optionally, their
  /// weights; without weights every listed neighbour gets weight 1 (binary
  /// weights).
  ///
  /// Binary lists are the shape of a contiguity list such as a GAL file or
  /// a `code,neighbor` CSV once the codes are turned into indices. Use
  /// ``rowStandardised()`` afterwards for row-standardised weights.
  ///
  /// ```swift
  /// let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
  /// w.weights(of: 1)   // [1.0, 1.0]
  /// ```
  ///
  /// - Parameters:
  ///   - ids: The area codes, one per area.
  ///   - neighbours: For each area, the indices of its neighbours.
  ///   - weights: For each area, the weights of its neighbours in the same
  ///     order; `nil` (the default) for weight 1 everywhere.
  /// - Throws: ``DataError`` if there is not one list per area, the lists
  ///   have different shapes, a neighbour index is out of range or points
  ///   at the area itself, or a weight is negative or not finite.
  /// - Complexity: O(*n* + *m*) for *n* areas and *m* directed links.
  public init(ids: [String], neighbours: [[Int]], weights: [[Double]]? = nil) throws(DataError) {
    let weights = weights ?? neighbours.map { Array(repeating: 1.0, count: $0.count) }
    guard neighbours.count == ids.count, weights.count == ids.count else {
      throw DataError(code: "weights.shape", "need one neighbour list and one weight list per area")
    }
    var offsets = [0]
    offsets.reserveCapacity(ids.count + 1)
    var flatN: [Int] = []
    var flatW: [Double] = []
    for i in 0..<ids.count {
      guard neighbours[i].count == weights[i].count else {
        throw DataError(code: "weights.shape", "area \(ids[i]) has \(neighbours[i].count) neighbours but \(weights[i].count) weights")
      }
      for (j, w) in zip(neighbours[i], weights[i]) {
        guard j >= 0, j < ids.count, j != i else {
          throw DataError(code: "weights.bad-neighbour", "area \(ids[i]) has an invalid neighbour index \(j)")
        }
        guard w.isFinite, w >= 0 else {
          throw DataError(code: "weights.bad-weight", "area \(ids[i]) has an invalid weight \(w)")
        }
        flatN.append(j)
        flatW.append(w)
      }
      offsets.append(flatN.count)
    }
    self.ids = ids
    self.offsets = offsets
    self.neighbourIndices = flatN
    self.weightValues = flatW
  }

  /// Creates weights from already-flattened arrays without copying.
  ///
  /// - Precondition: the arrays are consistent (checked in debug builds).
  package init(ids: [String], offsets: [Int], neighbourIndices: [Int], weightValues: [Double]) {
    assert(offsets.count == ids.count + 1 && offsets.last == neighbourIndices.count)
    assert(neighbourIndices.count == weightValues.count)
    self.ids = ids
    self.offsets = offsets
    self.neighbourIndices = neighbourIndices
    self.weightValues = weightValues
  }

  /// The same links with every weight divided by its row sum, so that each
  /// area's weights sum to 1 (libpysal transformation `"r"`).
  ///
  /// Areas without neighbours (islands) keep an empty row. Row
  /// standardisation makes the spatial lag `Σⱼ wᵢⱼ yⱼ` the *average* of the
  /// neighbours' values; it is the default transformation of esda's Moran
  /// statistics.
  ///
  /// ```swift
  /// let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
  /// w.rowStandardised().weights(of: 1)   // [0.5, 0.5]
  /// ```
  ///
  /// - Returns: Weights with the same ids and links whose rows sum to 1
  ///   (or are empty).
  /// - Complexity: O(*n* + *m*) for *n* areas and *m* directed links.
  public func rowStandardised() -> SpatialWeights {
    var values = weightValues
    for i in 0..<count {
      let range = offsets[i]..<offsets[i + 1]
      var sum = 0.0
      for k in range { sum += values[k] }
      guard sum > 0 else { continue }
      for k in range { values[k] /= sum }
    }
    return SpatialWeights(ids: ids, offsets: offsets, neighbourIndices: neighbourIndices, weightValues: values)
  }

  /// The same links with every weight set to 1 (libpysal transformation
  /// `"b"`).
  ///
  /// ```swift
  /// let w = try SpatialWeights(ids: ["a", "b"], neighbours: [[1], [0]], weights: [[0.3], [2]])
  /// w.binary().weightValues   // [1.0, 1.0]
  /// ```
  ///
  /// - Returns: Binary weights with the same ids and links.
  /// - Complexity: O(*n* + *m*) for *n* areas and *m* directed links.
  package func binary() -> SpatialWeights {
    SpatialWeights(
      ids: ids, offsets: offsets, neighbourIndices: neighbourIndices,
      weightValues: Array(repeating: 1.0, count: weightValues.count))
  }

  /// The number of areas.
  package var count: Int { ids.count }

  /// The neighbour indices of area `i`.
  public func neighbours(of i: Int) -> ArraySlice<Int> { neighbourIndices[offsets[i]..<offsets[i + 1]] }

  /// The weights of area `i`, aligned with ``neighbours(of:)``.
  public func weights(of i: Int) -> ArraySlice<Double> { weightValues[offsets[i]..<offsets[i + 1]] }

  /// The number of neighbours of area `i`.
  package func cardinality(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

  /// The sum of area `i`'s weights.
  package func rowSum(_ i: Int) -> Double { weights(of: i).reduce(0, +) }

  /// The sum of all weights (*S₀* in Moran's I).
  package var totalWeight: Double { weightValues.reduce(0, +) }

  /// The indices of areas with no neighbours (islands).
  package var islands: [Int] { (0..<count).filter { cardinality($0) == 0 } }
}
