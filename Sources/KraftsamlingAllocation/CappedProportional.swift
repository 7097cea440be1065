import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

extension AllocationProblem {
  /// Divides `budget` in proportion to `weights`, never giving an item more
  /// than its cap; what a capped item cannot take is shared among the
  /// others in proportion to their weights ("water-filling"), and the final
  /// amounts are rounded to whole units with `method` so they add up exactly.
  ///
  /// Every item gets *min(capᵢ, λ·wᵢ)* for the one multiplier *λ* that
  /// spends the budget (or its cap, if the caps together are less than the
  /// budget). The exact algorithm: with *R* the budget left and *W* the
  /// weight of the uncapped items, cap at once every item with
  /// *R·wᵢ ≥ capᵢ·W* (such an item stays capped, since *λ* only grows as
  /// items are capped); repeat until none is capped; then apportion *R*
  /// among the rest by `method`. A divisor method can round an item above
  /// its cap; that item is capped and the loop repeats. Each round caps at
  /// least one item, so there are at most *n* rounds.
  ///
  /// ```swift
  /// // budget 10, weights 5, 3, 2, caps 2, 10, 10:
  /// // 10·5/10 = 5 ≥ 2 → item 0 capped at 2; 8 left over weights 3, 2 → 24/5, 16/5
  /// // Hamilton: ⌊4.8⌋ + 1 = 5, ⌊3.2⌋ = 3 → [2, 5, 3]
  /// ```
  ///
  /// - Parameters:
  ///   - weights: Non-negative weights, one per item.
  ///   - basis: What the weights are, for the explanation (e.g. `requested`).
  ///   - budget: The units to divide (default: the problem's budget).
  ///   - caps: The caps (default: the items' caps).
  ///   - method: The rounding method (default Hamilton).
  /// - Returns: One share per item.
  /// - Throws: `.weightsAllZero` when every item with a positive cap has
  ///   weight zero and the budget does not cover all requests; `.overflow`.
  /// - Complexity: O(*r*·*n* log *n*) for *n* items and *r* ≤ *n* capping rounds.
  public func cappedProportional(
    weights: [Int64], basis: String, budget: Int64? = nil, caps: [Int64]? = nil,
    method: some ApportionmentMethod = LargestRemainder()
  ) throws(AllocationError) -> [AllocationShare] {
    let r = try waterFill(
      budget: budget ?? self.budget, weights: weights, caps: caps ?? items.map(\.cap), method: method, ties: ties,
      explain: explain)
    return explain ? r.shares(basis: basis) : r.amounts.map { AllocationShare(amount: $0, explanation: AllocationExplanation()) }
  }
}

/// The outcome of ``waterFill(budget:weights:caps:method:ties:)``.
struct WaterFill {
  var amounts: [Int64]
  var quotas: [ExactFraction?]
  var weights: [Int64]
  var notes: [[String]]
  var rounding: [String?]

  func shares(basis: String) -> [AllocationShare] {
    amounts.indices.map { i in
      AllocationShare(
        amount: amounts[i],
        explanation: AllocationExplanation(
          weight: ExactFraction(weights[i]), weightBasis: basis, quota: quotas[i], rounding: rounding[i],
          constraints: notes[i]))
    }
  }
}

/// Capped proportional division with exact rounding; see
/// ``AllocationProblem/cappedProportional(weights:basis:budget:caps:method:)``.
func waterFill(
  budget: Int64, weights: [Int64], caps: [Int64], method: some ApportionmentMethod, ties: TiePolicy,
  explain: Bool = true
) throws(AllocationError) -> WaterFill {
  let n = weights.count
  // Without explanations only the amounts are kept (every other write is behind `explain`).
  let explained = explain ? n : 0
  var result = WaterFill(
    amounts: Array(repeating: 0, count: n), quotas: Array(repeating: nil, count: explained), weights: weights,
    notes: Array(repeating: [], count: explained), rounding: Array(repeating: nil, count: explained))
  if budget < 0 {
    throw AllocationError(.negativeBudget, "negative budget \(budget)", hint: "give a budget of zero or more", context: "budget")
  }
  let (totalCap, anyWeight) = try WaterFill.totalCap(weights: weights, caps: caps)
  if totalCap <= budget {
    result.grantFullRequests(caps: caps, explain: explain)
    return result
  }
  if !anyWeight {
    throw AllocationError(
      .weightsAllZero, "every request has weight zero, so the budget cannot be divided in proportion",
      hint: "give need scores and target populations, or choose another model", context: "weights")
  }
  var active = (0..<n).filter { caps[$0] > 0 && weights[$0] > 0 }
  for i in 0..<n where explain && caps[i] > 0 && weights[i] == 0 { result.notes[i].append("weight 0: nothing") }
  var remaining = budget
  var isCapped = [Bool](repeating: false, count: n)  // items taken out of `active`, capped
  while !active.isEmpty {
    let capped = try result.capProportionalShares(active, remaining: &remaining, caps: caps, explain: explain)
    if !capped.isEmpty {
      for i in capped { isCapped[i] = true }
      active.removeAll { isCapped[$0] }
      continue
    }
    let a = try method.apportion(active.map { ApportionmentWeight(weights[$0]) }, total: remaining, ties: ties)
    let over = result.capRoundedAboveCap(active, a, remaining: &remaining, caps: caps, explain: explain)
    if !over.isEmpty {
      for i in over { isCapped[i] = true }
      active.removeAll { isCapped[$0] }
      continue
    }
    result.take(a, for: active, ties: ties, explain: explain)
    break
  }
  return result
}

