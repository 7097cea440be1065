import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The Method of Equal Shares (MES) over the styrgrupp's approvals, with
/// cost satisfaction: each förvaltning's representative gets an equal part
/// of the budget and pays, together with the others who approve it, for
/// the insatser they approve; insatser are bought whole, cheapest per unit
/// of satisfaction first.
///
/// **Rule** (Peters, Pierczyński & Skowron 2021; pabutools
/// `method_of_equal_shares` with `sat_class=Cost_Sat` and approval
/// ballots). The voters are the förvaltningar (``AllocationProblem/förvaltningar``),
/// each with budget *B/n*. An insats (project) costs the sum of its
/// requests. For each affordable insats *p* with approvers *Nₚ*, its
/// affordability *ρₚ* is the least *ρ* with Σᵢ∈Nₚ min(bᵢ, ρ·cost(p)) = cost(p)
/// (with cost satisfaction each approver's satisfaction is the cost, so *ρ*
/// is the price per unit of satisfaction). In each round the insats with the
/// least *ρ* is bought, every approver paying min(bᵢ, ρ·cost); insatser
/// whose approvers together have less than their cost are dropped. Ties are
/// broken by ``TieBreaking`` (pabutools' default: lexicographic by name,
/// here the insats id). Everything is exact rational arithmetic, as in
/// pabutools with gmpy2 fractions.
///
/// **Completion** (MES alone may leave money unspent):
/// - ``Completion/voterBudgetIncrement``: pabutools' `voter_budget_increment`:
///   re-run MES with each voter's budget raised by the increment until the
///   outcome is exhaustive (no further supported insats fits in the real
///   budget), or until it would cost more than the budget (then the
///   previous outcome is kept).
/// - ``Completion/greedy``: then, as pabutools'
///   `completion_by_rule_combination` with `greedy_utilitarian_welfare`
///   (cost satisfaction), buy the remaining insatser in order of most
///   approvals (ties by the tie-breaking order) while they fit.
///
/// Selected insatser are funded in full (each request gets its cap); the
/// others get nothing. The amount left unspent stays undistributed.
///
/// *When a city would choose it*: when every förvaltning should have an
/// equal say and the money should follow what förvaltningar *jointly*
/// approve, proportionally: a group of förvaltningar that approves the same
/// insatser controls a matching part of the budget, so no majority can take
/// everything.
///
/// ```swift
/// // budget 30, three förvaltningar (10 each); A (cost 20) approved by
/// // F1, F2; B (cost 15) by F3; C (cost 10) by F1, F2, F3.
/// // ρ: A 20/(20·2) = 1/2, B 15/15 = 1 but F3 has only 10 < 15 → B dropped,
/// // C 10/(10·3) = 1/3 → buy C (each pays 10/3; budgets 20/3, 20/3, 20/3);
/// // A: F1 + F2 have 40/3 < 20 → dropped. Outcome {C}; greedy completion
/// // adds A (20 ≤ 20 left): {A, C}.
/// ```
///
/// - Complexity: each round re-evaluates only insatser one of whose
///   approvers has just paid: O((*P* + *R*·*a*)·(log *P* + *s* log *s*))
///   exact operations for *P* insatser with at most *s* approvers, *R*
///   rounds and *a* insatser per approver, times the number of budget
///   increments.
/// - Reference: pabutools 1.2 (`pabutools.rules.mes`,
///   `pabutools.rules.exhaustion`); equalshares.net.
package struct EqualSharesModel: Fördelningsmodell {
  /// How ties between insatser with the same affordability are broken.
  package enum TieBreaking: String, Sendable, Hashable, Codable {
    /// By insats id (pabutools' `lexico_tie_breaking`, its default).
    case lexicographic
    /// Most approvals first (`app_score_tie_breaking`), then by id.
    case mostApprovals = "most-approvals"
    /// Cheapest first (`min_cost_tie_breaking`), then by id.
    case lowestCost = "lowest-cost"
    /// Dearest first (`max_cost_tie_breaking`), then by id.
    case highestCost = "highest-cost"
  }

  /// What MES does with the money it leaves unspent.
  package struct Completion: Sendable, Hashable, Codable {
    /// The per-voter budget increment of the iterated variant, or `nil`.
    package var voterBudgetIncrement: Belopp?
    /// Whether to fill up greedily by approvals afterwards.
    package var greedy: Bool

    /// Creates a completion.
    package init(voterBudgetIncrement: Belopp? = nil, greedy: Bool = false) {
      self.voterBudgetIncrement = voterBudgetIncrement
      self.greedy = greedy
    }
    /// Plain MES.
    package static let none = Completion()
    /// MES, then greedy by approvals.
    package static let greedy = Completion(greedy: true)
    /// Iterated MES with a per-voter budget increment.
    package static func budgetIncrement(_ perVoter: Belopp) -> Completion {
      Completion(voterBudgetIncrement: perVoter)
    }
    /// Iterated MES, then greedy by approvals (exhaustive; the usual
    /// recommendation of equalshares.net).
    package static func exhaustive(increment perVoter: Belopp) -> Completion {
      Completion(voterBudgetIncrement: perVoter, greedy: true)
    }
  }

  /// The completion step.
  package var completion: Completion
  /// The tie-breaking rule.
  package var tieBreaking: TieBreaking

  /// Creates the model (default: MES then greedy completion, lexicographic ties).
  package init(completion: Completion = .greedy, tieBreaking: TieBreaking = .lexicographic) {
    self.completion = completion
    self.tieBreaking = tieBreaking
  }

  /// `equal-shares`.
  package var name: String { "equal-shares" }

  struct Project {
    var id: String
    var items: [Int]
    var cost: Int64
    var supporters: [Int]
  }

  /// Runs MES with the completion.
  package func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    let projects = projects(of: p)
    if p.budget > 0 && (completion.voterBudgetIncrement.map { $0.kronor <= 0 } ?? false) {
      throw AllocationError(
        .invalidParameter, "the per-voter budget increment must be positive",
        hint: "use e.g. 1% of the budget divided by the number of förvaltningar", context: "increment")
    }
    var notes = [String](repeating: "", count: projects.count)
    var selected: [Int] = []
    if !p.förvaltningar.isEmpty && p.budget > 0 {
      (selected, notes) = try equalShares(projects, p)
      if completion.greedy { completeGreedily(&selected, &notes, projects, budget: p.budget) }
    }
    return shares(p, projects, selected: selected, notes: notes)
  }

  /// Every insats as a project: its items, its cost and the förvaltningar
  /// (voters, by index) that approve it.
  private func projects(of p: AllocationProblem) -> [Project] {
    let voterIndex = Dictionary(uniqueKeysWithValues: p.förvaltningar.enumerated().map { ($1, $0) })
    var approvers: [String: Set<Int>] = [:]
    for (f, ids) in p.approvals {
      guard let v = voterIndex[f] else { continue }
      for id in ids { approvers[id, default: []].insert(v) }
    }
    var projects: [Project] = []
    for g in p.insatser {
      let cost = g.items.reduce(Int64(0)) { $0 + p.items[$1].cap }
      projects.append(Project(id: g.id, items: g.items, cost: cost, supporters: (approvers[g.id] ?? []).sorted()))
    }
    return projects
  }

  /// The projects MES selects, with a note per project: with an equal
  /// share of the budget per voter or, with a per-voter increment, with the
  /// largest shares whose outcome still fits the budget (stopping once no
  /// further project could fit).
  ///
  /// - Throws: `.invalidParameter` when the increment is less than one unit.
  private func equalShares(_ projects: [Project], _ p: AllocationProblem) throws(AllocationError) -> ([Int], [String]) {
    let voters = p.förvaltningar.count
    var perVoter = ExactFraction(ExactInteger(p.budget), ExactInteger(voters))
    let available = projects.indices.filter { projects[$0].cost > 0 && !projects[$0].supporters.isEmpty }
    var previous: ([Int], [String]) = ([], [String](repeating: "", count: projects.count))
    var iteration = 0
    while true {
      iteration += 1
      let (outcome, outNotes) = mes(projects, voters: voters, perVoter: perVoter)
      guard let inc = completion.voterBudgetIncrement else { return (outcome, outNotes) }
      let cost = outcome.reduce(Int64(0)) { $0 + projects[$1].cost }
      if cost > p.budget { return previous }
      let chosen = Set(outcome)
      if !available.contains(where: { !chosen.contains($0) && cost + projects[$0].cost <= p.budget }) {
        return (outcome, outNotes.map { $0.isEmpty ? $0 : $0 + " (iteration \(iteration))" })
      }
      previous = (outcome, outNotes.map { $0.isEmpty ? $0 : $0 + " (iteration \(iteration))" })
      perVoter = perVoter + ExactFraction(ExactInteger(inc.kronor / p.unit.kronor))
      if inc.kronor / p.unit.kronor == 0 {
        throw AllocationError(
          .invalidParameter, "the per-voter increment \(inc) is less than one \(p.unit.symbol)",
          hint: "use an increment of at least one \(p.unit.symbol)", context: "increment")
      }
    }
  }

  /// Adds the projects that still fit the budget, most approvals first
  /// (then by the tie-breaking rule).
  private func completeGreedily(_ selected: inout [Int], _ notes: inout [String], _ projects: [Project], budget: Int64) {
    var spent = selected.reduce(Int64(0)) { $0 + projects[$1].cost }
    let chosen = Set(selected)
    let order = tieOrder(projects.indices.filter { !chosen.contains($0) && projects[$0].cost > 0 }, projects)
      .enumerated().sorted { a, b in
        let x = projects[a.element].supporters.count, y = projects[b.element].supporters.count
        return x != y ? x > y : a.offset < b.offset
      }.map(\.element)
    for j in order where projects[j].cost <= budget - spent {
      spent += projects[j].cost
      selected.append(j)
      notes[j] = "selected by greedy completion (\(projects[j].supporters.count) approvals)"
    }
  }

  /// The items of the selected projects funded in full; the others
  /// explained.
  private func shares(_ p: AllocationProblem, _ projects: [Project], selected: [Int], notes: [String]) -> [AllocationShare] {
    var shares = p.items.map { _ in AllocationShare(amount: 0, explanation: AllocationExplanation()) }
    let chosen = Set(selected)
    for (j, pr) in projects.enumerated() {
      for i in pr.items {
        if chosen.contains(j) {
          shares[i] = AllocationShare(
            amount: p.items[i].cap,
            explanation: AllocationExplanation(
              quota: ExactFraction(p.items[i].cap), note: notes[j] + "; funded in full"))
        } else {
          shares[i].explanation.note =
            pr.supporters.isEmpty
            ? "not selected: no förvaltning approves it"
            : (notes[j].isEmpty ? "not selected: its approvers' equal shares could not pay for it" : notes[j])
        }
      }
    }
    return shares
  }

  /// Orders project indices by the tie-breaking rule (the id last).
  func tieOrder(_ xs: [Int], _ projects: [Project]) -> [Int] {
    xs.sorted { a, b in
      let pa = projects[a], pb = projects[b]
      switch tieBreaking {
      case .lexicographic: break
      case .mostApprovals: if pa.supporters.count != pb.supporters.count { return pa.supporters.count > pb.supporters.count }
      case .lowestCost: if pa.cost != pb.cost { return pa.cost < pb.cost }
      case .highestCost: if pa.cost != pb.cost { return pa.cost > pb.cost }
      }
      return pa.id < pb.id
    }
  }

  /// One run of MES with the given per-voter budget.
  ///
  /// Lazy evaluation, exactly equivalent to re-scanning every project each
  /// round: the heap holds each project under (ρ as last computed, its
  /// tie-breaking rank). Budgets only fall, so a stored ρ is a lower bound
  /// of the true one, and it is exact while none of the project's approvers
  /// has paid since ("fresh"). If the top of the heap is fresh, its
  /// (ρ, rank) is at most every other project's stored (ρ, rank), hence at
  /// most their true (ρ, rank): it is the project pabutools selects (least
  /// ρ, ties by the tie-breaking order). Otherwise it is re-evaluated (or
  /// dropped if its approvers can no longer pay for it) and pushed back.
  func mes(_ projects: [Project], voters: Int, perVoter: ExactFraction) -> ([Int], [String]) {
    var budget = [ExactFraction](repeating: perVoter, count: voters)
    var notes = [String](repeating: "", count: projects.count)
    var rank = [Int](repeating: 0, count: projects.count)
    for (r, j) in tieOrder(Array(projects.indices), projects).enumerated() { rank[j] = r }
    var byVoter = [[Int]](repeating: [], count: voters)
    for (j, pr) in projects.enumerated() { for v in pr.supporters { byVoter[v].append(j) } }
    var fresh = [Bool](repeating: false, count: projects.count)
    var heap = FractionHeap()
    for j in projects.indices where projects[j].cost > 0 && !projects[j].supporters.isEmpty {
      heap.push(ExactFraction(1, Int64(projects[j].supporters.count)), rank[j], j)
    }
    var selected: [Int] = []
    var round = 1
    while let (rho, top) = heap.peek {
      heap.pop()
      let pr = projects[top]
      if !fresh[top] {
        var available = ExactFraction.zero
        for v in pr.supporters { available = available + budget[v] }
        if available < ExactFraction(pr.cost) {
          notes[top] = "not selected: its approvers had \(available.decimalText(decimals: 2)) left of its cost \(pr.cost) (round \(round))"
          continue
        }
        fresh[top] = true
        heap.push(affordability(pr, budget), rank[top], top)
        continue
      }
      let price = rho * ExactFraction(pr.cost)
      for v in pr.supporters {
        budget[v] = budget[v] < price ? .zero : budget[v] - price
        for j in byVoter[v] { fresh[j] = false }
      }
      selected.append(top)
      notes[top] =
        "selected by equal shares in round \(round): ρ = \(rho), each of its \(pr.supporters.count) approvers paid at most \(price.decimalText(decimals: 2)) (ties broken \(tieBreaking.rawValue))"
      round += 1
    }
    return (selected, notes)
  }

  /// The least ρ with Σ min(bᵢ, ρ·cost) = cost (approvers can afford it).
  func affordability(_ pr: Project, _ budget: [ExactFraction]) -> ExactFraction {
    let sorted = pr.supporters.sorted { budget[$0] < budget[$1] }
    var paid = ExactFraction.zero
    var remainingVoters = Int64(sorted.count)
    let cost = ExactFraction(pr.cost)
    for v in sorted {
      // ρ·cost = (cost − paid)/remainingVoters must not exceed bᵥ.
      let share = (cost - paid) / ExactFraction(remainingVoters)
      if !(budget[v] < share) { return share / cost }
      paid = paid + budget[v]
      remainingVoters -= 1
    }
    return ExactFraction(1)  // unreachable when the approvers can afford it
  }
}

