import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("Geometry measures, label points and projections")
struct GeometryTests {
  @Test("shoelace area with holes, orientation-independent")
  func area() {
    let outer = Ring.rectangle(0, 0, 4, 4)
    // Counter-clockwise 4 × 4 = +16; clockwise the same ring is −16.
    #expect(Ring.signedArea(outer) == 16)
    #expect(Ring.signedArea(Array(outer.reversed())) == -16)
    // 16 − 2·2 = 12 whatever the hole's orientation.
    #expect(Polygon(exterior: outer, holes: [Ring.rectangle(1, 1, 3, 3)]).area == 12)
    #expect(Polygon(exterior: outer, holes: [Array(Ring.rectangle(1, 1, 3, 3).reversed())]).area == 12)
    // Two parts: 16 + 1.
    let m = MultiPolygon([Polygon(exterior: outer), Polygon(exterior: Ring.rectangle(10, 10, 11, 11))])
    #expect(m.area == 17)
    #expect(m.largestPartIndex == 0)
    // Perimeter of the square with its hole: 16 + 8.
    #expect(Polygon(exterior: outer, holes: [Ring.rectangle(1, 1, 3, 3)]).perimeter == 24)
  }

  @Test("area is accurate far from the origin (SWEREF 99 TM-sized coordinates)")
  func areaFarFromOrigin() {
    // A 10 m × 20 m rectangle at northing 6.2e6 m: exactly 200 m².
    let r = Ring.rectangle(373_000, 6_163_000, 373_010, 6_163_020)
    #expect(Polygon(exterior: r).area == 200)
  }

  @Test("bounding boxes and centroids")
  func boxes() {
    let p = Polygon(exterior: Ring.rectangle(0, 0, 4, 2))
    #expect(p.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 4, maxY: 2))
    #expect(p.centroid == Coordinate(x: 2, y: 1))
    #expect(BoundingBox.empty.isEmpty)
    // An L of two unit-width arms (area 3 + 4 − 1 … computed: squares [0,4]×[0,1] and [0,1]×[1,4]):
    // centroid = (2·4 + 0.5·3, 0.5·4 + 2.5·3) / 7 = (9.5/7, 9.5/7).
    let l = Polygon(exterior: [
      .init(x: 0, y: 0), .init(x: 4, y: 0), .init(x: 4, y: 1), .init(x: 1, y: 1), .init(x: 1, y: 4), .init(x: 0, y: 4),
      .init(x: 0, y: 0),
    ])
    #expect(abs(l.centroid.x - 9.5 / 7) < 1e-12 && abs(l.centroid.y - 9.5 / 7) < 1e-12)
  }

  @Test("label point is inside concave shapes and polygons with holes")
  func labelInside() {
    // A C-shape whose centroid (in the gap) lies outside.
    let c = Polygon(exterior: [
      .init(x: 0, y: 0), .init(x: 10, y: 0), .init(x: 10, y: 2), .init(x: 2, y: 2), .init(x: 2, y: 8),
      .init(x: 10, y: 8), .init(x: 10, y: 10), .init(x: 0, y: 10), .init(x: 0, y: 0),
    ])
    #expect(!c.contains(c.centroid))
    #expect(c.contains(c.labelPoint()))
    // A square with a big hole in the middle: the label avoids the hole.
    let ring = Polygon(exterior: Ring.rectangle(0, 0, 10, 10), holes: [Ring.rectangle(2, 2, 8, 8)])
    #expect(ring.contains(ring.labelPoint()))
    // For a plain square the pole is the centre, to within the precision (10/1000).
    let sq = Polygon(exterior: Ring.rectangle(0, 0, 10, 10)).labelPoint()
    #expect(abs(sq.x - 5) <= 0.01 && abs(sq.y - 5) <= 0.01)
  }

