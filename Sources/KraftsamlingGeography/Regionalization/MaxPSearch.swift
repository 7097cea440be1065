import KraftsamlingCore

/// Runs max-p's constructions and annealing runs over threads, each with
/// its own random stream derived from the seed, and picks the best by
/// (SSD, run index), so the result does not depend on the threads.
struct MaxPSearch {
  let problem: RegionalizationProblem
  let minimum: Double
  let options: MaxPOptions

  func run(_ initial: MaxPState) -> MaxPState {
    let root = SeededGenerator(seed: options.seed)
    let construction = MaxPConstruction(
      graph: problem.graph, minimum: minimum, enclaveCandidates: options.enclaveCandidates)
    let built = Self.parallelMap(count: options.constructions, threads: options.threads) { i in
      var g = root.stream(UInt64(i))
      return construction.run(initial, random: &g)
    }
    let p = built.map(\.regionCount).max() ?? 0
    let best = built.filter { $0.regionCount == p }
    guard options.annealingRuns > 0 else { return Self.lowest(best, problem) }
    let included = initial.labels.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    let annealing = MaxPAnnealing(graph: problem.graph, minimum: minimum, maxNoMove: included)
    let runs = options.annealingRuns
    let offset = UInt64(options.constructions)
    let annealed = Self.parallelMap(count: best.count * runs, threads: options.threads) { q in
      var g = root.stream(offset + UInt64(q))
      return annealing.run(best[q / runs], random: &g)
    }
    return Self.lowest(annealed, problem)
  }

  /// The state with the lowest SSD, the first on ties.
  static func lowest(_ states: [MaxPState], _ problem: RegionalizationProblem) -> MaxPState {
    var bestIndex = 0, bestValue = Double.infinity
    for (i, s) in states.enumerated() {
      let v = s.members.dropFirst().reduce(0) { $0 + Regionalization.ssd($1, problem.z, problem.dimensions) }
      if v < bestValue {
        bestValue = v
        bestIndex = i
      }
    }
    return states[bestIndex]
  }

  /// `body(i)` for `i` in `0..<count` on up to `threads` threads, in index order.
  static func parallelMap<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
      buffer.deinitialize()
      buffer.deallocate()
    }
    let shared = SharedBuffer(buffer)
    ParallelWork.units(count: count, threads: threads) { _, i in shared[i] = body(i) }
    return buffer.map { $0! }
  }
}
