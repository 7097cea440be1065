import KraftsamlingCore
import KraftsamlingIndex

extension SpatialWeights {
  /// The weights among a subset of the areas: rows and links of the other
  /// areas are dropped, the kept areas keep their order.
  ///
  /// Use it when some areas have no value for the variable being tested (a
  /// zero denominator, a suppressed cell): the statistics need one value
  /// per area, so leave those areas out of the weights. Areas whose
  /// neighbours were all dropped become islands. Weights are copied as they
  /// are; row-standardise afterwards (the statistics do so by default).
  ///
  /// ```swift
  /// // 0 – 1 – 2 in a row; drop the middle one.
  /// let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
  /// let kept = w.restricted(to: [0, 2])
  /// kept.ids         // ["a", "c"]
  /// kept.islands     // [0, 1]: their only neighbour is gone
  /// ```
  ///
  /// - Parameter rows: The indices of the areas to keep, in the order they
  ///   should have (usually increasing).
  /// - Returns: Weights over `rows.count` areas.
  /// - Precondition: every index is in range and appears once.
  /// - Complexity: O(*n* + *m*) for *n* areas and *m* links.
  package func restricted(to rows: [Int]) -> SpatialWeights {
    var newIndex = [Int](repeating: -1, count: count)
    for (k, i) in rows.enumerated() {
      precondition(i >= 0 && i < count && newIndex[i] == -1, "restricted(to:) needs distinct indices in range")
      newIndex[i] = k
    }
    var offsets = [0]
    offsets.reserveCapacity(rows.count + 1)
    var neighbours: [Int] = []
    var values: [Double] = []
    for i in rows {
      for k in self.offsets[i]..<self.offsets[i + 1] {
        let j = newIndex[neighbourIndices[k]]
        if j >= 0 {
          neighbours.append(j)
          values.append(weightValues[k])
        }
      }
      offsets.append(neighbours.count)
    }
    return SpatialWeights(ids: rows.map { ids[$0] }, offsets: offsets, neighbourIndices: neighbours, weightValues: values)
  }

  /// The indices of the areas whose id has a value in `values`, and those
  /// values in the same order: the input of a statistic when values come
  /// keyed by area code.
  ///
  /// ```swift
  /// let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0, 2], [1]])
  /// let (rows, y) = w.aligned(["c": 3, "a": 1])
  /// rows   // [0, 2]
  /// y      // [1.0, 3.0]
  /// ```
  ///
  /// - Parameter values: Values by area code; codes not in ``ids`` are ignored.
  /// - Returns: The rows with a value, increasing, and their values.
  /// - Complexity: O(*n*) expected.
  package func aligned(_ values: [String: Double]) -> (rows: [Int], values: [Double]) {
    var rows: [Int] = []
    var y: [Double] = []
    for (i, id) in ids.enumerated() {
      if let v = values[id] {
        rows.append(i)
        y.append(v)
      }
    }
    return (rows, y)
  }
}
