import KraftsamlingKit
import Testing

@Suite("AreaSelection from an IndexResult")
struct AreaSelectionIndexTests {
  /// A row of five unit squares s0–s4 (s0 | s1 | s2 | s3 | s4).
  static let row = GeoFixtures.layer((0..<5).map { GeoFixtures.squareFeature("s\($0)", Double($0), 0) })

  /// One plain-value indicator, identity normalisation, arithmetic mean:
  /// each area's score is its value.
  static func result(_ values: [Double?]) throws -> IndexResult {
    var table = AreaTable(codes: values.indices.map { "s\($0)" })
    try table.addColumn("v", values)
    let d = IndexDefinition(id: "t", indicators: [.init(id: "v", valueColumn: "v")], normalization: .identity)
    return try d.run(on: table)
  }

  // Scores s0 3, s1 1, s2 2, s3 3, s4 2 → sorted 3, 3, 2, 2, 1 → competition ranks
  // s0 1, s3 1, s2 3, s4 3, s1 5.
  static let values: [Double?] = [3, 1, 2, 3, 2]

  @Test("top K selects every area of index rank ≤ K and reports the ties beyond position K")
  func ranksAndTies() throws {
    let r = try Self.result(Self.values)
    #expect(r.ranks == [1, 5, 3, 1, 3])
    let top1 = try AreaSelection.top(1, of: r)
    #expect(top1.codes == ["s0", "s3"])  // both rank 1
    #expect(top1.tiedAtCutoff == ["s3"])
    #expect(top1.members.map(\.rank) == [1, 1])
    let top2 = try AreaSelection.top(2, of: r)  // positions 1–2 are s0, s3; s2 (rank 3) is not tied
    #expect(top2.codes == ["s0", "s3"])
    #expect(top2.tiedAtCutoff.isEmpty)
    let top3 = try AreaSelection.top(3, of: r)  // rank ≤ 3: four areas
    #expect(top3.codes == ["s0", "s3", "s2", "s4"])
    #expect(top3.tiedAtCutoff == ["s4"])
    #expect(top3.members[2].reason == "rank 3 of 5 by t (score 2.0)")
    #expect(top3.summary == "top 3 by t")
    let exact = try AreaSelection.top(3, of: r, ties: .breakByCode)
    #expect(exact.codes == ["s0", "s3", "s2"])
    #expect(exact.tiedAtCutoff == ["s4"])
  }

  @Test("the selection holds the same areas as IndexResult.top(k)", arguments: 1...5)
  func agreesWithIndexTop(k: Int) throws {
    let r = try Self.result(Self.values)
    #expect(Set(try AreaSelection.top(k, of: r).codes) == Set(r.top(k).map(\.code)))
    // and as the dictionary form, which uses the same tie rule
    #expect(Set(try AreaSelection.top(k, of: r).codes) == Set(try AreaSelection.top(k, of: r.scoresByCode).codes))
  }

  @Test("areas the index does not rank are never selected; k beyond the ranked areas throws")
  func unranked() throws {
    let r = try Self.result([3, nil, 2, 3, 2])  // s1 has no value: not ranked
    #expect(r.rankedCount == 4)
    #expect(r.scoresByCode.keys.sorted() == ["s0", "s2", "s3", "s4"])
    #expect(try AreaSelection.top(4, of: r).codes == ["s0", "s3", "s2", "s4"])
    #expect(throws: GeographyError.self) { try AreaSelection.top(5, of: r) }
    #expect(throws: GeographyError.self) { try AreaSelection.top(0, of: r) }
  }

  @Test("a score threshold selects by index score, with index ranks")
  func threshold() throws {
    let r = try Self.result(Self.values)
    let s = try AreaSelection.threshold(2, of: r)
    #expect(s.codes == ["s0", "s3", "s2", "s4"])
    #expect(s.members.map(\.rank) == [1, 1, 3, 3])
    #expect(s.members[0].reason == "score 3.0 ≥ 2.0 (rank 1 of 5 by t)")
    do {
      _ = try AreaSelection.threshold(4, of: r)
      Issue.record("expected emptySelection")
    } catch {
      #expect(error.code == .emptySelection)
      #expect(error.message.contains("the highest is 3.0"))
    }
  }

  @Test("clusters of an index selection are numbered by their best-ranked member")
  func clusters() throws {
    // top 3 = s0, s3, s2, s4. Rook: s0 alone (s1 not selected); s2–s3–s4 joined.
    // Cluster 1 holds s0 (rank 1, first by code); cluster 2 grows from s3 (rank 1).
    let r = try Self.result(Self.values)
    let c = try Self.row.clusters(of: AreaSelection.top(3, of: r))
    #expect(c.clusters.map(\.codes) == [["s0"], ["s3", "s2", "s4"]])
    #expect(c.clusters[1].members.first { $0.code == "s4" }?.joinedVia == "s3")
  }
}
