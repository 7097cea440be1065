import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

extension Fördelningsmodell {
  /// Allocates the budget of `input` with this model, enforcing every
  /// constraint and invariant, and explains every amount.
  ///
  /// The steps, the same for every model:
  /// 1. **Validate**: budget ≥ 0 and a whole number of `input.unit`;
  ///    requests non-negative, unique per (insats, förvaltning, year), with
  ///    finite non-negative need and population.
  /// 2. **Canonical order**: requests are sorted by (insats, förvaltning,
  ///    year), so the result never depends on the input order; the tie
  ///    policy `.inputOrder` then means that order.
  /// 3. **Periods**: with `budgetPerYear`, each year is allocated from its
  ///    own budget. Otherwise a förvaltning's requests for an insats over
  ///    several years form one item (its cap is the sum), and after the
  ///    allocation the item's amount is split over the years in proportion
  ///    to the yearly requests with the largest remainder method (ties to
  ///    the earlier year) — exact, and never above a year's request.
  /// 4. **Floors and caps per förvaltning**: the model runs; a förvaltning
  ///    above its cap is fixed at the cap (its items scaled down in
  ///    proportion, exactly); if none is above its cap, each förvaltning
  ///    below its floor is fixed at the floor (its items get the floor pro
  ///    rata to their requests). Fixed förvaltningar leave the problem with
  ///    their money and the model runs again on the rest. Each round fixes
  ///    at least one förvaltning, so this ends after at most *F* + 1 runs.
  /// 5. **Minimum per insats**: an insats whose requests add up to less than
  ///    `constraints.minimumPerInsats` is dropped before the first run (it
  ///    could never reach it). Insatser funded above zero but below the
  ///    minimum are dropped and their money
  ///    redistributed by running step 4 again without them: with
  ///    ``AllocationConstraints/MinimumRule/lowestFirst`` the fewest of the
  ///    lowest-funded ones needed (binary search), with `.allAtOnce` all of
  ///    them. Each round removes at least one insats from a finite set, so
  ///    this ends after at most *I* + 1 rounds. The rounds run without
  ///    explanations; a last identical run builds them.
  /// 6. **Invariants**: checked; a violation (only possible with a faulty
  ///    custom model) throws `.invariantViolated`.
  ///
  /// - Parameter input: Budget, requests, approvals, constraints, unit, ties.
  /// - Returns: The ``Fördelning``.
  /// - Throws: ``AllocationError``: `.negativeBudget`, `.budgetNotWhole`,
  ///   `.invalidRequest`, `.weightsAllZero`, `.floorsExceedBudget`, `.tie`,
  ///   `.overflow`, `.invariantViolated`.
  /// - Complexity: O(*r*·(*F* + 1)) runs of the model for *F* förvaltningar
  ///   with floors or caps, where *r* is the number of minimum rounds
  ///   (each O(log *I*) runs for *I* insatser); typically a handful.
  public func allocate(_ input: AllocationInput) throws(AllocationError) -> Fördelning {
    try AllocationEngine(model: self, input: input).run()
  }
}

/// The model-independent part of an allocation.
struct AllocationEngine<Model: Fördelningsmodell> {
  let model: Model
  let input: AllocationInput
  var unitKronor: Int64 { input.unit.kronor }

  func units(_ b: Belopp) -> Int64 { b.kronor / unitKronor }

  func checkBudget(_ b: Belopp, _ what: String) throws(AllocationError) {
    if b.kronor < 0 {
      throw AllocationError(
        .negativeBudget, "the \(what) is negative (\(b))", hint: "give a budget of zero or more", context: what)
    }
    if !b.isWhole(in: input.unit) {
      let down = Belopp(kronor: b.kronor / unitKronor * unitKronor)
      throw AllocationError(
        .budgetNotWhole, "the \(what) \(b) is not a whole number of \(input.unit.symbol)",
        hint: "round it to whole \(input.unit.symbol), e.g. \(down.formatted(input.unit)), or allocate in kr",
        context: what)
    }
  }

  func run() throws(AllocationError) -> Fördelning {
    // 1. Validate.
    try validate()
    // 2. Canonical order.
    let requests = input.requests.sorted(by: FundingRequest.canonicalLess)
    var log: [String] = []
    var outcome = PeriodResult(
      amounts: [Int64](repeating: 0, count: requests.count),
      explanations: [AllocationExplanation](repeating: AllocationExplanation(), count: requests.count),
      reasons: [String?](repeating: nil, count: requests.count))
    // 3. Periods.
    let budgetTotal: Belopp
    if let perYear = input.budgetPerYear {
      budgetTotal = try allocateYearByYear(requests, perYear, &outcome, log: &log)
    } else {
      budgetTotal = input.budget
      try allocateOverYears(requests, &outcome, log: &log)
    }
    return try assemble(requests, outcome, budget: budgetTotal, log: log)
  }

