import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Need-weighted: money in proportion to need score × target population,
/// never more than requested; what a capped request cannot take goes to the
/// others, again by need.
///
/// Item *i*'s weight is *needᵢ · populationᵢ* (need in exact millionths).
/// Requests without need data get the **average** weight of those with it
/// (as SCB's socio-economic school allocation gives small units the
/// average), or zero with ``MissingNeed/zero``. The division is capped
/// proportional (see ``AllocationProblem/cappedProportional(weights:basis:budget:caps:method:)``).
///
/// *When a city would choose it*: when the goal is to follow the index —
/// money where the utsatthet is and where the children are — and the
/// requests are trusted as upper limits, not as the measure of need.
///
/// ```swift
/// // budget 10, needs 2, 1, 1, populations 100, 100, 200, requests 3, 10, 10
/// // weights 200, 100, 200 (sum 500): 10·200/500 = 4 ≥ 3 → item 0 capped at 3;
/// // 7 left over weights 100, 200 → 7/3, 14/3 → hamilton [2, 5] → [3, 2, 5]
/// ```
///
/// - Complexity: O(*r*·*n* log *n*) for *n* items and *r* capping rounds.
/// - Reference: SCB, *Socioekonomiskt index för skolor* (allocation
///   ∝ index × pupils).
public struct NeedWeightedModel: Fördelningsmodell {
  /// What a request without need score or population weighs.
  public enum MissingNeed: String, Sendable, Hashable, Codable {
    /// The average weight of the requests with need data.
    case average
    /// Nothing.
    case zero
  }
  /// What a request without need data weighs.
  package var missingNeed: MissingNeed
  /// How quotas become whole units.
  package var rounding: any ApportionmentMethod

  /// Creates the model.
  public init(missingNeed: MissingNeed = .average, rounding: any ApportionmentMethod = LargestRemainder()) {
    self.missingNeed = missingNeed
    self.rounding = rounding
  }

  /// `need-weighted`.
  public var name: String { "need-weighted" }

  /// Divides in proportion to need × population, capped at the requests.
  public func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    let w = try p.needWeights(missing: missingNeed)
    return try p.cappedProportional(weights: w, basis: "need × population (need in millionths)", method: rounding)
  }
}

extension Fördelningsmodell where Self == NeedWeightedModel {
  /// Need × population, capped at the requests.
  package static var needWeighted: NeedWeightedModel { NeedWeightedModel() }
}

extension AllocationProblem {
  /// The need weights *needᵢ (millionths) · populationᵢ*; items without
  /// data get the exact average (all weights are then multiplied by the
  /// number of items with data, so the average is a whole number) or zero.
  ///
  /// - Throws: `.invalidRequest` when no item has need data; `.overflow`.
  public func needWeights(missing: NeedWeightedModel.MissingNeed) throws(AllocationError) -> [Int64] {
    try Self.needWeights(items, at: nil, missing: missing)
  }

  /// ``needWeights(missing:)`` of the items at `positions` (all when
  /// `nil`): a problem's items, or the free items of a period, read in
  /// place.
  static func needWeights(
    _ items: [AllocationItem], at positions: [Int]?, missing: NeedWeightedModel.MissingNeed
  ) throws(AllocationError) -> [Int64] {
    let count = positions?.count ?? items.count
    var raw = [Int64?](repeating: nil, count: count)
    var known: Int64 = 0
    var sum: Int64 = 0
    for i in 0..<count {
      let p = positions?[i] ?? i
      guard let n = items[p].needMillionths, let pop = items[p].targetPopulation else { continue }
      let (w, o) = n.multipliedReportingOverflow(by: pop)
      let (s, o2) = sum.addingReportingOverflow(w)
      if o || o2 {
        throw AllocationError(.overflow, "need × population is too large for \(items[p].insatsID)",
          hint: "scale the need score down (e.g. to 0–100)", context: items[p].insatsID)
      }
      raw[i] = w
      sum = s
      known += 1
    }
    if known == 0 && count > 0 {
      throw AllocationError(
        .invalidRequest, "no request has both a need score and a target population",
        hint: "give need and targetPopulation, or use the pro-rata model", context: "need")
    }
    return try raw.map { (w: Int64?) throws(AllocationError) -> Int64 in
      if let w {
        if missing == .zero { return w }
        let (x, o) = w.multipliedReportingOverflow(by: known)
        if o { throw AllocationError(.overflow, "need weights are too large", hint: "scale the need score down") }
        return x
      }
      return missing == .zero ? 0 : sum
    }
  }
}

extension NeedWeightedModel: AmountDistributing {
  /// ``distribute(_:)``'s amounts, step for step, without building the
  /// problem or the explanations.
  package func amounts(_ items: [AllocationItem], free: [Int], budget: Int64, ties: TiePolicy) throws(AllocationError)
    -> [Int64]
  {
    let w = try AllocationProblem.needWeights(items, at: free, missing: missingNeed)
    return try waterFill(
      budget: budget, weights: w, caps: free.map { items[$0].cap }, method: rounding, ties: ties, explain: false
    ).amounts
  }
}
