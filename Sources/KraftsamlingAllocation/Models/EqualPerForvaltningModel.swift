import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Equal per förvaltning: every participating förvaltning gets the same
/// share of the budget (never more than it asked for in total; the surplus
/// of a förvaltning that asked for less is shared equally by the others);
/// within a förvaltning the money follows its requests pro rata.
///
/// *When a city would choose it*: when the point is joint ownership —
/// every förvaltning that signs up carries an equal part — or as a
/// baseline to show how far other models move money between förvaltningar.
///
/// ```swift
/// // budget 9, GRF asks 2 (one insats), FRI asks 4 + 4 (two insatser):
/// // equal shares 9/2 each; GRF capped at 2, FRI gets 7;
/// // FRI's 7 pro rata to 4, 4 → 7/2, 7/2 → hamilton [4, 3] → [2, 4, 3]
/// ```
///
/// - Complexity: O(*n* log *n*) for *n* items.
package struct EqualPerFörvaltningModel: Fördelningsmodell {
  /// How quotas become whole units.
  package var rounding: any ApportionmentMethod

  /// Creates the model.
  package init(rounding: any ApportionmentMethod = LargestRemainder()) { self.rounding = rounding }

  /// `equal-per-forvaltning`.
  package var name: String { "equal-per-forvaltning" }

  /// Divides equally per förvaltning, then pro rata within it.
  package func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    var förv: [String] = []
    var index: [String: Int] = [:]
    var caps: [Int64] = []
    for it in p.items where it.cap > 0 && index[it.förvaltningID] == nil {
      index[it.förvaltningID] = förv.count
      förv.append(it.förvaltningID)
      caps.append(0)
    }
    förv.sort()
    for (k, f) in förv.enumerated() { index[f] = k }
    caps = Array(repeating: 0, count: förv.count)
    for it in p.items where it.cap > 0 { caps[index[it.förvaltningID]!] += it.cap }
    var members = [[Int]](repeating: [], count: förv.count)
    for (i, it) in p.items.enumerated() where it.cap > 0 { members[index[it.förvaltningID]!].append(i) }
    var shares = p.items.map { _ in AllocationShare(amount: 0, explanation: AllocationExplanation(note: "nothing requested")) }
    if förv.isEmpty { return shares }
    let stage1 = try waterFill(
      budget: p.budget, weights: förv.map { _ in 1 }, caps: caps, method: rounding, ties: p.ties,
      explain: p.explain)
    for (k, f) in förv.enumerated() {
      let mine = members[k]
      let stage2 = try waterFill(
        budget: stage1.amounts[k], weights: mine.map { p.items[$0].cap }, caps: mine.map { p.items[$0].cap },
        method: rounding, ties: p.ties, explain: p.explain)
      guard p.explain else {
        for (j, i) in mine.enumerated() {
          shares[i] = AllocationShare(amount: stage2.amounts[j], explanation: AllocationExplanation())
        }
        continue
      }
      let fShare = stage1.quotas[k].map { "\($0.decimalText(decimals: 2))" } ?? "0"
      for (j, i) in mine.enumerated() {
        var e = AllocationExplanation(
          weight: ExactFraction(p.items[i].cap), weightBasis: "requested, within \(f)", quota: stage2.quotas[j],
          rounding: stage2.rounding[j],
          constraints: stage1.notes[k].map { "förvaltning \(f): \($0)" } + stage2.notes[j],
          note: "\(f) gets an equal share 1/\(förv.count) of the budget: \(fShare) → \(stage1.amounts[k]) \(p.unit.symbol)")
        if let r = stage1.rounding[k] { e.constraints.insert("förvaltning \(f): \(r)", at: 0) }
        shares[i] = AllocationShare(amount: stage2.amounts[j], explanation: e)
      }
    }
    return shares
  }
}

extension Fördelningsmodell where Self == EqualPerFörvaltningModel {
  /// An equal share per participating förvaltning.
  package static var equalPerFörvaltning: EqualPerFörvaltningModel { EqualPerFörvaltningModel() }
}
