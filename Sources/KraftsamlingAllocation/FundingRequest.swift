import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// One förvaltning's request for money for one approved insats (optionally
/// for one year): the unit that a ``Fördelningsmodell`` allocates to.
///
/// This is the allocation stage's own small input type, so that it does not
/// depend on the insatser model: an adapter from `Insats` only has to emit
/// one `FundingRequest` per (insats, förvaltning, year) budget line, copying
/// the insats's need score, target population and styrgrupp rank.
///
/// ```swift
/// let r = FundingRequest(insatsID: "I-01", förvaltningID: "GRF", year: 2026,
///                        requested: try .tkr(1_500), need: 2.4, targetPopulation: 1_200)
/// ```
public struct FundingRequest: Sendable, Hashable, Codable {
  /// The insats (intervention) id.
  public var insatsID: String
  /// The requesting förvaltning, as an ``Aktör`` id (e.g. `GRF`).
  public var förvaltningID: String
  /// The budget year, or `nil` for a request that is not split by year.
  public var year: Int?
  /// The amount requested (non-negative, exact kronor).
  public var requested: Belopp
  /// The need score of the insats's target area(s), e.g. the utsatthetsindex
  /// of its delområden (non-negative; higher = more need). Used by
  /// need-based models; converted exactly to millionths
  /// (round half away from zero) before any arithmetic.
  public var need: Double?
  /// The size of the target population (e.g. children 0–18 in the target
  /// delområden). Used by need-based models.
  public var targetPopulation: Int?
  /// The styrgrupp's rank of the insats (1 = first). Used by
  /// ``PriorityOrderModel``.
  package var priority: Int?

  /// Creates a request.
  public init(
    insatsID: String, förvaltningID: String, year: Int? = nil, requested: Belopp, need: Double? = nil,
    targetPopulation: Int? = nil, priority: Int? = nil
  ) {
    self.insatsID = insatsID
    self.förvaltningID = förvaltningID
    self.year = year
    self.requested = requested
    self.need = need
    self.targetPopulation = targetPopulation
    self.priority = priority
  }

  /// The canonical order: insats, förvaltning, year (no year first).
  static func canonicalLess(_ a: FundingRequest, _ b: FundingRequest) -> Bool {
    if a.insatsID != b.insatsID { return a.insatsID < b.insatsID }
    if a.förvaltningID != b.förvaltningID { return a.förvaltningID < b.förvaltningID }
    return (a.year ?? Int.min) < (b.year ?? Int.min)
  }
}

/// Limits every allocation must respect, whatever the model.
///
/// ```swift
/// var c = AllocationConstraints()              // minimum 1 000 000 kr per insats
/// c.caps["GRF"] = try .msek(5)                 // Grundskoleförvaltningen at most 5 MSEK
/// c.floors["FRF"] = try .tkr(500)              // Fritidsförvaltningen at least 500 tkr
/// ```
public struct AllocationConstraints: Sendable, Hashable, Codable {
  /// An insats whose total funding ends up above zero but below this is
  /// dropped and its money redistributed (STK-2024-1374: at least 1 million
  /// kr). Zero disables the rule.
  package var minimumPerInsats: Belopp
  /// How insatser below the minimum are dropped.
  package var minimumRule: MinimumRule
  /// Per förvaltning (Aktör id): at least this much in total (or all it
  /// requested, if less). Counted in whole allocation units, rounded down.
  public var floors: [String: Belopp]
  /// Per förvaltning (Aktör id): at most this much in total. Counted in
  /// whole allocation units, rounded down.
  public var caps: [String: Belopp]

  /// How insatser funded below the minimum are dropped.
  public enum MinimumRule: String, Sendable, Hashable, Codable {
    /// Order the insatser below the minimum by their funding, lowest first
    /// (ties: smallest insats id), and drop the shortest prefix of that
    /// order after which every remaining funded insats reaches the minimum;
    /// then check again. Money freed by the lowest lifts the others, so only
    /// as many are dropped as needed. For models in which dropping an insats
    /// never lowers another's funding (all the proportional built-in
    /// models) the prefix is found by binary search in O(log *k*) runs.
    case lowestFirst = "lowest-first"
    /// Drop every insats below the minimum at once, re-run, repeat. Faster,
    /// may drop insatser that the redistribution would have lifted.
    case allAtOnce = "all-at-once"
  }

  /// Creates constraints; by default the 1 000 000 kr minimum, no floors
  /// and no caps.
  public init(
    minimumPerInsats: Belopp = .enMiljon, minimumRule: MinimumRule = .lowestFirst, floors: [String: Belopp] = [:],
    caps: [String: Belopp] = [:]
  ) {
    self.minimumPerInsats = minimumPerInsats
    self.minimumRule = minimumRule
    self.floors = floors
    self.caps = caps
  }
}

/// Everything an allocation needs: the budget, the requests, who approves
/// what, the constraints, the unit and the tie policy.
///
/// ```swift
/// let input = AllocationInput(budget: try .msek(10), requests: requests)
/// let f = try NeedWeightedModel().allocate(input)
/// ```
public struct AllocationInput: Sendable, Hashable, Codable {
  /// The total budget (used when ``budgetPerYear`` is `nil`).
  public var budget: Belopp
  /// Separate budgets per year. When set, each year's requests are
  /// allocated from that year's budget independently (and ``budget`` is
  /// ignored); every request must then have a year.
  package var budgetPerYear: [Int: Belopp]?
  /// The approved insatser's requests, one per (insats, förvaltning, year).
  public var requests: [FundingRequest]
  /// For the Method of Equal Shares: which insatser each förvaltning's
  /// styrgrupp representative approves (förvaltning id → insats ids). When
  /// `nil`, each requesting förvaltning approves the insatser it requests
  /// money for.
  public var approvals: [String: [String]]?
  /// The constraints.
  public var constraints: AllocationConstraints
  /// The unit amounts are allocated in (the budget must be a whole number
  /// of it); requests are counted in whole units, rounded down.
  package var unit: MoneyUnit
  /// The tie policy for every rounding step (on requests in canonical
  /// order: insats, förvaltning, year).
  public var ties: TiePolicy

  /// Creates an input.
  public init(
    budget: Belopp, budgetPerYear: [Int: Belopp]? = nil, requests: [FundingRequest],
    approvals: [String: [String]]? = nil, constraints: AllocationConstraints = AllocationConstraints(),
    unit: MoneyUnit = .kr, ties: TiePolicy = .inputOrder
  ) {
    self.budget = budget
    self.budgetPerYear = budgetPerYear
    self.requests = requests
    self.approvals = approvals
    self.constraints = constraints
    self.unit = unit
    self.ties = ties
  }
}