extension Fördelningsmodell where Self == EqualSharesModel {
  /// The Method of Equal Shares with greedy completion.
  package static var equalShares: EqualSharesModel { EqualSharesModel() }
}

/// A min-heap of (exact key, rank, value) entries ordered by key, then rank.
struct FractionHeap {
  var keys: [ExactFraction] = []
  var ranks: [Int] = []
  var values: [Int] = []

  var peek: (ExactFraction, Int)? { keys.isEmpty ? nil : (keys[0], values[0]) }

  @inline(__always)
  func less(_ a: Int, _ b: Int) -> Bool {
    keys[a] < keys[b] || (ranks[a] < ranks[b] && !(keys[b] < keys[a]))
  }

  mutating func swapAt(_ a: Int, _ b: Int) {
    keys.swapAt(a, b)
    ranks.swapAt(a, b)
    values.swapAt(a, b)
  }

  mutating func push(_ key: ExactFraction, _ rank: Int, _ value: Int) {
    keys.append(key)
    ranks.append(rank)
    values.append(value)
    var c = keys.count - 1
    while c > 0 {
      let p = (c - 1) / 2
      guard less(c, p) else { break }
      swapAt(c, p)
      c = p
    }
  }

  mutating func pop() {
    let last = keys.count - 1
    swapAt(0, last)
    keys.removeLast()
    ranks.removeLast()
    values.removeLast()
    var p = 0
    while true {
      let l = 2 * p + 1, r = l + 1
      var best = p
      if l < keys.count && less(l, best) { best = l }
      if r < keys.count && less(r, best) { best = r }
      if best == p { break }
      swapAt(p, best)
      p = best
    }
  }
}
