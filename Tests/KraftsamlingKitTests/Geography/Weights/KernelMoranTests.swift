import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// Moran's I and Local Moran over kernel and inverse-distance weights
/// against esda 2.9.0: the diagonal of kernel weights is a self-weight, as
/// in esda (`Fixtures/weights/esda-moran.json`).
@Suite("Moran over point weights")
struct KernelMoranTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var I, EI, VI_rand: Double
      var Is: [Double]
    }
    var y: [Double]
    var cases: [Case]
  }

  @Test(
    "Moran and Local Moran equal esda's over kernel (with diagonal) and inverse-distance weights",
    arguments: ["kernel-triangular-adaptive", "kernel-gaussian-fixed", "distance-inverse"])
  func moran(_ name: String) throws {
    let reference = try JSONDecoder().decode(
      Reference.self, from: Fixtures.contents(ofFile: Fixtures.path("weights/esda-moran.json")))
    let expected = try #require(reference.cases.first { $0.name == name })
    let (c, p) = try LibpysalWeightsFixture.fixture(name)
    let w: SpatialWeights =
      switch name {
      case "kernel-triangular-adaptive":
        try SpatialWeights.kernel(.triangular, bandwidth: .adaptive(5), ids: p.ids, points: p.coordinates, distance: .euclidean)
      case "kernel-gaussian-fixed":
        try SpatialWeights.kernel(.gaussian, bandwidth: .nearest(2), ids: p.ids, points: p.coordinates, distance: .euclidean)
      default:
        try SpatialWeights.inverseDistance(threshold: 450, ids: p.ids, points: p.coordinates, distance: .euclidean)
      }
    LibpysalWeightsFixture.expectEqual(w, c)
    let none = PermutationInference(permutations: 0)
    let global = try GlobalMoran(values: reference.y, weights: w, inference: none)
    #expect(abs(global.statistic - expected.I) < 1e-12)
    #expect(abs(global.expected - expected.EI) < 1e-15)
    #expect(abs(global.varianceRandomisation - expected.VI_rand) < 1e-12)
    let local = try LocalSpatialStatistics.moran(values: reference.y, weights: w, inference: none)
    let worst = zip(local.areas.map(\.statistic), expected.Is).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-12)
  }
}
