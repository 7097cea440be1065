import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("kraftctl index: a definition with structure (#18 part 3)")
struct IndexStructureCommandTests {
  /// Examples/data/struktur-index.json.
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/data/struktur-index.json").path

  @Test("the example definition runs: per-indicator normalisation, IMD transform, geometric across, AHP weights")
  func exampleDefinition() throws {
    let r = try Run.kraftctl("index", "--definition", Self.example, "--format", "json")
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["definition"] as? String == "struktur-exempel")
    let weighting = try #require(json["weighting"] as? [String: Any])
    let rule = try #require(weighting["rule"] as? [String: Any])
    #expect(rule["method"] as? String == "ahp")
    #expect(rule["level"] as? String == "dimensions")
    // [[1, 0.5], [2, 1]]: priorities 1/3 and 2/3
    let weights = try #require(weighting["weights"] as? [String: Double])
    #expect(abs(weights["utbildning"]! - 1.0 / 3) < 1e-12 && abs(weights["levnadsvillkor"]! - 2.0 / 3) < 1e-12)
    #expect(json["indicator_normalizations"] as? [String: String] == ["ej_behoriga_yrkesprogram_ak9": "goalposts(lower=0.0, upper=0.5)"])
    #expect(json["dimension_aggregation"] as? String == "geometric")
    let dimensions = try #require(json["dimensions"] as? [[String: Any]])
    #expect(dimensions.map { $0["transform"] as? String } == ["imd-exp", "imd-exp"])
    let modifications = try #require(json["modifications"] as? [String])
    #expect(modifications.first == "weighting: ahp (dimensions)")
    // every score is a weighted geometric mean of two IMD values in (0, 100]
    let areas = try #require(json["areas"] as? [[String: Any]])
    let scores = areas.compactMap { $0["score"] as? Double }
    #expect(scores.count > 100)
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 100 })
    #expect(areas.first?["rank"] as? Int == 1)
  }

  @Test("the same definition gives the same ranks through the library")
  func sameAsLibrary() throws {
    let d = try IndexDefinition(json: try String(contentsOfFile: Self.example, encoding: .utf8), file: "struktur-index.json")
    let result = try d.run(on: MalmöData.statistik)
    let r = try Run.kraftctl("index", "--definition", Self.example, "--format", "csv", "--top", "3")
    let lines = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(lines.map { $0[0] } == result.ranked.prefix(lines.count).map(\.code))
  }

  @Test("a weighting rule of the wrong size exits 65 naming the field")
  func badWeighting() throws {
    let dir = try Run.temporaryDirectory()
    let file = dir.appendingPathComponent("fel.json")
    var text = try String(contentsOfFile: Self.example, encoding: .utf8)
    text = text.replacingOccurrences(of: "[[1, 0.5], [2, 1]]", with: "[[1, 0.5, 2], [2, 1, 1], [0.5, 1, 1]]")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let r = try Run.kraftctl("index", "--definition", file.path)
    #expect(r.status == 65)
    #expect(r.stderr.contains("weighting.matrix: the matrix has 3 rows, but the definition has 2 dimensions"))
  }
}
