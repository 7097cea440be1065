import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// A rule for dividing a budget among funding requests: a *fördelningsmodell*.
///
/// A model only decides the core division: given an ``AllocationProblem``
/// (a budget in whole units and the requests, each with its cap), it returns
/// one ``AllocationShare`` per item — whole units, never above the item's
/// cap, together at most the budget, with an explanation. Everything else is
/// done once for all models by ``allocate(_:)``: validation, canonical
/// order, per-year budgets and multi-year splits, the minimum per insats,
/// floors and caps per förvaltning, the invariant checks and the final
/// ``Fördelning``.
///
/// Built-in models: ``NeedWeightedModel``, and every model by name through
/// ``FördelningsmodellRegistry`` (`pro-rata`, `need-weighted`,
/// `equal-per-forvaltning`, `priority`, `base-plus-need`, `equal-shares`).
///
/// ```swift
/// struct EqualPerInsats: Fördelningsmodell {
///   var name: String { "equal-per-insats" }
///   func distribute(_ p: AllocationProblem) throws(AllocationError) -> [AllocationShare] {
///     try p.cappedProportional(weights: p.items.map { _ in 1 }, basis: "equal")
///   }
/// }
/// let f = try EqualPerInsats().allocate(input)
/// ```
public protocol Fördelningsmodell: Sendable {
  /// The model's name, e.g. `pro-rata`.
  var name: String { get }
  /// Divides `problem.budget` units among `problem.items`.
  ///
  /// - Returns: One share per item, in the same order; each amount between
  ///   0 and the item's cap, all together at most the budget.
  /// - Throws: ``AllocationError``.
  func distribute(_ problem: AllocationProblem) throws(AllocationError) -> [AllocationShare]
}

/// One thing to fund inside an ``AllocationProblem``: a förvaltning's part
/// of an insats (summed over years unless budgets are per year).
public struct AllocationItem: Sendable, Hashable, Codable {
  /// The insats id.
  public var insatsID: String
  /// The förvaltning id.
  public var förvaltningID: String
  /// The most this item may get, in whole units: its request.
  public package(set) var cap: Int64
  /// The need score, exactly in millionths (see ``FundingRequest/need``).
  package var needMillionths: Int64?
  /// The target population.
  public var targetPopulation: Int64?
  /// The styrgrupp rank (1 = first).
  public var priority: Int?

  /// Creates an item.
  package init(
    insatsID: String, förvaltningID: String, cap: Int64, needMillionths: Int64? = nil,
    targetPopulation: Int64? = nil, priority: Int? = nil
  ) {
    self.insatsID = insatsID
    self.förvaltningID = förvaltningID
    self.cap = cap
    self.needMillionths = needMillionths
    self.targetPopulation = targetPopulation
    self.priority = priority
  }
}

/// What a model is asked to divide: a budget in whole units over items in
/// canonical order (insats id, then förvaltning id).
public struct AllocationProblem: Sendable, Hashable {
  /// The budget in whole units.
  public var budget: Int64
  /// The unit (kr, tkr, MSEK).
  package var unit: MoneyUnit
  /// The items, in canonical order.
  public var items: [AllocationItem]
  /// Förvaltning id → approved insats ids (for approval-based models).
  public var approvals: [String: [String]]
  /// The förvaltningar taking part (voters of approval-based models), sorted.
  package var förvaltningar: [String]
  /// The tie policy for rounding.
  public var ties: TiePolicy
  /// The minimum per insats in whole units (rounded up; 0 = none). The
  /// engine enforces it by dropping insatser; a model may also use it to
  /// avoid funding an insats below it in the first place.
  package var minimumPerInsats: Int64
  /// Whether the caller wants explanations. The engine runs its constraint
  /// rounds with `false` and the final round with `true`; a model may skip
  /// building explanation text when it is `false` (amounts must not change).
  package var explain: Bool

  /// Creates a problem.
  package init(
    budget: Int64, unit: MoneyUnit = .kr, items: [AllocationItem], approvals: [String: [String]] = [:],
    förvaltningar: [String]? = nil, ties: TiePolicy = .inputOrder, minimumPerInsats: Int64 = 0,
    explain: Bool = true
  ) {
    self.minimumPerInsats = minimumPerInsats
    self.explain = explain
    self.budget = budget
    self.unit = unit
    self.items = items
    self.approvals = approvals
    self.förvaltningar = förvaltningar ?? Array(Set(items.map(\.förvaltningID))).sorted()
    self.ties = ties
  }

  /// The sum of the caps, or `nil` on overflow.
  package var totalRequested: Int64? {
    var s: Int64 = 0
    for it in items {
      let (t, o) = s.addingReportingOverflow(it.cap)
      if o { return nil }
      s = t
    }
    return s
  }

  /// The insats ids in canonical order, each with the indices of its items.
  package var insatser: [(id: String, items: [Int])] {
    var out: [(id: String, items: [Int])] = []
    for (i, it) in items.enumerated() {
      if let last = out.last, last.id == it.insatsID {
        out[out.count - 1].items.append(i)
      } else {
        out.append((it.insatsID, [i]))
      }
    }
    return out
  }
}

/// A model's answer for one item: whole units and why.
public struct AllocationShare: Sendable, Hashable, Codable {
  /// Whole units (0 … the item's cap).
  public var amount: Int64
  /// Why.
  public var explanation: AllocationExplanation

  /// Creates a share.
  public init(amount: Int64, explanation: AllocationExplanation) {
    self.amount = amount
    self.explanation = explanation
  }
}

/// Why an amount is what it is: the item's weight, its exact (unrounded)
/// quota, the rounding step and every constraint that was applied.
///
/// ```swift
/// e.quota        // 2500000/3    the exact share in units before rounding
/// e.constraints  // ["förvaltning GRF capped at 5000 tkr: …"]
/// e.description  // "weight 3 (need × population); quota 2500000/3 ≈ 833333.33; hamilton: ⌊quota⌋ = 833333, +0 → 833333; …"
/// ```
public struct AllocationExplanation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The item's weight in the model (what it is proportional to), if any.
  package var weight: ExactFraction?
  /// What the weight is: `requested`, `need × population`, `equal`, ….
  package var weightBasis: String?
  /// The exact share in units before rounding, if the model computes one.
  public package(set) var quota: ExactFraction?
  /// The rounding step, e.g. `hamilton: ⌊q⌋ + 1 (largest remainder)`.
  package var rounding: String?
  /// Constraints and rules applied, in order.
  public package(set) var constraints: [String]
  /// The model's own account, one line.
  package var note: String?

  /// Creates an explanation.
  public init(
    weight: ExactFraction? = nil, weightBasis: String? = nil, quota: ExactFraction? = nil, rounding: String? = nil,
    constraints: [String] = [], note: String? = nil
  ) {
    self.weight = weight
    self.weightBasis = weightBasis
    self.quota = quota
    self.rounding = rounding
    self.constraints = constraints
    self.note = note
  }

  /// One line: note; weight; quota; rounding; constraints.
  public var description: String {
    var parts: [String] = []
    if let note { parts.append(note) }
    if let weight { parts.append("weight \(weight)\(weightBasis.map { " (\($0))" } ?? "")") }
    if let quota { parts.append("quota \(quota) ≈ \(quota.decimalText(decimals: 2))") }
    if let rounding { parts.append(rounding) }
    parts.append(contentsOf: constraints)
    return parts.joined(separator: "; ")
  }
}
