import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// spopt's SKATER and max-p results on two rook lattices (see
/// `Fixtures/regions/README.md`), decoded.
struct SpoptFixture: Decodable {
  struct SkaterReference: Decodable {
    var k: Int
    var floor: Double?
    var labels: [Int]
    var ssd: Double
  }
  struct MaxPReference: Decodable {
    var floor: Double
    var seed: Int
    var p: Int
    var labels: [Int]
    var ssd: Double
  }
  struct Lattice: Decodable {
    var rows, columns: Int
    var x1, x2, x3: [Double]
    var unga_16_29: [Double]
    var skater: [SkaterReference]
    var maxp: [MaxPReference]

    /// The rook lattice as libpysal's `lat2W` numbers it: row-major, ids "0"….
    func graph() throws -> NeighbourGraph {
      var rows: [[Int]] = []
      for r in 0..<self.rows {
        for c in 0..<columns {
          var n: [Int] = []
          if r > 0 { n.append((r - 1) * columns + c) }
          if c > 0 { n.append(r * columns + c - 1) }
          if c < columns - 1 { n.append(r * columns + c + 1) }
          if r < self.rows - 1 { n.append((r + 1) * columns + c) }
          rows.append(n)
        }
      }
      return try NeighbourGraph(ids: (0..<rows.count).map(String.init), neighbours: rows)
    }

    func problem(floor: Double?) throws -> RegionalizationProblem {
      try RegionalizationProblem(
        graph: graph(), attributes: [x1, x2, x3], floor: floor.map { .init(values: unga_16_29, minimum: $0) })
    }

    /// A SKATER problem: spopt's floor counts areas.
    func skaterProblem(floor: Double?) throws -> RegionalizationProblem {
      try RegionalizationProblem(
        graph: graph(), attributes: [x1, x2, x3],
        floor: floor.map { .init(values: [Double](repeating: 1, count: x1.count), minimum: $0) })
    }
  }
  var spopt: String
  var lattice8x8: Lattice
  var lattice10x10: Lattice

  static let shared: Result<SpoptFixture, any Error> = Result {
    try JSONDecoder().decode(SpoptFixture.self, from: Fixtures.contents(ofFile: Fixtures.path("regions/lattices.json")))
  }

  static func lattices() throws -> [Lattice] {
    let f = try shared.get()
    return [f.lattice8x8, f.lattice10x10]
  }
}

/// Whether two labellings describe the same partition (up to renumbering).
func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
  guard a.count == b.count else { return false }
  var ab: [Int: Int] = [:], ba: [Int: Int] = [:]
  for (x, y) in zip(a, b) {
    if ab[x, default: y] != y || ba[y, default: x] != x { return false }
    ab[x] = y
    ba[y] = x
  }
  return true
}

/// Checks every region is contiguous in `graph` and reaches `minimum`.
func checkRegions(_ r: Regionalization, _ graph: NeighbourGraph, minimum: Double?) {
  for region in r.regions {
    let rows = region.members.compactMap { graph.index(of: $0) }
    #expect(graph.components(of: rows).count == 1, "region \(region.members.prefix(3)) is not contiguous")
    if let minimum { #expect(region.floorTotal >= minimum) }
  }
}
