import KraftsamlingKit
import Testing

/// A hand-computed example: four areas, two indicators, identity
/// normalisation, equal weights. With s the share of indicator x the scores
/// are A = 11s, B = 10 − 10s, C = 6, D = 1 + 7s.
@Suite("WeightSensitivity: a hand-computed example")
struct WeightSensitivityExampleTests {
  static func analysis(missing: Bool = false) throws -> WeightSensitivity {
    let table = IndexFixtures.valueTable(
      ["x": [11, 0, 6, 8], "y": [0, 10, 6, missing ? nil : 1]], codes: ["A", "B", "C", "D"])
    let definition = IndexDefinition(
      id: "hand", version: "1",
      indicators: [.init(id: "x", name: "Ex", valueColumn: "x"), .init(id: "y", name: "Why", valueColumn: "y")],
      normalization: IdentityNormalization(), aggregation: .arithmetic,
      missingData: missing ? MissingDataPolicy(.reweight) : .exclude)
    return try WeightSensitivity(definition, on: table)
  }

  @Test("C is in the top 2 for shares of x in [0, 5/7]; breakpoints at 0.4, 6/11 and 5/7")
  func membershipOfC() throws {
    let m = try Self.analysis().membership(area: "C", top: 2, indicator: 0)
    #expect(m.nominalShare == 0.5)
    #expect(m.nominalRank == 1)
    #expect(m.isSelected)
    #expect(m.intervals.count == 1)
    #expect(m.intervals[0].lower == 0)
    #expect(abs(m.intervals[0].upper - 5.0 / 7) < 1e-15)
    #expect(m.breakpoints.map(\.share).count == 3)
    let expected: [(Double, Int, Int, [String], [String])] = [
      (0.4, 2, 1, ["B"], []), (6.0 / 11, 1, 2, [], ["A"]), (5.0 / 7, 2, 3, [], ["D"]),
    ]
    for (b, e) in zip(m.breakpoints, expected) {
      #expect(abs(b.share - e.0) < 1e-15)
      #expect(b.rankBelow == e.1 && b.rankAbove == e.2 && b.rankAt == min(e.1, e.2))
      #expect(b.overtakes == e.3 && b.overtakenBy == e.4)
    }
    let last = m.breakpoints[2]
    #expect(last.selectedBelow && !last.selectedAbove)
    #expect(last.entering == ["D"] && last.leaving == ["C"])
  }

  @Test("D enters the top 2 from share 5/7 of x, and B with x at most 4/10; the weight on y mirrors it")
  func membershipOfOthers() throws {
    let a = try Self.analysis()
    let d = try a.membership(area: "D", top: 2, indicator: 0)
    #expect(!d.isSelected && d.nominalRank == 4)
    #expect(d.intervals.count == 1 && abs(d.intervals[0].lower - 5.0 / 7) < 1e-15 && d.intervals[0].upper == 1)
    let b = try a.membership(area: "B", top: 2, indicator: 0)
    // B = 10 − 10s passes A (s = 10/21) going down, and stays in the top 2 below it.
    #expect(b.intervals.count == 1 && b.intervals[0].lower == 0 && abs(b.intervals[0].upper - 10.0 / 21) < 1e-15)
    let cy = try a.membership(area: "C", top: 2, indicator: 1)
    #expect(cy.intervals.count == 1 && abs(cy.intervals[0].lower - 2.0 / 7) < 1e-15 && cy.intervals[0].upper == 1)
  }

  @Test("stability: the selection {A, C} holds for x between 10/21 (B replaces A) and 5/7 (D replaces C)")
  func stability() throws {
    let s = try Self.analysis().stability(top: 2)
    #expect(s.count == 2)
    #expect(abs(s[0].interval.lower - 10.0 / 21) < 1e-15 && abs(s[0].interval.upper - 5.0 / 7) < 1e-15)
    #expect(s[0].lowerChange?.entering == "B" && s[0].lowerChange?.leaving == "A")
    #expect(s[0].upperChange?.entering == "D" && s[0].upperChange?.leaving == "C")
    // The share of y is 1 − the share of x.
    #expect(abs(s[1].interval.lower - 2.0 / 7) < 1e-15 && abs(s[1].interval.upper - 11.0 / 21) < 1e-15)
  }

  @Test("tie of C and A: margin 0.5, at weights (6/11, 5/11)")
  func tie() throws {
    let t = try Self.analysis().tie("C", "A")
    #expect(abs(t.margin - 0.5) < 1e-15)
    let w = try #require(t.weights)
    #expect(abs(w[0] - 6.0 / 11) < 1e-12 && abs(w[1] - 5.0 / 11) < 1e-12)
    #expect(abs(t.distance! - 2.0.squareRoot() / 22) < 1e-12)
    // A scores above B? A − B = (11, −10): they tie too; C − D = (−2, 5) too.
    let never = try Self.analysis().tie("A", "A")
    #expect(never.margin == 0 && never.weights == [0.5, 0.5])
  }

  @Test("missing data: D without y is scored 8 for every share but 0 (a ratio, not a line)")
  func reweighted() throws {
    let a = try Self.analysis(missing: true)
    // D = (8s)/(s) = 8 for s > 0: above C (6) for every share but 0, where
    // D has no score and C is second to B; so C is in the top 2 at 0 and
    // for s in [0.4, 6/11].
    let c = try a.membership(area: "C", top: 2, indicator: 0)
    #expect(c.intervals.count == 2)
    #expect(c.intervals[0].lower == 0 && c.intervals[0].upper == 0)
    #expect(abs(c.intervals[1].lower - 0.4) < 1e-15 && abs(c.intervals[1].upper - 6.0 / 11) < 1e-15)
    // D is second or first for every share but 0, where it has no score:
    // the interval starts at 0 as a limit.
    let d = try a.membership(area: "D", top: 2, indicator: 0)
    #expect(d.intervals.count == 1 && d.intervals[0].lower == 0 && d.intervals[0].upper == 1)
    // B falls below D at 0.2 (rank 2 → 1), A passes it at 8/11 (1 → 2).
    #expect(d.breakpoints.count == 2 && d.breakpoints[0].share == 0.2 && abs(d.breakpoints[1].share - 8.0 / 11) < 1e-15)
    #expect(d.breakpoints.map(\.rankAbove) == [1, 2])
    #expect(throws: RobustnessError.self) { try a.tie("C", "D") }
  }

  @Test("a non-arithmetic aggregation has no exact tie point; unknown areas are refused")
  func refusals() throws {
    let table = IndexFixtures.valueTable(["x": [1, 2, 3], "y": [3, 2, 1]])
    let definition = IndexDefinition(
      id: "g", version: "1", indicators: [.init(id: "x", valueColumn: "x"), .init(id: "y", valueColumn: "y")],
      normalization: IdentityNormalization(), aggregation: .geometric(offset: 0))
    let geometric = try WeightSensitivity(definition, on: table)  // thresholds by bisection
    #expect(try geometric.membership(area: table.codes[0], top: 1, indicator: 0).tolerance == 1e-9)
    let error = #expect(throws: RobustnessError.self) { try geometric.tie(table.codes[0], table.codes[1]) }
    #expect(error?.message.contains("arithmetic aggregation") == true)
    #expect(throws: RobustnessError.self) { try Self.analysis().membership(area: "Z", top: 2, indicator: 0) }
  }
}
