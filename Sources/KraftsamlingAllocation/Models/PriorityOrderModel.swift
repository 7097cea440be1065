import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Priority order: insatser are funded in full, one after the other in the
/// styrgrupp's order (or by need per krona), until the budget runs out.
///
/// - ``Order/ranking``: by the styrgrupp's rank (``FundingRequest/priority``,
///   1 first; unranked insatser last), ties by insats id.
/// - ``Order/needPerKrona``: by Σ need × population over the insats's
///   requests divided by its total request, highest first (compared
///   exactly), ties by insats id.
///
/// When the next insats does not fit, ``WhenShort`` decides: give it what is
/// left (pro rata over its förvaltningar; the default), skip it and try the
/// next ones, or stop.
///
/// *When a city would choose it*: when the styrgrupp has ranked the
/// insatser and prefers doing a few things fully to everything a little —
/// which also respects the 1 million kr minimum by construction.
///
/// ```swift
/// // budget 10; ranks: A (cost 6) 1, B (cost 5) 2, C (cost 3) 3
/// // .fundRemainder: A 6, B 4 (what is left), C 0
/// // .skip:          A 6, B 0 (does not fit), C 3 → 1 left over
/// // .stop:          A 6, nothing else → 4 left over
/// ```
///
/// - Complexity: O(*n* log *n*) for *n* items.
package struct PriorityOrderModel: Fördelningsmodell {
  /// The order in which insatser are funded.
  package enum Order: String, Sendable, Hashable, Codable {
    /// The styrgrupp's rank, 1 first.
    case ranking
    /// Need × population per requested krona, highest first.
    case needPerKrona = "need-per-krona"
  }
  /// What to do with an insats that does not fit in what is left.
  package enum WhenShort: String, Sendable, Hashable, Codable {
    /// Give it what is left, pro rata over its requests.
    case fundRemainder = "fund-remainder"
    /// Skip it and try the following insatser.
    case skip
    /// Stop; the rest stays undistributed.
    case stop
  }
  /// The order.
  package var order: Order
  /// What to do when the next insats does not fit.
  package var whenShort: WhenShort

  /// Creates the model.
  package init(order: Order = .ranking, whenShort: WhenShort = .fundRemainder) {
    self.order = order
    self.whenShort = whenShort
  }

  /// `priority`.
  package var name: String { "priority" }

  /// Funds insatser fully in order.
  package func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    let groups = ordered(try candidates(p))
    var shares = p.items.map { _ in AllocationShare(amount: 0, explanation: AllocationExplanation()) }
    var left = p.budget
    var stopped = false
    for (position, g) in groups.enumerated() {
      let place = "place \(position + 1) in the \(order.rawValue) order"
      if stopped || g.cost == 0 {
        for i in g.items { shares[i].explanation.note = "\(place): not reached (the order stopped)" }
        continue
      }
      if g.cost <= left {
        left -= g.cost
        for i in g.items {
          shares[i] = AllocationShare(
            amount: p.items[i].cap,
            explanation: AllocationExplanation(quota: ExactFraction(p.items[i].cap), note: "\(place): funded in full"))
        }
        continue
      }
      if whenShort == .fundRemainder && left < p.minimumPerInsats {
        // Giving it what is left would fund it below the minimum, and the
        // engine would drop it and offer the rest to the next in line: do
        // that directly (the same result, without the extra rounds).
        if p.explain {
          for i in g.items {
            shares[i].explanation.note = "\(place): skipped, the \(left) \(p.unit.symbol) left are below the minimum per insats"
          }
        }
        continue
      }
      switch whenShort {
      case .skip:
        for i in g.items { shares[i].explanation.note = "\(place): skipped, costs \(g.cost) with \(left) \(p.unit.symbol) left" }
      case .stop:
        stopped = true
        for i in g.items { shares[i].explanation.note = "\(place): the order stopped, costs \(g.cost) with \(left) \(p.unit.symbol) left" }
      case .fundRemainder:
        try fundRemainder(g, left: left, place: place, p, &shares)
        left = 0
        stopped = true
      }
    }
    return shares
  }

  /// An insats in the order: its items, its total cost, its best ranking
  /// and its need (Σ need × population, for `needPerKrona`).
  private struct Candidate {
    var id: String
    var items: [Int]
    var cost: Int64
    var rank: Int?
    var need: Int64
  }

  /// Every insats of the problem as a candidate, in the problem's order.
  ///
  /// - Throws: `.overflow` when an insats's need does not fit in 64 bits.
  private func candidates(_ p: AllocationProblem) throws(AllocationError) -> [Candidate] {
    let needs = order == .needPerKrona ? try p.needWeights(missing: .zero) : []
    var groups: [Candidate] = []
    for g in p.insatser {
      var need: Int64 = 0
      for i in g.items where !needs.isEmpty {
        let (s, o) = need.addingReportingOverflow(needs[i])
        if o {
          throw AllocationError(.overflow, "need × population of \(g.id) is too large", hint: "scale the need score down")
        }
        need = s
      }
      groups.append(
        Candidate(
          id: g.id, items: g.items, cost: g.items.reduce(Int64(0)) { $0 + p.items[$1].cap },
          rank: g.items.compactMap { p.items[$0].priority }.min(), need: need))
    }
    return groups
  }

  /// The candidates in funding order: by ranking (unranked last), or by
  /// need per krona (exactly, in 128 bits); ties by id.
  private func ordered(_ groups: [Candidate]) -> [Candidate] {
    switch order {
    case .ranking:
      return groups.sorted { a, b in
        switch (a.rank, b.rank) {
        case let (x?, y?) where x != y: return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        default: return a.id < b.id
        }
      }
    case .needPerKrona:
      // a.need / a.cost > b.need / b.cost ⇔ a.need·b.cost > b.need·a.cost (128-bit).
      return groups.sorted { a, b in
        if a.cost == 0 || b.cost == 0 { return a.cost != 0 ? false : (b.cost != 0 ? true : a.id < b.id) }
        let l = UInt64(max(0, a.need)).multipliedFullWidth(by: UInt64(b.cost))
        let r = UInt64(max(0, b.need)).multipliedFullWidth(by: UInt64(a.cost))
        if l.high != r.high { return l.high > r.high }
        if l.low != r.low { return l.low > r.low }
        return a.id < b.id
      }
    }
  }

  /// Gives the insats what is `left`, pro rata to its items' requests.
  private func fundRemainder(
    _ g: Candidate, left: Int64, place: String, _ p: AllocationProblem, _ shares: inout [AllocationShare]
  ) throws(AllocationError) {
    let wf = try waterFill(
      budget: left, weights: g.items.map { p.items[$0].cap }, caps: g.items.map { p.items[$0].cap },
      method: LargestRemainder(), ties: p.ties, explain: p.explain)
    for (k, i) in g.items.enumerated() {
      guard p.explain else {  // without explanations waterFill keeps only the amounts
        shares[i] = AllocationShare(amount: wf.amounts[k], explanation: AllocationExplanation())
        continue
      }
      shares[i] = AllocationShare(
        amount: wf.amounts[k],
        explanation: AllocationExplanation(
          weight: ExactFraction(p.items[i].cap), weightBasis: "requested", quota: wf.quotas[k],
          rounding: wf.rounding[k], note: "\(place): gets the \(left) \(p.unit.symbol) left, pro rata"))
    }
  }
}

extension Fördelningsmodell where Self == PriorityOrderModel {
  /// The styrgrupp's ranking, funding fully, the last one partly.
  package static var priorityOrder: PriorityOrderModel { PriorityOrderModel() }
}