  /// Step 1: the budget (or each year's) is non-negative and whole; every
  /// request is valid and unique; floors and caps are non-negative; the
  /// requests add up within 64 bits.
  private func validate() throws(AllocationError) {
    if let perYear = input.budgetPerYear {
      for y in perYear.keys.sorted() { try checkBudget(perYear[y]!, "budget for \(y)") }
    } else {
      try checkBudget(input.budget, "budget")
    }
    var seen = Set<String>()
    for r in input.requests { try validate(r, seen: &seen) }
    for (what, dict) in [("floor", input.constraints.floors), ("cap", input.constraints.caps)] {
      for (f, b) in dict where b.kronor < 0 {
        throw AllocationError(.invalidParameter, "the \(what) of \(f) is negative", hint: "use zero or more", context: f)
      }
    }
    // Every sum of requests (in kronor, hence in units) must fit in 64 bits.
    _ = try wrap { () throws(MoneyError) in try Belopp.sum(input.requests.map(\.requested)) }
  }

  /// One request: both ids, not seen before, a non-negative amount, a
  /// finite non-negative need and population, a year if the budget is per year.
  private func validate(_ r: FundingRequest, seen: inout Set<String>) throws(AllocationError) {
    let key = "\(r.insatsID)\u{0}\(r.förvaltningID)\u{0}\(r.year.map(String.init) ?? "")"
    let ctx = "\(r.insatsID)/\(r.förvaltningID)\(r.year.map { "/\($0)" } ?? "")"
    if r.insatsID.isEmpty || r.förvaltningID.isEmpty {
      throw AllocationError(.invalidRequest, "a request has an empty insats or förvaltning id",
        hint: "give every request both ids", context: ctx)
    }
    if !seen.insert(key).inserted {
      throw AllocationError(.invalidRequest, "two requests for \(ctx)",
        hint: "merge them into one request per insats, förvaltning and year", context: ctx)
    }
    if r.requested.kronor < 0 {
      throw AllocationError(.invalidRequest, "the request \(ctx) is negative (\(r.requested))",
        hint: "requests must be zero or more", context: ctx)
    }
    if let need = r.need, !(need.isFinite && need >= 0 && need < 9.0e12) {
      throw AllocationError(.invalidRequest, "the need score \(need) of \(ctx) is not a finite non-negative number",
        hint: "use a non-negative index (e.g. min-max normalised to 0–100)", context: ctx)
    }
    if let p = r.targetPopulation, p < 0 {
      throw AllocationError(.invalidRequest, "the target population of \(ctx) is negative",
        hint: "give a count of people, zero or more", context: ctx)
    }
    if input.budgetPerYear != nil && r.year == nil {
      throw AllocationError(.invalidRequest, "the request \(ctx) has no year but the budget is per year",
        hint: "give every request a year, or use one total budget", context: ctx)
    }
  }

  /// Step 3 with a budget per year: each year's requests are allocated
  /// from that year's budget; a request for a year without a budget gets
  /// nothing.
  ///
  /// - Returns: The budgets' total.
  private func allocateYearByYear(
    _ requests: [FundingRequest], _ perYear: [Int: Belopp], _ outcome: inout PeriodResult, log: inout [String]
  ) throws(AllocationError) -> Belopp {
    var total = Belopp.zero
    for y in perYear.keys.sorted() {
      total = try wrap { () throws(MoneyError) in try total + perYear[y]! }
      let idx = requests.indices.filter { requests[$0].year == y }
      let items = idx.map { item(from: [requests[$0]]) }
      let r = try period(items: items, budget: units(perYear[y]!), label: "\(y)", log: &log)
      for (k, i) in idx.enumerated() {
        outcome.amounts[i] = r.amounts[k]
        outcome.explanations[i] = r.explanations[k]
        outcome.reasons[i] = r.reasons[k]
      }
    }
    for i in requests.indices where perYear[requests[i].year!] == nil {
      outcome.reasons[i] = "no budget for \(requests[i].year!)"
      outcome.explanations[i].constraints.append("no budget for \(requests[i].year!)")
    }
    return total
  }

  /// Step 3 with one budget: a förvaltning's requests for an insats over
  /// several years form one item, and its amount is split over the years.
  private func allocateOverYears(
    _ requests: [FundingRequest], _ outcome: inout PeriodResult, log: inout [String]
  ) throws(AllocationError) {
    var groups: [[Int]] = []
    for i in requests.indices {
      if let last = groups.last?.last, requests[last].insatsID == requests[i].insatsID,
        requests[last].förvaltningID == requests[i].förvaltningID
      {
        groups[groups.count - 1].append(i)
      } else {
        groups.append([i])
      }
    }
    let items = groups.map { g in item(from: g.map { requests[$0] }) }
    let r = try period(items: items, budget: units(input.budget), label: nil, log: &log)
    for (k, g) in groups.enumerated() {
      if g.count == 1 {
        outcome.amounts[g[0]] = r.amounts[k]
        outcome.explanations[g[0]] = r.explanations[k]
        outcome.reasons[g[0]] = r.reasons[k]
      } else {
        try splitOverYears(g, amount: r.amounts[k], explanation: r.explanations[k], reason: r.reasons[k], requests, &outcome)
      }
    }
  }

