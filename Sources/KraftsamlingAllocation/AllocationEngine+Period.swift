import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Steps 4 and 5 of ``Fördelningsmodell/allocate(_:)`` for one budget:
/// floors and caps per förvaltning, and the minimum per insats.
///
/// Items are in canonical order, so an insats's items are contiguous;
/// insatser and förvaltningar are handled by integer index (no hashing in
/// the rounds).
struct PeriodAllocation<Model: Fördelningsmodell> {
  // The stored properties that do not depend on `Model` come first, so
  // that their offsets are known at compile time in unspecialised code.
  /// The items; only their need may change after `init` (the robustness
  /// analysis of an allocation sets each replication's need in place).
  var items: [AllocationItem]
  let budget: Int64
  /// `"<label>: "` before the period's log lines and messages, or empty.
  let prefix: String
  /// The minimum per insats, in kronor.
  let minimum: Int64
  /// The minimum per insats, in units (rounded up).
  let minimumUnits: Int64
  /// Every förvaltning with an item or an approval, sorted.
  let förvaltningar: [String]
  /// The förvaltning of each item.
  let fOf: [Int]
  /// The insats of each item.
  let insOf: [Int]
  /// The insatser, in the items' order.
  let insatsIDs: [String]
  /// The cap and the floor of each förvaltning, in units.
  let capF: [Int64?]
  let floorF: [Int64?]
  /// The approvals given, or else every förvaltning approving its own requests.
  let approvals: [String: [String]]
  let input: AllocationInput
  /// Kronor per unit.
  let unitKronor: Int64
  let model: Model

  init(engine: AllocationEngine<Model>, items: [AllocationItem], budget: Int64, label: String?) {
    let input = engine.input
    self.model = engine.model
    self.input = input
    self.unitKronor = engine.unitKronor
    self.items = items
    self.budget = budget
    prefix = label.map { "\($0): " } ?? ""
    minimum = input.constraints.minimumPerInsats.kronor
    minimumUnits = (minimum + unitKronor - 1) / unitKronor
    var all = Set(items.map(\.förvaltningID))
    if let a = input.approvals { all.formUnion(a.keys) }
    förvaltningar = all.sorted()
    let fIndex = Dictionary(uniqueKeysWithValues: förvaltningar.enumerated().map { ($1, $0) })
    fOf = items.map { fIndex[$0.förvaltningID]! }
    var insOf = [Int](repeating: 0, count: items.count)
    var insatsIDs: [String] = []
    for i in items.indices {
      if i == 0 || items[i].insatsID != items[i - 1].insatsID { insatsIDs.append(items[i].insatsID) }
      insOf[i] = insatsIDs.count - 1
    }
    self.insOf = insOf
    self.insatsIDs = insatsIDs
    capF = förvaltningar.map { input.constraints.caps[$0].map { engine.units($0) } }
    floorF = förvaltningar.map { input.constraints.floors[$0].map { engine.units($0) } }
    if let a = input.approvals {
      approvals = a
    } else {
      var d: [String: [String]] = [:]
      for it in items where it.cap > 0 { d[it.förvaltningID, default: []].append(it.insatsID) }
      approvals = d
    }
  }

  /// Allocates the period: drops the insatser that cannot reach the
  /// minimum, then in rounds those funded below it (their money
  /// redistributed), and explains the final run.
  func run(log: inout [String]) throws(AllocationError) -> PeriodOutcome {
    var excluded = [Bool](repeating: false, count: insatsIDs.count)
    var dropNotes = [String?](repeating: nil, count: insatsIDs.count)
    dropUnreachable(&excluded, &dropNotes, log: &log)
    let (round, _) = try rounds(&excluded, &dropNotes, log: &log)
    let (amounts, solved, _) = try solve(excluded, explain: true, round: round, log: &log)
    var expl = solved
    var reasons = [String?](repeating: nil, count: items.count)
    for i in items.indices {
      if let note = dropNotes[insOf[i]] {
        expl[i] = AllocationExplanation(constraints: [note])
        reasons[i] = note
      } else if amounts[i] == 0 && items[i].cap > 0 {
        reasons[i] = expl[i].note ?? expl[i].constraints.last
      }
    }
    return PeriodOutcome(amounts: amounts, explanations: expl, reasons: reasons)
  }

