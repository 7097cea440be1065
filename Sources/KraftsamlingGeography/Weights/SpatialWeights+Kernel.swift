import KraftsamlingCore
import KraftsamlingIndex

extension SpatialWeights {
  /// Kernel weights (libpysal `Kernel`): *wᵢⱼ* = *K*(*dᵢⱼ* / *hᵢ*) for
  /// the neighbours *j* of *i* chosen by the bandwidth, **including *i*
  /// itself** with *wᵢᵢ* = *K*(0).
  ///
  /// Kernel weights are the one kind whose rows contain the area itself
  /// (the diagonal), as libpysal's do: ``neighbours(of:)`` of *i* lists *i*.
  /// The statistics treat a self-link as esda does (a self-weight in the
  /// spatial lag). `unitDiagonal` sets *wᵢᵢ* = 1 (libpysal
  /// `diagonal=True`). Bandwidths: see ``KernelBandwidth``. Rows are in
  /// increasing neighbour index.
  ///
  /// ```swift
  /// let w = try SpatialWeights.kernel(
  ///   .triangular, bandwidth: .adaptive(6), ids: ids, points: centroids, distance: .euclidean)
  /// ```
  ///
  /// - Parameters:
  ///   - function: The kernel *K*.
  ///   - bandwidth: How *hᵢ* is chosen.
  ///   - unitDiagonal: Set *wᵢᵢ* = 1 instead of *K*(0).
  ///   - ids: The area codes, unique.
  ///   - points: One point per area.
  ///   - distance: How distances are measured.
  /// - Throws: ``GeographyError`` for a repeated code, a point that is not
  ///   finite, a bandwidth that is not positive or *k* < 1.
  /// - Complexity: O(*n* log *n* + *m*) expected for *m* links.
  public static func kernel(
    _ function: KernelFunction, bandwidth: KernelBandwidth, unitDiagonal: Bool = false, ids: [String],
    points: [Coordinate], distance: PointDistance
  ) throws(GeographyError) -> SpatialWeights {
    let layout = try PointLayout(ids: ids, points: points, metric: distance)
    let eps = 1.0000001
    var rows: [[(index: Int, distance: Double)]]
    var h: [Double]
    switch bandwidth {
    case .fixed(let given):
      guard given.isFinite, given > 0 else {
        throw GeographyError(.invalidParameter, "the bandwidth must be a positive number, not \(given)")
      }
      h = Array(repeating: given, count: layout.count)
      rows = (0..<layout.count).map { layout.within(given, of: $0) }
    case .nearest(let k):
      let knn = try nearestRows(layout, k)
      let widest = knn.map { $0.last?.distance ?? 0 }.max() ?? 0
      h = Array(repeating: widest * eps, count: layout.count)
      rows = (0..<layout.count).map { layout.within(widest * eps, of: $0) }
    case .adaptive(let k):
      rows = try nearestRows(layout, k)
      h = rows.map { ($0.last?.distance ?? 0) * eps }
    }
    return kernelWeights(rows: rows, bandwidths: h, function: function, unitDiagonal: unitDiagonal, ids: ids)
  }

  private static func nearestRows(_ layout: PointLayout, _ k: Int) throws(GeographyError)
    -> [[(index: Int, distance: Double)]]
  {
    guard k >= 1 else { throw GeographyError(.invalidParameter, "k must be at least 1, not \(k)") }
    return (0..<layout.count).map { layout.nearest($0, k: k) }
  }

  /// The weights of the rows plus the diagonal, each row by increasing index.
  private static func kernelWeights(
    rows: [[(index: Int, distance: Double)]], bandwidths h: [Double], function: KernelFunction, unitDiagonal: Bool,
    ids: [String]
  ) -> SpatialWeights {
    var offsets = [0]
    offsets.reserveCapacity(rows.count + 1)
    var neighbours: [Int] = []
    var values: [Double] = []
    for (i, row) in rows.enumerated() {
      var links = row.map { (index: $0.index, weight: function.value(h[i] > 0 ? $0.distance / h[i] : 0)) }
      links.append((i, unitDiagonal ? 1 : function.value(0)))
      links.sort { $0.index < $1.index }
      for link in links {
        neighbours.append(link.index)
        values.append(link.weight)
      }
      offsets.append(neighbours.count)
    }
    return SpatialWeights(ids: ids, offsets: offsets, neighbourIndices: neighbours, weightValues: values)
  }
}
