import KraftsamlingCore
import KraftsamlingIndex

extension Regionalization {
  /// SKATER (Assunção, Neves, Câmara & da Costa Freitas 2006; spopt
  /// `Skater`): the minimum spanning tree of the contiguity, its links
  /// weighted by attribute dissimilarity, cut greedily into `regions` trees.
  ///
  /// Each step makes, over all links of all current trees, the cut that
  /// lowers the total within-region sum of squared deviations most while
  /// both parts reach the floor. Cutting tree *C* into *A* and *B* lowers it
  /// by *nₐ n_b / n_c* · ‖z̄ₐ − z̄_b‖², which subtree sums give for every link
  /// of *C* in one pass. Deterministic: no seed.
  ///
  /// A map in several pieces (islands) starts with one tree per piece; the
  /// pieces count towards `regions` (spopt's `islands="ignore"`). Attach
  /// islands first with ``NeighbourGraph/joiningComponents(centroids:)`` to
  /// avoid that.
  ///
  /// ```swift
  /// let r = try Regionalization.skater(problem, regions: 10)
  /// r.regions.count   // 10, unless the floor allows fewer cuts (see warnings)
  /// ```
  ///
  /// - Parameters:
  ///   - problem: Areas, contiguity, attributes and floor (without a floor
  ///     column, the floor counts areas).
  ///   - regions: The number of regions wanted (≥ 1).
  /// - Returns: The regions; ``warnings`` says when fewer could be made.
  /// - Throws: ``GeographyError`` `invalidParameter` for `regions` < 1 or a
  ///   piece of the map whose total is below the floor.
  /// - Complexity: O(*m* log *m* + *m p*) for the tree, then O(*n p*) per cut
  ///   at worst (each cut re-scans only the two new trees).
  public static func skater(_ problem: RegionalizationProblem, regions k: Int) throws(GeographyError) -> Regionalization {
    guard k >= 1 else { throw GeographyError(.invalidParameter, "SKATER needs at least 1 region, not \(k)") }
    var solver = SkaterSolver(problem)
    var warnings: [String] = []
    if solver.trees.count > 1 {
      warnings.append(
        "the contiguity graph has \(solver.trees.count) separate parts; each is a region of its own and counts towards the \(k)"
      )
    }
    if let low = solver.trees.first(where: { solver.floorTotal($0) < solver.minimum }) {
      throw GeographyError(
        .invalidParameter,
        "a separate part of the map (\(low.count) area(s)) has a floor total of \(solver.floorTotal(low)), below the floor \(solver.minimum); attach islands or lower the floor",
        areas: low.map { problem.graph.ids[$0] })
    }
    solver.cut(until: k)
    if solver.trees.count < k {
      warnings.append(
        "only \(solver.trees.count) of \(k) regions: no further cut leaves both parts at the floor")
    }
    return Regionalization(method: .skater, problem: problem, labels: solver.labels, warnings: warnings)
  }
}
