import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

func req(
  _ insats: String, _ f: String, _ kr: Int64, year: Int? = nil, need: Double? = nil, pop: Int? = nil,
  prio: Int? = nil
) -> FundingRequest {
  FundingRequest(
    insatsID: insats, förvaltningID: f, year: year, requested: Belopp(kronor: kr), need: need,
    targetPopulation: pop, priority: prio)
}

/// An input with no minimum per insats, so the core division shows.
func plainInput(_ budget: Int64, _ requests: [FundingRequest], ties: TiePolicy = .inputOrder) -> AllocationInput {
  AllocationInput(
    budget: Belopp(kronor: budget), requests: requests,
    constraints: AllocationConstraints(minimumPerInsats: .zero), ties: ties)
}

extension Fördelning {
  var kronor: [Int64] { rows.map(\.amount.kronor) }
}

@Suite("Fördelningsmodeller")
struct FördelningsmodellTests {
  @Test("pro rata: the same fraction of every request")
  func proRata() throws {
    // budget 6, requests 4, 2, 3 (sum 9): quotas 8/3, 4/3, 2 → floors 2, 1, 2
    // (sum 5); the unit left goes to the largest remainder 2/3 → [3, 1, 2].
    let input = plainInput(6, [req("A", "F1", 4), req("B", "F1", 2), req("C", "F2", 3)])
    let f = try ProRataModel().allocate(input)
    #expect(f.kronor == [3, 1, 2])
    #expect(f.rows[0].explanation.quota == ExactFraction(8, 3))
    #expect(f.rows[0].explanation.weight == ExactFraction(4))
    #expect(f.distributed == Belopp(kronor: 6) && f.undistributed == .zero)
    // Under-subscribed: everyone gets the request, 11 kr stay.
    let g = try ProRataModel().allocate(plainInput(20, input.requests))
    #expect(g.kronor == [4, 2, 3])
    #expect(g.undistributed == Belopp(kronor: 11))
  }

  @Test("need-weighted: need × population, capped, surplus redistributed")
  func needWeighted() throws {
    // Weights 2·100, 1·100, 1·200 = 2 : 1 : 2; budget 10 → quotas 4, 2, 4.
    // A's 4 ≥ its request 3 → capped at 3; 7 left over B, C (1 : 2) → 7/3,
    // 14/3 → floors 2, 4, the unit left to C (remainder 2/3) → [3, 2, 5].
    let input = plainInput(10, [
      req("A", "F1", 3, need: 2, pop: 100), req("B", "F1", 10, need: 1, pop: 100),
      req("C", "F2", 10, need: 1, pop: 200),
    ])
    let f = try NeedWeightedModel().allocate(input)
    #expect(f.kronor == [3, 2, 5])
    #expect(f.rows[0].explanation.constraints.first?.hasPrefix("capped at the request") == true)
    #expect(f.rows[2].explanation.quota == ExactFraction(14, 3))
    // A request without need data gets the average weight: A 2·100 and C
    // 1·200 average 200, so B weighs the same → 3, 3, 3 of 9.
    let avg = plainInput(9, [
      req("A", "F1", 10, need: 2, pop: 100), req("B", "F1", 10), req("C", "F2", 10, need: 1, pop: 200),
    ])
    #expect(try NeedWeightedModel().allocate(avg).kronor == [3, 3, 3])
    #expect(try NeedWeightedModel(missingNeed: .zero).allocate(avg).kronor == [5, 0, 4])  // 9/2, 9/2 → tie → A
  }