  /// The amounts of ``run(log:)`` without explanations, log or notes: the
  /// same rounds, and the last round's amounts (the explained run that
  /// ``run(log:)`` adds is identical in amounts).
  ///
  /// - Returns: The amount of every item, in units.
  func amounts() throws(AllocationError) -> [Int64] {
    var excluded = [Bool](repeating: false, count: insatsIDs.count)
    var dropNotes = [String?](repeating: nil, count: insatsIDs.count)
    var log: [String] = []
    dropUnreachable(&excluded, &dropNotes, log: &log)
    return try rounds(&excluded, &dropNotes, log: &log, describe: false).amounts
  }

  /// Step 5's rounds: solves, and drops the insatser funded above zero but
  /// below the minimum (their money redistributed) until none is left.
  ///
  /// - Returns: The last round's number and amounts.
  ///
  /// - Parameter describe: Whether to write the notes and log lines of the
  ///   drops (``amounts()`` needs only the amounts).
  private func rounds(
    _ excluded: inout [Bool], _ dropNotes: inout [String?], log: inout [String], describe: Bool = true
  ) throws(AllocationError) -> (round: Int, amounts: [Int64]) {
    var scratch: [String] = []
    var round = 0
    while true {
      round += 1
      let state = try solve(excluded, explain: false, round: round, log: &scratch)
      let low = below(state.amounts, state.active)
      if low.isEmpty { return (round, state.amounts) }
      let count = try dropCount(low, excluded: excluded, round: round, scratch: &scratch)
      for d in low.prefix(count) {
        excluded[d.insats] = true
        guard describe else { continue }
        dropNotes[d.insats] =
          "dropped: the insats got \(Belopp(kronor: d.total * unitKronor)), below the minimum \(input.constraints.minimumPerInsats) (round \(round)); its money was redistributed"
        log.append("\(prefix)round \(round): insats \(insatsIDs[d.insats]) dropped at \(d.total) \(input.unit.symbol), below the minimum")
      }
    }
  }

  /// Drops, before the first run, every insats that requests less than the
  /// minimum in total: it could never reach it, and should not hold up the
  /// ones that can.
  private func dropUnreachable(_ excluded: inout [Bool], _ dropNotes: inout [String?], log: inout [String]) {
    guard minimum > 0 else { return }
    var requested = [Int64](repeating: 0, count: insatsIDs.count)
    for i in items.indices { requested[insOf[i]] += items[i].cap }
    for k in insatsIDs.indices where requested[k] > 0 && requested[k] * unitKronor < minimum {
      excluded[k] = true
      dropNotes[k] =
        "dropped: the insats requests \(Belopp(kronor: requested[k] * unitKronor)) in all, below the minimum \(input.constraints.minimumPerInsats)"
      log.append("\(prefix)insats \(insatsIDs[k]) dropped before allocation: it requests less than the minimum")
    }
  }

