import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("SVG maps and class breaks")
struct AreaMapTests {
  /// 60 values made in Python as ((i·7919) mod 1009)/10 + (50 if i mod 3 = 0), i = 0…59.
  static let values: [Double] = (0..<60).map { (i: Int) -> Double in
    let base: Double = Double((i * 7919) % 1009) / 10
    return i % 3 == 0 ? base + 50 : base
  }

  // Expected bins and counts from mapclassify 2.10.0 (k = 5):
  //   Quantiles(y, k=5), EqualInterval(y, k=5), FisherJenks(y, k=5).
  @Test("quantile bins match mapclassify")
  func quantiles() throws {
    let b = try ClassBreaks(values: Self.values, classification: .quantiles, classes: 5)
    let expected = [32.52, 57.74, 77.06, 95.84, 150.5]
    #expect(zip(b.upperBounds, expected).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(b.counts == [12, 12, 12, 12, 12])
  }

  @Test("equal-interval bins match mapclassify")
  func equalIntervals() throws {
    // min 2.5, max 150.5: width 148/5 = 29.6 → 32.1, 61.7, 91.3, 120.9, 150.5.
    let b = try ClassBreaks(values: Self.values, classification: .equalIntervals, classes: 5)
    #expect(zip(b.upperBounds, [32.1, 61.7, 91.3, 120.9, 150.5]).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(b.counts == [12, 16, 17, 9, 6])
  }

  @Test("Fisher–Jenks natural breaks match mapclassify")
  func jenks() throws {
    let b = try ClassBreaks(values: Self.values, classification: .naturalBreaks, classes: 5)
    #expect(b.upperBounds == [24.4, 51.7, 79.4, 105.0, 150.5])
    #expect(b.counts == [11, 12, 16, 13, 8])
    // Three obvious groups.
    #expect(NaturalBreaks().upperBounds(sorted: [1, 2, 3, 10, 11, 12, 30], classes: 3) == [3, 12, 30])
  }

  @Test("Fisher–Jenks is optimal: no other 3-class split of 12 values has a smaller within-class SSE")
  func jenksOptimal() {
    var g = SeededGenerator(seed: 5)
    let x = (0..<12).map { _ in (g.uniform() * 100).rounded() }.sorted()
    func sse(_ s: ArraySlice<Double>) -> Double {
      let m = s.reduce(0, +) / Double(s.count)
      return s.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    }
    func cost(_ bounds: [Double]) -> Double {
      var total = 0.0, lower = -Double.infinity
      for u in bounds {
        let s = x.filter { $0 > lower && $0 <= u }
        if !s.isEmpty { total += sse(s[...]) }
        lower = u
      }
      return total
    }
    let best = cost(NaturalBreaks().upperBounds(sorted: x, classes: 3))
    var brute = Double.infinity
    for i in 1..<11 {
      for j in (i + 1)..<12 {
        brute = min(brute, sse(x[0..<i]) + sse(x[i..<j]) + sse(x[j...]))
      }
    }
    #expect(abs(best - brute) < 1e-9)
  }

  @Test("fewer distinct values than classes give fewer classes; bad input throws")
  func degenerate() throws {
    #expect(try ClassBreaks(values: [1, 1, 2, .nan], classification: .naturalBreaks, classes: 5).upperBounds == [1, 2])
    #expect(try ClassBreaks(values: [3, 3, 3], classification: .equalIntervals, classes: 4).upperBounds == [3])
    #expect(throws: GeographyError.self) { try ClassBreaks(values: [.nan], classes: 3) }
    #expect(throws: GeographyError.self) { try ClassBreaks(values: [1, 2], classes: 0) }
    #expect(throws: GeographyError.self) { try ClassBreaks(values: [1, .infinity], classes: 2) }
  }

  @Test("text is escaped", arguments: [
    ("a < b & c", "a &lt; b &amp; c"), ("\"Malmö\"", "&quot;Malmö&quot;"), ("it's", "it&apos;s"), ("x\u{1}y", "xy"),
  ])
  func escaping(input: String, expected: String) {
    #expect(SVGWriter.escape(input) == expected)
  }

  @Test("path data is compact and drops repeated pixels")
  func pathData() {
    var d = SVGPathData()
    d.ring([(0, 0), (10.04, 0), (10, 0.01), (10, 10.25), (-3.5, 4)])
    // (10.04, 0) and (10, 0.01) both round to (10, 0) in tenths: the second is dropped; 10.25 → 10.3 (tenths rounding of 102.5 → 103).
    #expect(String(decoding: d.bytes, as: UTF8.self) == "M0 0L10 0L10 10.3L-3.5 4Z")
    var degenerate = SVGPathData()
    degenerate.ring([(0, 0), (0.01, 0.01), (0, 0)])
    #expect(degenerate.isEmpty)
  }

  static let grid = SyntheticLayer.grid(rows: 2, columns: 2, seed: 1)

