#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The normalised indicator values of many areas, as an ``Aggregation``
/// scores them in one call: ``rowCount`` areas × ``columnCount``
/// indicators, stored row by row, NaN where a value is missing.
///
/// ```swift
/// let m = IndicatorMatrix(values: [1, 3,  2, .nan], columnCount: 2)   // two areas
/// var scores = [Double](repeating: .nan, count: m.rowCount)
/// WeightedArithmeticMean.arithmetic.aggregate(m, weights: [1, 3], into: &scores)   // [2.5, 2.0]
/// ```
public struct IndicatorMatrix: Sendable {
  /// The number of areas (rows).
  public let rowCount: Int
  /// The number of indicators (columns).
  public let columnCount: Int
  /// The values, row-major: area *i*'s indicator *j* at *i*·``columnCount`` + *j*.
  public let values: [Double]
  /// Zero-filled columns for the arithmetic mean's column loop, when prepared.
  var meanColumns: ColumnCache? = nil
  /// Zero-filled columns of ln(*x* + offset) by offset, for the geometric mean.
  var logColumns: [Double: ColumnCache] = [:]

  /// A matrix of `values.count / columnCount` rows.
  ///
  /// - Precondition: `columnCount > 0` and `values.count` is a multiple of it.
  public init(values: [Double], columnCount: Int) {
    precondition(columnCount > 0 && values.count % columnCount == 0, "values must fill whole rows")
    self.values = values
    self.columnCount = columnCount
    self.rowCount = values.count / columnCount
  }

  /// The values of one area.
  package func row(_ i: Int) -> ArraySlice<Double> { values[(i * columnCount)..<((i + 1) * columnCount)] }

  /// The matrix of some of the columns, in the order given.
  func selecting(columns: [Int]) -> IndicatorMatrix {
    var out: [Double] = []
    out.reserveCapacity(rowCount * columns.count)
    for i in 0..<rowCount {
      let base = i * columnCount
      for j in columns { out.append(values[base + j]) }
    }
    return IndicatorMatrix(values: out, columnCount: max(1, columns.count))
  }

  /// The same values with column-major caches that let the built-in means
  /// score by columns (a loop the compiler vectorises): one for the
  /// arithmetic mean and one of logarithms per geometric offset. Prepared
  /// once by an engine that scores the matrix many times.
  func preparingColumns(arithmetic: Bool, geometricOffsets: Set<Double>) -> IndicatorMatrix {
    var copy = self
    let columns = (0..<columnCount).map { j in (0..<rowCount).map { values[$0 * columnCount + j] } }
    if arithmetic { copy.meanColumns = ColumnCache(columns) }
    for offset in geometricOffsets {
      copy.logColumns[offset] = ColumnCache(columns.map { c in c.map { $0.isNaN ? .nan : log($0 + offset) } })
    }
    return copy
  }
}