  @Test("equal per förvaltning, pro rata within, with a tie")
  func equalPerFörvaltning() throws {
    // FRI asks 4 + 4, GRF asks 2; budget 9 → 9/2 each; GRF capped at 2, FRI 7;
    // FRI's 7 over 4, 4 → 7/2, 7/2: a tie for the last krona → B (first).
    let requests = [req("A", "GRF", 2), req("B", "FRI", 4), req("C", "FRI", 4)]
    let f = try EqualPerFörvaltningModel().allocate(plainInput(9, requests))
    #expect(f.kronor == [2, 4, 3])
    #expect(f.total(förvaltning: "FRI") == Belopp(kronor: 7))
    #expect(f.rows[1].explanation.rounding?.contains("tie won") == true)
    #expect(throws: AllocationError.self) {
      _ = try EqualPerFörvaltningModel().allocate(plainInput(9, requests, ties: .error))
    }
  }

  @Test("priority order: fund fully, then remainder, skip or stop")
  func priorityOrder() throws {
    // Ranks A 1 (cost 6), B 2 (cost 5), C 3 (cost 3); budget 10.
    let requests = [
      req("A", "F1", 6, need: 1, pop: 6, prio: 1), req("B", "F2", 5, need: 1, pop: 10, prio: 2),
      req("C", "F1", 3, need: 1, pop: 3, prio: 3),
    ]
    let input = plainInput(10, requests)
    #expect(try PriorityOrderModel().allocate(input).kronor == [6, 4, 0])  // B gets the 4 left
    #expect(try PriorityOrderModel(whenShort: .skip).allocate(input).kronor == [6, 0, 3])
    let stop = try PriorityOrderModel(whenShort: .stop).allocate(input)
    #expect(stop.kronor == [6, 0, 0])
    #expect(stop.undistributed == Belopp(kronor: 4))
    // Need per krona: A 6/6 = 1, B 10/5 = 2, C 3/3 = 1 (millionths cancel)
    // → B, then A and C tie → by id: A. B 5, A gets the 5 left.
    #expect(try PriorityOrderModel(order: .needPerKrona).allocate(input).kronor == [5, 5, 0])
    // Input order does not matter.
    #expect(try PriorityOrderModel().allocate(plainInput(10, requests.reversed())).kronor == [6, 4, 0])
  }

  @Test("base plus need")
  func basePlusNeed() throws {
    // Base 3 each (A, B); the 4 left by need 1 : 3 → 1, 3; B's 3 reaches its
    // remaining request 3 → capped; A takes the rest 1 → A 4, B 6.
    let m = BasePlusNeedModel(base: Belopp(kronor: 3))
    let input = plainInput(10, [req("A", "F1", 6, need: 1, pop: 1), req("B", "F2", 6, need: 3, pop: 1)])
    let f = try m.allocate(input)
    #expect(f.kronor == [4, 6])
    #expect(f.rows[0].explanation.note == "base 3 + top-up 1 kr")
    // Bases larger than the budget: 5 split equally (5/2 each, tie → A).
    #expect(try m.allocate(plainInput(5, input.requests)).kronor == [3, 2])
  }

  @Test("Method of Equal Shares: hand example")
  func equalSharesHand() throws {
    // Budget 30, F1, F2, F3 (10 each). A (20) by F1, F2; B (15) by F3; C (10)
    // by all. ρ(A) = 20/(2·20) = 1/2; B: F3 has 10 < 15 → out; ρ(C) = 1/3 →
    // buy C (each pays 10/3). A: 20/3 + 20/3 = 40/3 < 20 → out. {C}.
    // Greedy completion: 20 left, A (2 approvals) fits → {A, C}.
    let input = AllocationInput(
      budget: Belopp(kronor: 30), requests: [req("A", "F1", 20), req("B", "F3", 15), req("C", "F2", 10)],
      approvals: ["F1": ["A", "C"], "F2": ["A", "C"], "F3": ["B", "C"]],
      constraints: AllocationConstraints(minimumPerInsats: .zero))
    let plain = try EqualSharesModel(completion: .none).allocate(input)
    #expect(plain.kronor == [0, 0, 10])
    #expect(plain.rows[2].explanation.note?.contains("ρ = 1/3") == true)
    #expect(try EqualSharesModel().allocate(input).kronor == [20, 0, 10])
  }

  @Test("Method of Equal Shares matches pabutools on 60 instances")
  func equalSharesFixtures() throws {
    var checked = 0
    for line in equalSharesPabutoolsFixtures.split(separator: "\n") {
      let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      let budget = Int64(f[0])!
      let costs = f[1].split(separator: " ").map { Int64($0)! }
      let names = costs.indices.map { $0 < 10 ? "P0\($0)" : "P\($0)" }
      let ballots = f[2].split(separator: "|", omittingEmptySubsequences: false).map {
        $0.split(separator: " ").map { names[Int($0)!] }
      }
      let voters = ballots.indices.map { "V\($0)" }
      var approvals: [String: [String]] = [:]
      for (v, b) in ballots.enumerated() { approvals[voters[v]] = b }
      let items = costs.indices.map { AllocationItem(insatsID: names[$0], förvaltningID: "V0", cap: costs[$0]) }
      let problem = AllocationProblem(budget: budget, items: items, approvals: approvals, förvaltningar: voters)
      let variants: [EqualSharesModel.Completion] = [
        .none, .budgetIncrement(Belopp(kronor: 1)), .greedy, .exhaustive(increment: Belopp(kronor: 1)),
      ]
      for (k, c) in variants.enumerated() {
        let shares = try EqualSharesModel(completion: c).distribute(problem)
        let got = names.indices.filter { shares[$0].amount > 0 }.map { names[$0] }.joined(separator: ",")
        #expect(got == f[3 + k], "case \(line.prefix(30)) variant \(k)")
        #expect(shares.indices.allSatisfy { shares[$0].amount == 0 || shares[$0].amount == costs[$0] })
        checked += 1
      }
    }
    #expect(checked == 240)
  }

  @Test("minimum per insats: dropped and redistributed, lowest first or all at once")
  func minimum() throws {
    // 3 MSEK over 2, 2, 1 MSEK → 1.2, 1.2, 0.6 MSEK; C is below 1 MSEK →
    // dropped; A and B share 3 MSEK → 1.5 MSEK each.
    var input = AllocationInput(
      budget: try .msek(3), requests: [req("A", "F1", 2_000_000), req("B", "F2", 2_000_000), req("C", "F1", 1_000_000)])
    let f = try ProRataModel().allocate(input)
    #expect(f.kronor == [1_500_000, 1_500_000, 0])
    #expect(f.unfunded.map(\.insatsID) == ["C"])
    #expect(f.unfunded[0].reason.hasPrefix("dropped: the insats got 600 000 kr"))
    // 2 MSEK over 1.5, 1.5, 1 MSEK → 0.75, 0.75, 0.5: all below. Lowest
    // first drops C, then A and B get 1 MSEK each and stay. All at once
    // drops all three and nothing is distributed.
    input.budget = try .msek(2)
    input.requests = [req("A", "F1", 1_500_000), req("B", "F2", 1_500_000), req("C", "F1", 1_000_000)]
    #expect(try ProRataModel().allocate(input).kronor == [1_000_000, 1_000_000, 0])
    input.constraints.minimumRule = .allAtOnce
    let all = try ProRataModel().allocate(input)
    #expect(all.kronor == [0, 0, 0])
    #expect(all.undistributed == (try .msek(2)))
  }

  @Test("caps and floors per förvaltning")
  func floorsAndCaps() throws {
    // Pro rata 100 over 60, 60, 60 → 100/3 each → [34, 33, 33] (tie → A).
    // F1 (A, B) has 67 > cap 50 → fixed at 50, split 34 : 33 → 50·34/67 ≈
    // 25.37, 24.63 → floors 25, 24, the unit to B (remainder .63) → 25, 25.
    // The 50 left go to C (request 60) → 50.
    let requests = [req("A", "F1", 60), req("B", "F1", 60), req("C", "F2", 60)]
    var input = plainInput(100, requests)
    input.constraints.caps = ["F1": Belopp(kronor: 50)]
    let capped = try ProRataModel().allocate(input)
    #expect(capped.kronor == [25, 25, 50])
    #expect(capped.log.count == 1)
    // F2 floor 40: the model gives C 33 → raised to 40; F1 shares 60 → 30, 30.
    input.constraints.caps = [:]
    input.constraints.floors = ["F2": Belopp(kronor: 40)]
    #expect(try ProRataModel().allocate(input).kronor == [30, 30, 40])
    // Floors that cannot fit.
    input.constraints.floors = ["F1": Belopp(kronor: 90), "F2": Belopp(kronor: 50)]
    #expect(throws: AllocationError.self) { _ = try ProRataModel().allocate(input) }
  }

  @Test("multi-year split by the yearly requests, exactly")
  func multiYear() throws {
    // Items A/F1 (300 in 2026 + 100 in 2027) and B/F1 (400): 401 kr pro
    // rata → 401/2 each, tie → A 201, B 200. A's 201 over 3 : 1 → 150.75,
    // 50.25 → floors 150, 50, the krona left to 2026 → 151, 50.
    let requests = [
      req("A", "F1", 100, year: 2027), req("A", "F1", 300, year: 2026), req("B", "F1", 400, year: 2026),
    ]
    let f = try ProRataModel().allocate(plainInput(401, requests))
    #expect(f.rows.map(\.year) == [2026, 2027, 2026])
    #expect(f.kronor == [151, 50, 200])
    #expect(f.rows[0].explanation.constraints.last?.hasPrefix("year 2026: 151 of the item's 201") == true)
  }

  @Test("budgets per year are allocated separately")
  func perYear() throws {
    let requests = [
      req("A", "F1", 300, year: 2026), req("A", "F1", 100, year: 2027), req("B", "F1", 300, year: 2026),
      req("B", "F1", 50, year: 2028),
    ]
    var input = plainInput(0, requests)
    input.budgetPerYear = [2026: Belopp(kronor: 300), 2027: Belopp(kronor: 100)]
    let f = try ProRataModel().allocate(input)
    // 2026: 300 over 300, 300 → 150, 150; 2027: A's 100 fits; 2028: no budget.
    #expect(f.kronor == [150, 100, 150, 0])
    #expect(f.budget == Belopp(kronor: 400))
    #expect(f.unfunded.first?.reason == "no budget for 2028")
  }

  @Test("allocating in tkr")
  func thousands() throws {
    // 10 tkr over 4.5 tkr (counts as 4 whole tkr) and 6 tkr: caps 4 + 6 ≤ 10.
    var input = plainInput(10_000, [req("A", "F1", 4_500), req("B", "F2", 6_000)])
    input.unit = .tkr
    let f = try ProRataModel().allocate(input)
    #expect(f.kronor == [4_000, 6_000])
    input.budget = Belopp(kronor: 10_500)
    do {
      _ = try ProRataModel().allocate(input)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .budgetNotWhole)
      #expect(error.hint?.contains("10 tkr") == true)
    }
  }

  @Test("bad input gives clear errors")
  func errors() throws {
    let r = [req("A", "F1", 10, need: 0, pop: 5), req("B", "F2", 10, need: 0, pop: 5)]
    #expect(throws: AllocationError.self) { _ = try ProRataModel().allocate(plainInput(-1, r)) }
    do {
      _ = try NeedWeightedModel().allocate(plainInput(5, r))
      Issue.record("expected an error")
    } catch { #expect(error.code == .weightsAllZero) }
    #expect(throws: AllocationError.self) { _ = try ProRataModel().allocate(plainInput(5, r + [r[0]])) }
    #expect(throws: AllocationError.self) {
      _ = try ProRataModel().allocate(plainInput(5, [req("A", "F1", -3)]))
    }
    do {
      _ = try FördelningsmodellRegistry.standard.make("pro-rta")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownModel)
      #expect(error.description == "unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)")
      #expect(error.diagnostics.count == 1)
    }
    #expect(try FördelningsmodellRegistry.standard.make("Equal_Per_Förvaltning").name == "equal-per-forvaltning")
  }

  @Test("a faulty custom model is caught")
  func faultyModel() throws {
    struct Greedy: Fördelningsmodell {
      var name: String { "greedy" }
      func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
        p.items.map { AllocationShare(amount: $0.cap, explanation: AllocationExplanation()) }
      }
    }
    do {
      _ = try Greedy().allocate(plainInput(5, [req("A", "F1", 10), req("B", "F2", 10)]))
      Issue.record("expected an error")
    } catch { #expect(error.code == .invariantViolated) }
  }
}

