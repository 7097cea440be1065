import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

/// The k-d tree against brute force on seeded random points.
@Suite("Point tree")
struct PointTreeTests {
  static func points(_ n: Int, seed: UInt64) -> [(Double, Double, Double)] {
    var state = seed
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    // Rounded to a coarse grid so that ties occur.
    return (0..<n).map { _ in ((next() * 40).rounded(), (next() * 40).rounded(), 0) }
  }

  @Test("nearest and within equal brute force, ties by lower index")
  func bruteForce() {
    let pts = Self.points(700, seed: 3)
    let tree = PointTree(pts)
    for i in stride(from: 0, to: pts.count, by: 7) {
      var all: [(index: Int, squaredDistance: Double)] = []
      for j in 0..<pts.count where j != i { all.append((j, tree.squaredDistance(i, j))) }
      all.sort { a, b in a.squaredDistance != b.squaredDistance ? a.squaredDistance < b.squaredDistance : a.index < b.index }
      let knn = tree.nearest(to: i, k: 6)
      #expect(knn.map(\.index) == all.prefix(6).map { $0.index }, "point \(i)")
      let band = tree.within(9, of: i).map(\.index)
      #expect(band == all.filter { $0.squaredDistance <= 9 }.map { $0.index }.sorted(), "point \(i)")
    }
  }
}
