/// A model that gives the amounts of ``Fördelningsmodell/distribute(_:)``
/// without building an ``AllocationProblem`` or explanations: the fast path
/// of the rounds of ``PeriodAllocation/amounts()``, which the robustness
/// analysis of an allocation runs for every replication and which keeps
/// only the amounts.
///
/// A conforming model must give exactly the amounts `distribute` gives the
/// problem of the same items, budget and tie policy (tests compare them).
package protocol AmountDistributing: Sendable {
  /// The amounts of the items at positions `free` of `items` (in that
  /// order) when `budget` units are divided under `ties`.
  ///
  /// - Throws: The errors `distribute` throws for that problem.
  func amounts(_ items: [AllocationItem], free: [Int], budget: Int64, ties: TiePolicy) throws(AllocationError) -> [Int64]
}