@Suite("Fördelning invariants")
struct FördelningInvariantTests {
  static let models: [any Fördelningsmodell] = FördelningsmodellRegistry.standard.entries.map { try! $0.make(StrategySpecification($0.name)) } + [
    ProRataModel(rounding: DivisorMethod(.dhondt)), NeedWeightedModel(rounding: DivisorMethod(.adams)),
    PriorityOrderModel(order: .needPerKrona, whenShort: .skip), EqualSharesModel(completion: .none),
  ]

  @Test("invariants, determinism and input-order independence over 1,500 seeded instances")
  func randomInstances() throws {
    var g = SeededGenerator(seed: 66)
    for case_ in 0..<1_500 {
      var input = SyntheticAllocation.input(
        insatser: 2 + g.uniform(below: 6), förvaltningar: 2 + g.uniform(below: 3), years: 1 + g.uniform(below: 2),
        budgetShare: 20 + g.uniform(below: 100), seed: UInt64(case_))
      input.unit = g.uniform(below: 3) == 0 ? .tkr : .kr
      input.constraints.minimumRule = g.uniform(below: 2) == 0 ? .lowestFirst : .allAtOnce
      if g.uniform(below: 3) == 0 { input.constraints.minimumPerInsats = .zero }
      var shuffled = input
      g.shuffle(&shuffled.requests)
      let model = Self.models[case_ % Self.models.count]
      let f = try model.allocate(input)
      #expect(f.invariantViolations.isEmpty)
      #expect(f.rows.reduce(Int64(0)) { $0 + $1.amount.kronor } == f.distributed.kronor)
      #expect(f.distributed.kronor + f.undistributed.kronor == input.budget.kronor)
      #expect(f.rows.allSatisfy { $0.amount.kronor >= 0 && $0.amount <= $0.requested })
      // Every funded insats reaches the minimum.
      for id in Set(f.rows.map(\.insatsID)) {
        let t = f.total(insats: id)
        #expect(t == .zero || t >= input.constraints.minimumPerInsats, "\(model.name) \(id) \(t)")
      }
      #expect(try model.allocate(input) == f)
      #expect(try model.allocate(shuffled) == f, "\(model.name) depends on the input order")
    }
  }

  @Test("proportional models spend the whole budget when over-subscribed and nothing is dropped")
  func exhaustive() throws {
    for seed in UInt64(0)..<200 {
      var input = SyntheticAllocation.input(insatser: 6, förvaltningar: 3, budgetShare: 70, seed: seed)
      input.constraints.minimumPerInsats = .zero
      for m in [ProRataModel() as any Fördelningsmodell, NeedWeightedModel(), EqualPerFörvaltningModel(), BasePlusNeedModel()] {
        let f = try m.allocate(input)
        #expect(f.distributed == input.budget, "\(m.name)")
      }
    }
  }
}

@Suite("Fördelning overflow")
struct FördelningOverflowTests {
  @Test("requests that add up beyond 64 bits are an error, not a trap")
  func overflow() throws {
    let big = Int64.max / 2 + 1
    do {
      _ = try ProRataModel().allocate(plainInput(10, [req("A", "F1", big), req("B", "F2", big)]))
      Issue.record("expected an error")
    } catch { #expect(error.code == .overflow) }
  }
}