  @Test("every Malmö delområde and Swedish kommun gets a label point inside it")
  func labelsRealLayers() throws {
    for layer in [GeoFixtures.malmö, try GeoFixtures.sweden()] {
      let p = layer.defaultProjection
      for f in layer.features {
        let label = f.labelPoint(projection: p)!
        #expect(f.geometry.contains(label), "label of \(f.id) is outside")
      }
    }
  }

  @Test("SWEREF 99 TM matches PROJ (pyproj 3.7, EPSG:4326 → EPSG:3006) to a millimetre",
    arguments: [
      (13.0, 55.6, 373_988.371_642_901_6, 6_163_377.116_250_091),
      (20.3, 67.9, 722_293.677_499_479_6, 7_541_249.953_947_327),
      (11.0, 58.9, 269_612.125_065_800_2, 6_535_807.494_232_951),
    ])
  func sweref(lon: Double, lat: Double, e: Double, n: Double) {
    let tm = TransverseMercator.sweref99TM
    let p = tm.project(Coordinate(x: lon, y: lat))
    #expect(abs(p.x - e) < 0.001 && abs(p.y - n) < 0.001)
    let back = tm.unproject(p)
    #expect(abs(back.x - lon) < 1e-9 && abs(back.y - lat) < 1e-9)
  }

  @Test("the local equirectangular projection is within 0.25 % of SWEREF 99 TM areas in Malmö")
  func equirectangularError() {
    let layer = GeoFixtures.malmö
    let local = layer.projected()
    let tm = layer.projected(with: TransverseMercator.sweref99TM)
    #expect(local.coordinateSystem == .projected)
    for (a, b) in zip(local.features, tm.features) {
      // Local scale error ≤ 0.18 % (tan 55.6° × 0.07° in radians) plus TM's own ≈ 0.02 % at Malmö.
      let ratio = a.geometry.area / b.geometry.area
      #expect(abs(ratio - 1) < 0.0025, "area ratio \(ratio) for \(a.id)")
    }
    // Round trip through the local projection.
    let p = LocalEquirectangular(centre: Coordinate(x: 13, y: 55.6))
    let q = p.unproject(p.project(Coordinate(x: 13.1, y: 55.55)))
    // One degree of latitude at 55.6° on GRS 80: M₀·π/180 with M₀ = a(1 − e²)/(1 − e² sin²φ₀)^1.5
    // = 6 378 137 · 0.993306 / 0.995441^1.5 ≈ 6 379 035 m → 111 334.5 m.
    #expect(abs(p.project(Coordinate(x: 13, y: 56.6)).y - 111_334.5) < 0.1)
    #expect(abs(q.x - 13.1) < 1e-12 && abs(q.y - 55.55) < 1e-12)
  }

  @Test("the synthetic grid's contiguity is the 4- and 8-neighbourhood", arguments: [0, 3])
  func syntheticGrid(edgeVertices: Int) throws {
    let g = SyntheticLayer.grid(rows: 4, columns: 5, seed: 7, edgeVertices: edgeVertices)
    #expect(g.features.count == 20)
    // Rook: 2·(R(C−1) + C(R−1)) = 2·(16 + 15) = 62; queen adds 4·(R−1)(C−1) = 48 → 110.
    #expect(try g.contiguity(.rook).graph.linkCount == 62)
    #expect(try g.contiguity(.queen).graph.linkCount == 110)
    #expect(try g.contiguity(.rook).graph.neighbours(of: "r1c1") == ["r0c1", "r1c0", "r1c2", "r2c1"])
    // Same seed, same layer; another seed, another layer.
    #expect(SyntheticLayer.grid(rows: 4, columns: 5, seed: 7, edgeVertices: edgeVertices) == g)
    #expect(SyntheticLayer.grid(rows: 4, columns: 5, seed: 8, edgeVertices: edgeVertices) != g)
    // Tolerance mode adds nothing on a clean topology.
    #expect(try g.contiguity(.rook, matching: .tolerance(0.001)).graph == g.contiguity(.rook).graph)
  }
}
