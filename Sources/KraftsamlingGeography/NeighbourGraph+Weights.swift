import KraftsamlingCore
import KraftsamlingIndex

extension NeighbourGraph {
  /// How neighbour links become weights.
  ///
  /// These are libpysal's transforms `"B"` and `"R"` (`W.transform`).
  public enum WeightStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// *wᵢⱼ* = 1 for every neighbour *j* of *i* (libpysal `"B"`).
    case binary
    /// *wᵢⱼ* = 1 / (number of neighbours of *i*), so each row sums to 1
    /// (libpysal `"R"`). An island keeps an empty row (sum 0), as in
    /// libpysal.
    case rowStandardised
  }

  /// The graph as spatial weights for the statistics of
  /// `Geography/Statistics` (Moran's I, Local Moran, Getis–Ord).
  ///
  /// ```swift
  /// let g = try NeighbourGraph(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
  /// let w = g.weights(.rowStandardised)
  /// Array(w.weights(of: 1))   // [0.5, 0.5]
  /// w.totalWeight             // 3.0 (one per non-island row)
  /// ```
  ///
  /// - Parameter style: Binary (default) or row-standardised.
  /// - Complexity: O(*n* + *m*).
  public func weights(_ style: WeightStyle = .binary) -> SpatialWeights {
    var values = [Double](repeating: 1, count: neighbourIndices.count)
    if style == .rowStandardised {
      for i in 0..<count where degree(i) > 0 {
        let w = 1 / Double(degree(i))
        for k in offsets[i]..<offsets[i + 1] { values[k] = w }
      }
    }
    return SpatialWeights(ids: ids, offsets: offsets, neighbourIndices: neighbourIndices, weightValues: values)
  }
}
