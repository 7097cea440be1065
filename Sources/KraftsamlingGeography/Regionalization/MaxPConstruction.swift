import KraftsamlingCore

/// Max-p's construction phase (spopt `_construction_phase`): grow regions
/// from areas in random order until each reaches the floor, then hand the
/// areas of regions that could not (enclaves) to neighbouring regions.
struct MaxPConstruction {
  let graph: NeighbourGraph
  let minimum: Double
  let enclaveCandidates: Int

  /// One construction; `initial` has 0 for areas to place and −1 for areas
  /// left out.
  ///
  /// - Complexity: O(*n p* + *m*) for growth, plus the enclave passes.
  func run(_ initial: MaxPState, random: inout SeededGenerator) -> MaxPState {
    var state = initial
    var order = Array(0..<graph.count)
    random.shuffle(&order)
    var listed = [Int](repeating: 0, count: graph.count)
    var enclaves: [Int] = []
    var stamp = 0
    for seed in order where state.labels[seed] == 0 {
      stamp += 1
      let r = state.newRegion()
      grow(&state, from: seed, region: r, stamp: stamp, listed: &listed)
      if state.floorTotal[r] < minimum {
        let failed = state.members[r]
        for a in failed { state.remove(a) }
        state.members.removeLast()
        state.floorTotal.removeLast()
        state.sums.removeLast(state.p)
        // Marked so later regions do not grow into them, as spopt keeps their label.
        for a in failed { state.labels[a] = -2 }
        enclaves.append(contentsOf: failed)
      }
    }
    assignEnclaves(enclaves, &state, random: &random)
    return state
  }

  /// Grows region `r` from `seed` breadth-first over unassigned areas,
  /// stopping as soon as it reaches the floor (spopt `_grow_cluster_for_poly`).
  private func grow(_ state: inout MaxPState, from seed: Int, region r: Int, stamp: Int, listed: inout [Int]) {
    state.add(seed, to: r)
    listed[seed] = stamp
    var queue: [Int] = []
    for u in graph.neighbours(of: seed) where listed[u] != stamp {
      listed[u] = stamp
      queue.append(u)
    }
    var i = 0
    while i < queue.count, state.floorTotal[r] < minimum {
      let a = queue[i]
      i += 1
      guard state.labels[a] == 0 else { continue }
      state.add(a, to: r)
      guard state.floorTotal[r] < minimum else { break }
      for u in graph.neighbours(of: a) where listed[u] != stamp {
        listed[u] = stamp
        queue.append(u)
      }
    }
  }

  /// Assigns each enclave to one of the `enclaveCandidates` neighbouring
  /// regions whose SSD it raises least, at random, in passes until all are
  /// placed (enclaves reached only through other enclaves wait a pass).
  private func assignEnclaves(_ enclaves: [Int], _ state: inout MaxPState, random: inout SeededGenerator) {
    var pending = enclaves
    for a in pending { state.labels[a] = 0 }
    var progress = true
    while !pending.isEmpty, progress {
      progress = false
      var waiting: [Int] = []
      for a in pending {
        var options: [(cost: Double, region: Int)] = []
        for u in graph.neighbours(of: a) {
          let r = state.labels[u]
          if r > 0, !options.contains(where: { $0.region == r }) { options.append((state.additionCost(a, r), r)) }
        }
        guard !options.isEmpty else {
          waiting.append(a)
          continue
        }
        options.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.region < $1.region }
        let pick = random.uniform(below: min(options.count, max(1, enclaveCandidates)))
        state.add(a, to: options[pick].region)
        progress = true
      }
      pending = waiting
    }
  }
}
