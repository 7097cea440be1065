import Foundation
import KraftsamlingKit
import Testing

@testable import kraftctl

/// `clusters`, `hotspots` and `map` over the composite index.
@Suite("kraftctl clusters, hotspots and map with the index")
struct IndexGeographyCommandTests {
  /// CSV rows after the header, split at commas.
  static func rows(_ csv: String) -> [[String]] {
    csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  /// The codes of `kraftctl index --top k` (rank ≤ k).
  static func indexTop(_ k: Int, _ extra: [String] = []) throws -> Set<String> {
    let r = try Kraftctl.run(["index", "--top", String(k), "--format", "csv"] + extra)
    #expect(r.status == 0)
    return Set(rows(r.stdout).map { $0[0] })
  }

  @Test("clusters without a selection: the index's top 12, numbered by best-ranked member")
  func clustersDefault() throws {
    let r = try Kraftctl.run(["clusters", "--format", "csv"])
    #expect(r.status == 0)
    #expect(r.stderr.contains("no selection given: the 12 best-ranked areas by stadskontoret-2025 score"))
    #expect(r.stderr.contains("Illustrativa data"))
    let rows = Self.rows(r.stdout)
    #expect(Set(rows.map { $0[1] }) == (try Self.indexTop(12)))
    // Cluster 1 holds the rank-1 area (Herrgården on the bundled data); cluster numbers never decrease.
    #expect(rows[0] == ["1", "48208", "Herrgården"])
    #expect(rows.map { Int($0[0])! } == rows.map { Int($0[0])! }.sorted())
  }

  @Test("clusters --top K selects the same areas as index --top K", arguments: [1, 5, 13, 30])
  func clustersTopMatchesIndex(k: Int) throws {
    let r = try Kraftctl.run(["clusters", "--top", String(k), "--format", "csv"])
    #expect(r.status == 0)
    #expect(Set(Self.rows(r.stdout).map { $0[1] }) == (try Self.indexTop(k)))
  }

  @Test("a tie at the cut-off selects both areas and is reported (rank normalisation: two areas share rank 5)")
  func clustersTies() throws {
    let r = try Kraftctl.run(["clusters", "--top", "5", "--normalization", "rank", "--format", "json"])
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let members = (object["clusters"] as? [[String: Any]] ?? []).flatMap { $0["members"] as? [[String: Any]] ?? [] }
    #expect(members.count == 6)
    #expect(Set(members.map { $0["code"] as? String ?? "" }) == (try Self.indexTop(5, ["--normalization", "rank"])))
    #expect(members.filter { $0["rank"] as? Int == 5 }.count == 2)
    #expect(object["tied_at_cutoff"] as? [String] == ["36109"])
    #expect((object["definition"] as? String)?.contains("normalization: rank") == true)
    #expect(r.stderr.contains("6 areas selected for --top 5: 36109 ties at rank 5 and is included"))
  }

  @Test("clusters --min-score S selects every area scoring at least S")
  func clustersMinScore() throws {
    let r = try Kraftctl.run(["clusters", "--min-score", "2", "--format", "csv"])
    #expect(r.status == 0)
    let index = try Kraftctl.run(["index", "--format", "csv"])
    let scored = Self.rows(index.stdout).filter { (Double($0[2]) ?? -.infinity) >= 2 }.map { $0[0] }
    #expect(Set(Self.rows(r.stdout).map { $0[1] }) == Set(scored))
    #expect(!scored.isEmpty)
  }

  @Test("clusters --definition picks another index; an unknown definition name is a usage error (64)")
  func clustersDefinition() throws {
    let r = try Kraftctl.run(["clusters", "--top", "10", "--definition", "scb-regso", "--format", "csv"])
    #expect(r.status == 0)
    #expect(Set(Self.rows(r.stdout).map { $0[1] }) == (try Self.indexTop(10, ["--definition", "scb-regso"])))
    let bad = try Kraftctl.run(["clusters", "--definition", "nonsense"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("stadskontoret-2025"))
  }

  @Test(
    "conflicting options are usage errors (64)",
    arguments: [
      ["clusters", "--top", "3", "--variable", "ekonomiskt_bistand_20_64", "--weights", "1,1,1,1"],
      ["clusters", "--select", "Holma", "--variable", "ekonomiskt_bistand_20_64"],
      ["clusters", "--top", "3", "--min-score", "1"],
      ["hotspots", "--variable", "uvas_16_29", "--definition", "scb-regso"],
      ["map", "--hotspots", "--k", "3"],
      ["map", "--fdr"],
      ["map", "--top", "5"],
      ["map", "--label-placement", "anywhere"],
    ])
  func conflicts(_ arguments: [String]) throws {
    let r = try Kraftctl.run(arguments)
    #expect(r.status == 64, "\(arguments): \(r.stderr)")
  }

  @Test("hotspots tests the index score by default: 120 ranked areas, the 16 unranked left out")
  func hotspotsIndex() throws {
    let r = try Kraftctl.run(["hotspots", "--permutations", "99", "--format", "csv"])
    #expect(r.status == 0)
    let rows = Self.rows(r.stdout)
    #expect(rows.count == 120)
    #expect(r.stderr.contains("16 area(s) are not ranked by the index and are left out"))
    #expect(r.stderr.contains("stadskontoret-2025 score, rook contiguity, 120 areas"))
    // The value column is the index score.
    let index = Self.rows(try Kraftctl.run(["index", "--format", "csv"]).stdout)
    let score = Dictionary(uniqueKeysWithValues: index.filter { !$0[2].isEmpty }.map { ($0[0], Double($0[2])!) })
    for row in rows { #expect(Double(row[2]) == score[row[0]]) }
  }

  @Test("hotspots --definition and the index options; JSON names the definition")
  func hotspotsDefinition() throws {
    let r = try Kraftctl.run([
      "hotspots", "--definition", "stadskontoret-2025", "--aggregation", "geometric", "--normalization", "rank",
      "--permutations", "99", "--format", "json",
    ])
    #expect(r.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((object["definition"] as? String)?.hasPrefix("stadskontoret-2025@") == true)
    #expect(object["variable"] as? String == "stadskontoret-2025 score")
  }

  @Test("map --value score draws the index; map --hotspots the LISA cluster map")
  func maps() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let index = dir.appendingPathComponent("index.svg").path
    let r = try Kraftctl.run(["map", "--out", index, "--value", "score", "--clusters", "--top", "12"])
    #expect(r.status == 0)
    let svg = try String(contentsOfFile: index, encoding: .utf8)
    #expect(svg.contains(">Utsatthetsindex (Stadskontoret 2025)</text>"))
    #expect(svg.contains("Inte rangordnade (16)"))
    #expect(svg.contains("12 valda områden i 5 kluster (grannar med gemensam gräns)"))
    #expect(svg.contains("rang 1 av 120"))
    // Every selected name is drawn once: on the map, or numbered in the legend.
    let names = Self.rows(try Kraftctl.run(["index", "--top", "12", "--format", "csv"]).stdout).map { $0[1] }
    #expect(names.count == 12)
    for name in names { #expect(svg.components(separatedBy: ">\(name)</text>").count - 1 == 1, "\(name)") }

    let lisa = dir.appendingPathComponent("lisa.svg").path
    let l = try Kraftctl.run(["map", "--out", lisa, "--hotspots", "--permutations", "99", "--seed", "7", "--fdr"])
    #expect(l.status == 0)
    #expect(l.stderr.contains("global Moran's I = "))
    let lisaSVG = try String(contentsOfFile: lisa, encoding: .utf8)
    #expect(lisaSVG.contains(">LISA-kluster: Utsatthetsindex (Stadskontoret 2025)</text>"))
    #expect(lisaSVG.contains("Local Moran&apos;s I (FDR 0,05)"))
    #expect(lisaSVG.contains("99 permutationer, slumpfrö 7"))
    for label in ["Högt bland höga (HH)", "Lågt bland höga (LH)", "Lågt bland låga (LL)", "Högt bland låga (HL)", "Inte signifikant"] {
      #expect(lisaSVG.contains(label))
    }
    #expect(lisaSVG.contains("Ej testade (saknar värde) (16)"))
    #expect(lisaSVG.hasSuffix("</svg>\n"))
    // Same seed, same map.
    let again = try Kraftctl.run(["map", "--hotspots", "--permutations", "99", "--seed", "7", "--fdr", "--quiet"])
    #expect(again.stdout == unstamped(lisaSVG))
  }

  @Test("map --value with an indicator still works, and --clusters --top ranks by that indicator")
  func mapIndicator() throws {
    let r = try Kraftctl.run(["map", "--value", "ekonomiskt_bistand_20_64", "--clusters", "--top", "3", "--quiet"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("Andel 20–64 år med ekonomiskt bistånd (%)"))
    let top = Self.rows(try Kraftctl.run(["clusters", "--top", "3", "--variable", "ekonomiskt_bistand_20_64", "--format", "csv"]).stdout)
    for row in top { #expect(r.stdout.contains(">\(row[2])</text>")) }
  }

  @Test("the demo's clusters step: the index's top 12 under rook, compared with STK-2024-1374")
  func demoLines() throws {
    let lines = try ClustersCommand.demoLines()
    #expect(lines.allSatisfy { $0.hasPrefix("   ") })
    #expect(lines[0] == "   The 12 most vulnerable delområden (stadskontoret-2025) form 5 rook clusters:")
    #expect(lines[1].hasPrefix("   (1) Herrgården, "))
    #expect(lines.contains { $0.hasPrefix("   Compared with STK-2024-1374's initial selection: ") })
    #expect(lines.last == "   " + Inputs.illustrative)
  }

  @Test("the HotSpots example prints global Moran's I and the HH areas")
  func hotSpotsExample() throws {
    let r = try Kraftctl.run([], executable: Kraftctl.executable("HotSpots"))
    #expect(r.status == 0)
    #expect(r.stdout.contains("Global Moran's I = 0."))
    #expect(r.stdout.contains("HH — high scores among high scores"))
    #expect(r.stdout.contains("Herrgården (48208)"))
    #expect(r.stdout.contains("Illustrative data"))
  }

  @Test("the MalmoClusters example reproduces the published clusters and clusters the index's top 12")
  func malmoClustersExample() throws {
    let r = try Kraftctl.run([], executable: Kraftctl.executable("MalmoClusters"))
    #expect(r.status == 0)
    #expect(r.stdout.contains("The same as STK-2024-1374's five clusters: yes"))
    #expect(r.stdout.contains("The index's top 12 (stadskontoret-2025, illustrative data): 5 rook clusters"))
  }
}
