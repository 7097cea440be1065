import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("GeoJSONReader")
struct GeoJSONReaderTests {
  @Test("reads polygons with holes and multipolygons")
  func holesAndParts() throws {
    let layer = try GeoJSONReader.read(path: Fixtures.path("geojson/holes-multi.geojson"), idProperty: "code")
    #expect(layer.ids == ["A", "B"])
    #expect(layer.features[0].geometry.polygons[0].holes.count == 1)
    #expect(layer.features[1].geometry.polygons.count == 2)
    #expect(layer.features[1].geometry.vertexCount == 10)
    #expect(layer.coordinateSystem == .geographic)
    #expect(layer.features[0].line == 2)
  }

  @Test("reports every broken feature with its line and JSON path")
  func brokenFeatures() {
    #expect {
      try GeoJSONReader.read(path: Fixtures.path("geojson/broken.geojson"), idProperty: "do_kod")
    } throws: { error in
      let found = (error as! DataError).diagnostics.map { "\($0.code)@\($0.location.line ?? 0):\($0.location.field ?? "")" }
      return found == [
        "geojson.missing-id@4:features[1]",
        "geojson.unclosed-ring@7:features[2].geometry.coordinates[0]",
        "geojson.unsupported-geometry@9:features[3].geometry",
        "geojson.duplicate-id@10:features[4]",
      ]
    }
  }

  @Test("an id property no feature has is reported once, with a suggestion")
  func wrongIDProperty() {
    #expect {
      try GeoJSONReader.read(path: Fixtures.path("geojson/broken.geojson"), idProperty: "do_code")
    } throws: { error in
      let d = (error as! DataError).diagnostics
      return d.count == 1 && d[0].message == "no feature has the id property 'do_code'" && d[0].hint == "did you mean do_kod?"
    }
  }

  @Test("projected coordinates are recognised")
  func projected() throws {
    let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Polygon","coordinates":[[[374000,6164000],[375000,6164000],[375000,6165000],[374000,6164000]]]}}]}"#
    let layer = try GeoJSONReader.parse(text, idProperty: "id")
    #expect(layer.coordinateSystem == .projected)
  }

  @Test("reads the real Malmö layer: 136 delområden")
  func malmö() throws {
    let layer = try GeoJSONReader.read(path: Fixtures.dataPath("malmo/delomraden.geojson"), idProperty: "do_kod")
    #expect(layer.features.count == 136)
    #expect(layer.features[0].id == "10101")
    #expect(layer.features[0].properties["name"] == "Västra Hamnen")
  }

  @Test("reads Sweden's kommuner with MultiPolygons and string codes")
  func sweden() throws {
    let layer = try GeoJSONReader.read(path: Fixtures.dataPath("sverige/kommuner.geojson"), idProperty: "kommun_kod")
    #expect(layer.features.count == 290)
    #expect(layer.features[0].id == "0114")
    #expect(layer.features.contains { $0.geometry.polygons.count > 1 })
  }

  @Test("feature and vertex limits give clear errors")
  func limits() {
    let path = Fixtures.path("geojson/holes-multi.geojson")
    #expect {
      try GeoJSONReader.read(path: path, idProperty: "code", limits: InputLimits(maximumFeatures: 1))
    } throws: { error in (error as! DataError).diagnostics[0].code == "limit.maximumFeatures" }
    #expect {
      try GeoJSONReader.read(path: path, idProperty: "code", limits: InputLimits(maximumVerticesPerPolygon: 8))
    } throws: { error in
      let d = (error as! DataError).diagnostics
      return d.count == 1 && d[0].code == "limit.maximumVerticesPerPolygon" && d[0].location.line == 3
    }
  }
}
