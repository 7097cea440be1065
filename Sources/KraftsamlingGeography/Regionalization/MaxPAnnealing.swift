#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// Max-p's local search (spopt `_perform_sa`): simulated annealing with a
/// tabu list, moving one boundary area at a time to the neighbouring region
/// where it adds the least heterogeneity.
struct MaxPAnnealing {
  let graph: NeighbourGraph
  let minimum: Double
  /// spopt's cooling rate α, tabu length and "max no move" (the number of
  /// areas): the run stops after that many non-improving moves in a row.
  let cooling = 0.998, tabuLength = 10
  let maxNoMove: Int

  /// Anneals `start`; returns the final partition and its SSD change.
  ///
  /// - Complexity: per step O(*d p*); a list of movable areas is rebuilt in
  ///   O(*n* + *m*) whenever it runs out.
  func run(_ start: MaxPState, random: inout SeededGenerator) -> MaxPState {
    var s = start
    var t = 1.0, noMove = 0
    var tabu: [Move] = []
    var movable: [Int] = []
    var finder = ArticulationFinder(count: graph.count)
    while noMove <= maxNoMove {
      if movable.isEmpty { movable = movableAreas(s, &finder) }
      if movable.isEmpty { break }
      let pick = random.uniform(below: movable.count)
      let a = movable[pick]
      let donor = s.labels[a]
      guard let (recipient, added) = bestRecipient(a, s) else {
        movable.remove(at: pick)
        continue
      }
      let diff = s.removalGain(a, donor) - added
      var make: Bool
      if diff > 0 {
        make = true
        let reverse = Move(area: a, from: recipient, to: donor)
        if !tabu.contains(reverse) {
          if tabu.count == tabuLength { tabu.removeFirst() }
          tabu.append(reverse)
        }
        noMove = 0
      } else {
        noMove += 1
        make = exp(diff / t) > random.uniform() && !tabu.contains(Move(area: a, from: donor, to: recipient))
      }
      movable.remove(at: pick)
      if make {
        s.remove(a)
        s.add(a, to: recipient)
        movable.removeAll { s.labels[$0] == donor || s.labels[$0] == recipient }
      }
      t *= cooling
    }
    return s
  }

  struct Move: Equatable {
    var area: Int, from: Int, to: Int
  }

  /// The neighbouring region (other than its own) where `a` adds the least
  /// SSD, first in neighbour order on ties.
  private func bestRecipient(_ a: Int, _ s: MaxPState) -> (Int, Double)? {
    var best: (Int, Double)?
    for u in graph.neighbours(of: a) {
      let r = s.labels[u]
      guard r > 0, r != s.labels[a] else { continue }
      let cost = s.additionCost(a, r)
      if best == nil || cost < best!.1 { best = (r, cost) }
    }
    return best
  }

  /// Areas that can leave their region: it keeps the floor and stays
  /// connected (not an articulation point, not alone), and they touch
  /// another region. Region by region, members in list order.
  private func movableAreas(_ s: MaxPState, _ finder: inout ArticulationFinder) -> [Int] {
    var out: [Int] = []
    for r in 1..<s.members.count where s.members[r].count > 1 {
      let cut = finder.articulationPoints(region: r, s.members[r], labels: s.labels, graph: graph)
      for a in s.members[r] where !cut.contains(a) && s.floorTotal[r] - s.floorValues[a] >= minimum {
        if graph.neighbours(of: a).contains(where: { s.labels[$0] != r && s.labels[$0] > 0 }) { out.append(a) }
      }
    }
    return out
  }
}
