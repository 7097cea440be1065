import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// What an apportionment does to quota and to the next larger total: the
/// two classic ways an apportionment method can be unfair.
///
/// - **Quota.** Recipient *i*'s exact quota is *qᵢ = vᵢ·h/V*. An amount
///   below ⌊qᵢ⌋ violates the *lower quota*, one above ⌈qᵢ⌉ the *upper
///   quota*. Hamilton never violates quota; divisor methods can (D'Hondt
///   favours large recipients and may exceed the upper quota; Adams favours
///   small ones and may fall below the lower quota).
/// - **Alabama paradox.** Whether apportioning *h + 1* units with the same
///   method and tie policy would give some recipient *fewer* units than
///   with *h*. Divisor methods are house monotone and never do; Hamilton can
///   (the 1880 U.S. census: Alabama got 8 seats of 299 but 7 of 300).
///
/// ```swift
/// let m = LargestRemainder()
/// let a = try m.apportion([6, 6, 2], total: 10, ties: .inputOrder)
/// let c = try ApportionmentCheck(a, method: m)
/// c.isWithinQuota             // true
/// c.alabamaLosersAtNextTotal  // [2]: with 11 units recipient 2 gets 1 instead of 2
/// ```
///
/// - Complexity: one more apportionment (O(*n* log *n*)) plus O(*n*).
public struct ApportionmentCheck: Sendable, Hashable, Codable {
  /// Recipients (0-based) with fewer units than the floor of their quota.
  public package(set) var lowerQuotaViolations: [Int]
  /// Recipients (0-based) with more units than the ceiling of their quota.
  public package(set) var upperQuotaViolations: [Int]
  /// Recipients (0-based) that would get fewer units if the total were one
  /// larger: the Alabama paradox. Empty for house-monotone methods.
  public package(set) var alabamaLosersAtNextTotal: [Int]
  /// The amounts the method gives with one unit more.
  package var amountsAtNextTotal: [Int64]

  /// Whether every amount is within its quota.
  public var isWithinQuota: Bool { lowerQuotaViolations.isEmpty && upperQuotaViolations.isEmpty }

  /// Checks `apportionment`, which `method` made.
  ///
  /// The comparison at *h + 1* uses the same tie policy; with
  /// ``TiePolicy/error`` a tie at *h + 1* is broken by input order instead,
  /// since the question is whether *any* recipient could lose.
  ///
  /// - Throws: ``AllocationError`` if the method fails at *h + 1*.
  public init(_ apportionment: Apportionment, method: some ApportionmentMethod) throws(AllocationError) {
    var lower: [Int] = []
    var upper: [Int] = []
    for (i, q) in apportionment.quotas.enumerated() {
      let a = ExactFraction(apportionment.amounts[i])
      if a < q && (q - a) >= ExactFraction(1) { lower.append(i) }
      if q < a && (a - q) >= ExactFraction(1) { upper.append(i) }
    }
    lowerQuotaViolations = lower
    upperQuotaViolations = upper
    let policy: TiePolicy = apportionment.tiePolicy == .error ? .inputOrder : apportionment.tiePolicy
    let (next, o) = apportionment.total.addingReportingOverflow(1)
    if o {
      throw AllocationError(.overflow, "the total is too large to check the next total", context: "total")
    }
    let bigger = try method.apportion(apportionment.weights, total: next, ties: policy)
    amountsAtNextTotal = bigger.amounts
    alabamaLosersAtNextTotal = apportionment.amounts.indices.filter { bigger.amounts[$0] < apportionment.amounts[$0] }
  }
}
