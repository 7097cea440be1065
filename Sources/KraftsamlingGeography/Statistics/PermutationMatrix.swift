import KraftsamlingCore
import KraftsamlingIndex

/// A matrix of random indices that drives a permutation test: one row per
/// permutation.
///
/// Two kinds are used:
///
/// - **Conditional** (Local Moran, Getis–Ord): each row holds `columns`
///   *distinct* indices into the *n − 1 other* observations, as esda's
///   `vec_permutations` draws them. The same matrix is reused for every
///   site *i*: an index `j` stands for observation `j` when `j < i` and for
///   observation `j + 1` when `j ≥ i`, so site *i* itself is never drawn.
///   Site *i* with *kᵢ* neighbours uses the first *kᵢ* columns of every
///   row, so `columns` must be at least the largest number of neighbours.
/// - **Full** (global Moran's I): each row is a permutation of `0..<n`; the
///   permuted values are `y[row[0]], y[row[1]], …`, as `numpy.random.permutation`.
///
/// A seeded matrix is drawn sequentially from ``SeededGenerator``; inject
/// your own (for example the one esda drew, to compare statistic for
/// statistic) with ``init(rows:columns:indices:)`` or ``init(_:)``.
///
/// ```swift
/// let m = PermutationMatrix.conditional(observations: 9, columns: 4, permutations: 99, seed: 7)
/// m.rows          // 99
/// m[0, 0] < 8     // true: indices point into the 8 other observations
/// let injected = try PermutationMatrix([[0, 1], [5, 2]])   // two permutations, two columns
/// ```
///
/// Storage is 4 bytes per entry, column by column (`indices[c * rows + r]`),
/// the order in which the permutation engine reads it.
public struct PermutationMatrix: Sendable, Hashable, Codable {
  /// The number of permutations.
  public let rows: Int
  /// The number of indices per permutation.
  public let columns: Int
  /// The entries column by column: entry (`r`, `c`) is `columnMajor[c * rows + r]`.
  package let columnMajor: [Int32]

  /// Creates a matrix from its entries given row by row (as esda's
  /// `permuted_ids` array, flattened in C order).
  ///
  /// - Parameters:
  ///   - rows: The number of permutations.
  ///   - columns: The number of indices per permutation.
  ///   - indices: `rows × columns` non-negative indices, row by row.
  /// - Throws: ``SpatialStatisticsError`` (`stats.bad-permutation-matrix`)
  ///   if the count does not match, an index is negative or does not fit
  ///   in 32 bits. Whether the indices suit a statistic is checked when it
  ///   is computed.
  /// - Complexity: O(*rows* · *columns*).
  package init(rows: Int, columns: Int, indices: [Int]) throws(SpatialStatisticsError) {
    guard rows >= 0, columns >= 0, indices.count == rows * columns else {
      throw SpatialStatisticsError(
        .badPermutationMatrix,
        "the permutation matrix has \(indices.count) entries, not rows × columns = \(rows) × \(columns); "
          + "give the entries row by row")
    }
    var storage = [Int32](repeating: 0, count: indices.count)
    for r in 0..<rows {
      for c in 0..<columns {
        let v = indices[r * columns + c]
        guard v >= 0, v <= Int(Int32.max) else {
          throw SpatialStatisticsError(
            .badPermutationMatrix,
            "permutation \(r) has an invalid index \(v) in column \(c); indices must be 0 or more")
        }
        storage[c * rows + r] = Int32(v)
      }
    }
    self.rows = rows
    self.columns = columns
    self.columnMajor = storage
  }

  /// Creates a matrix from its rows.
  ///
  /// - Parameter rows: One array of indices per permutation, all of the
  ///   same length.
  /// - Throws: ``SpatialStatisticsError`` if the rows have different
  ///   lengths or an index is invalid.
  /// - Complexity: O(*rows* · *columns*).
  public init(_ rows: [[Int]]) throws(SpatialStatisticsError) {
    let columns = rows.first?.count ?? 0
    guard rows.allSatisfy({ $0.count == columns }) else {
      throw SpatialStatisticsError(
        .badPermutationMatrix, "the permutation matrix's rows have different lengths; give every permutation the same number of indices")
    }
    try self.init(rows: rows.count, columns: columns, indices: rows.flatMap { $0 })
  }

