import KraftsamlingCore

/// A way to combine an area's normalised indicator values into one score:
/// weighted arithmetic, geometric or harmonic mean, the minimum, or a count
/// of indicators beyond a threshold — or your own.
///
/// The engine calls ``aggregate(_:weights:)`` once per area (and, with a
/// tree of dimensions, once per dimension of each area) with only the
/// *available* values and their weights as written in the definition
/// (positive, not normalised). Each aggregation decides how weights act;
/// the built-in means divide by the sum of the weights given, which is how
/// the `reweight` missing-data policy "reweights over the available
/// indicators".
///
/// A higher input is worse, and a higher score must be worse too.
///
/// ```swift
/// WeightedArithmeticMean.arithmetic.aggregate([1, 3], weights: [1, 3])   // (1 + 9)/4 = 2.5
/// ```
///
/// To plug in your own, conform a `Sendable` struct, give it a
/// ``specification`` and register it in an ``IndexStrategyCatalog`` if JSON
/// definitions should name it.
public protocol Aggregation: Sendable, CustomStringConvertible {
  /// The method's name and parameters, as written in definitions and run records.
  var specification: StrategySpecification { get }

  /// Checks the parameters.
  ///
  /// - Throws: ``IndexError`` `index.invalid-parameter`.
  func validate() throws(IndexError)

  /// Whether some values cannot be aggregated (a geometric or harmonic
  /// mean needs values > 0). When `false` (the default) the engine skips
  /// ``domainProblem(for:)``.
  var restrictsDomain: Bool { get }

  /// Why a normalised value cannot be aggregated, or `nil` when it can
  /// (a geometric mean needs values > 0). The engine checks every value
  /// before a checked run and reports the areas concerned.
  func domainProblem(for value: Double) -> String?

  /// The score of one area (or dimension).
  ///
  /// - Parameters:
  ///   - values: The available normalised values; at least one.
  ///   - weights: Their weights, each ≥ 0, at least one > 0.
  /// - Returns: The score, or NaN when it is undefined.
  /// - Complexity: O(*k*) in the number of values.
  func aggregate(_ values: [Double], weights: [Double]) -> Double

  /// Scores every area of a matrix at once.
  ///
  /// `scores[i]` becomes what ``aggregate(_:weights:)`` gives for row *i*'s
  /// available values (not NaN) whose weight is > 0, in column order, or
  /// NaN when there is none. The default implementation does exactly that,
  /// one call per row; the built-in aggregations run specialised loops
  /// with the same arithmetic in the same order (bit for bit the same
  /// scores). Implement it when your aggregation can do better than one
  /// call per area: every engine — a single index, the dimensions of a
  /// tree, each replication of a robustness analysis — scores through it.
  ///
  /// ```swift
  /// let m = IndicatorMatrix(values: [1, 3,  2, .nan], columnCount: 2)
  /// var s = [Double](repeating: .nan, count: 2)
  /// MinimumAggregation().aggregate(m, weights: [1, 1], into: &s)   // [1, 2]
  /// ```
  ///
  /// - Parameters:
  ///   - matrix: The areas' normalised values.
  ///   - weights: One weight per column, each ≥ 0 (0 leaves the column out).
  ///   - scores: One slot per row, overwritten.
  /// - Precondition: `weights.count == matrix.columnCount` and
  ///   `scores.count == matrix.rowCount`.
  /// - Complexity: O(*n*·*m*) for *n* rows and *m* columns.
  func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double])

  /// Each value's contribution to its area's score, for every area at once.
  ///
  /// For each row *i* whose `scores[i]` is not NaN, writes
  /// `contributions[j][i]` for the columns *j* the row's score used (value
  /// not NaN, weight > 0), as ``contributions(_:weights:score:into:)``
  /// gives them; other cells are left as they are. The default
  /// implementation does exactly that, one call per row; the arithmetic
  /// mean runs a column loop with the same arithmetic.
  ///
  /// - Parameters:
  ///   - matrix: The areas' normalised values.
  ///   - weights: One weight per column.
  ///   - scores: The rows' scores, from ``aggregate(_:weights:into:)``.
  ///   - contributions: One array per column with one slot per row.
  /// - Complexity: O(*n*·*m*).
  func contributions(_ matrix: IndicatorMatrix, weights: [Double], scores: [Double], into contributions: inout [[Double]])

  /// How much each value contributes to `score`, written into
  /// `contributions` (same count as `values`).
  ///
  /// For the arithmetic mean the contributions sum to the score; each
  /// aggregation documents what its contributions mean.
  func contributions(_ values: [Double], weights: [Double], score: Double, into contributions: inout [Double])
}

