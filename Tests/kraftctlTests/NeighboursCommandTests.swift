import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("kraftctl neighbours and hotspots --neighbours")
struct NeighboursCommandTests {
  static func rows(_ csv: String) -> [[String]] {
    csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
  }

  @Test("knn CSV: code,neighbor,weight, k rows per area, sorted, equal to the library on centroids (great-circle)")
  func knnCSV() throws {
    let r = try Kraftctl.run(["neighbours", "--type", "knn", "--k", "4", "--format", "csv"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("code,neighbor,weight\n"))
    let rows = Self.rows(r.stdout)
    #expect(rows.count == 136 * 4)
    #expect(rows.map { $0[0] + "," + $0[1] } == rows.map { $0[0] + "," + $0[1] }.sorted())
    #expect(rows.allSatisfy { $0[2] == "1" })
    #expect(r.stderr.contains("great-circle in km"))
    let layer = MalmöData.layer
    let g = try NeighbourGraph.nearestNeighbours(
      k: 4, ids: layer.features.map(\.id), points: layer.points(.centroid),
      distance: .greatCircle(radius: PointDistance.earthRadiusKilometres))
    #expect(Set(rows.map { $0[0] + "," + $0[1] }) == Set(g.sortedPairs.map { $0.code + "," + $0.neighbour }))
  }

  @Test("distance band: islands warned, inverse weights d^-1, --link-islands links them")
  func distanceBand() throws {
    let binary = try Kraftctl.run(["neighbours", "--type", "distance", "--threshold", "0.8", "--format", "csv"])
    #expect(binary.status == 0)
    #expect(binary.stderr.contains("has no neighbours (island)"))
    let inverse = try Kraftctl.run([
      "neighbours", "--type", "distance", "--threshold", "0.8", "--exponent", "-1", "--distance", "great-circle",
      "--format", "csv",
    ])
    let layer = MalmöData.layer
    let w = try SpatialWeights.inverseDistance(
      threshold: 0.8, ids: layer.features.map(\.id), points: layer.points(.centroid),
      distance: .greatCircle(radius: 6371))
    let expected = (0..<w.count).flatMap { i in
      zip(w.neighbours(of: i), w.weights(of: i)).map { "\(w.ids[i]),\(w.ids[$0]),\(DecimalFormatting.shortest($1))" }
    }
    #expect(Set(Self.rows(inverse.stdout).map { $0.joined(separator: ",") }) == Set(expected))
    let linked = try Kraftctl.run(["neighbours", "--type", "distance", "--threshold", "0.8", "--link-islands"])
    #expect(linked.status == 0)
    #expect(linked.stderr.contains("linked island"))
  }

  @Test("kernel JSON: every area is its own neighbour with K(0); order 2 of rook has no self-links")
  func kernelJSON() throws {
    let r = try Kraftctl.run([
      "neighbours", "--type", "kernel", "--kernel", "gaussian", "--k", "4", "--adaptive", "--format", "json",
    ])
    #expect(r.status == 0)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let neighbours = try #require(doc["neighbors"] as? [String: [String: Double]])
    #expect(neighbours.count == 136)
    #expect(neighbours.allSatisfy { $0.value.count == 5 && abs(($0.value[$0.key] ?? 0) - 1 / (2 * Double.pi).squareRoot()) < 1e-15 })
    let order = try Kraftctl.run(["neighbours", "--type", "rook", "--order", "2", "--format", "csv"])
    #expect(order.status == 0)
    #expect(Self.rows(order.stdout).allSatisfy { $0[0] != $0[1] })
  }

  @Test("neighbours refuses a missing type, options of another type and a distance band without threshold (64)")
  func usageErrors() throws {
    for args in [
      ["neighbours"], ["neighbours", "--type", "knn", "--exponent", "-1"], ["neighbours", "--type", "distance"],
      ["neighbours", "--type", "kernel", "--order", "2"], ["neighbours", "--type", "knn", "--k", "0"],
      ["neighbours", "--type", "kernel", "--bandwidth", "1", "--adaptive"],
      ["neighbours", "--type", "rook", "--lower-orders"],
    ] {
      let r = try Kraftctl.run(args)
      #expect(r.status == 64, "\(args)")
      #expect(r.stderr.contains("kraftctl: error:"), "\(args)")
    }
  }

  @Test("hotspots --neighbours knn tests over k-nearest weights; --rule with --neighbours and --k alone are refused")
  func hotspots() throws {
    let r = try Kraftctl.run([
      "hotspots", "--variable", "ekonomiskt_bistand_20_64", "--neighbours", "knn", "--k", "6", "--permutations", "99",
      "--format", "json",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.contains("knn (k = 6, great-circle"))
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((doc["rule"] as? String)?.hasPrefix("knn (k = 6") == true)
    #expect((doc["areas"] as? [Any])?.count == 130)
    let rook = try Kraftctl.run(["hotspots", "--neighbours", "rook", "--permutations", "99", "--format", "csv"])
    let rule = try Kraftctl.run(["hotspots", "--rule", "rook", "--permutations", "99", "--format", "csv"])
    #expect(rook.status == 0 && rook.stdout == rule.stdout)
    #expect(try Kraftctl.run(["hotspots", "--neighbours", "knn", "--rule", "queen"]).status == 64)
    #expect(try Kraftctl.run(["hotspots", "--k", "6"]).status == 64)
  }
}
