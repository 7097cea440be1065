import KraftsamlingKit
import Testing

@Suite("Contiguity")
struct ContiguityTests {
  // Four unit squares:   C D      A=(0,0) B=(1,0) C=(0,1) share edges A–B, A–C, B–D, C–D;
  //                      A B      diagonal pairs A–D and B–C touch at the point (1,1) only.
  static let grid2x2 = GeoFixtures.layer([
    GeoFixtures.squareFeature("A", 0, 0), GeoFixtures.squareFeature("B", 1, 0),
    GeoFixtures.squareFeature("C", 0, 1), GeoFixtures.squareFeature("D", 1, 1),
  ])

  @Test("squares along an edge are rook and queen neighbours; at a corner only queen")
  func cornerVersusEdge() throws {
    let rook = try Self.grid2x2.contiguity(.rook)
    let queen = try Self.grid2x2.contiguity(.queen)
    #expect(rook.graph.neighbours(of: "A") == ["B", "C"])
    #expect(rook.graph.neighbours(of: "D") == ["B", "C"])
    #expect(queen.graph.neighbours(of: "A") == ["B", "C", "D"])
    #expect(queen.graph.neighbours(of: "B") == ["A", "C", "D"])
    // 4 edges × 2 directions = 8 rook links; plus 2 diagonals × 2 = 12 queen links.
    #expect(rook.graph.linkCount == 8)
    #expect(queen.graph.linkCount == 12)
    #expect(rook.graph.isSymmetric && queen.graph.isSymmetric)
  }

  @Test("an edge shared in opposite directions matches (orientation does not matter)")
  func reversedOrientation() throws {
    // B's ring runs clockwise, A's counter-clockwise: the shared edge (1,0)–(1,1) is traversed both ways.
    let b = Polygon(exterior: Array(GeoFixtures.square(1, 0).reversed()))
    let layer = GeoFixtures.layer([
      GeoFixtures.squareFeature("A", 0, 0), AreaFeature(id: "B", geometry: MultiPolygon([b])),
    ])
    #expect(try layer.contiguity(.rook).graph.neighbours(of: "A") == ["B"])
  }

  @Test("a polygon in a hole is a neighbour of the polygon around it")
  func holes() throws {
    // O is a 3 × 3 square with a 1 × 1 hole at (1,1); I fills the hole exactly.
    let o = Polygon(exterior: GeoFixtures.square(0, 0, 3), holes: [GeoFixtures.square(1, 1)])
    let layer = GeoFixtures.layer([
      AreaFeature(id: "O", geometry: MultiPolygon([o])), GeoFixtures.squareFeature("I", 1, 1),
      GeoFixtures.squareFeature("X", 10, 10),
    ])
    let rook = try layer.contiguity(.rook)
    #expect(rook.graph.neighbours(of: "O") == ["I"])
    #expect(rook.islands == ["X"])
    // Planar area: 9 − 1 = 8.
    #expect(o.area == 8)
  }

  @Test("every part of a multipolygon counts")
  func multipolygonParts() throws {
    // M has parts at (0,0) and (5,0); A touches the first part, B the second along an edge.
    let m = MultiPolygon([Polygon(exterior: GeoFixtures.square(0, 0)), Polygon(exterior: GeoFixtures.square(5, 0))])
    let layer = GeoFixtures.layer([
      AreaFeature(id: "M", geometry: m), GeoFixtures.squareFeature("A", 0, 1), GeoFixtures.squareFeature("B", 6, 0),
      GeoFixtures.squareFeature("Island", 20, 20),
    ])
    let c = try layer.contiguity(.rook)
    #expect(c.graph.neighbours(of: "M") == ["A", "B"])
    #expect(c.islands == ["Island"])
    // Components: {M, A, B} and {Island}.
    #expect(c.components == [["M", "A", "B"], ["Island"]])
  }

  @Test("exact mode misses an un-noded border; tolerance mode finds it")
  func unnodedBorder() throws {
    // A = [0,2]×[0,1]; B = [1,3]×[1,2] sits on A's top edge from x=1 to x=2, but A has no vertex at (1,1).
    let layer = GeoFixtures.layer([
      AreaFeature(id: "A", geometry: MultiPolygon([Polygon(exterior: Ring.rectangle(0, 0, 2, 1))])),
      AreaFeature(id: "B", geometry: MultiPolygon([Polygon(exterior: Ring.rectangle(1, 1, 3, 2))])),
    ])
    #expect(try layer.contiguity(.rook).islands == ["A", "B"])
    #expect(try layer.contiguity(.queen).islands == ["A", "B"])
    // Shared length 1 (x from 1 to 2) > minimum 10 × 0.001.
    let tolerant = try layer.contiguity(.rook, matching: .tolerance(0.001))
    #expect(tolerant.graph.neighbours(of: "A") == ["B"])
    #expect(tolerant.overlaps.isEmpty)
  }

