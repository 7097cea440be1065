import KraftsamlingCore
import KraftsamlingIndex

/// What to regionalise: areas, who neighbours whom, the attributes regions
/// should be homogeneous in, and an optional floor every region must reach.
///
/// Attributes are standardised to z-scores (mean 0, population standard
/// deviation 1, as scikit-learn's `StandardScaler`) so that each weighs the
/// same in the heterogeneity, the within-region sum of squared deviations
///
///     SSD = Σ_r Σ_{i ∈ r} ‖zᵢ − z̄_r‖².
///
/// A floor is a column (for example the number of people aged 16–29) and a
/// minimum: every region's sum of the column must reach it. Without a floor
/// column, SKATER's floor counts areas, as spopt's `floor` does.
///
/// ```swift
/// // Four areas in a row, one attribute; regions need 10 people.
/// let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
/// let problem = try RegionalizationProblem(
///   graph: g, attributes: [[1, 1.2, 5, 5.1]], floor: .init(values: [6, 5, 4, 7], minimum: 10))
/// let r = try Regionalization.skater(problem, regions: 2)
/// r.regions.map(\.members)   // [["a", "b"], ["c", "d"]]
/// ```
public struct RegionalizationProblem: Sendable, Hashable {
  /// A floor on a column: every region's total must be at least `minimum`.
  public struct Floor: Sendable, Hashable, Codable {
    /// The column's value per area, in the graph's row order.
    package let values: [Double]
    /// The smallest total a region may have.
    package let minimum: Double

    /// Creates a floor from one value per area and the smallest allowed total.
    public init(values: [Double], minimum: Double) {
      self.values = values
      self.minimum = minimum
    }
  }

  /// The areas and their contiguity (symmetric).
  package let graph: NeighbourGraph
  /// The floor, if any.
  package let floor: Floor?
  /// The standardised attributes, row-major: area *i*'s are
  /// `z[i * dimensions ..< (i + 1) * dimensions]`.
  package let z: [Double]
  /// The number of attributes.
  package let dimensions: Int

  /// Creates a problem.
  ///
  /// - Parameters:
  ///   - graph: The contiguity; it is made symmetric.
  ///   - attributes: One column per attribute, each with a value per area
  ///     in the graph's row order; at least one. Each is standardised; a
  ///     constant column becomes all zeros.
  ///   - floor: The floor every region must reach, or `nil`.
  /// - Throws: ``GeographyError`` `invalidParameter` for no attributes, a
  ///   column of the wrong length or a value that is not finite.
  /// - Complexity: O(*n* · *p* + *m* log *d*).
  public init(graph: NeighbourGraph, attributes: [[Double]], floor: Floor? = nil) throws(GeographyError) {
    let n = graph.count
    guard !attributes.isEmpty else {
      throw GeographyError(.invalidParameter, "regionalisation needs at least one attribute")
    }
    for (k, column) in attributes.enumerated() {
      guard column.count == n else {
        throw GeographyError(.invalidParameter, "attribute \(k + 1) has \(column.count) values for \(n) areas")
      }
      if let i = column.firstIndex(where: { !$0.isFinite }) {
        throw GeographyError(.invalidParameter, "attribute \(k + 1) is not a finite number", areas: [graph.ids[i]])
      }
    }
    if let floor {
      guard floor.values.count == n else {
        throw GeographyError(.invalidParameter, "the floor column has \(floor.values.count) values for \(n) areas")
      }
      if let i = floor.values.firstIndex(where: { !$0.isFinite }) {
        throw GeographyError(.invalidParameter, "the floor column is not a finite number", areas: [graph.ids[i]])
      }
    }
    self.graph = graph.isSymmetric ? graph : graph.symmetrized()
    self.floor = floor
    self.dimensions = attributes.count
    self.z = Self.standardised(attributes, count: n)
  }

  /// The z-scores, row-major.
  static func standardised(_ columns: [[Double]], count n: Int) -> [Double] {
    let p = columns.count
    var z = [Double](repeating: 0, count: n * p)
    for (k, column) in columns.enumerated() where n > 0 {
      let mean = column.reduce(0, +) / Double(n)
      let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
      let sd = variance.squareRoot()
      for i in 0..<n { z[i * p + k] = sd > 0 ? (column[i] - mean) / sd : 0 }
    }
    return z
  }

  /// The floor value of each area: the floor column, or 1 per area.
  package var floorValues: [Double] { floor?.values ?? [Double](repeating: 1, count: graph.count) }
}
