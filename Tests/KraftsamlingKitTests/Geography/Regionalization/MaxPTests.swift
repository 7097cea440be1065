import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography

@Suite struct MaxPTests {
  @Test func pathGivesAsManyRegionsAsTheFloorAllows() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c", "d", "e"], neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]])
    let problem = try RegionalizationProblem(
      graph: g, attributes: [[1, 1, 5, 5, 5]], floor: .init(values: [5, 5, 5, 5, 5], minimum: 10))
    let r = try Regionalization.maxP(problem, options: .init(seed: 3, constructions: 20, annealingRuns: 3))
    #expect(r.regions.count == 2)
    #expect(r.regions.map(\.members) == [["a", "b"], ["c", "d", "e"]])
    #expect(r.objective < 1e-20)
  }

  @Test func partsBelowTheFloorAreLeftOut() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c"], neighbours: [[1], [0], []])
    let problem = try RegionalizationProblem(
      graph: g, attributes: [[1, 2, 3]], floor: .init(values: [5, 6, 4], minimum: 10))
    let r = try Regionalization.maxP(problem)
    #expect(r.regionOfArea == [0, 0, nil])
    #expect(r.warnings.count == 1)
    #expect(throws: GeographyError.self) { try Regionalization.maxP(try RegionalizationProblem(graph: g, attributes: [[1, 2, 3]])) }
  }

  /// spopt 0.7.0 `MaxPHeuristic` (99 constructions, 10 annealing runs):
  /// at least as many regions, each contiguous and at the floor.
  @Test func atLeastAsManyRegionsAsSpopt() throws {
    for lattice in try SpoptFixture.lattices() {
      for ref in lattice.maxp {
        let problem = try lattice.problem(floor: ref.floor)
        let r = try Regionalization.maxP(problem, options: .init(seed: 1, threads: 2))
        #expect(r.regions.count >= ref.p, "\(lattice.rows)x\(lattice.columns) floor \(ref.floor)")
        #expect(r.regionOfArea.allSatisfy { $0 != nil })
        checkRegions(r, try lattice.graph(), minimum: ref.floor)
      }
    }
  }

  @Test func sameResultForOneAndTwoThreadsAndSameSeed() throws {
    let lattice = try #require(try SpoptFixture.lattices().last)
    let problem = try lattice.problem(floor: 250)
    let one = try Regionalization.maxP(problem, options: .init(seed: 5, threads: 1, constructions: 20, annealingRuns: 2))
    let two = try Regionalization.maxP(problem, options: .init(seed: 5, threads: 2, constructions: 20, annealingRuns: 2))
    let again = try Regionalization.maxP(problem, options: .init(seed: 5, threads: 2, constructions: 20, annealingRuns: 2))
    #expect(one == two)
    #expect(two == again)
    checkRegions(one, try lattice.graph(), minimum: 250)
  }
}
