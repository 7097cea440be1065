import Testing
import KraftsamlingKit
import KraftsamlingKitData

/// `KraftsamlingPipeline.whatIf`: clusters, verdicts and money with areas
/// swapped, on the bundled data and on small hand-made clusters.
@Suite struct WhatIfTests {
  static func configuration() -> PipelineConfiguration {
    var c = PipelineConfiguration(
      statistics: MalmöData.statistik, definition: .stadskontoret2025, municipality: "Malmö", catalogue: .malmö,
      rules: .stk2024_1374())
    c.hierarchy = MalmöData.hierarchy
    c.layer = MalmöData.layer
    c.permutations = 99
    c.insatser = SampleInsatser.insatser
    c.budget = Belopp(kronor: 6_000_000)
    return c
  }

  // Codes of the bundled data (kraftctl index): Holma ranks 4th, Apelgården
  // 12th, Heleneholm 13th, Nydala 14th.
  static let holma = "25611", nydala = "36106", apelgården = "48103", heleneholm = "36101"

  @Test func removingHolmaFailsItsTwoInsatserAndMovesTheirMoney() throws {
    let w = try KraftsamlingPipeline.whatIf(Self.configuration(), change: SelectionChange(adding: [Self.nydala], removing: [Self.holma]))
    #expect(w.before.selection.map(\.code).contains(Self.holma))
    #expect(!w.after.selection.map(\.code).contains(Self.holma))
    #expect(w.after.selection.map(\.code).contains(Self.nydala))
    #expect(w.after.selection.count == 12)
    #expect(w.verdictChanges.map(\.insatsID) == ["EX-2026-01", "EX-2026-08"])
    #expect(w.verdictChanges.allSatisfy { $0.before == .pass && $0.after == .fail })
    #expect(w.verdictChanges.allSatisfy { $0.because.map(\.ruleID) == ["valt-delomrade"] })
    let money = Dictionary(uniqueKeysWithValues: w.moneyByFörvaltning.map { ($0.id, $0) })
    #expect(money["ASF"]?.before.kronor == 1_666_667)
    #expect(money["ASF"]?.after.kronor == 1_000_000)
    #expect(money["FRF"]?.difference == -1_266_666)
    #expect(money["GRF"]?.difference == -666_667)
    #expect(money["FSKF"]?.difference == 0)
    // What leaves the förvaltningar is what is left over.
    let moved = w.moneyByFörvaltning.reduce(Int64(0)) { $0 + $1.difference }
    #expect(moved == -2_600_000)
    #expect(w.after.fördelning?.undistributed.kronor == 2_600_000)
    #expect(w.moneyByInsats.reduce(Int64(0)) { $0 + $1.difference } == moved)
  }

  @Test func removingHolmaDissolvesItsClusterAndNydalaJoinsAnother() throws {
    let w = try KraftsamlingPipeline.whatIf(Self.configuration(), change: SelectionChange(adding: [Self.nydala], removing: [Self.holma]))
    let dissolved = w.clusterChanges.filter { $0.kind == .dissolved }
    #expect(dissolved.count == 1)
    #expect(dissolved.first?.removed == [Self.holma])
    let grown = w.clusterChanges.filter { $0.kind == .changed }
    #expect(grown.map(\.added) == [[Self.nydala]])
    #expect(w.clusterChanges.filter { $0.kind == .unchanged }.count == 3)
  }

  @Test func swappingApelgårdenForHeleneholmMovesNoMoney() throws {
    let w = try KraftsamlingPipeline.whatIf(
      Self.configuration(), change: SelectionChange(adding: [Self.heleneholm], removing: [Self.apelgården]))
    #expect(w.verdictChanges.isEmpty)
    #expect(w.moneyByFörvaltning.allSatisfy { $0.difference == 0 })
    #expect(w.clusterChanges.filter { $0.kind == .changed }.flatMap(\.removed) == [Self.apelgården])
    #expect(w.clusterChanges.filter { $0.kind == .changed }.flatMap(\.added) == [Self.heleneholm])
    let text = w.summary(in: .sv)
    #expect(text.first == "Heleneholm kommer med i urvalet och Apelgården lämnar det.")
    #expect(text.last == "Pengarna per förvaltning blir desamma.")
  }

  @Test func anEmptyChangeChangesNothing() throws {
    let w = try KraftsamlingPipeline.whatIf(Self.configuration(), change: SelectionChange())
    #expect(w.before.selection.map(\.code) == w.after.selection.map(\.code))
    #expect(w.clusterChanges.allSatisfy { $0.kind == .unchanged })
    #expect(w.verdictChanges.isEmpty)
    #expect(w.moneyByFörvaltning.allSatisfy { $0.before == $0.after })
    #expect(w.summary(in: .en).first == "The selection does not change.")
  }

  @Test func everyAllocationSumsToItsBudget() throws {
    let w = try KraftsamlingPipeline.whatIf(Self.configuration(), change: SelectionChange(removing: [Self.holma, "48208"]))
    for f in [w.before.fördelning, w.after.fördelning] {
      let f = try #require(f)
      #expect(f.distributed.kronor + f.undistributed.kronor == 6_000_000)
      #expect(f.rows.reduce(Int64(0)) { $0 + $1.amount.kronor } == f.distributed.kronor)
    }
  }

  @Test func aChangeThatDoesNotFitTheSelectionIsRefusedWithEveryProblem() throws {
    let change = SelectionChange(adding: [Self.holma, "99999"], removing: [Self.nydala])
    let error = try #require(throws: GeographyError.self) {
      try KraftsamlingPipeline.whatIf(Self.configuration(), change: change)
    }
    let messages = error.diagnostics.map(\.message)
    #expect(messages.count == 3)
    #expect(messages.contains { $0.contains("Holma") && $0.contains("already in the selection") })
    #expect(messages.contains { $0.contains("99999") })
    #expect(messages.contains { $0.contains("Nydala") && $0.contains("not in the selection") })
  }

  @Test func anAreaBothAddedAndRemovedIsRefused() throws {
    let error = try #require(throws: GeographyError.self) {
      try KraftsamlingPipeline.whatIf(Self.configuration(), change: SelectionChange(adding: [Self.holma], removing: [Self.holma]))
    }
    #expect(error.diagnostics.contains { $0.message.contains("both added and removed") })
  }
}
