import KraftsamlingCore

extension Apportionment {
  /// Creates the result of an ``ApportionmentMethod`` of your own, after
  /// checking what every apportionment promises: one amount per weight,
  /// none negative, adding up exactly to `total`.
  ///
  /// ```swift
  /// struct AllToFirst: ApportionmentMethod {   // a (bad) rule, to show the shape
  ///   var name: String { "all-to-first" }
  ///   var isHouseMonotone: Bool { true }
  ///   func apportion(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy)
  ///     throws(AllocationError) -> Apportionment {
  ///     let amounts = weights.indices.map { $0 == 0 ? total : 0 }
  ///     return try Apportionment(method: name, total: total, weights: weights, amounts: amounts, ties: ties)
  ///   }
  /// }
  /// try Apportionment(total: 5, weights: [1, 3, 2], method: AllToFirst()).amounts  // [5, 0, 0]
  /// ```
  ///
  /// - Parameters:
  ///   - method: The method's name (``ApportionmentMethod/name``).
  ///   - total: The units handed out (≥ 0).
  ///   - weights: The weights, in input order.
  ///   - amounts: The units per recipient, in input order.
  ///   - ties: The tie policy the method was called with.
  /// - Throws: ``AllocationError`` with code `allocation.invariant-violated`
  ///   naming the method and the first broken promise.
  /// - Complexity: O(*n*).
  public init(
    method: String, total: Int64, weights: [ApportionmentWeight], amounts: [Int64], ties: TiePolicy
  ) throws(AllocationError) {
    try Self.check(method: method, total: total, count: weights.count, amounts: amounts)
    self.init(method: method, total: total, weights: weights, amounts: amounts, tiePolicy: ties)
  }

  /// Throws unless `amounts` has `count` non-negative entries adding up to `total`.
  private static func check(method: String, total: Int64, count: Int, amounts: [Int64]) throws(AllocationError) {
    func broken(_ message: String, _ hint: String) -> AllocationError {
      AllocationError(.invariantViolated, "method \(method) \(message)", hint: hint)
    }
    guard total >= 0 else { throw broken("was given a negative total \(total)", "apportion zero or more units") }
    guard amounts.count == count else {
      throw broken("returned \(amounts.count) amounts for \(count) weights", "return one amount per weight")
    }
    var sum: Int64 = 0
    for (i, a) in amounts.enumerated() {
      guard a >= 0 else { throw broken("gave recipient \(i) a negative amount \(a)", "keep every amount at zero or more") }
      let (s, overflow) = sum.addingReportingOverflow(a)
      guard !overflow else { throw broken("returned amounts whose sum overflows", "keep every amount within the total") }
      sum = s
    }
    guard sum == total else {
      throw broken("handed out \(sum) of \(total) units", "make the amounts add up exactly to the total")
    }
  }
}
