import KraftsamlingCore
import KraftsamlingIndex

/// Seeded synthetic inputs for the spatial statistics: regular lattices and
/// spatially autocorrelated values, for examples, tests and benchmarks.
///
/// ```swift
/// let w = SyntheticSpatialData.lattice(rows: 77, columns: 80)           // 6,160 areas, rook
/// let y = SyntheticSpatialData.values(rows: 77, columns: 80, seed: 1)  // smooth field + noise
/// let lisa = try LocalSpatialStatistics.moran(values: y, weights: w,
///                                             inference: .init(permutations: 9_999, seed: 1))
/// ```
package enum SyntheticSpatialData {
  /// A `rows × columns` grid of square cells with rook (shared edge) or
  /// queen (shared edge or corner) neighbours and binary weights, numbered
  /// row by row from the top-left, as libpysal's `lat2W`.
  ///
  /// Cell (*r*, *c*) has index *r · columns + c* and id `"r,c"`; its
  /// neighbours are listed in increasing index order.
  ///
  /// ```swift
  /// let w = SyntheticSpatialData.lattice(rows: 3, columns: 3)
  /// w.neighbours(of: 4)   // [1, 3, 5, 7]
  /// w.ids[4]              // "1,1"
  /// ```
  ///
  /// - Parameters:
  ///   - rows: The number of rows (≥ 1).
  ///   - columns: The number of columns (≥ 1).
  ///   - queen: `true` for queen contiguity (up to 8 neighbours), `false`
  ///     for rook (up to 4).
  /// - Returns: Binary weights.
  /// - Complexity: O(*rows* · *columns*).
  package static func lattice(rows: Int, columns: Int, queen: Bool = false) -> SpatialWeights {
    precondition(rows >= 1 && columns >= 1, "a lattice needs at least one row and one column")
    var ids: [String] = []
    ids.reserveCapacity(rows * columns)
    var offsets = [0]
    offsets.reserveCapacity(rows * columns + 1)
    var neighbours: [Int] = []
    neighbours.reserveCapacity(rows * columns * (queen ? 8 : 4))
    for r in 0..<rows {
      for c in 0..<columns {
        ids.append("\(r),\(c)")
        for dr in -1...1 {
          for dc in -1...1 where (dr, dc) != (0, 0) {
            if !queen && dr != 0 && dc != 0 { continue }
            let rr = r + dr
            let cc = c + dc
            if rr >= 0, rr < rows, cc >= 0, cc < columns { neighbours.append(rr * columns + cc) }
          }
        }
        offsets.append(neighbours.count)
      }
    }
    return SpatialWeights(
      ids: ids, offsets: offsets, neighbourIndices: neighbours,
      weightValues: Array(repeating: 1.0, count: neighbours.count))
  }

  /// Positive, spatially autocorrelated values on a `rows × columns`
  /// lattice: a smooth gradient and a few seeded bumps plus seeded noise,
  /// so that Moran's I is clearly positive and LISA finds clusters.
  ///
  /// ```swift
  /// let y = SyntheticSpatialData.values(rows: 10, columns: 10, seed: 3)
  /// y.count          // 100
  /// y.min()! > 0     // true
  /// ```
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - seed: The seed of the bumps and the noise.
  /// - Returns: One value per cell, row by row.
  /// - Complexity: O(*rows* · *columns*).
  package static func values(rows: Int, columns: Int, seed: UInt64) -> [Double] {
    var g = SeededGenerator(seed: seed)
    let bumps = (0..<4).map { _ in
      (r: g.uniform() * Double(rows), c: g.uniform() * Double(columns), h: 2 + 3 * g.uniform())
    }
    let radius = Double(max(rows, columns)) / 6 + 1
    var y: [Double] = []
    y.reserveCapacity(rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        var v = 5 + 2 * Double(r) / Double(max(rows - 1, 1))
        for b in bumps {
          let d2 = ((Double(r) - b.r) * (Double(r) - b.r) + (Double(c) - b.c) * (Double(c) - b.c)) / (radius * radius)
          if d2 < 1 { v += b.h * (1 - d2) }
        }
        v += 0.5 * g.normal()
        y.append(max(v, 0.01))
      }
    }
    return y
  }
}
