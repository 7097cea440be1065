import KraftsamlingCore
import KraftsamlingIndex

extension Regionalization {
  /// Max-p regions (Duque, Anselin & Rey 2012, with the construction and
  /// annealing of Wei, Rey & Knaap 2020 as in spopt's `MaxPHeuristic`): as
  /// many contiguous regions as possible, each reaching the floor, then as
  /// homogeneous as a local search can make them.
  ///
  /// 1. *Construction*, `options.constructions` times with its own random
  ///    stream: visit areas in random order; from each unassigned one grow a
  ///    region breadth-first until it reaches the floor; areas of regions
  ///    that cannot are enclaves, each handed to one of the
  ///    `enclaveCandidates` neighbouring regions it adds least
  ///    heterogeneity to.
  /// 2. Keep the constructions with the most regions *p*.
  /// 3. *Local search*, `annealingRuns` times from each: simulated annealing
  ///    (temperature 1, cooling 0.998, tabu list of 10, stopping after *n*
  ///    non-improving moves in a row) moving areas between neighbouring
  ///    regions without breaking contiguity or the floor.
  /// 4. Return the result with the lowest SSD (ties: the earliest run).
  ///
  /// Parts of the map whose total is below the floor cannot hold a region:
  /// their areas are left out (``region(of:)`` `nil`) with a warning.
  /// Attach islands first with ``NeighbourGraph/joiningComponents(centroids:)``
  /// to avoid that.
  ///
  /// ```swift
  /// let r = try Regionalization.maxP(problem, options: .init(seed: 1, threads: 2))
  /// r.regions.allSatisfy { $0.floorTotal >= problem.floor!.minimum }   // true
  /// ```
  ///
  /// - Parameters:
  ///   - problem: Areas, contiguity, attributes and the floor (required).
  ///   - options: Seed, threads and search effort.
  /// - Returns: The regions, the same for any number of threads.
  /// - Throws: ``GeographyError`` `invalidParameter` without a floor, with
  ///   options below 1 (0 annealing runs is allowed), or when no part of
  ///   the map reaches the floor.
  /// - Complexity: O(*c* (*n p* + *m*)) for *c* constructions, plus the
  ///   annealing: O(*d p*) per step and O(*n* + *m*) per rebuilt move list.
  public static func maxP(_ problem: RegionalizationProblem, options: MaxPOptions = .init()) throws(GeographyError)
    -> Regionalization
  {
    guard let floor = problem.floor else {
      throw GeographyError(.invalidParameter, "max-p needs a floor: a column and the total every region must reach")
    }
    guard options.constructions >= 1, options.threads >= 1, options.enclaveCandidates >= 1, options.annealingRuns >= 0
    else {
      throw GeographyError(
        .invalidParameter, "max-p needs at least 1 construction, thread and enclave candidate, and 0 or more annealing runs")
    }
    let (initial, warnings) = try startingState(problem, minimum: floor.minimum)
    let search = MaxPSearch(problem: problem, minimum: floor.minimum, options: options)
    let best = search.run(initial)
    return Regionalization(method: .maxP, problem: problem, labels: best.outputLabels, warnings: warnings)
  }

  /// The empty partition with areas in parts of the map below the floor left out.
  static func startingState(_ problem: RegionalizationProblem, minimum: Double) throws(GeographyError) -> (
    MaxPState, [String]
  ) {
    let values = problem.floorValues
    var labels = [Int](repeating: 0, count: problem.graph.count)
    var warnings: [String] = []
    let parts = problem.graph.components()
    var feasible = 0
    for part in parts {
      let total = part.reduce(0) { $0 + values[$1] }
      if total >= minimum {
        feasible += 1
        continue
      }
      for i in part { labels[i] = -1 }
      let names = part.prefix(5).map { problem.graph.ids[$0] }.joined(separator: ", ")
      warnings.append(
        "\(part.count) area(s) (\(names)\(part.count > 5 ? ", …" : "")) form a separate part of the map with a floor total of \(total), below \(minimum): left out"
      )
    }
    guard feasible > 0 else {
      throw GeographyError(.invalidParameter, "no part of the map reaches the floor \(minimum): lower the floor")
    }
    return (MaxPState(z: problem.z, p: problem.dimensions, floorValues: values, labels: labels), warnings)
  }
}