  /// How many of `low` (lowest first) to drop this round: all of them with
  /// `.allAtOnce`; with `.lowestFirst` the shortest prefix after whose
  /// removal every remaining insats reaches the minimum.
  ///
  /// For models in which dropping an insats never lowers another's
  /// funding, "every remaining insats reaches the minimum" only gets truer
  /// as the prefix grows, so binary search finds the shortest prefix with
  /// O(log k) runs. If even dropping all of `low` leaves one below (a model
  /// without that property), they are all dropped and the next round looks
  /// again.
  private func dropCount(
    _ low: [(total: Int64, insats: Int)], excluded: [Bool], round: Int, scratch: inout [String]
  ) throws(AllocationError) -> Int {
    guard input.constraints.minimumRule == .lowestFirst else { return low.count }
    func ok(_ j: Int) throws(AllocationError) -> Bool {
      var e = excluded
      for d in low.prefix(j) { e[d.insats] = true }
      let s = try solve(e, explain: false, round: round, log: &scratch)
      return below(s.amounts, s.active).isEmpty
    }
    guard try ok(low.count) else { return low.count }
    var lo = 1, hi = low.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if try ok(mid) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// The insatser funded above zero but below the minimum, lowest first
  /// (ties by id, as insatser are numbered in id order).
  private func below(_ amounts: [Int64], _ active: [Int]) -> [(total: Int64, insats: Int)] {
    guard minimum > 0 else { return [] }
    var totals = [Int64](repeating: 0, count: insatsIDs.count)
    for i in active { totals[insOf[i]] += amounts[i] }
    var out: [(total: Int64, insats: Int)] = []
    for (k, t) in totals.enumerated() where t > 0 && t < minimumUnits && t * unitKronor < minimum { out.append((t, k)) }
    return out.sorted { $0.total != $1.total ? $0.total < $1.total : $0.insats < $1.insats }
  }
}

// MARK: - Step 4: floors and caps

extension PeriodAllocation {
  /// One run of step 4 (floors and caps) with the given insatser excluded:
  /// the model runs; a förvaltning above its cap is fixed at the cap or, if
  /// none is, each below its floor at the floor; the model runs again on
  /// the rest until nothing changes.
  func solve(_ excluded: [Bool], explain finalPass: Bool, round: Int, log: inout [String]) throws(AllocationError)
    -> (amounts: [Int64], explanations: [AllocationExplanation], active: [Int])
  {
    let n = items.count
    let active = (0..<n).filter { !excluded[insOf[$0]] }
    var run = PeriodRun(
      amounts: [Int64](repeating: 0, count: n),
      explanations: [AllocationExplanation](repeating: AllocationExplanation(), count: finalPass ? n : 0),
      fixed: [Bool](repeating: false, count: förvaltningar.count), remaining: budget)
    var requestedF = [Int64](repeating: 0, count: förvaltningar.count)
    for i in active { requestedF[fOf[i]] += items[i].cap }
    try checkFloorsFit(requestedF)
    while true {
      let free = active.filter { !run.fixed[fOf[$0]] }
      let totals = try distributeFree(free, &run, explain: finalPass)
      var changed = try fixCapped(free, totals, &run, explain: finalPass, round: round, log: &log)
      if !changed {
        changed = try fixFloors(free, totals, requestedF, &run, explain: finalPass, round: round, log: &log)
      }
      // Fixed förvaltningar keep the amounts just set (the next pass only
      // overwrites free items); re-run the model for the rest.
      if !changed { break }
    }
    return (run.amounts, run.explanations, active)
  }

  /// Throws `.floorsExceedBudget` when the floors (each at most what its
  /// förvaltning requests) add up to more than the budget.
  private func checkFloorsFit(_ requestedF: [Int64]) throws(AllocationError) {
    var floorSum: Int64 = 0
    for f in förvaltningar.indices { if let fl = floorF[f] { floorSum += min(fl, requestedF[f]) } }
    if floorSum > budget {
      throw AllocationError(
        .floorsExceedBudget,
        "\(prefix)the förvaltningar's floors add up to \(floorSum) \(input.unit.symbol), more than the budget \(budget)",
        hint: "lower the floors or raise the budget", context: "floors")
    }
  }

  /// Runs the model on the free items with what remains, and checks its
  /// shares: one per item, each within 0…cap, together within the budget.
  ///
  /// - Returns: The total of each förvaltning.
  private func distributeFree(_ free: [Int], _ run: inout PeriodRun, explain finalPass: Bool) throws(AllocationError) -> [Int64] {
    var shares: [AllocationShare] = []
    let amounts: [Int64]
    if !finalPass, let fast = model as? any AmountDistributing {
      // The same amounts without the problem and the explanations.
      amounts = free.isEmpty ? [] : try fast.amounts(items, free: free, budget: run.remaining, ties: input.ties)
    } else {
      let problem = AllocationProblem(
        budget: run.remaining, unit: input.unit, items: free.map { items[$0] }, approvals: approvals,
        förvaltningar: förvaltningar.indices.filter { !run.fixed[$0] }.map { förvaltningar[$0] }, ties: input.ties,
        minimumPerInsats: minimumUnits, explain: finalPass)
      shares = free.isEmpty ? [] : try model.distribute(problem)
      amounts = shares.map(\.amount)
    }
    guard amounts.count == free.count else {
      throw AllocationError(
        .invariantViolated, "model \(model.name) returned \(amounts.count) shares for \(free.count) items",
        hint: "return one share per item", context: model.name)
    }
    var spent: Int64 = 0
    var totals = [Int64](repeating: 0, count: förvaltningar.count)
    for (k, i) in free.enumerated() {
      let a = amounts[k]
      if a < 0 || a > items[i].cap {
        throw AllocationError(
          .invariantViolated,
          "model \(model.name) gave \(items[i].insatsID)/\(items[i].förvaltningID) \(a), outside 0…\(items[i].cap)",
          hint: "keep every amount between zero and the request", context: model.name)
      }
      spent += a
      run.amounts[i] = a
      totals[fOf[i]] += a
      if finalPass { run.explanations[i] = shares[k].explanation }
    }
    if spent > run.remaining {
      throw AllocationError(
        .invariantViolated, "model \(model.name) spent \(spent) of a budget of \(run.remaining)",
        hint: "never hand out more than the budget", context: model.name)
    }
    return totals
  }

