import KraftsamlingKit
import KraftsamlingKitData
import Testing

@Suite("SelectionClusters")
struct SelectionClustersTests {
  /// The twelve delområden of STK-2024-1374's initial selection, as the
  /// proposal writes them (with its misspelling "Herrmodsdal").
  static var published: [String] { corrected.map { $0 == "Hermodsdal" ? "Herrmodsdal" : $0 } }
  /// The same names as the area layer spells them.
  static var corrected: [String] { PublishedSelection.stk2024_1374.delområden }

  @Test("the proposal's 'Herrmodsdal' is refused with a suggestion")
  func misspelling() throws {
    let resolver = MalmöData.layer.nameResolver()
    do {
      _ = try AreaSelection.list(Self.published, resolver: resolver, source: "--select")
      Issue.record("expected an unknown-name error")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics[0].code == "name.unknown")
      #expect(error.diagnostics[0].hint == "did you mean Hermodsdal?")
      #expect(error.diagnostics[0].location.field == "--select[5]")
    }
  }

  @Test("Malmö, rook: the twelve delområden form exactly the five published clusters")
  func publishedRook() throws {
    let layer = MalmöData.layer
    let selection = try AreaSelection.list(Self.corrected, resolver: layer.nameResolver())
    let c = try layer.clusters(of: selection, rule: .rook)
    let names = c.clusters.map { $0.members.map { $0.name ?? "" } }
    let published = PublishedSelection.stk2024_1374.clusters
    #expect(names == published.map(\.names))
    #expect(c.clusters.map(\.codes) == published.map(\.codes))
    #expect(c.clusters.map(\.number) == published.map(\.number))
    // The published list itself, as stated in STK-2024-1374 (a check of the source data).
    #expect(published.map(\.names.count) == [3, 2, 5, 1, 1])
    #expect(c.rule == "rook")
    #expect(c.clusterNumber(of: "48209") == 3)  // Persborg
  }

  @Test("Malmö, queen: clusters (1) and (3) merge because Augustenborg and Persborg touch at a point")
  func publishedQueen() throws {
    let layer = MalmöData.layer
    let selection = try AreaSelection.list(Self.corrected, resolver: layer.nameResolver())
    let c = try layer.clusters(of: selection, rule: .queen)
    #expect(c.clusters.map(\.members.count) == [8, 2, 1, 1])
    #expect(c.clusters[0].codes.contains("48209"))  // Persborg joins cluster 1
    // The point contact itself: queen neighbours, not rook neighbours.
    let augustenborg = "36109", persborg = "48209"
    #expect(try layer.contiguity(.queen).graph.neighbours(of: augustenborg)!.contains(persborg))
    #expect(try !layer.contiguity(.rook).graph.neighbours(of: augustenborg)!.contains(persborg))
    #expect(c.clusters[0].members.first { $0.code == persborg }?.neighboursInCluster.contains(augustenborg) == true)
  }

  // A row of five unit squares 0–4; squares 0, 1, 3, 4 selected.
  static let row = GeoFixtures.layer((0..<5).map { GeoFixtures.squareFeature("s\($0)", Double($0), 0) })

  @Test("top-k clusters are numbered by their best-ranked member")
  func topK() throws {
    // Scores: s4 best, then s0, s3, s1; s2 is low. Clusters {s3, s4} (holds rank 1) and {s0, s1}.
    let scores = ["s0": 0.8, "s1": 0.6, "s2": 0.1, "s3": 0.7, "s4": 0.9]
    let s = try AreaSelection.top(4, of: scores)
    #expect(s.codes == ["s4", "s0", "s3", "s1"])
    let c = try Self.row.clusters(of: s)
    #expect(c.clusters.map(\.codes) == [["s4", "s3"], ["s0", "s1"]])
    #expect(c.clusters[0].members[1].joinedVia == "s4")
    #expect(c.explanation(of: "s3") == "s3 is in cluster 1: rank 3 of 5 by score (0.7); rook neighbour of s4.")
  }

  @Test("threshold selection, and lower-is-better scores")
  func threshold() throws {
    let scores = ["s0": 0.8, "s1": 0.6, "s2": 0.1, "s3": 0.7, "s4": .nan]
    #expect(try AreaSelection.threshold(0.6, of: scores).codes == ["s0", "s3", "s1"])
    #expect(try AreaSelection.threshold(0.6, of: scores, higherIsBetter: false).codes == ["s2", "s1"])
    #expect(throws: GeographyError.self) { try AreaSelection.threshold(2, of: scores) }
  }

  @Test("ties at the top-k cut-off are included by default, as the index's ranks, and reported")
  func ties() throws {
    // Scores b 1, a 1, c 1, d 0 → competition ranks a 1, b 1, c 1, d 4 (ties listed by code).
    let scores: [String: Double] = ["b": 1, "a": 1, "c": 1, "d": 0]
    let s = try AreaSelection.top(2, of: scores)
    #expect(s.codes == ["a", "b", "c"])  // every area ranked 2 or better
    #expect(s.members.map(\.rank) == [1, 1, 1])
    #expect(s.tiedAtCutoff == ["c"])  // beyond position 2, tied with the 2nd
    // Exactly k, ties broken by code; the tied area left out is reported.
    let exact = try AreaSelection.top(2, of: scores, ties: .breakByCode)
    #expect(exact.codes == ["a", "b"])
    #expect(exact.tiedAtCutoff == ["c"])
    // No tie across the cut-off: nothing to report. k = 3 takes a, b, c; d (rank 4) is not tied.
    #expect(try AreaSelection.top(3, of: scores).tiedAtCutoff == [])
    #expect(try AreaSelection.top(4, of: scores).members.map(\.rank) == [1, 1, 1, 4])
  }

  @Test("score selections carry competition ranks: 1-2-2-4")
  func competitionRanks() throws {
    // 0.9, 0.5, 0.5, 0.1 → ranks 1, 2, 2, 4; threshold 0.5 passes the first three.
    let scores = ["w": 0.9, "x": 0.5, "y": 0.5, "z": 0.1]
    let t = try AreaSelection.threshold(0.5, of: scores)
    #expect(t.codes == ["w", "x", "y"])
    #expect(t.members.map(\.rank) == [1, 2, 2])
    #expect(t.members[2].reason == "score 0.5 ≥ 0.5 (rank 2)")
    #expect(try AreaSelection.top(4, of: scores).members.map(\.rank) == [1, 2, 2, 4])
  }

  @Test("k out of range is refused", arguments: [0, 6])
  func badK(k: Int) {
    #expect(throws: GeographyError.self) { try AreaSelection.top(k, of: ["a": 1, "b": 2, "c": 3, "d": 4, "e": 5]) }
  }

  @Test("a selected code missing from the graph is an error naming it")
  func unknownCode() throws {
    let s = AreaSelection(
      method: .list, members: [.init(code: "zz", rank: 1, reason: "test")], summary: "test")
    do {
      _ = try Self.row.clusters(of: s)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownArea)
      #expect(error.areas == ["zz"])
    }
  }

  @Test("explicit lists are numbered by first appearance and repeated names count once")
  func listOrder() throws {
    let r = Self.row.nameResolver()
    let s = try AreaSelection.list(["s4", "s0", "S4", "s1"], resolver: r)
    #expect(s.codes == ["s4", "s0", "s1"])
    let c = try Self.row.clusters(of: s)
    #expect(c.clusters.map(\.codes) == [["s4"], ["s0", "s1"]])
  }
}
