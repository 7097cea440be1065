import KraftsamlingCore

/// Allocates one input again and again with only the insatser's need
/// changed, and gives the totals per insats and per förvaltning: the
/// money side of a replication.
protocol NeedAllocating: Sendable {
  /// The insatser with a request, sorted (the slots of the totals and needs).
  var insatsIDs: [String] { get }
  /// The förvaltningar with a request, sorted.
  var förvaltningIDs: [String] { get }
  /// The need of each insats in the input, in millionths (`nil`: none).
  var inputNeeds: [Int64?] { get }
  /// The budget in kronor (all years together when budgets are per year).
  var budgetKronor: Int64 { get }

  /// Allocates with `needs` (one per insats slot, in millionths) and adds
  /// each item's kronor to its insats's and its förvaltning's total.
  ///
  /// - Returns: The kronor distributed.
  /// - Throws: ``AllocationError`` from the model or the constraints;
  ///   `.invariantViolated` when an amount lies outside 0…its request or a
  ///   period spends more than its budget; `.overflow`.
  /// Mutating: the items' need is set in place, so that a worker's own
  /// copy is not copied again for every replication.
  mutating func allocate(needs: [Int64?], insatser: inout [Int64], förvaltningar: inout [Int64]) throws(AllocationError)
    -> Int64
}

/// A ``NeedAllocating`` for one model: the requests are validated, put in
/// canonical order and grouped into items once; a replication sets the
/// items' need and runs steps 4 and 5 of ``Fördelningsmodell/allocate(_:)``
/// (floors, caps, minimum per insats) without explanations. Splitting an
/// item over its years is skipped: it never changes an insats's or a
/// förvaltning's total.
struct NeedAllocator<Model: Fördelningsmodell>: NeedAllocating {
  let insatsIDs: [String]
  let förvaltningIDs: [String]
  let inputNeeds: [Int64?]
  let budgetKronor: Int64
  /// One allocation per budget (one, or one per year); each allocation
  /// sets its items' need in place.
  var periods: [PeriodAllocation<Model>]
  /// The insats slot and förvaltning slot of each period's items.
  let insatsOf: [[Int]]
  let förvaltningOf: [[Int]]
  let unitKronor: Int64

  /// Prepares the items of `input` for `model`.
  ///
  /// - Throws: ``AllocationError`` when the input is invalid (the checks of
  ///   ``Fördelningsmodell/allocate(_:)``, which is run once).
  init(model: Model, input: AllocationInput) throws(AllocationError) {
    let nominal = try model.allocate(input)
    let engine = AllocationEngine(model: model, input: input)
    let requests = input.requests.sorted(by: FundingRequest.canonicalLess)
    insatsIDs = Array(Set(requests.map(\.insatsID))).sorted()
    förvaltningIDs = Array(Set(requests.map(\.förvaltningID))).sorted()
    let insatsSlot = Dictionary(uniqueKeysWithValues: insatsIDs.enumerated().map { ($1, $0) })
    let förvaltningSlot = Dictionary(uniqueKeysWithValues: förvaltningIDs.enumerated().map { ($1, $0) })
    var periods: [PeriodAllocation<Model>] = []
    for (items, budget) in Self.periods(requests, engine: engine) {
      periods.append(PeriodAllocation(engine: engine, items: items, budget: budget, label: nil))
    }
    self.periods = periods
    insatsOf = periods.map { $0.items.map { insatsSlot[$0.insatsID]! } }
    förvaltningOf = periods.map { $0.items.map { förvaltningSlot[$0.förvaltningID]! } }
    var needs = [Int64?](repeating: nil, count: insatsIDs.count)
    for (p, period) in periods.enumerated() {
      for (i, item) in period.items.enumerated() where item.needMillionths != nil {
        needs[insatsOf[p][i]] = item.needMillionths
      }
    }
    inputNeeds = needs
    budgetKronor = nominal.budget.kronor
    unitKronor = input.unit.kronor
  }

  /// The items and budget (in units) of each period, as the engine forms
  /// them: per year from that year's budget, or one item per insats and
  /// förvaltning over all years from the one budget.
  private static func periods(
    _ requests: [FundingRequest], engine: AllocationEngine<Model>
  ) -> [(items: [AllocationItem], budget: Int64)] {
    if let perYear = engine.input.budgetPerYear {
      return perYear.keys.sorted().map { y in
        (requests.filter { $0.year == y }.map { engine.item(from: [$0]) }, engine.units(perYear[y]!))
      }
    }
    var groups: [[FundingRequest]] = []
    for r in requests {
      if let last = groups.last?.last, last.insatsID == r.insatsID, last.förvaltningID == r.förvaltningID {
        groups[groups.count - 1].append(r)
      } else {
        groups.append([r])
      }
    }
    return [(groups.map { engine.item(from: $0) }, engine.units(engine.input.budget))]
  }

  mutating func allocate(needs: [Int64?], insatser: inout [Int64], förvaltningar: inout [Int64]) throws(AllocationError)
    -> Int64
  {
    var distributed: Int64 = 0
    for p in periods.indices {
      let slots = insatsOf[p]
      for i in periods[p].items.indices { periods[p].items[i].needMillionths = needs[slots[i]] }
      let period = periods[p]
      let amounts = try period.amounts()
      var spent: Int64 = 0
      for (i, a) in amounts.enumerated() {
        guard a >= 0, a <= period.items[i].cap else {
          throw AllocationError(
            .invariantViolated, "an amount of \(a) units lies outside 0…\(period.items[i].cap)",
            hint: "fix the model's distribute(_:)", context: period.items[i].insatsID)
        }
        let kronor = try CheckedKronor.product(a, unitKronor)
        spent += a
        insatser[slots[i]] += kronor
        förvaltningar[förvaltningOf[p][i]] += kronor
        distributed = try CheckedKronor.sum(distributed, kronor)
      }
      guard spent <= period.budget else {
        throw AllocationError(
          .invariantViolated, "\(spent) units were given out of a budget of \(period.budget)",
          hint: "fix the model's distribute(_:)", context: "budget")
      }
    }
    return distributed
  }
}

/// Kronor arithmetic that throws `.overflow` instead of wrapping.
enum CheckedKronor {
  /// `units` × `unitKronor`.
  static func product(_ units: Int64, _ unitKronor: Int64) throws(AllocationError) -> Int64 {
    let (k, o) = units.multipliedReportingOverflow(by: unitKronor)
    guard !o else { throw AllocationError(.overflow, "an amount overflows 64 bits", hint: "allocate in a larger unit") }
    return k
  }

  /// `a` + `b`.
  static func sum(_ a: Int64, _ b: Int64) throws(AllocationError) -> Int64 {
    let (s, o) = a.addingReportingOverflow(b)
    guard !o else { throw AllocationError(.overflow, "the amounts add up past 64 bits", hint: "allocate in a larger unit") }
    return s
  }
}

/// A ``NeedAllocating`` for any model (the existential opened once).
///
/// - Throws: ``AllocationError`` when the input is invalid.
func needAllocator(_ model: any Fördelningsmodell, _ input: AllocationInput) throws(AllocationError)
  -> any NeedAllocating
{
  func make<M: Fördelningsmodell>(_ m: M) throws(AllocationError) -> any NeedAllocating {
    try NeedAllocator(model: m, input: input)
  }
  return try make(model)
}
