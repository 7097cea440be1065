import Foundation
import KraftsamlingKit
import Testing

/// Runs the built `kraftctl` (or an example) from the package root: a thin
/// façade over ``Run`` for the geography tests.
enum Kraftctl {
  static let packageRoot = repositoryRoot

  /// The name of a built executable of the package (kraftctl or an example).
  static func executable(_ name: String) -> String { name }

  static func run(_ arguments: [String], executable: String = "kraftctl") throws -> RunResult {
    try Run.product(executable, arguments, cwd: packageRoot)
  }
}

@Suite("kraftctl contiguity, clusters and map")
struct GeographyCommandTests {
  /// The twelve names of STK-2024-1374's initial selection, comma-separated.
  static let published = PublishedSelection.stk2024_1374.delområden.joined(separator: ",")

  @Test("contiguity writes sorted code,neighbor pairs")
  func contiguityCSV() throws {
    let r = try Kraftctl.run(["contiguity"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "code,neighbor")
    // Malmö's rook graph: 686 ordered pairs (libpysal 4.14 gives the same).
    #expect(lines.count == 687)
    #expect(Array(lines.dropFirst()) == lines.dropFirst().sorted())
    #expect(lines.contains("36105,36108"))  // Hermodsdal – Gullviksborg
  }

  @Test("contiguity of Sweden's kommuner lists the five islands on standard error and in JSON")
  func contiguityIslands() throws {
    let path = Kraftctl.packageRoot.appendingPathComponent("Data/sverige/kommuner.geojson").path
    try #require(FileManager.default.fileExists(atPath: path), "missing test data \(path)")
    let r = try Kraftctl.run(["contiguity", "--geometry", path, "--id-property", "kommun_kod", "--format", "json"])
    #expect(r.status == 0)
    for island in ["Ekerö", "Lidingö", "Gotland", "Öckerö", "Tjörn"] { #expect(r.stderr.contains(island)) }
    #expect(r.stdout.contains("\"islands\": [\n    \"0125\",\n    \"0186\",\n    \"0980\",\n    \"1407\",\n    \"1419\"\n  ]"))
  }

  @Test("contiguity refuses an unknown rule with exit 64")
  func badRule() throws {
    let r = try Kraftctl.run(["contiguity", "--rule", "bishop"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--rule must be rook or queen"))
  }

  @Test("clusters: the published selection gives the five published clusters as CSV")
  func clustersPublished() throws {
    let r = try Kraftctl.run(["clusters", "--select", Self.published, "--format", "csv"])
    #expect(r.status == 0)
    // The published clusters, numbers, codes and names (PublishedSelection.stk2024_1374).
    var expected = "cluster,code,name\n"
    for c in PublishedSelection.stk2024_1374.clusters {
      for (code, name) in zip(c.codes, c.names) { expected += "\(c.number),\(code),\(name)\n" }
    }
    #expect(expected.split(separator: "\n").count == 13)
    #expect(r.stdout == expected)
  }

  @Test("clusters under queen merge (1) and (3)")
  func clustersQueen() throws {
    let r = try Kraftctl.run(["clusters", "--select", Self.published, "--rule", "queen", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stdout.components(separatedBy: "\"cluster\": ").count - 1 == 4)
  }

  @Test("clusters: 'Herrmodsdal' exits 64 (a bad option value) with a suggestion")
  func clustersMisspelt() throws {
    let r = try Kraftctl.run(["clusters", "--select", "Gullviksborg,Herrmodsdal"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("unknown area 'Herrmodsdal'"))
    #expect(r.stderr.contains("did you mean Hermodsdal?"))
  }

  @Test("clusters --top out of range: 0 is a usage error (64), more than the ranked areas bad data (65)")
  func clustersTopRange() throws {
    #expect(try Kraftctl.run(["clusters", "--top", "0"]).status == 64)
    let r = try Kraftctl.run(["clusters", "--top", "500"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("choose k between 1 and 120"))
  }

  @Test("map writes an SVG with credits, legend and cluster outlines")
  func map() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kraftctl-map-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("karta.svg").path
    let r = try Kraftctl.run([
      "map", "--out", out, "--value", "ekonomiskt_bistand_20_64", "--classes", "jenks", "--k", "4", "--clusters",
      "--select", Self.published,
    ])
    #expect(r.status == 0)
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("Geometri: Malmö stad"))
    #expect(svg.contains("Illustrativa data"))
    #expect(svg.contains(">Hermodsdal</text>"))
    #expect(svg.contains("jenks, 4 klasser"))
    #expect(svg.hasSuffix("</svg>\n"))
  }

  @Test("map refuses unknown classes and unknown values (64), naming the option")
  func mapErrors() throws {
    #expect(try Kraftctl.run(["map", "--classes", "magic"]).status == 64)
    let value = try Kraftctl.run(["map", "--value", "nonsense"])
    #expect(value.status == 64)
    #expect(value.stderr.hasPrefix("kraftctl: error: --value: unknown variable 'nonsense'"))
  }

  @Test("the MalmoClusters example prints the five published clusters and the queen merge")
  func example() throws {
    let r = try Kraftctl.run([], executable: Kraftctl.executable("MalmoClusters"))
    #expect(r.status == 0)
    #expect(r.stdout.contains("did you mean Hermodsdal?"))
    #expect(r.stdout.contains("(3) Herrgården, Kryddgården, Persborg, Törnrosen, Örtagården"))
    #expect(r.stdout.contains("Queen contiguity: 4 clusters"))
    #expect(r.stdout.contains("touch only at a point: yes"))
  }
}
