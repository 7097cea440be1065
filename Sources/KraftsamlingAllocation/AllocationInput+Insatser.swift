import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

extension AllocationInput {
  /// The statuses whose insatser are allocated by default: submitted,
  /// recommended, granted and ongoing (drafts, refused and finished ones are not).
  @usableFromInline package static let defaultStatuses: Set<Beslutsstatus> = [.inlämnad, .tillstyrkt, .beviljad, .pågående]

  /// An insats left out of an allocation, and why.
  public struct Exclusion: Sendable, Hashable, Codable {
    /// The insats.
    public var insatsID: String
    /// Why it is not allocated, in English.
    public var reason: String
    /// Creates an exclusion.
    package init(insatsID: String, reason: String) {
      self.insatsID = insatsID
      self.reason = reason
    }
  }

  /// The funding requests of insatser, as the allocation stage takes them:
  /// only insatser whose status is in `statuses` and, when `verdicts` are
  /// given, that are eligible; each with the need and target population of
  /// its areas from `need`.
  ///
  /// ```swift
  /// let verdicts = RuleSet.stk2024_1374().evaluate(insatser, in: context)
  /// let (input, excluded) = try AllocationInput.from(
  ///   insatser: insatser, verdicts: verdicts, need: IndexNeedSource(result: index, table: table),
  ///   budget: Belopp(kronor: 6_000_000))
  /// ```
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - verdicts: Their eligibility verdicts (same order), or `nil` to skip the check.
  ///   - statuses: The statuses allocated; default ``defaultStatuses``.
  ///   - need: Where need and target population come from.
  ///   - budget: The budget.
  ///   - constraints: Minimum per insats, floors and caps.
  ///   - unit: The unit amounts are whole in.
  ///   - ties: The tie policy of the rounding.
  /// - Returns: The input and the insatser left out with their reasons.
  /// - Throws: ``MoneyError`` if a sum of budget lines overflows.
  /// - Complexity: O(*b*) for *b* budget lines in all.
  public static func from(
    insatser: [Insats], verdicts: [EligibilityVerdict]?, statuses: Set<Beslutsstatus> = defaultStatuses,
    need: any NeedSource, budget: Belopp, constraints: AllocationConstraints = AllocationConstraints(),
    unit: MoneyUnit = .kr, ties: TiePolicy = .inputOrder
  ) throws(MoneyError) -> (input: AllocationInput, excluded: [Exclusion]) {
    var requests: [FundingRequest] = []
    var excluded: [Exclusion] = []
    for (i, insats) in insatser.enumerated() {
      guard statuses.contains(insats.status) else {
        excluded.append(Exclusion(insatsID: insats.id, reason: "status \(insats.status.rawValue) is not allocated"))
        continue
      }
      if let verdicts, i < verdicts.count, !verdicts[i].isEligible {
        let rules = verdicts[i].failures.map(\.ruleID).joined(separator: ", ")
        excluded.append(Exclusion(insatsID: insats.id, reason: "not eligible under \(verdicts[i].ruleSet) (\(rules))"))
        continue
      }
      let (n, population) = need.need(ofAreas: insats.areas)
      requests += try FundingRequest.requests(from: insats, need: n, targetPopulation: population)
    }
    return (
      AllocationInput(budget: budget, requests: requests, constraints: constraints, unit: unit, ties: ties), excluded
    )
  }
}