  /// Fixes every free förvaltning above its cap at the cap, its items
  /// scaled down in proportion (exactly).
  ///
  /// - Returns: Whether one was fixed.
  private func fixCapped(
    _ free: [Int], _ totals: [Int64], _ run: inout PeriodRun, explain finalPass: Bool, round: Int, log: inout [String]
  ) throws(AllocationError) -> Bool {
    var changed = false
    for f in förvaltningar.indices where !run.fixed[f] {
      guard let cap = capF[f], totals[f] > cap else { continue }
      let mine = free.filter { fOf[$0] == f }
      let scaled = try LargestRemainder().apportion(
        mine.map { ApportionmentWeight(run.amounts[$0]) }, total: cap, ties: input.ties)
      let name = förvaltningar[f]
      for (k, i) in mine.enumerated() {
        run.amounts[i] = scaled.amounts[k]
        if finalPass {
          run.explanations[i].constraints.append(
            "förvaltning \(name) capped at \(cap) \(input.unit.symbol): scaled from \(totals[f]) in proportion (hamilton)")
        }
      }
      run.fixed[f] = true
      run.remaining -= cap
      changed = true
      if finalPass {
        log.append("\(prefix)round \(round): förvaltning \(name) fixed at its cap \(cap) \(input.unit.symbol) (model gave \(totals[f]))")
      }
    }
    return changed
  }

  /// Fixes every free förvaltning below its floor at the floor, its items
  /// getting the floor pro rata to their requests.
  ///
  /// - Returns: Whether one was fixed.
  /// - Throws: `.floorsExceedBudget` when a floor no longer fits what remains.
  private func fixFloors(
    _ free: [Int], _ totals: [Int64], _ requestedF: [Int64], _ run: inout PeriodRun, explain finalPass: Bool, round: Int,
    log: inout [String]
  ) throws(AllocationError) -> Bool {
    var changed = false
    for f in förvaltningar.indices where !run.fixed[f] {
      guard let fl = floorF[f] else { continue }
      let target = min(fl, requestedF[f])
      guard totals[f] < target else { continue }
      let name = förvaltningar[f]
      let mine = free.filter { fOf[$0] == f }
      if target > run.remaining {
        throw AllocationError(
          .floorsExceedBudget,
          "\(prefix)the floor of \(name) (\(target) \(input.unit.symbol)) cannot be met after the caps were applied",
          hint: "lower the floors or the caps, or raise the budget", context: name)
      }
      let wf = try waterFill(
        budget: target, weights: mine.map { items[$0].cap }, caps: mine.map { items[$0].cap },
        method: LargestRemainder(), ties: input.ties, explain: finalPass)
      for (k, i) in mine.enumerated() {
        run.amounts[i] = wf.amounts[k]
        if finalPass {
          run.explanations[i].constraints.append(
            "förvaltning \(name) raised to its floor \(target) \(input.unit.symbol) from \(totals[f]), pro rata to its requests")
        }
      }
      run.fixed[f] = true
      run.remaining -= target
      changed = true
      if finalPass {
        log.append("\(prefix)round \(round): förvaltning \(name) fixed at its floor \(target) \(input.unit.symbol) (model gave \(totals[f]))")
      }
    }
    return changed
  }
}

/// The amounts, explanations and reasons of a period's items.
struct PeriodOutcome {
  var amounts: [Int64]
  var explanations: [AllocationExplanation]
  var reasons: [String?]
}

/// The amounts of one run of step 4 as it proceeds: förvaltningar fixed at
/// a cap or a floor keep their amounts, the model shares the rest.
fileprivate struct PeriodRun {
  var amounts: [Int64]
  var explanations: [AllocationExplanation]
  var fixed: [Bool]
  var remaining: Int64
}
