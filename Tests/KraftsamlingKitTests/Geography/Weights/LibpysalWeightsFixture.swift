import Foundation
import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// The weights libpysal built on seeded random points no other test uses
/// (see `Fixtures/weights/README.md`), decoded.
struct LibpysalWeightsFixture: Decodable {
  struct PointSet: Decodable {
    var ids: [String]
    var points: [[Double]]
    var coordinates: [Coordinate] { points.map { Coordinate(x: $0[0], y: $0[1]) } }
  }
  struct Row: Decodable {
    var neighbours: [Int]
    var weights: [Double]?
  }
  struct Case: Decodable {
    var name: String
    var points: String
    var type: String
    var k: Int?
    var threshold: Double?
    var alpha: Double?
    var kernel: String?
    var adaptive: Bool?
    var bandwidth: Double?
    var diagonal: Bool?
    var radius: Double?
    var order: Int?
    var lower: Bool?
    var rows: [Row]

    var distance: PointDistance { radius.map { .greatCircle(radius: $0) } ?? .euclidean }
  }
  var planar: PointSet
  var lonlat: PointSet
  var cases: [Case]

  /// `Fixtures/weights/libpysal-weights.json`, read once.
  static let shared: Result<LibpysalWeightsFixture, any Error> = Result {
    try JSONDecoder().decode(
      LibpysalWeightsFixture.self, from: Fixtures.contents(ofFile: Fixtures.path("weights/libpysal-weights.json")))
  }

  static func fixture(_ name: String) throws -> (Case, PointSet) {
    let all = try shared.get()
    let c = try #require(all.cases.first { $0.name == name }, "no libpysal weights fixture case \(name)")
    return (c, c.points == "planar" ? all.planar : all.lonlat)
  }

  /// Compares weights with a case: the same neighbour set per row and
  /// every weight within `tolerance` (1 where the fixture omits weights).
  static func expectEqual(_ w: SpatialWeights, _ c: Case, tolerance: Double = 1e-12) {
    #expect(w.count == c.rows.count)
    var mismatchedSets = 0
    var worst = 0.0
    for (i, row) in c.rows.enumerated() where i < w.count {
      let mine = Dictionary(uniqueKeysWithValues: zip(w.neighbours(of: i), w.weights(of: i)))
      guard Set(mine.keys) == Set(row.neighbours) else {
        mismatchedSets += 1
        continue
      }
      for (k, j) in row.neighbours.enumerated() {
        let expected = row.weights?[k] ?? 1
        worst = max(worst, abs((mine[j] ?? .nan) - expected) / max(1, abs(expected)))
      }
    }
    #expect(mismatchedSets == 0, "\(c.name): \(mismatchedSets) rows with other neighbours than libpysal's")
    #expect(worst <= tolerance, "\(c.name): largest weight difference \(worst)")
  }
}
