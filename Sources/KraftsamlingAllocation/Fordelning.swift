import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The result of an allocation: the amount for every request, the requests
/// left unfunded and why, and an explanation of every amount.
///
/// Invariants (checked by ``Fördelningsmodell/allocate(_:)`` before it
/// returns, see ``invariantViolations``): the rows add up exactly to
/// ``distributed``; ``distributed`` + ``undistributed`` = the budget; no
/// amount is negative or above its request; every amount is a whole number
/// of ``unit``.
///
/// ```swift
/// let f = try NeedWeightedModel().allocate(input)
/// for row in f.rows { print(row.insatsID, row.förvaltningID, row.amount) }
/// f.total(förvaltning: "GRF")   // 3 400 000 kr
/// f.unfunded.first?.reason      // "dropped: the insats got 600 000 kr, below the minimum 1 000 000 kr"
/// ```
public struct Fördelning: Sendable, Hashable, Codable {
  /// One allocated (or unfunded) request.
  public struct Rad: Sendable, Hashable, Codable {
    /// The insats.
    public package(set) var insatsID: String
    /// The förvaltning.
    public package(set) var förvaltningID: String
    /// The year, if the request had one.
    public package(set) var year: Int?
    /// The amount requested.
    public package(set) var requested: Belopp
    /// The amount allocated.
    public package(set) var amount: Belopp
    /// Why.
    public package(set) var explanation: AllocationExplanation

    /// Creates a row.
    package init(
      insatsID: String, förvaltningID: String, year: Int?, requested: Belopp, amount: Belopp,
      explanation: AllocationExplanation
    ) {
      self.insatsID = insatsID
      self.förvaltningID = förvaltningID
      self.year = year
      self.requested = requested
      self.amount = amount
      self.explanation = explanation
    }
  }

  /// A request that got nothing, with the reason.
  public struct Ofinansierad: Sendable, Hashable, Codable {
    /// The insats.
    public package(set) var insatsID: String
    /// The förvaltning.
    public package(set) var förvaltningID: String
    /// The year, if any.
    public package(set) var year: Int?
    /// The amount requested.
    public package(set) var requested: Belopp
    /// Why it got nothing.
    public package(set) var reason: String
  }

  /// The model's name.
  public package(set) var model: String
  /// The unit amounts were allocated in.
  package var unit: MoneyUnit
  /// The budget (the sum of the yearly budgets when budgets are per year).
  public package(set) var budget: Belopp
  /// Every request, in canonical order (insats, förvaltning, year).
  public package(set) var rows: [Rad]
  /// The requests that got nothing.
  public package(set) var unfunded: [Ofinansierad]
  /// The sum of the rows.
  public package(set) var distributed: Belopp
  /// The part of the budget not allocated (e.g. when the requests are
  /// smaller than the budget, or a priority order stops).
  public package(set) var undistributed: Belopp
  /// The steps taken by the constraint loops, in order.
  public package(set) var log: [String]

  /// Creates a result (normally made by ``Fördelningsmodell/allocate(_:)``).
  package init(
    model: String, unit: MoneyUnit, budget: Belopp, rows: [Rad], unfunded: [Ofinansierad], distributed: Belopp,
    undistributed: Belopp, log: [String]
  ) {
    self.model = model
    self.unit = unit
    self.budget = budget
    self.rows = rows
    self.unfunded = unfunded
    self.distributed = distributed
    self.undistributed = undistributed
    self.log = log
  }

  /// The total allocated to a förvaltning.
  /// - Complexity: O(*n*) for *n* rows.
  public func total(förvaltning id: String) -> Belopp {
    Belopp(kronor: rows.lazy.filter { $0.förvaltningID == id }.reduce(0) { $0 + $1.amount.kronor })
  }

  /// The total allocated to an insats.
  /// - Complexity: O(*n*) for *n* rows.
  package func total(insats id: String) -> Belopp {
    Belopp(kronor: rows.lazy.filter { $0.insatsID == id }.reduce(0) { $0 + $1.amount.kronor })
  }

  /// The total per förvaltning, sorted by förvaltning id.
  public var totalsByFörvaltning: [(förvaltningID: String, amount: Belopp)] {
    var sums: [String: Int64] = [:]
    for r in rows { sums[r.förvaltningID, default: 0] += r.amount.kronor }
    return sums.keys.sorted().map { ($0, Belopp(kronor: sums[$0]!)) }
  }

  /// The total per insats, in the order the insatser first appear in
  /// ``rows``.
  package var totalsByInsats: [(insatsID: String, amount: Belopp)] {
    var order: [String] = []
    var sums: [String: Int64] = [:]
    for r in rows {
      if sums[r.insatsID] == nil { order.append(r.insatsID) }
      sums[r.insatsID, default: 0] += r.amount.kronor
    }
    return order.map { ($0, Belopp(kronor: sums[$0]!)) }
  }

  /// Every broken invariant, as text; empty when all hold.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public var invariantViolations: [String] {
    var problems: [String] = []
    var sum: Int64 = 0
    for r in rows {
      if r.amount.kronor < 0 { problems.append("\(r.insatsID)/\(r.förvaltningID): negative amount \(r.amount)") }
      if r.amount > r.requested {
        problems.append("\(r.insatsID)/\(r.förvaltningID): \(r.amount) is above the request \(r.requested)")
      }
      if !r.amount.isWhole(in: unit) {
        problems.append("\(r.insatsID)/\(r.förvaltningID): \(r.amount) is not whole \(unit.symbol)")
      }
      let (s, o) = sum.addingReportingOverflow(r.amount.kronor)
      if o { problems.append("the amounts overflow") }
      sum = s
    }
    if sum != distributed.kronor { problems.append("the rows add up to \(sum) kr, not \(distributed.kronor) kr") }
    if distributed.kronor + undistributed.kronor != budget.kronor {
      problems.append("distributed \(distributed) + undistributed \(undistributed) ≠ budget \(budget)")
    }
    if undistributed.kronor < 0 { problems.append("more than the budget was distributed") }
    return problems
  }
}
