import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite struct SkaterTests {
  @Test func pathSplitsAtTheLargestJump() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    let problem = try RegionalizationProblem(
      graph: g, attributes: [[1, 1.2, 5, 5.1]], floor: .init(values: [6, 5, 4, 7], minimum: 10))
    let r = try Regionalization.skater(problem, regions: 2)
    #expect(r.regions.map(\.members) == [["a", "b"], ["c", "d"]])
    #expect(r.regions.map(\.floorTotal) == [11, 11])
    // z-scores: mean 3.075, variance 15.6275 / 4 = 3.906875; SSD = (0.02 + 0.005) / 3.906875.
    #expect(abs(r.objective - 0.025 / 3.906875) < 1e-12)
    #expect(r.region(of: "c") == 1)
  }

  @Test func floorForbidsTheBestCut() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    // The jump is between c and d, but d alone has 3 < 10: the cut goes between b and c.
    let problem = try RegionalizationProblem(
      graph: g, attributes: [[1, 1.1, 1.2, 9]], floor: .init(values: [6, 5, 7, 3], minimum: 10))
    let r = try Regionalization.skater(problem, regions: 2)
    #expect(r.regions.map(\.members) == [["a", "b"], ["c", "d"]])
    let three = try Regionalization.skater(problem, regions: 3)
    #expect(three.regions.count == 2)
    #expect(three.warnings.count == 1)
  }

  @Test func islandsCountTowardsTheRegions() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c"], neighbours: [[1], [0], []])
    let problem = try RegionalizationProblem(graph: g, attributes: [[1, 2, 3]])
    let r = try Regionalization.skater(problem, regions: 2)
    #expect(r.regions.map(\.members) == [["a", "b"], ["c"]])
    #expect(r.warnings.count == 1)
    let joined = g.joiningComponents(centroids: [.init(x: 0, y: 0), .init(x: 1, y: 0), .init(x: 5, y: 0)])
    #expect(joined.links.map { "\($0.0)–\($0.1)" } == ["c–b"])
    #expect(joined.graph.neighbours(of: "b") == ["a", "c"])
  }

  /// spopt 0.7.0 `Skater` with squared-Euclidean dissimilarity on the same
  /// standardised attributes: the same partition, or one at least as good.
  @Test func matchesSpoptOnLattices() throws {
    for lattice in try SpoptFixture.lattices() {
      for ref in lattice.skater {
        let problem = try lattice.skaterProblem(floor: ref.floor)
        let r = try Regionalization.skater(problem, regions: ref.k)
        let labels = r.regionOfArea.map { $0! }
        #expect(r.regions.count == ref.k)
        #expect(samePartition(labels, ref.labels), "\(lattice.rows)x\(lattice.columns) k=\(ref.k)")
        #expect(r.objective <= ref.ssd + 1e-9)
        #expect(abs(r.objective - ref.ssd) < 1e-9)
        checkRegions(r, try lattice.graph(), minimum: ref.floor)
      }
    }
  }
}