extension WaterFill {
  /// The sum of the positive caps, and whether an item with a positive cap
  /// has a positive weight.
  ///
  /// - Throws: `.negativeWeight`, or `.overflow` when the caps add up to
  ///   more than 64 bits hold.
  static func totalCap(weights: [Int64], caps: [Int64]) throws(AllocationError) -> (total: Int64, anyWeight: Bool) {
    var totalCap: Int64 = 0
    var anyWeight = false
    for i in 0..<weights.count {
      if weights[i] < 0 {
        throw AllocationError(.negativeWeight, "weight \(weights[i]) is negative", hint: "weights must be zero or positive")
      }
      let (s, o) = totalCap.addingReportingOverflow(max(0, caps[i]))
      if o { throw AllocationError(.overflow, "the requests add up to more than 9.2·10¹⁸ units", hint: "use a larger unit") }
      totalCap = s
      if caps[i] > 0 && weights[i] > 0 { anyWeight = true }
    }
    return (totalCap, anyWeight)
  }

  /// Gives every item its whole cap, when the budget covers them all.
  mutating func grantFullRequests(caps: [Int64], explain: Bool) {
    for i in caps.indices where caps[i] > 0 {
      amounts[i] = caps[i]
      if explain {
        quotas[i] = ExactFraction(caps[i])
        notes[i].append("full request (the budget covers every request)")
      }
    }
  }

  /// Caps every active item whose exact proportional share of `remaining`
  /// reaches its cap, taking the caps from `remaining`.
  ///
  /// - Returns: The items capped.
  /// - Throws: `.overflow` when the weights add up to more than 64 bits hold.
  mutating func capProportionalShares(
    _ active: [Int], remaining: inout Int64, caps: [Int64], explain: Bool
  ) throws(AllocationError) -> [Int] {
    // (Through buffer pointers: this loop runs for every round of every
    // allocation of a robustness analysis.)
    let (w, overflow) = weights.withUnsafeBufferPointer { wp in
      var w: Int64 = 0
      for i in active {
        let (s, o) = w.addingReportingOverflow(wp[i])
        if o { return (w, true) }
        w = s
      }
      return (w, false)
    }
    if overflow { throw AllocationError(.overflow, "the weights add up to more than 9.2·10¹⁸", hint: "use smaller weights") }
    let wU = UInt64(w), rU = UInt64(remaining)
    var newlyCapped: [Int] = []
    weights.withUnsafeBufferPointer { wp in
      caps.withUnsafeBufferPointer { cp in
        for i in active {
          let lhs = rU.multipliedFullWidth(by: UInt64(wp[i]))
          let rhs = UInt64(cp[i]).multipliedFullWidth(by: wU)
          if lhs.high > rhs.high || (lhs.high == rhs.high && lhs.low >= rhs.low) { newlyCapped.append(i) }
        }
      }
    }
    for i in newlyCapped {
      amounts[i] = caps[i]
      remaining -= caps[i]
      guard explain else { continue }
      let q = ExactFraction(ExactInteger(rU) * ExactInteger(weights[i]), ExactInteger(w))
      quotas[i] = q
      notes[i].append("capped at the request (proportional share \(q.decimalText(decimals: 2)) ≥ \(caps[i]))")
    }
    return newlyCapped
  }

  /// Caps every active item that the rounding `a` put above its cap,
  /// taking the caps from `remaining`.
  ///
  /// - Returns: The items capped.
  mutating func capRoundedAboveCap(
    _ active: [Int], _ a: Apportionment, remaining: inout Int64, caps: [Int64], explain: Bool
  ) -> [Int] {
    let quotas = explain ? a.quotas : []
    var over: [Int] = []
    for (k, i) in active.enumerated() where a.amounts[k] > caps[i] { over.append(k) }
    for k in over {
      let i = active[k]
      amounts[i] = caps[i]
      remaining -= caps[i]
      guard explain else { continue }
      self.quotas[i] = quotas[k]
      notes[i].append("capped at the request after \(a.method) rounding gave \(a.amounts[k])")
    }
    return over.map { active[$0] }
  }

  /// Takes the amounts of the rounding `a` for the active items, with
  /// their quotas and how each was rounded.
  mutating func take(_ a: Apportionment, for active: [Int], ties: TiePolicy, explain: Bool) {
    let quotas = explain ? a.quotas : []
    let favoured = Set(a.tie?.favoured ?? [])
    let tied = Set(a.tie?.tied ?? [])
    for (k, i) in active.enumerated() {
      amounts[i] = a.amounts[k]
      guard explain else { continue }
      self.quotas[i] = quotas[k]
      rounding[i] = roundingText(method: a.method, quota: quotas[k], amount: a.amounts[k],
        tie: tied.contains(k) ? (favoured.contains(k) ? "won" : "lost") : nil, policy: ties)
    }
  }
}

/// `hamilton: ⌊q⌋ = 12, +1 → 13`.
func roundingText(method: String, quota: ExactFraction, amount: Int64, tie: String?, policy: TiePolicy) -> String {
  let f = quota.floor
  var text: String
  if quota.isWhole {
    text = "\(method): exact \(f)"
  } else if let fl = Int64(f) {
    let d = amount - fl
    text = "\(method): ⌊quota⌋ = \(f), \(d >= 0 ? "+" : "")\(d) → \(amount)"
  } else {
    text = "\(method): → \(amount)"
  }
  if let tie { text += " (tie \(tie) by policy \(policy))" }
  return text
}