  /// Splits a multi-year item's amount over its years in proportion to the
  /// yearly requests, exactly (Hamilton, ties to the earlier year).
  private func splitOverYears(
    _ g: [Int], amount: Int64, explanation: AllocationExplanation, reason: String?, _ requests: [FundingRequest],
    _ outcome: inout PeriodResult
  ) throws(AllocationError) {
    let yearCaps = g.map { units(requests[$0].requested) }
    var split = [Int64](repeating: 0, count: g.count)
    if amount > 0 {
      split = try LargestRemainder().apportion(
        yearCaps.map { ApportionmentWeight($0) }, total: amount, ties: .inputOrder
      ).amounts
    }
    for (j, i) in g.enumerated() {
      outcome.amounts[i] = split[j]
      var e = explanation
      if amount > 0 {
        e.constraints.append(
          "year \(requests[i].year.map(String.init) ?? "–"): \(split[j]) of the item's \(amount) \(input.unit.symbol), in proportion to the yearly requests (hamilton)"
        )
      }
      outcome.explanations[i] = e
      outcome.reasons[i] = reason
    }
  }

  /// The Fördelning: a row per request in kronor, the unfunded ones with
  /// their reason, the totals and the log; checked against the invariants.
  ///
  /// - Throws: `.invariantViolated` when the model broke one; `.overflow`.
  private func assemble(
    _ requests: [FundingRequest], _ outcome: PeriodResult, budget budgetTotal: Belopp, log: [String]
  ) throws(AllocationError) -> Fördelning {
    var rows: [Fördelning.Rad] = []
    var unfunded: [Fördelning.Ofinansierad] = []
    var distributed: Int64 = 0
    for (i, r) in requests.enumerated() {
      let kr = try wrap { () throws(MoneyError) in try Belopp(kronor: outcome.amounts[i]).multiplied(by: unitKronor) }
      distributed += kr.kronor
      rows.append(
        Fördelning.Rad(
          insatsID: r.insatsID, förvaltningID: r.förvaltningID, year: r.year, requested: r.requested, amount: kr,
          explanation: outcome.explanations[i]))
      if kr.kronor == 0 && r.requested.kronor > 0 {
        unfunded.append(
          Fördelning.Ofinansierad(
            insatsID: r.insatsID, förvaltningID: r.förvaltningID, year: r.year, requested: r.requested,
            reason: outcome.reasons[i] ?? (units(r.requested) == 0
              ? "the request is less than one \(input.unit.symbol)" : "not funded by \(model.name)")))
      }
    }
    let f = Fördelning(
      model: model.name, unit: input.unit, budget: budgetTotal, rows: rows, unfunded: unfunded,
      distributed: Belopp(kronor: distributed), undistributed: Belopp(kronor: budgetTotal.kronor - distributed),
      log: log)
    let problems = f.invariantViolations
    if !problems.isEmpty {
      throw AllocationError(
        .invariantViolated, "model \(model.name) broke an invariant: \(problems.joined(separator: "; "))",
        hint: "fix the model's distribute(_:) so that amounts stay within 0…cap and the budget", context: model.name)
    }
    return f
  }

  func wrap<T>(_ body: () throws(MoneyError) -> T) throws(AllocationError) -> T {
    do { return try body() } catch {
      throw AllocationError(.overflow, error.message, hint: "use a larger unit or smaller amounts")
    }
  }

  /// One item from the requests of one (insats, förvaltning).
  func item(from rs: [FundingRequest]) -> AllocationItem {
    var cap: Int64 = 0
    for r in rs { cap += units(r.requested) }
    let need = rs.lazy.compactMap(\.need).first
    let pop = rs.lazy.compactMap(\.targetPopulation).first
    return AllocationItem(
      insatsID: rs[0].insatsID, förvaltningID: rs[0].förvaltningID, cap: cap,
      needMillionths: need.map { Int64(($0 * 1_000_000).rounded(.toNearestOrAwayFromZero)) },
      targetPopulation: pop.map { Int64($0) }, priority: rs.lazy.compactMap(\.priority).first)
  }

  /// Steps 4 and 5 for one budget; see ``PeriodAllocation``.
  func period(items: [AllocationItem], budget: Int64, label: String?, log: inout [String]) throws(AllocationError)
    -> PeriodResult
  {
    let r = try PeriodAllocation(engine: self, items: items, budget: budget, label: label).run(log: &log)
    return PeriodResult(amounts: r.amounts, explanations: r.explanations, reasons: r.reasons)
  }

  struct PeriodResult {
    var amounts: [Int64]
    var explanations: [AllocationExplanation]
    var reasons: [String?]
  }
}
