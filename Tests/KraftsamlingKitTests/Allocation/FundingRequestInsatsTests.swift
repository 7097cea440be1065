import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Funding requests from insatser")
struct FundingRequestInsatsTests {
  @Test("one request per requested budget line; own money is not requested")
  func fromInsats() throws {
    let insats = SampleInsatser.insatser.first { $0.id == "EX-2026-01" }!
    let rs = try FundingRequest.requests(from: insats, need: 12.5, targetPopulation: 300, priority: 2)
    #expect(!rs.isEmpty)
    #expect(rs.allSatisfy { $0.insatsID == "EX-2026-01" && $0.need == 12.5 && $0.targetPopulation == 300 && $0.priority == 2 })
    #expect(Belopp(kronor: rs.reduce(0) { $0 + $1.requested.kronor }) == (try insats.totalBudget(source: .sökta)))
    #expect(Set(rs.map(\.förvaltningID)) == ["FRF", "GRF"])
    // An insats with an own-money line: it is left out.
    var own = insats
    own.budget.append(Insats.BudgetLine(actor: "GRF", year: 2026, amount: Belopp(kronor: 5), source: .egna))
    #expect(try FundingRequest.requests(from: own, need: 12.5, targetPopulation: 300, priority: 2) == rs)
  }

  @Test("need and population from area statistics")
  func areaNeed() throws {
    // A: 10 of 100 children, B: 30 of 100 → (10 + 30)/(100 + 100) = 20 %; population 200.
    var t = AreaTable(codes: ["A", "B", "C"])
    try t.addColumn("lag_inkomststandard_0_18", [10, 30, nil])
    try t.addColumn("barn_0_18", [100, 100, 50])
    let source = AreaNeedSource(table: t)
    let ab = source.need(ofAreas: ["A", "B", "X"])
    #expect(ab.need == 20 && ab.population == 200)
    let c = source.need(ofAreas: ["C"])
    #expect(c.need == nil && c.population == 50)
  }

  @Test("an insats requesting less than the minimum is dropped before allocation")
  func hopeless() throws {
    // C asks 999 999 kr in all: it can never reach 1 MSEK, so it is dropped
    // first and A and B share the 3 MSEK (1.5 MSEK each) instead of C
    // holding money it could never use.
    let input = AllocationInput(
      budget: try .msek(3), requests: [req("A", "F1", 2_000_000), req("B", "F2", 2_000_000), req("C", "F1", 999_999)])
    let f = try NeedWeightedModel(missingNeed: .zero).allocate(
      AllocationInput(budget: input.budget, requests: input.requests.map { var r = $0; r.need = 1; r.targetPopulation = 1; return r }))
    #expect(f.kronor == [1_500_000, 1_500_000, 0])
    #expect(f.unfunded.first?.reason.hasPrefix("dropped: the insats requests 999 999 kr in all") == true)
  }
}