  @Test("a choropleth has one path per area, a legend with counts, hatched missing areas and credits")
  func choropleth() throws {
    let values = ["r0c0": 1.0, "r0c1": 2.0, "r1c0": .nan]  // r1c1 absent: two missing areas
    var map = try AreaMap.choropleth(
      layer: Self.grid, values: values, classification: .equalIntervals, classes: 2, title: "Test & <karta>",
      legendTitle: "Värde", credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
    map.labels = ["r0c0"]
    map.outlines = [["r0c0", "r0c1"]]
    let svg = map.svg()
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("Test &amp; &lt;karta&gt;"))
    // Range 1…2 (width 1 → 2 decimals): classes 1,00 – 1,50 and 1,50 – 2,00.
    #expect(map.legend.map(\.label) == ["1,00 – 1,50 (1)", "1,50 – 2,00 (1)"])
    #expect(svg.contains("Uppgift saknas (2)"))
    #expect(svg.components(separatedBy: "fill=\"url(#kk-missing)\"").count - 1 == 2 + 1)  // two areas + legend swatch
    #expect(svg.contains("Geometri: Malmö stad"))
    #expect(svg.contains("Illustrativa data"))
    // 4 areas + 2 outline strokes + 2 refills = 8 paths.
    #expect(svg.components(separatedBy: "<path ").count - 1 == 8)
    #expect(svg.contains("Kluster (numrerade)"))
    // Balanced elements: every <g> closed.
    #expect(svg.components(separatedBy: "<g ").count == svg.components(separatedBy: "</g>").count)
  }

  @Test("suppressed areas are cross-hatched with their own legend entry and a tooltip without the value")
  func suppressedAreas() throws {
    // r0c1's value would be shown; r1c1 has none. r0c1 is suppressed after classification.
    var map = try AreaMap.choropleth(
      layer: Self.grid, values: ["r0c0": 1.0, "r0c1": 2.0, "r1c0": 3.0], classification: .equalIntervals, classes: 2,
      title: "T", legendTitle: "V")
    map.suppressed = ["r0c1"]
    let svg = map.svg()
    #expect(svg.contains("<pattern id=\"kk-suppressed\""))
    // One area and the legend swatch use the cross-hatch; one area and its swatch the missing hatch.
    #expect(svg.components(separatedBy: "fill=\"url(#kk-suppressed)\"").count - 1 == 2)
    #expect(svg.components(separatedBy: "fill=\"url(#kk-missing)\"").count - 1 == 2)
    #expect(svg.contains("För få personer, visas ej (1)"))
    #expect(svg.contains("Uppgift saknas (1)"))
    #expect(svg.contains("r0c1: för få personer, visas ej (röjandekontroll)</title>"))
    #expect(!svg.contains("r0c1: 2"))
    // Without suppression: no pattern, no entry.
    map.suppressed = []
    #expect(!map.svg().contains("kk-suppressed"))
  }

  @Test("a LISA map uses PySAL's quadrant order and conventional colours; unknown categories throw")
  func lisa() throws {
    let cats = ["r0c0": "HH", "r0c1": "LL", "r1c0": "ns", "r1c1": "HH"]
    let map = try AreaMap.categorical(layer: Self.grid, categories: cats, scheme: .lisa, title: "LISA")
    #expect(map.legend.map(\.label) == [
      "Högt bland höga (HH) (2)", "Lågt bland höga (LH) (0)", "Lågt bland låga (LL) (1)", "Högt bland låga (HL) (0)",
      "Inte signifikant (1)",
    ])
    #expect(map.fills["r0c0"] == "#d7191c" && map.fills["r0c1"] == "#2c7bb6" && map.fills["r1c0"] == "#d3d3d3")
    #expect(throws: GeographyError.self) {
      try AreaMap.categorical(layer: Self.grid, categories: ["r0c0": "XX"], scheme: .lisa, title: "LISA")
    }
  }

  @Test("colour ramps interpolate between ColorBrewer stops")
  func ramps() {
    #expect(ColorRamp.yellowOrangeRed.colours(3) == ["#ffffcc", "#fd8d3c", "#800026"])
    #expect(ColorRamp.blues.colours(2) == ["#f7fbff", "#08306b"])
  }

  @Test("the Malmö map labels the selection inside the drawing")
  func malmö() throws {
    let layer = MalmöData.layer
    var values: [String: Double] = [:]
    for (i, f) in layer.features.enumerated() { values[f.id] = Double(i % 7) }
    var map = try AreaMap.choropleth(layer: layer, values: values, title: "Malmö")
    map.labels = ["25611"]  // Holma
    let svg = map.svg()
    #expect(svg.components(separatedBy: "<path ").count - 1 == 136)
    #expect(svg.contains(">Holma</text>"))
  }

  @Test("English maps: decimal commas between digits become points, list commas stay")
  func englishNumbers() {
    #expect(AreaMap.decimalPoints("−0,70 – 1,5 (24), 3") == "−0.70 – 1.5 (24), 3")
    #expect(AreaMap.decimalPoints("Holma, Nydala") == "Holma, Nydala")
  }
}
