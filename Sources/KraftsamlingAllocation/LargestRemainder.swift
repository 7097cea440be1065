import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The largest remainder method with the Hare quota (Hamilton,
/// Hare–Niemeyer): every recipient gets the whole part of its quota
/// *qᵢ = vᵢ·h/V*, and the units left over go one each to the largest
/// remainders.
///
/// It always stays *within quota* (each amount is ⌊qᵢ⌋ or ⌈qᵢ⌉) but is not
/// house monotone: a larger total can give a recipient less (the Alabama
/// paradox, see ``ApportionmentCheck``).
///
/// ```swift
/// let a = try Apportionment(total: 10, weights: [6, 3, 1], method: .hamilton)
/// // quotas 6, 3, 1 → [6, 3, 1]
/// let b = try Apportionment(total: 4, weights: [5, 3, 2], method: .hamilton)
/// // quotas 2, 6/5, 4/5: floors 2, 1, 0 (sum 3); remainders 0, 1/5, 4/5 → [2, 1, 1]
/// ```
///
/// Remainders are compared exactly: all have the denominator *V*, so the
/// integers *(vᵢ·h) mod V* are compared (128-bit products).
///
/// - Complexity: O(*n* log *n*) for *n* recipients, whatever the total.
/// - Reference: A. Hamilton (1792); `apportionment.methods.largest_remainder`
///   (Lackner, v1.0), whose tie handling (`tiesallowed=True`: input order)
///   is ``TiePolicy/inputOrder``.
public struct LargestRemainder: ApportionmentMethod, Hashable, Codable {
  /// Creates the method.
  public init() {}
  /// `hamilton`.
  public var name: String { "hamilton" }
  /// False: Hamilton can show the Alabama paradox.
  public var isHouseMonotone: Bool { false }

  /// Apportions by largest remainders. See ``ApportionmentMethod/apportion(_:total:ties:)``.
  public func apportion(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy) throws(AllocationError)
    -> Apportionment
  {
    if let empty = try trivialApportionment(weights, total: total, ties: ties) { return empty }
    let (v, sum) = try ApportionmentWeight.scaled(weights)
    let (amounts, tie) = try Self.core(v, sum: sum, total: UInt64(total), ties: ties)
    return Apportionment(method: name, total: total, weights: weights, amounts: amounts, tiePolicy: ties, tie: tie)
  }

  static func core(_ v: [UInt64], sum: UInt64, total h: UInt64, ties: TiePolicy) throws(AllocationError)
    -> ([Int64], ApportionmentTie?)
  {
    let n = v.count
    var amounts = [Int64](repeating: 0, count: n)
    var remainders = [UInt64](repeating: 0, count: n)
    var assigned: UInt64 = 0
    for i in 0..<n where v[i] > 0 {
      // v[i] ≤ sum, so v[i]·h / sum ≤ h < 2^63 and the high word is < sum.
      let p = v[i].multipliedFullWidth(by: h)
      let (q, r) = sum.dividingFullWidth(p)
      amounts[i] = Int64(q)
      remainders[i] = r
      assigned += q
    }
    let left = Int(h - assigned)  // < n: the remainders sum to left·V with each < V
    if left == 0 { return (amounts, nil) }
    let cutoff = Self.largest(left, of: remainders)
    var tied: [Int] = []
    var sure = 0
    for i in 0..<n {
      if remainders[i] > cutoff {
        amounts[i] += 1
        sure += 1
      } else if remainders[i] == cutoff {
        tied.append(i)
      }
    }
    let need = left - sure
    let chosen = try ties.choose(need, from: tied, what: "unit(s)")
    for i in chosen { amounts[i] += 1 }
    return (amounts, tied.count > need ? ApportionmentTie(tied: tied, favoured: chosen) : nil)
  }

  /// The `k`-th largest of `values` (1-based, counting equal values
  /// separately): the remainder a unit must beat. Hoare selection around the
  /// middle element, expected O(*n*) instead of sorting.
  static func largest(_ k: Int, of values: [UInt64]) -> UInt64 {
    var a = values
    let target = k - 1
    var lo = 0
    var hi = a.count - 1
    while lo < hi {
      let pivot = a[(lo + hi) / 2]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] > pivot { i += 1 }
        while a[j] < pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if target <= j {
        hi = j
      } else if target >= i {
        lo = i
      } else {
        return a[target]
      }
    }
    return a[target]
  }
}