  init(rows: Int, columns: Int, columnMajor: [Int32]) {
    self.rows = rows
    self.columns = columns
    self.columnMajor = columnMajor
  }

  /// The index in permutation `row`, position `column`.
  public subscript(row: Int, column: Int) -> Int { Int(columnMajor[column * rows + row]) }

  /// Permutation `row` as an array.
  package func row(_ row: Int) -> [Int] { (0..<columns).map { self[row, $0] } }

  /// Draws a conditional permutation matrix: `permutations` rows, each
  /// `columns` distinct indices in `0..<observations − 1`, sampled without
  /// replacement.
  ///
  /// The rows are drawn one after the other from one
  /// `SeededGenerator(seed: seed)` by a partial Fisher–Yates shuffle of a
  /// pool of the *n − 1* indices (the pool is not reset between rows; each
  /// row is still a uniform sample). The draw is sequential and cheap
  /// (O(*P* · *k*)), so the matrix, and every statistic computed from it,
  /// does not depend on how many threads later use it.
  ///
  /// ```swift
  /// let m = PermutationMatrix.conditional(observations: 5, columns: 2, permutations: 3, seed: 1)
  /// m.row(0)   // two distinct indices in 0..<4, the same on every run
  /// ```
  ///
  /// - Parameters:
  ///   - observations: *n*, the number of areas.
  ///   - columns: *k*, the largest number of neighbours of any area.
  ///   - permutations: *P*, the number of rows.
  ///   - seed: The seed.
  /// - Returns: The matrix.
  /// - Precondition: `columns <= observations − 1` when `permutations > 0`
  ///   and `columns > 0`.
  /// - Complexity: O(*n* + *P* · *k*).
  public static func conditional(observations: Int, columns: Int, permutations: Int, seed: UInt64) -> PermutationMatrix {
    let m = max(observations - 1, 0)
    precondition(permutations <= 0 || columns <= m, "cannot draw \(columns) distinct indices from \(m)")
    let p = max(permutations, 0)
    var storage = [Int32](repeating: 0, count: p * columns)
    guard p > 0, columns > 0 else { return PermutationMatrix(rows: p, columns: columns, columnMajor: storage) }
    var pool = (0..<m).map { Int32($0) }
    var g = SeededGenerator(seed: seed)
    for r in 0..<p {
      for c in 0..<columns {
        let j = c + g.uniform(below: m - c)
        pool.swapAt(c, j)
        storage[c * p + r] = pool[c]
      }
    }
    return PermutationMatrix(rows: p, columns: columns, columnMajor: storage)
  }

  /// Draws a matrix of full permutations of `0..<observations`, the ones the
  /// seeded global Moran's I uses.
  ///
  /// Permutation `r` is a Fisher–Yates shuffle of `0..<n` by the generator
  /// `SeededGenerator(seed: seed).stream(r)`, so each row depends only on the
  /// seed and its number. ``GlobalMoran`` draws the same permutations on
  /// the fly without storing them; this function materialises them, for
  /// tests and for inspection.
  ///
  /// ```swift
  /// let m = PermutationMatrix.full(observations: 4, permutations: 2, seed: 1)
  /// m.row(0).sorted()   // [0, 1, 2, 3]
  /// ```
  ///
  /// - Parameters:
  ///   - observations: *n*, the number of areas.
  ///   - permutations: *P*, the number of rows.
  ///   - seed: The seed.
  /// - Returns: A `P × n` matrix.
  /// - Complexity: O(*P* · *n*) time and memory.
  public static func full(observations: Int, permutations: Int, seed: UInt64) -> PermutationMatrix {
    let n = max(observations, 0)
    let p = max(permutations, 0)
    var storage = [Int32](repeating: 0, count: p * n)
    var perm = [Int32](repeating: 0, count: n)
    let root = SeededGenerator(seed: seed)
    for r in 0..<p {
      fullPermutation(&perm, generator: root.stream(UInt64(r)))
      for c in 0..<n { storage[c * p + r] = perm[c] }
    }
    return PermutationMatrix(rows: p, columns: n, columnMajor: storage)
  }

  /// Fills `perm` with a Fisher–Yates shuffle of `0..<perm.count`.
  @inline(__always)
  static func fullPermutation(_ perm: inout [Int32], generator: SeededGenerator) {
    var g = generator
    for k in 0..<perm.count { perm[k] = Int32(k) }
    g.shuffle(&perm)
  }
}
