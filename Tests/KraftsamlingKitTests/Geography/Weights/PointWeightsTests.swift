import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// Hand-computed cases of the distance-based weights: ties, the inclusive
/// band, coincident points, the kernel diagonal, islands, order, sets.
@Suite("Point weights")
struct PointWeightsTests {
  /// A 3 × 3 lattice of unit spacing, row by row: 0 1 2 / 3 4 5 / 6 7 8.
  static let lattice = (0..<9).map { Coordinate(x: Double($0 % 3), y: Double($0 / 3)) }
  static let latticeIDs = (0..<9).map { "c\($0)" }

  @Test("KNN: ties at the k-th distance go to the lower index")
  func knnTies() throws {
    let g = try NeighbourGraph.nearestNeighbours(
      k: 2, ids: Self.latticeIDs, points: Self.lattice, distance: .euclidean)
    // The centre has four neighbours at distance 1: 1, 3, 5, 7 → the two lowest.
    #expect(Array(g.neighbours(of: 4)) == [1, 3])
    // The corner 8 has 5 and 7 at distance 1.
    #expect(Array(g.neighbours(of: 8)) == [5, 7])
    let g5 = try NeighbourGraph.nearestNeighbours(
      k: 5, ids: Self.latticeIDs, points: Self.lattice, distance: .euclidean)
    // 4 at distance 1, then the diagonals at √2: the lowest, 0.
    #expect(Array(g5.neighbours(of: 4)) == [0, 1, 3, 5, 7])
    #expect(!g.isSymmetric)
  }

  @Test("KNN: coincident points are neighbours; k larger than n − 1 gives every other area")
  func knnCoincident() throws {
    let pts = [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 4)]
    let g = try NeighbourGraph.nearestNeighbours(k: 1, ids: ["a", "b", "c"], points: pts, distance: .euclidean)
    #expect(g.neighbours(of: "a") == ["b"])
    #expect(g.neighbours(of: "c") == ["a"])
    let all = try NeighbourGraph.nearestNeighbours(k: 10, ids: ["a", "b", "c"], points: pts, distance: .euclidean)
    #expect(all.neighbours(of: "c") == ["a", "b"])
    #expect(throws: GeographyError.self) {
      try NeighbourGraph.nearestNeighbours(k: 0, ids: ["a", "b", "c"], points: pts, distance: .euclidean)
    }
  }

  @Test("Distance band: inclusive threshold, coincident points not neighbours, inverse weights d^α")
  func distanceBand() throws {
    let pts = [Coordinate(x: 0, y: 0), Coordinate(x: 0, y: 0), Coordinate(x: 3, y: 4), Coordinate(x: 20, y: 0)]
    let ids = ["a", "b", "c", "d"]
    let g = try NeighbourGraph.distanceBand(threshold: 5, ids: ids, points: pts, distance: .euclidean)
    #expect(g.neighbours(of: "a") == ["c"])
    #expect(g.neighbours(of: "c") == ["a", "b"])
    #expect(g.islands == [3])
    let w = try SpatialWeights.inverseDistance(threshold: 5, alpha: -2, ids: ids, points: pts, distance: .euclidean)
    #expect(Array(w.weights(of: 2)) == [1.0 / 25, 1.0 / 25])
    #expect(throws: GeographyError.self) {
      try NeighbourGraph.distanceBand(threshold: -1, ids: ids, points: pts, distance: .euclidean)
    }
  }

  @Test("Kernel: the diagonal is K(0) (or 1), adaptive bandwidth is the k-th distance × 1.0000001")
  func kernel() throws {
    let pts = [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 3, y: 0)]
    let w = try SpatialWeights.kernel(
      .triangular, bandwidth: .adaptive(1), ids: ["a", "b", "c"], points: pts, distance: .euclidean)
    #expect(Array(w.neighbours(of: 2)) == [1, 2])
    let h = 2 * 1.0000001
    #expect(abs(w.weights(of: 2).first! - (1 - 2 / h)) < 1e-15)
    #expect(w.weights(of: 2).last == 1)
    let q = try SpatialWeights.kernel(
      .quadratic, bandwidth: .fixed(2), unitDiagonal: true, ids: ["a", "b", "c"], points: pts, distance: .euclidean)
    #expect(Array(q.neighbours(of: 1)) == [0, 1, 2])
    #expect(Array(q.weights(of: 1)) == [0.75 * (1 - 0.25), 1, 0])
    #expect(KernelFunction.gaussian.value(0) == 1 / (2 * Double.pi).squareRoot())
  }

  @Test("Great-circle distance: a degree of latitude is 111.19 km on R = 6371")
  func greatCircle() throws {
    let d = PointDistance.greatCircle(radius: PointDistance.earthRadiusKilometres)
    let km = d.distance(Coordinate(x: 13, y: 55), Coordinate(x: 13, y: 56))
    #expect(abs(km - 6371 * Double.pi / 180) < 1e-9)
    #expect(throws: GeographyError.self) {
      try NeighbourGraph.nearestNeighbours(
        k: 1, ids: ["a", "b"], points: [Coordinate(x: 400_000, y: 6_000_000), Coordinate(x: 0, y: 0)], distance: d)
    }
  }

  @Test("Islands are linked to their nearest area in both directions, once")
  func islands() throws {
    let pts = [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 12, y: 0)]
    let ids = ["a", "b", "c", "d"]
    let g = try NeighbourGraph(ids: ids, neighbours: [[1], [0], [], []])
    let (w, links) = try g.weights().linkingIslands(points: pts, distance: .euclidean)
    #expect(links.map { "\($0.island)-\($0.neighbour)" } == ["c-d"])
    #expect(Array(w.neighbours(of: 2)) == [3])
    #expect(Array(w.neighbours(of: 3)) == [2])
    #expect(w.islands.isEmpty)
    #expect(Array(w.weights(of: 3)) == [1])
  }

  @Test("Higher order on a row, union and intersection")
  func order() throws {
    let g = try NeighbourGraph(
      ids: ["a", "b", "c", "d", "e"], neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]])
    #expect(g.higherOrder(2).neighbours(of: "a") == ["c"])
    #expect(g.higherOrder(2).neighbours(of: "c") == ["a", "e"])
    #expect(g.higherOrder(3, includingLowerOrders: true).neighbours(of: "a") == ["b", "c", "d"])
    #expect(g.higherOrder(1) == g)
    let h = g.higherOrder(2)
    #expect(try g.union(h).neighbours(of: "a") == ["b", "c"])
    #expect(try g.intersection(h).linkCount == 0)
    let other = try NeighbourGraph(ids: ["x"], neighbours: [[]])
    #expect(throws: GeographyError.self) { try g.union(other) }
  }
}
