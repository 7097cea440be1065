import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// Distance-based weights against libpysal 4.14.1 on seeded random points
/// (neighbour sets equal, weights to 1e-12).
@Suite("libpysal weights")
struct LibpysalWeightsTests {
  @Test("KNN equals libpysal.weights.KNN", arguments: ["knn-4", "knn-6", "knn-4-arc", "knn-6-arc"])
  func knn(_ name: String) throws {
    let (c, p) = try LibpysalWeightsFixture.fixture(name)
    let g = try NeighbourGraph.nearestNeighbours(
      k: try #require(c.k), ids: p.ids, points: p.coordinates, distance: c.distance)
    LibpysalWeightsFixture.expectEqual(g.weights(), c)
    #expect(g.ids == p.ids)
  }

  @Test(
    "DistanceBand equals libpysal's (binary and inverse)",
    arguments: ["distance-binary", "distance-inverse", "distance-gravity", "distance-binary-arc"])
  func distanceBand(_ name: String) throws {
    let (c, p) = try LibpysalWeightsFixture.fixture(name)
    let threshold = try #require(c.threshold)
    let w =
      if let alpha = c.alpha {
        try SpatialWeights.inverseDistance(
          threshold: threshold, alpha: alpha, ids: p.ids, points: p.coordinates, distance: c.distance)
      } else {
        try NeighbourGraph.distanceBand(threshold: threshold, ids: p.ids, points: p.coordinates, distance: c.distance)
          .weights()
      }
    LibpysalWeightsFixture.expectEqual(w, c)
  }

  static let kernelCases =
    KernelFunction.allCases.flatMap { ["kernel-\($0.rawValue)-fixed", "kernel-\($0.rawValue)-adaptive"] } + [
      "kernel-triangular-bandwidth", "kernel-gaussian-adaptive-diagonal",
    ]

  @Test("Kernel equals libpysal.weights.Kernel (every function, fixed and adaptive)", arguments: kernelCases)
  func kernel(_ name: String) throws {
    let (c, p) = try LibpysalWeightsFixture.fixture(name)
    let function = try #require(KernelFunction(rawValue: c.kernel ?? ""))
    let bandwidth: KernelBandwidth =
      if let h = c.bandwidth { .fixed(h) } else if c.adaptive == true { .adaptive(try #require(c.k)) } else {
        .nearest(try #require(c.k))
      }
    let w = try SpatialWeights.kernel(
      function, bandwidth: bandwidth, unitDiagonal: c.diagonal ?? false, ids: p.ids, points: p.coordinates,
      distance: c.distance)
    LibpysalWeightsFixture.expectEqual(w, c)
    // The diagonal is part of every row, as in libpysal.
    #expect((0..<w.count).allSatisfy { w.neighbours(of: $0).contains($0) })
  }

  @Test("higher_order equals libpysal's (order 2; order 3 with lower orders)")
  func higherOrder() throws {
    let (second, p) = try LibpysalWeightsFixture.fixture("knn-4-order-2")
    let knn = try NeighbourGraph.nearestNeighbours(k: 4, ids: p.ids, points: p.coordinates, distance: .euclidean)
    LibpysalWeightsFixture.expectEqual(knn.higherOrder(2).weights(), second)
    let (third, _) = try LibpysalWeightsFixture.fixture("knn-4-order-3-lower")
    LibpysalWeightsFixture.expectEqual(knn.higherOrder(3, includingLowerOrders: true).weights(), third)
  }

  @Test("w_union and w_intersection equal libpysal's")
  func setOperations() throws {
    let (union, p) = try LibpysalWeightsFixture.fixture("union-knn4-distance")
    let (intersection, _) = try LibpysalWeightsFixture.fixture("intersection-knn6-distance")
    let band = try NeighbourGraph.distanceBand(threshold: 450, ids: p.ids, points: p.coordinates, distance: .euclidean)
    let knn4 = try NeighbourGraph.nearestNeighbours(k: 4, ids: p.ids, points: p.coordinates, distance: .euclidean)
    let knn6 = try NeighbourGraph.nearestNeighbours(k: 6, ids: p.ids, points: p.coordinates, distance: .euclidean)
    LibpysalWeightsFixture.expectEqual(try knn4.union(band).weights(), union)
    LibpysalWeightsFixture.expectEqual(try knn6.intersection(band).weights(), intersection)
  }
}