  @Test("tolerance mode: a corner contact within the tolerance is queen but not rook")
  func toleranceCorner() throws {
    // B's corner (1.0005, 1.0005) is 0.0007 from A's corner (1,1), and not collinear along any length.
    let layer = GeoFixtures.layer([
      GeoFixtures.squareFeature("A", 0, 0), GeoFixtures.squareFeature("B", 1.0005, 1.0005),
    ])
    let m = BoundaryMatching.tolerance(0.001)
    #expect(try layer.contiguity(.queen, matching: m).graph.neighbours(of: "A") == ["B"])
    #expect(try layer.contiguity(.rook, matching: m).graph.neighbours(of: "A") == [])
    #expect(try layer.contiguity(.queen, matching: .tolerance(0.0001)).islands == ["A", "B"])
  }

  @Test("tolerance mode: overlapping areas are neighbours and reported")
  func overlapsReported() throws {
    let layer = GeoFixtures.layer([
      AreaFeature(id: "A", geometry: MultiPolygon([Polygon(exterior: Ring.rectangle(0, 0, 2, 2))])),
      AreaFeature(id: "B", geometry: MultiPolygon([Polygon(exterior: Ring.rectangle(1, 1, 3, 3))])),
    ])
    let c = try layer.contiguity(.rook, matching: .tolerance(0.01))
    #expect(c.graph.neighbours(of: "B") == ["A"])
    #expect(c.overlaps == [AreaPair("A", "B")])
    #expect(c.diagnostics.map(\.code) == ["contiguity.overlap"])
  }

  @Test("a gap wider than the tolerance separates areas")
  func gap() throws {
    let layer = GeoFixtures.layer([GeoFixtures.squareFeature("A", 0, 0), GeoFixtures.squareFeature("B", 1.01, 0)])
    #expect(try layer.contiguity(.rook, matching: .tolerance(0.001)).islands == ["A", "B"])
    #expect(try layer.contiguity(.rook, matching: .tolerance(0.02)).graph.neighbours(of: "A") == ["B"])
  }

  @Test("duplicate codes and bad tolerances are refused", arguments: [-1.0, .nan, .infinity])
  func badInput(tolerance: Double) throws {
    #expect(throws: GeographyError.self) {
      try Self.grid2x2.contiguity(.rook, matching: .tolerance(tolerance))
    }
    let dup = GeoFixtures.layer([GeoFixtures.squareFeature("A", 0, 0), GeoFixtures.squareFeature("A", 1, 0)])
    #expect(throws: GeographyError.self) { try dup.contiguity(.queen) }
  }

  @Test("rules by name")
  func names() {
    #expect(contiguityRule(named: "Queen")?.name == "queen")
    #expect(contiguityRule(named: "rook")?.name == "rook")
    #expect(contiguityRule(named: "bishop") == nil)
  }

  // MARK: Real layers against libpysal

  @Test("Malmö: exact rook and queen match libpysal 4.14 exactly")
  func malmöMatchesLibpysal() throws {
    let layer = GeoFixtures.malmö
    #expect(layer.features.count == 136)
    let rook = try layer.contiguity(.rook)
    let queen = try layer.contiguity(.queen)
    #expect(GeoFixtures.pairs(rook.graph) == GeoFixtures.pairs(LibpysalFixtures.malmoRook))
    #expect(GeoFixtures.pairs(queen.graph) == GeoFixtures.pairs(LibpysalFixtures.malmoQueen))
    #expect(rook.islands.isEmpty)
  }

  @Test("Sweden's kommuner: exact contiguity matches libpysal and reports the five islands")
  func swedenIslands() throws {
    let layer = try GeoFixtures.sweden()
    #expect(layer.features.count == 290)
    for (rule, fixture) in [(contiguityRule(named: "rook")!, LibpysalFixtures.sverigeRook),
                            (contiguityRule(named: "queen")!, LibpysalFixtures.sverigeQueen)] {
      let c = try layer.contiguity(rule: rule)
      #expect(GeoFixtures.pairs(c.graph) == GeoFixtures.pairs(fixture))
      // Ekerö, Lidingö, Gotland, Öckerö, Tjörn.
      #expect(c.islands == ["0125", "0186", "0980", "1407", "1419"])
      // The mainland, Öland (Mörbylånga 0840 + Borgholm 0885) and the five islands.
      #expect(c.components.map(\.count) == [283, 2, 1, 1, 1, 1, 1])
      #expect(c.components[1] == ["0840", "0885"])
    }
  }

  @Test("Sweden's kommuner in tolerance mode: the two generalisation overlaps are found, islands stay islands")
  func swedenTolerance() throws {
    let layer = try GeoFixtures.sweden()
    let c = try layer.contiguity(.rook, matching: .tolerance(1e-7))
    #expect(c.islands == ["0125", "0186", "0980", "1407", "1419"])
    let names = Dictionary(uniqueKeysWithValues: layer.features.map { ($0.id, $0.properties["kommun"] ?? "") })
    let overlapNames = Set(c.overlaps.map { Set([names[$0.first]!, names[$0.second]!]) })
    #expect(overlapNames == [["Håbo", "Knivsta"], ["Lekeberg", "Örebro"]])
    // Tolerance mode only adds links.
    let exact = try layer.contiguity(.rook)
    #expect(GeoFixtures.pairs(exact.graph).isSubset(of: GeoFixtures.pairs(c.graph)))
  }
}
