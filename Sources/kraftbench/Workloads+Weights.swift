import KraftsamlingKit

extension Workloads {
  /// k-nearest-neighbour weights (k = 6) on 50,000 seeded uniform points in
  /// a 50 km square (`--quick`: 6,160). Timed: building the k-d tree and
  /// the neighbour graph from the points.
  static func weightsWorkloads(quick: Bool) -> [Workload] {
    let n = quick ? 6_160 : 50_000
    return [
      Workload(name: "knn", n: n, details: [("k", "6"), ("distance", "\"euclidean\"")]) {
        var g = SeededGenerator(seed: 1)
        let points = (0..<n).map { _ in Coordinate(x: g.uniform() * 50_000, y: g.uniform() * 50_000) }
        let ids = (0..<n).map { "p\($0)" }
        return {
          blackHole(try NeighbourGraph.nearestNeighbours(k: 6, ids: ids, points: points, distance: .euclidean))
        }
      }
    ]
  }
}
