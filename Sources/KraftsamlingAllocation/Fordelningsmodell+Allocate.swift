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
    if let perYear = input.budgetPerYear {
      for y in perYear.keys.sorted() { try checkBudget(perYear[y]!, "budget for \(y)") }
    } else {
      try checkBudget(input.budget, "budget")
    }
    var seen = Set<String>()
    for r in input.requests {
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
    for (what, dict) in [("floor", input.constraints.floors), ("cap", input.constraints.caps)] {
      for (f, b) in dict where b.kronor < 0 {
        throw AllocationError(.invalidParameter, "the \(what) of \(f) is negative", hint: "use zero or more", context: f)
      }
    }
    // Every sum of requests (in kronor, hence in units) must fit in 64 bits.
    _ = try wrap { () throws(MoneyError) in try Belopp.sum(input.requests.map(\.requested)) }
    // 2. Canonical order.
    let requests = input.requests.sorted(by: FundingRequest.canonicalLess)
    var log: [String] = []
    var amounts = [Int64](repeating: 0, count: requests.count)
    var explanations = [AllocationExplanation](repeating: AllocationExplanation(), count: requests.count)
    var reasons = [String?](repeating: nil, count: requests.count)
    let budgetTotal: Belopp

    // 3. Periods.
    if let perYear = input.budgetPerYear {
      var total = Belopp.zero
      for y in perYear.keys.sorted() {
        total = try wrap { () throws(MoneyError) in try total + perYear[y]! }
        let idx = requests.indices.filter { requests[$0].year == y }
        let items = idx.map { item(from: [requests[$0]]) }
        let r = try period(items: items, budget: units(perYear[y]!), label: "\(y)", log: &log)
        for (k, i) in idx.enumerated() {
          amounts[i] = r.amounts[k]
          explanations[i] = r.explanations[k]
          reasons[i] = r.reasons[k]
        }
      }
      for i in requests.indices where perYear[requests[i].year!] == nil {
        reasons[i] = "no budget for \(requests[i].year!)"
        explanations[i].constraints.append("no budget for \(requests[i].year!)")
      }
      budgetTotal = total
    } else {
      budgetTotal = input.budget
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
          amounts[g[0]] = r.amounts[k]
          explanations[g[0]] = r.explanations[k]
          reasons[g[0]] = r.reasons[k]
          continue
        }
        // Multi-year split, exact: Hamilton over the yearly requests.
        let yearCaps = g.map { units(requests[$0].requested) }
        var split = [Int64](repeating: 0, count: g.count)
        if r.amounts[k] > 0 {
          split = try LargestRemainder().apportion(
            yearCaps.map { ApportionmentWeight($0) }, total: r.amounts[k], ties: .inputOrder
          ).amounts
        }
        for (j, i) in g.enumerated() {
          amounts[i] = split[j]
          var e = r.explanations[k]
          if r.amounts[k] > 0 {
            e.constraints.append(
              "year \(requests[i].year.map(String.init) ?? "–"): \(split[j]) of the item's \(r.amounts[k]) \(input.unit.symbol), in proportion to the yearly requests (hamilton)"
            )
          }
          explanations[i] = e
          reasons[i] = r.reasons[k]
        }
      }
    }

    // Assemble.
    var rows: [Fördelning.Rad] = []
    var unfunded: [Fördelning.Ofinansierad] = []
    var distributed: Int64 = 0
    for (i, r) in requests.enumerated() {
      let kr = try wrap { () throws(MoneyError) in try Belopp(kronor: amounts[i]).multiplied(by: unitKronor) }
      distributed += kr.kronor
      rows.append(
        Fördelning.Rad(
          insatsID: r.insatsID, förvaltningID: r.förvaltningID, year: r.year, requested: r.requested, amount: kr,
          explanation: explanations[i]))
      if kr.kronor == 0 && r.requested.kronor > 0 {
        unfunded.append(
          Fördelning.Ofinansierad(
            insatsID: r.insatsID, förvaltningID: r.förvaltningID, year: r.year, requested: r.requested,
            reason: reasons[i] ?? (units(r.requested) == 0
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

  struct PeriodResult {
    var amounts: [Int64]
    var explanations: [AllocationExplanation]
    var reasons: [String?]
  }

  /// Steps 4 and 5 for one budget. Items are in canonical order, so an
  /// insats's items are contiguous; insatser and förvaltningar are handled
  /// by integer index (no hashing in the rounds).
  func period(items: [AllocationItem], budget: Int64, label: String?, log: inout [String]) throws(AllocationError)
    -> PeriodResult
  {
    let n = items.count
    let prefix = label.map { "\($0): " } ?? ""
    let minimum = input.constraints.minimumPerInsats.kronor
    let allFörvaltningar: [String] = {
      var s = Set(items.map(\.förvaltningID))
      if let a = input.approvals { s.formUnion(a.keys) }
      return s.sorted()
    }()
    let fIndex = Dictionary(uniqueKeysWithValues: allFörvaltningar.enumerated().map { ($1, $0) })
    let fOf = items.map { fIndex[$0.förvaltningID]! }
    var insOf = [Int](repeating: 0, count: n)
    var insatsIDs: [String] = []
    for i in 0..<n {
      if i == 0 || items[i].insatsID != items[i - 1].insatsID { insatsIDs.append(items[i].insatsID) }
      insOf[i] = insatsIDs.count - 1
    }
    let capF = allFörvaltningar.map { input.constraints.caps[$0].map { units($0) } }
    let floorF = allFörvaltningar.map { input.constraints.floors[$0].map { units($0) } }
    let approvals: [String: [String]] = {
      if let a = input.approvals { return a }
      var d: [String: [String]] = [:]
      for it in items where it.cap > 0 { d[it.förvaltningID, default: []].append(it.insatsID) }
      return d
    }()
    let minimumUnits = (minimum + unitKronor - 1) / unitKronor
    var round = 0
    /// One run of step 4 (floors and caps) with the given insatser excluded.
    func solve(_ excluded: [Bool], explain finalPass: Bool, log: inout [String]) throws(AllocationError)
      -> (amounts: [Int64], explanations: [AllocationExplanation], active: [Int])
    {
      let active = (0..<n).filter { !excluded[insOf[$0]] }
      var amounts = [Int64](repeating: 0, count: n)
      var expl = [AllocationExplanation](repeating: AllocationExplanation(), count: finalPass ? n : 0)
      var fixed = [Bool](repeating: false, count: allFörvaltningar.count)
      var remaining = budget
      // Floors must fit in the budget.
      var requestedF = [Int64](repeating: 0, count: allFörvaltningar.count)
      for i in active { requestedF[fOf[i]] += items[i].cap }
      var floorSum: Int64 = 0
      for f in allFörvaltningar.indices { if let fl = floorF[f] { floorSum += min(fl, requestedF[f]) } }
      if floorSum > budget {
        throw AllocationError(
          .floorsExceedBudget,
          "\(prefix)the förvaltningar's floors add up to \(floorSum) \(input.unit.symbol), more than the budget \(budget)",
          hint: "lower the floors or raise the budget", context: "floors")
      }
      while true {
        let free = active.filter { !fixed[fOf[$0]] }
        let problem = AllocationProblem(
          budget: remaining, unit: input.unit, items: free.map { items[$0] }, approvals: approvals,
          förvaltningar: allFörvaltningar.indices.filter { !fixed[$0] }.map { allFörvaltningar[$0] }, ties: input.ties,
          minimumPerInsats: minimumUnits, explain: finalPass)
        let shares = free.isEmpty ? [] : try model.distribute(problem)
        guard shares.count == free.count else {
          throw AllocationError(
            .invariantViolated, "model \(model.name) returned \(shares.count) shares for \(free.count) items",
            hint: "return one share per item", context: model.name)
        }
        var spent: Int64 = 0
        var totals = [Int64](repeating: 0, count: allFörvaltningar.count)
        for (k, i) in free.enumerated() {
          let a = shares[k].amount
          if a < 0 || a > items[i].cap {
            throw AllocationError(
              .invariantViolated,
              "model \(model.name) gave \(items[i].insatsID)/\(items[i].förvaltningID) \(a), outside 0…\(items[i].cap)",
              hint: "keep every amount between zero and the request", context: model.name)
          }
          spent += a
          amounts[i] = a
          totals[fOf[i]] += a
          if finalPass { expl[i] = shares[k].explanation }
        }
        if spent > remaining {
          throw AllocationError(
            .invariantViolated, "model \(model.name) spent \(spent) of a budget of \(remaining)",
            hint: "never hand out more than the budget", context: model.name)
        }
        var changed = false
        for f in allFörvaltningar.indices where !fixed[f] {
          guard let cap = capF[f], totals[f] > cap else { continue }
          let mine = free.filter { fOf[$0] == f }
          let scaled = try LargestRemainder().apportion(
            mine.map { ApportionmentWeight(amounts[$0]) }, total: cap, ties: input.ties)
          let name = allFörvaltningar[f]
          for (k, i) in mine.enumerated() {
            amounts[i] = scaled.amounts[k]
            if finalPass {
              expl[i].constraints.append(
                "förvaltning \(name) capped at \(cap) \(input.unit.symbol): scaled from \(totals[f]) in proportion (hamilton)")
            }
          }
          fixed[f] = true
          remaining -= cap
          changed = true
          if finalPass {
            log.append("\(prefix)round \(round): förvaltning \(name) fixed at its cap \(cap) \(input.unit.symbol) (model gave \(totals[f]))")
          }
        }
        if !changed {
          for f in allFörvaltningar.indices where !fixed[f] {
            guard let fl = floorF[f] else { continue }
            let target = min(fl, requestedF[f])
            guard totals[f] < target else { continue }
            let name = allFörvaltningar[f]
            let mine = free.filter { fOf[$0] == f }
            if target > remaining {
              throw AllocationError(
                .floorsExceedBudget,
                "\(prefix)the floor of \(name) (\(target) \(input.unit.symbol)) cannot be met after the caps were applied",
                hint: "lower the floors or the caps, or raise the budget", context: name)
            }
            let wf = try waterFill(
              budget: target, weights: mine.map { items[$0].cap }, caps: mine.map { items[$0].cap },
              method: LargestRemainder(), ties: input.ties, explain: finalPass)
            for (k, i) in mine.enumerated() {
              amounts[i] = wf.amounts[k]
              if finalPass {
                expl[i].constraints.append(
                  "förvaltning \(name) raised to its floor \(target) \(input.unit.symbol) from \(totals[f]), pro rata to its requests")
              }
            }
            fixed[f] = true
            remaining -= target
            changed = true
            if finalPass {
              log.append("\(prefix)round \(round): förvaltning \(name) fixed at its floor \(target) \(input.unit.symbol) (model gave \(totals[f]))")
            }
          }
        }
        // Fixed förvaltningar keep the amounts just set (the next pass only
        // overwrites free items); re-run the model for the rest.
        if !changed { break }
      }
      return (amounts, expl, active)
    }
    /// The insatser funded above zero but below the minimum, lowest first
    /// (ties by id, as insatser are numbered in id order).
    func below(_ amounts: [Int64], _ active: [Int]) -> [(total: Int64, insats: Int)] {
      guard minimum > 0 else { return [] }
      var totals = [Int64](repeating: 0, count: insatsIDs.count)
      for i in active { totals[insOf[i]] += amounts[i] }
      var out: [(total: Int64, insats: Int)] = []
      for (k, t) in totals.enumerated() where t > 0 && t < minimumUnits && t * unitKronor < minimum { out.append((t, k)) }
      return out.sorted { $0.total != $1.total ? $0.total < $1.total : $0.insats < $1.insats }
    }
    var excluded = [Bool](repeating: false, count: insatsIDs.count)
    var dropNotes = [String?](repeating: nil, count: insatsIDs.count)
    var scratch: [String] = []
    // An insats that requests less than the minimum in total can never reach
    // it: it is dropped before the first run, so that it does not hold up
    // the ones that can.
    if minimum > 0 {
      var requested = [Int64](repeating: 0, count: insatsIDs.count)
      for i in 0..<n { requested[insOf[i]] += items[i].cap }
      for k in insatsIDs.indices where requested[k] > 0 && requested[k] * unitKronor < minimum {
        excluded[k] = true
        dropNotes[k] =
          "dropped: the insats requests \(Belopp(kronor: requested[k] * unitKronor)) in all, below the minimum \(input.constraints.minimumPerInsats)"
        log.append("\(prefix)insats \(insatsIDs[k]) dropped before allocation: it requests less than the minimum")
      }
    }
    while true {
      round += 1
      let state = try solve(excluded, explain: false, log: &scratch)
      let low = below(state.amounts, state.active)
      if low.isEmpty { break }
      var count = low.count
      if input.constraints.minimumRule == .lowestFirst {
        // The shortest prefix of `low` after whose removal every remaining
        // insats reaches the minimum. For models in which dropping an insats
        // never lowers another's funding, "every remaining insats reaches
        // the minimum" only gets truer as the prefix grows, so binary search
        // finds the shortest prefix with O(log k) runs. If even dropping all
        // of `low` leaves one below (a model without that property), they
        // are all dropped and the next round looks again.
        func ok(_ j: Int) throws(AllocationError) -> Bool {
          var e = excluded
          for d in low.prefix(j) { e[d.insats] = true }
          let s = try solve(e, explain: false, log: &scratch)
          return below(s.amounts, s.active).isEmpty
        }
        if try ok(low.count) {
          var lo = 1, hi = low.count
          while lo < hi {
            let mid = (lo + hi) / 2
            if try ok(mid) { hi = mid } else { lo = mid + 1 }
          }
          count = lo
        }
      }
      for d in low.prefix(count) {
        excluded[d.insats] = true
        dropNotes[d.insats] =
          "dropped: the insats got \(Belopp(kronor: d.total * unitKronor)), below the minimum \(input.constraints.minimumPerInsats) (round \(round)); its money was redistributed"
        log.append("\(prefix)round \(round): insats \(insatsIDs[d.insats]) dropped at \(d.total) \(input.unit.symbol), below the minimum")
      }
    }
    let (amounts, solved, _) = try solve(excluded, explain: true, log: &log)
    var expl = solved
    var reasons = [String?](repeating: nil, count: n)
    for i in 0..<n {
      if let note = dropNotes[insOf[i]] {
        expl[i] = AllocationExplanation(constraints: [note])
        reasons[i] = note
      } else if amounts[i] == 0 && items[i].cap > 0 {
        reasons[i] = expl[i].note ?? expl[i].constraints.last
      }
    }
    return PeriodResult(amounts: amounts, explanations: expl, reasons: reasons)
  }
}
