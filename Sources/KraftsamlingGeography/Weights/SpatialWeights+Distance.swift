#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

extension SpatialWeights {
  /// Inverse-distance weights within a band (libpysal `DistanceBand` with
  /// `binary=False`): *wᵢⱼ* = *dᵢⱼ*^α for 0 < *dᵢⱼ* ≤ `threshold`.
  ///
  /// With the default α = −1 the weight is 1/*d*; α = −2 gives gravity
  /// weights. The band is inclusive and coincident points are not
  /// neighbours, as in libpysal (see
  /// ``NeighbourGraph/distanceBand(threshold:ids:points:distance:)``).
  /// Rows are in increasing neighbour index.
  ///
  /// ```swift
  /// let w = try SpatialWeights.inverseDistance(
  ///   threshold: 1500, ids: ids, points: centroids, distance: .euclidean)
  /// ```
  ///
  /// - Parameters:
  ///   - threshold: The largest distance of a neighbour.
  ///   - alpha: The exponent α (default −1); must be finite.
  ///   - ids: The area codes, unique.
  ///   - points: One point per area.
  ///   - distance: How distances are measured.
  /// - Throws: ``GeographyError`` for a repeated code, a point that is not
  ///   finite, a bad threshold or α.
  /// - Complexity: O(*n* log *n* + *m*) expected for *m* links.
  public static func inverseDistance(
    threshold: Double, alpha: Double = -1, ids: [String], points: [Coordinate], distance: PointDistance
  ) throws(GeographyError) -> SpatialWeights {
    guard alpha.isFinite else { throw GeographyError(.invalidParameter, "alpha must be finite, not \(alpha)") }
    let rows = try NeighbourGraph.bandRows(threshold: threshold, ids: ids, points: points, distance: distance)
    var offsets = [0]
    var neighbours: [Int] = []
    var values: [Double] = []
    for row in rows {
      for link in row {
        neighbours.append(link.index)
        values.append(pow(link.distance, alpha))
      }
      offsets.append(neighbours.count)
    }
    return SpatialWeights(ids: ids, offsets: offsets, neighbourIndices: neighbours, weightValues: values)
  }
}