extension Aggregation {
  /// No parameters to check.
  public func validate() throws(IndexError) {}
  /// Every value can be aggregated.
  public var restrictsDomain: Bool { false }
  /// Every value can be aggregated.
  public func domainProblem(for value: Double) -> String? { nil }
  /// The specification's text.
  public var description: String { specification.description }

  /// One ``aggregate(_:weights:)`` per row over its available, weighted values.
  public func aggregate(_ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double]) {
    precondition(weights.count == matrix.columnCount && scores.count == matrix.rowCount, "one weight per column, one score per row")
    let m = matrix.columnCount
    var values: [Double] = []
    var valueWeights: [Double] = []
    values.reserveCapacity(m)
    valueWeights.reserveCapacity(m)
    for i in 0..<matrix.rowCount {
      values.removeAll(keepingCapacity: true)
      valueWeights.removeAll(keepingCapacity: true)
      let base = i * m
      for j in 0..<m {
        let v = matrix.values[base + j]
        if !v.isNaN && weights[j] > 0 {
          values.append(v)
          valueWeights.append(weights[j])
        }
      }
      scores[i] = values.isEmpty ? .nan : aggregate(values, weights: valueWeights)
    }
  }
}

extension Aggregation {
  /// One ``contributions(_:weights:score:into:)`` per scored row.
  public func contributions(
    _ matrix: IndicatorMatrix, weights: [Double], scores: [Double], into contributions: inout [[Double]]
  ) {
    let all = Array(0..<matrix.columnCount)
    var g = Gathered()
    for i in 0..<matrix.rowCount where !scores[i].isNaN {
      g.gather(matrix.values, row: i, width: matrix.columnCount, all, weights: weights)
      guard !g.values.isEmpty else { continue }
      g.contribute(self, score: scores[i])
      for (t, j) in g.columns.enumerated() { contributions[j][i] = g.contributions[t] }
    }
  }
}

/// The available, weighted values of one area, gathered into reused
/// buffers (no allocation per area).
struct Gathered {
  var values: [Double] = []
  var weights: [Double] = []
  var columns: [Int] = []
  var contributions: [Double] = []

  /// Gathers area `k`'s values among `columns` that are not NaN and weigh > 0.
  mutating func gather(_ matrix: [Double], row k: Int, width m: Int, _ columns: [Int], weights w: [Double]) {
    values.removeAll(keepingCapacity: true)
    weights.removeAll(keepingCapacity: true)
    self.columns.removeAll(keepingCapacity: true)
    let base = k * m
    for j in columns {
      let v = matrix[base + j]
      if !v.isNaN && w[j] > 0 {
        values.append(v)
        weights.append(w[j])
        self.columns.append(j)
      }
    }
  }

  /// The aggregation's contributions of the gathered values to `score`.
  mutating func contribute(_ aggregation: any Aggregation, score: Double) {
    contributions.removeAll(keepingCapacity: true)
    for _ in values.indices { contributions.append(0) }
    aggregation.contributions(values, weights: weights, score: score, into: &contributions)
  }
}

/// The loop every built-in batch aggregation shares: for each row, the
/// available values with weight > 0 in column order.
@inline(__always)
func forEachRow(
  _ matrix: IndicatorMatrix, weights: [Double], into scores: inout [Double],
  _ row: (_ values: UnsafePointer<Double>, _ weights: UnsafeBufferPointer<Double>) -> Double
) {
  precondition(weights.count == matrix.columnCount && scores.count == matrix.rowCount, "one weight per column, one score per row")
  let m = matrix.columnCount
  matrix.values.withUnsafeBufferPointer { mat in
    weights.withUnsafeBufferPointer { w in
      scores.withUnsafeMutableBufferPointer { out in
        guard let base = mat.baseAddress else { return }
        for i in 0..<out.count { out[i] = row(base + i * m, w) }
      }
    }
  }
}
