import Foundation
import Testing

@Suite("kraftctl audit")
struct AuditCommandTests {
  @Test("The bundled data: every part, the collinear pairs flagged, the illustrative label")
  func bundled() throws {
    let r = try Run.kraftctl("audit")
    #expect(r.status == 0)
    for heading in ["correlations", "alpha", "pca", "importance", "flags"] {
      #expect(r.stdout.contains("\n\(heading)\n") || r.stdout.hasPrefix("\(heading)\n"))
    }
    #expect(r.stdout.contains("collinear  trangbodda_0_18"))
    #expect(r.stdout.contains("Illustrative data"))
  }

  @Test("CSV of the cross-check table: exact numbers equal to scipy's within 1e-9")
  func csvMatchesReference() throws {
    let r = try Run.kraftctl(
      "audit", "--data", Run.fixture("audit/table.csv"), "--definition", Run.fixture("audit/definition.json"), "--format",
      "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(lines.first == ["first", "second", "pearson", "pearson_p", "spearman", "spearman_p", "n"])
    #expect(lines.count == 1 + 9 * 8 / 2)  // 6 indicators, 2 dimensions, the index
    let expected = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Run.fixture("audit/expected.json"))))
        as? [String: Any])
    let variables = try #require(expected["variables"] as? [String])
    let pearson = try #require(expected["pearson"] as? [[Any]])
    for line in lines.dropFirst() {
      let a = try #require(variables.firstIndex(of: String(line[0])))
      let b = try #require(variables.firstIndex(of: String(line[1])))
      let ours = try #require(Double(line[2]))
      let theirs = try #require(pearson[a][b] as? Double)
      #expect(abs(ours - theirs) <= 1e-9 * abs(theirs))
      #expect(line[6] == "40")
    }
  }

  @Test("--part, --format json and --svg")
  func partsJSONAndSVG() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let svg = dir.appendingPathComponent("heat.svg").path
    let r = try Run.kraftctl("audit", "--format", "json", "--svg", svg)
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((object["indicatorIDs"] as? [String])?.count == 4)
    #expect((object["flags"] as? [Any])?.count == 3)
    let heat = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(heat.contains("Korrelationer (Pearson)") && heat.contains("Illustrativa data"))
    #expect(heat.contains("<text") && heat.hasSuffix("</svg>\n"))
    let importance = try Run.kraftctl("audit", "--part", "importance", "--format", "markdown")
    #expect(importance.stdout.hasPrefix("| indicator | nominal_share |"))
  }

  @Test("Usage errors exit 64, a missing data file 66")
  func errors() throws {
    let threshold = try Run.kraftctl("audit", "--threshold", "0")
    #expect(threshold.status == 64 && threshold.stderr.contains("--threshold"))
    let part = try Run.kraftctl("audit", "--part", "everything")
    #expect(part.status == 64 && part.stderr.contains("--part"))
    let missing = try Run.kraftctl("audit", "--data", "/nonexistent/statistik.csv")
    #expect(missing.status == 66 && missing.stderr.contains("/nonexistent/statistik.csv"))
  }
}
