import Foundation
import KraftsamlingKit
import Testing

@Suite("NeighbourGraph")
struct NeighbourGraphTests {
  // a – b – c in a row, d alone.
  static let path = try! NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [2, 0, 0], [1], []])

  @Test("rows are sorted and de-duplicated; islands and components")
  func basics() {
    let g = Self.path
    #expect(Array(g.neighbours(of: 1)) == [0, 2])
    #expect(g.linkCount == 4)
    #expect(g.islands == [3])
    #expect(g.components() == [[0, 1, 2], [3]])
    #expect(g.isSymmetric)
    #expect(g.isNeighbour(2, of: 1) && !g.isNeighbour(3, of: 1))
  }

  @Test("components of a subset follow only selected areas")
  func subsetComponents() {
    // Selecting a and c but not b leaves two separate components.
    #expect(Self.path.components(of: [0, 2]) == [[0], [2]])
    #expect(Self.path.components(of: [2, 1, 0]) == [[0, 1, 2]])
  }

  @Test("binary and row-standardised weights")
  func weights() {
    let b = Self.path.weights(.binary)
    #expect(Array(b.weights(of: 1)) == [1, 1])
    #expect(b.totalWeight == 4)
    let r = Self.path.weights(.rowStandardised)
    // b has 2 neighbours: 1/2 each; a and c have 1: weight 1; d is an island with an empty row.
    #expect(Array(r.weights(of: 1)) == [0.5, 0.5])
    #expect(Array(r.weights(of: 0)) == [1])
    #expect(r.cardinality(3) == 0)
    #expect(r.totalWeight == 3)
    #expect(r.islands == [3])
  }

  @Test("pairs, symmetric closure and symmetrizing")
  func pairs() throws {
    let one = try NeighbourGraph(ids: ["a", "b", "c"], pairs: [("a", "b"), ("b", "c")])
    #expect(!one.isSymmetric)
    #expect(one.symmetrized() == (try NeighbourGraph(ids: ["a", "b", "c"], pairs: [("a", "b"), ("b", "c")], symmetricClosure: true)))
    #expect(one.symmetrized().sortedPairs.map { "\($0.code)>\($0.neighbour)" } == ["a>b", "b>a", "b>c", "c>b"])
  }

  @Test("bad input is refused")
  func badInput() {
    #expect(throws: GeographyError.self) { try NeighbourGraph(ids: ["a", "a"], neighbours: [[], []]) }
    #expect(throws: GeographyError.self) { try NeighbourGraph(ids: ["a", "b"], neighbours: [[0], []]) }
    #expect(throws: GeographyError.self) { try NeighbourGraph(ids: ["a", "b"], neighbours: [[5], []]) }
    #expect(throws: GeographyError.self) { try NeighbourGraph(ids: ["a"], pairs: [("a", "x")]) }
  }

  @Test("Codable round trip")
  func codable() throws {
    let data = try JSONEncoder().encode(Self.path)
    #expect(try JSONDecoder().decode(NeighbourGraph.self, from: data) == Self.path)
  }

  @Test("reads a neighbour list from CSV, with and without symmetric closure")
  func csv() throws {
    let doc = try CSVReader.parse("code,neighbor\na,b\nb,c\nd,\n", source: "n.csv")
    let asWritten = try NeighbourGraph(csv: doc)
    #expect(asWritten.ids == ["a", "b", "c", "d"])
    #expect(!asWritten.isSymmetric)
    #expect(asWritten.islands == [2, 3])  // c has no outgoing link; d is declared alone
    let closed = try NeighbourGraph(csv: doc, symmetricClosure: true)
    #expect(closed == Self.path)
  }

  @Test("unknown codes in a neighbour list are located by line, with a suggestion")
  func csvUnknown() throws {
    let doc = try CSVReader.parse("code,neighbor\na,b\nb,cc\nb,b\n", source: "n.csv")
    do {
      _ = try NeighbourGraph(csv: doc, ids: ["a", "b", "c"])
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.map(\.code) == ["neighbours.unknown-area", "neighbours.self-link"])
      #expect(error.diagnostics[0].location.line == 3)
      #expect(error.diagnostics[0].location.field == "neighbor")
      #expect(error.diagnostics[0].hint?.hasPrefix("did you mean c") == true)
      #expect(error.diagnostics[1].location.line == 4)
    }
    #expect(throws: DataError.self) { try NeighbourGraph(csv: CSVReader.parse("from,to\na,b\n")) }
  }

  @Test("Malmö's rook graph survives a CSV round trip")
  func csvRoundTrip() throws {
    let g = try GeoFixtures.malmö.contiguity(.rook).graph
    let text = "code,neighbor\n" + g.sortedPairs.map { "\($0.code),\($0.neighbour)" }.joined(separator: "\n")
    let back = try NeighbourGraph(csv: CSVReader.parse(text), ids: g.ids)
    #expect(back == g)
  }
}
