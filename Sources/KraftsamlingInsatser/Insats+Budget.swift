import KraftsamlingCore

extension Insats {
  /// One line of an insats budget: what one actor spends in one year.
  ///
  /// ```swift
  /// let line = Insats.BudgetLine(actor: "GRF", year: 2026, amount: Belopp(kronor: 450_000))
  /// line.source   // .sökta
  /// ```
  public struct BudgetLine: Sendable, Hashable, Codable {
    /// The actor that spends the money.
    public var actor: String
    /// The budget year.
    public var year: Int
    /// The amount, in whole kronor (never negative in a valid file).
    public var amount: Belopp
    /// Whether the money is requested from the kraftsamling funds or the
    /// actor's own.
    package var source: Finansiering

    /// Creates a budget line.
    ///
    /// - Parameters:
    ///   - actor: The actor's id.
    ///   - year: The year.
    ///   - amount: The amount.
    ///   - source: Requested (default) or own money.
    public init(actor: String, year: Int, amount: Belopp, source: Finansiering = .sökta) {
      self.actor = actor
      self.year = year
      self.amount = amount
      self.source = source
    }
  }

  /// Where the money of a budget line comes from.
  public enum Finansiering: String, Sendable, Hashable, Codable, CaseIterable {
    /// Requested (*sökta medel*) from the money kommunstyrelsen divides
    /// for kraftsamlande insatser.
    case sökta
    /// The actor's own budget or in-kind contribution (*egna medel*).
    case egna
  }

  /// The total budget, optionally only the lines of one source.
  ///
  /// ```swift
  /// try insats.totalBudget()               // all lines
  /// try insats.totalBudget(source: .sökta) // requested money only
  /// ```
  ///
  /// - Parameter source: Only lines of this source; `nil` for all.
  /// - Returns: The exact sum.
  /// - Throws: ``MoneyError`` `.overflow` when the sum does not fit.
  /// - Complexity: O(*b*) for *b* budget lines.
  package func totalBudget(source: Finansiering? = nil) throws(MoneyError) -> Belopp {
    try Belopp.sum(budget.lazy.filter { source == nil || $0.source == source }.map(\.amount))
  }

  /// The budget summed per actor, in order of first appearance.
  ///
  /// - Throws: ``MoneyError`` `.overflow`.
  /// - Complexity: O(*b*·*a*) for *b* lines and *a* actors.
  package func budgetByActor() throws(MoneyError) -> [(actor: String, amount: Belopp)] {
    var out: [(actor: String, amount: Belopp)] = []
    for line in budget {
      if let i = out.firstIndex(where: { $0.actor == line.actor }) {
        out[i].amount = try out[i].amount + line.amount
      } else {
        out.append((line.actor, line.amount))
      }
    }
    return out
  }

  /// The budget summed per year, in increasing year order.
  ///
  /// - Throws: ``MoneyError`` `.overflow`.
  /// - Complexity: O(*b* log *b*).
  package func budgetByYear() throws(MoneyError) -> [(year: Int, amount: Belopp)] {
    var out: [(year: Int, amount: Belopp)] = []
    for line in budget.sorted(by: { $0.year < $1.year }) {
      if let last = out.last, last.year == line.year {
        out[out.count - 1].amount = try last.amount + line.amount
      } else {
        out.append((line.year, line.amount))
      }
    }
    return out
  }
}
