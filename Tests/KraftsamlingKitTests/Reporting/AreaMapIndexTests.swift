import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("AreaMap from an index and a hot-spot analysis")
struct AreaMapIndexTests {
  /// A 3 × 3 grid of unit squares, codes a–i row-major from the north-west
  /// (rows at y = 2, 1, 0), so that rook contiguity is the hand lattice of
  /// `LocalMoranTests`.
  static let grid = GeoFixtures.layer(
    ["a", "b", "c", "d", "e", "f", "g", "h", "i"].enumerated().map { k, id in
      GeoFixtures.squareFeature(id, Double(k % 3), Double(2 - k / 3))
    })
  /// y = 6 6 2 / 6 2 2 / 2 0 1, and i left without a value.
  static func result(missing: Bool = false) throws -> IndexResult {
    var table = AreaTable(codes: ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    try table.addColumn("v", [6, 6, 2, 6, 2, 2, 2, 0, missing ? nil : 1])
    let d = IndexDefinition(
      id: "test", title: "Testindex", indicators: [.init(id: "v", valueColumn: "v")], normalization: .identity)
    return try d.run(on: table)
  }

  @Test("the choropleth of a score: ranked areas filled, the others hatched, tooltips with score and rank")
  func choropleth() throws {
    let r = try Self.result(missing: true)
    let map = try AreaMap.choropleth(of: r, layer: Self.grid, classification: .equalIntervals, classes: 3)
    #expect(map.title == "Testindex")
    #expect(map.fills.count == 8)
    #expect(map.fills["i"] == nil)
    // Scores 6, 6, 2, 6, 2, 2, 2, 0 → ranks 1, 1, 1, 4, 4, 4, 4, 8 (of 8); range 0…6, classes of width 2.
    #expect(map.tooltips["a"] == "poäng 6,00; rang 1 av 8")
    #expect(map.tooltips["h"] == "poäng 0,00; rang 8 av 8")
    #expect(map.tooltips["i"] == "inte rangordnat")
    #expect(map.legend.map(\.label) == ["0,00 – 2,00 (5)", "2,00 – 4,00 (0)", "4,00 – 6,00 (3)"])
    #expect(map.legendTitle == "Poäng (test) – equal, 3 klasser")
    #expect(map.svg().contains("Inte rangordnade (1)"))
  }

  @Test("the LISA map of a hot-spot analysis: PySAL's categories, subtitle with Moran's I, tooltips with p")
  func lisa() throws {
    let r = try Self.result()
    let hot = try HotSpotAnalysis(r, contiguity: Self.grid.contiguity(.rook), inference: .init(permutations: 999, seed: 1))
    // The lattice's corner a is HH (I = 18/11); global I = 113/264 = 0.428.
    #expect(hot.area(code: "a")?.quadrant == .highHigh)
    let map = try AreaMap.hotSpots(hot, layer: Self.grid, credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
    #expect(map.title == "LISA-kluster: test score")
    #expect(map.legendTitle == "Local Moran's I (p < 0,05)")
    #expect(map.legend.map(\.label).count == 5)
    let counts = Dictionary(uniqueKeysWithValues: hot.labelCounts.map { ($0.label.rawValue, $0.count) })
    for (entry, key) in zip(map.legend, ["HH", "LH", "LL", "HL", "ns"]) {
      #expect(entry.label.hasSuffix("(\(counts[key] ?? 0))"))
    }
    #expect(map.subtitle?.hasPrefix("grannar: gemensam gräns (inte bara ett hörn); 999 permutationer, slumpfrö 1; globalt Moran's I = 0,428") == true)
    let p = try #require(hot.area(code: "a")?.pValue)
    #expect(map.tooltips["a"]?.hasSuffix(", p = " + String(String(p).map { $0 == "." ? "," : $0 })) == true)
    let svg = map.svg()
    #expect(svg.contains("Högt bland höga (HH)"))
    #expect(svg.contains("Illustrativa data"))
  }

  @Test("Getis–Ord maps hot and cold spots; untested areas are hatched and counted")
  func getisOrd() throws {
    let r = try Self.result(missing: true)
    let hot = try HotSpotAnalysis(
      r, contiguity: Self.grid.contiguity(.rook), statistic: .getisOrd, inference: .init(permutations: 99, seed: 1),
      falseDiscoveryRate: true)
    let map = try AreaMap.hotSpots(hot, layer: Self.grid)
    #expect(map.legend.count == 3)
    #expect(map.legendTitle == "Getis–Ord Gi (FDR 0,05)")
    #expect(map.title == "Heta och kalla punkter: test score")
    #expect(map.fills["i"] == nil)
    #expect(map.svg().contains("Ej testade (saknar värde) (1)"))
  }

  @Test("the one-call LISA map of an index on Malmö agrees with the analysis")
  func malmö() throws {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let inference = PermutationInference(permutations: 199, seed: 3)
    let map = try AreaMap.lisa(of: result, layer: MalmöData.layer, inference: inference)
    let hot = try HotSpotAnalysis(result, contiguity: MalmöData.layer.contiguity(.rook), inference: inference)
    #expect(map.title == "LISA-kluster: Utsatthetsindex (Stadskontoret 2025)")
    #expect(map.legend[0].label == "Högt bland höga (HH) (\(hot.areas(labelled: .highHigh).count))")
    #expect(map.fills.count == result.rankedCount)
  }
}
