import Foundation
import KraftsamlingKit

extension Workloads {
  /// SKATER and max-p on the 77 × 80 rook lattice (6,160 areas) with the
  /// inputs given to spopt 0.7.0 in Documentation/Performance.md: three
  /// attributes and a floor column from an integer hash (identical in
  /// Python), standardised. SKATER: 10 regions of at least 50 areas; max-p:
  /// `unga_16_29` ≥ 500, seed 1, spopt's default 99 constructions and 10
  /// annealing runs, and 9 and 1, on 1 and 2 threads. Timed: the regionalisation.
  static func regionWorkloads(quick: Bool) -> [Workload] {
    let (rows, columns) = (77, 80)
    var w: [Workload] = [
      Workload(name: "skater", n: rows * columns, details: [("k", "10"), ("floor", "\"50 areas\"")]) {
        let lattice = RegionLattice(rows: rows, columns: columns)
        let problem = try lattice.problem(floor: .init(values: .init(repeating: 1, count: rows * columns), minimum: 50))
        return {
          let r = try Regionalization.skater(problem, regions: 10)
          report("skater: \(r.regions.count) regions, SSD \(r.objective)")
          blackHole(r)
        }
      }
    ]
    for (constructions, runs) in [(99, 10), (9, 1)] {
      for threads in [1, 2] {
        w.append(
          Workload(
            name: "maxp", n: rows * columns,
            details: [
              ("floor", "\"unga_16_29 >= 500\""), ("constructions", "\(constructions)"), ("annealing_runs", "\(runs)"),
              ("threads", "\(threads)"),
            ]
          ) {
            let lattice = RegionLattice(rows: rows, columns: columns)
            let problem = try lattice.problem(floor: .init(values: lattice.floorColumn, minimum: 500))
            let options = MaxPOptions(seed: 1, threads: threads, constructions: constructions, annealingRuns: runs)
            return {
              let r = try Regionalization.maxP(problem, options: options)
              report("maxp: p = \(r.regions.count), SSD \(r.objective), floor met: \(r.regions.allSatisfy { $0.floorTotal >= 500 })")
              blackHole(r)
            }
          })
      }
    }
    return w
  }
}

/// Writes a result line to standard error (the JSON lines stay on standard output).
private func report(_ text: String) { FileHandle.standardError.write(Data("kraftbench: \(text)\n".utf8)) }

/// The benchmark's lattice data, reproducible in any language with integer
/// arithmetic: u(i, s) = ((i · 2654435761 + s · 40503) mod 2³²) / 2³², and for
/// area i = r · columns + c: x1 = r/R + u(i,1)/2, x2 = c/C + u(i,2)/2,
/// x3 = (r/R)(c/C) + u(i,3), unga_16_29 = 20 + ⌊80 u(i,4)⌋.
struct RegionLattice {
  let rows: Int, columns: Int

  static func u(_ i: Int, _ s: Int) -> Double {
    Double((i &* 2_654_435_761 &+ s &* 40_503) % 4_294_967_296) / 4_294_967_296.0
  }

  var attributes: [[Double]] {
    var x1: [Double] = [], x2: [Double] = [], x3: [Double] = []
    for r in 0..<rows {
      for c in 0..<columns {
        let i = r * columns + c
        let fr = Double(r) / Double(rows), fc = Double(c) / Double(columns)
        x1.append(fr + 0.5 * Self.u(i, 1))
        x2.append(fc + 0.5 * Self.u(i, 2))
        x3.append(fr * fc + Self.u(i, 3))
      }
    }
    return [x1, x2, x3]
  }

  var floorColumn: [Double] { (0..<rows * columns).map { 20 + (80 * Self.u($0, 4)).rounded(.down) } }

  func problem(floor: RegionalizationProblem.Floor) throws -> RegionalizationProblem {
    let weights = SyntheticSpatialData.lattice(rows: rows, columns: columns)
    let graph = try NeighbourGraph(ids: weights.ids, neighbours: (0..<weights.count).map { Array(weights.neighbours(of: $0)) })
    return try RegionalizationProblem(graph: graph, attributes: attributes, floor: floor)
  }
}
