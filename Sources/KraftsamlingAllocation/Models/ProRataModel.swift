import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// Pro rata: when the requests add up to more than the budget, every
/// request gets the same fraction of what it asked for.
///
/// Item *i* gets *budget · requestᵢ / Σ requests* units, rounded with
/// ``rounding`` so the parts add up exactly; when the budget covers every
/// request, each gets its request and the rest stays undistributed.
///
/// *When a city would choose it*: the neutral default when the styrgrupp
/// has already vetted every request and has no reason to prefer one: it
/// keeps the förvaltningar's own proportions and is easy to explain.
///
/// ```swift
/// // budget 6, requests 4, 2, 3 (sum 9): quotas 8/3, 4/3, 2
/// // hamilton: floors 2, 1, 2 (sum 5); remainders 2/3, 1/3, 0 → [3, 1, 2]
/// let f = try ProRataModel().allocate(input)
/// ```
///
/// - Complexity: O(*n* log *n*) for *n* items.
package struct ProRataModel: Fördelningsmodell {
  /// How quotas become whole units (default Hamilton, which stays within
  /// one unit of every quota).
  package var rounding: any ApportionmentMethod

  /// Creates the model.
  package init(rounding: any ApportionmentMethod = LargestRemainder()) { self.rounding = rounding }

  /// `pro-rata`.
  package var name: String { "pro-rata" }

  /// Divides in proportion to the requests.
  package func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
    try p.cappedProportional(weights: p.items.map(\.cap), basis: "requested", method: rounding)
  }
}

extension Fördelningsmodell where Self == ProRataModel {
  /// Pro rata of the requests, rounded by Hamilton.
  package static var proRata: ProRataModel { ProRataModel() }
}
