import Testing

import KraftsamlingKit
@testable import KraftsamlingAllocation

/// A method of a user's own: every unit to the first recipient.
private struct AllToFirst: ApportionmentMethod {
  var name: String { "all-to-first" }
  var isHouseMonotone: Bool { true }
  /// What the method hands back instead, to test the checks (`nil`: its real answer).
  var answer: [Int64]? = nil

  func apportion(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy) throws(AllocationError)
    -> Apportionment
  {
    let amounts = answer ?? weights.indices.map { $0 == 0 ? total : 0 }
    return try Apportionment(method: name, total: total, weights: weights, amounts: amounts, ties: ties)
  }
}

@Suite("An apportionment method of your own")
struct ApportionmentOwnMethodTests {
  @Test("its result is a checked Apportionment with exact quotas")
  func ownMethod() throws {
    let a = try Apportionment(total: 5, weights: [1, 3, 2], method: AllToFirst())
    #expect(a.amounts == [5, 0, 0])
    #expect(a.method == "all-to-first")
    // Quotas vᵢ · total / V = 5/6, 15/6, 10/6, whatever the method did.
    #expect(a.quotas == [ExactFraction(5, 6), ExactFraction(15, 6), ExactFraction(10, 6)])
    #expect(a.tie == nil)
    #expect(try Apportionment(total: 0, weights: [2, 2], method: AllToFirst()).amounts == [0, 0])
  }

  @Test("ApportionmentCheck tests it for the quota rule")
  func checked() throws {
    let a = try Apportionment(total: 5, weights: [1, 3, 2], method: AllToFirst())
    let check = try ApportionmentCheck(a, method: AllToFirst())
    // Quotas 5/6, 5/2, 5/3: 5 is above ⌈5/6⌉ = 1; 0 is below ⌊5/2⌋ = 2 and ⌊5/3⌋ = 1.
    #expect(check.upperQuotaViolations == [0])
    #expect(check.lowerQuotaViolations == [1, 2])
  }

  @Test(
    "a broken promise is an invariant error naming the method",
    arguments: [
      ([Int64(5)], "method all-to-first returned 1 amounts for 3 weights"),
      ([6, -1, 0], "method all-to-first gave recipient 1 a negative amount -1"),
      ([1, 1, 1], "method all-to-first handed out 3 of 5 units"),
      ([Int64.max, 1, 0], "method all-to-first returned amounts whose sum overflows"),
    ])
  func broken(amounts: [Int64], message: String) {
    let method = AllToFirst(answer: amounts)
    do {
      _ = try Apportionment(total: 5, weights: [1, 3, 2], method: method)
      Issue.record("expected an error for \(amounts)")
    } catch {
      #expect(error.code.rawValue == "allocation.invariant-violated")
      #expect(error.message == message)
      #expect(error.hint != nil)
    }
  }
}
