import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The fördelningsmodeller known by name, for `kraftctl allocate --model`,
/// `kraftctl compare-models` and configuration files.
///
/// | name | model | parameters (defaults) |
/// |---|---|---|
/// | `pro-rata` | ``ProRataModel`` | rounding: hamilton |
/// | `need-weighted` | ``NeedWeightedModel`` | missing need: average; rounding: hamilton |
/// | `equal-per-forvaltning` | ``EqualPerFörvaltningModel`` | rounding: hamilton |
/// | `priority` | ``PriorityOrderModel`` | order: ranking; when short: fund-remainder |
/// | `base-plus-need` | ``BasePlusNeedModel`` | base: 1 000 000 kr per insats |
/// | `equal-shares` | ``EqualSharesModel`` | completion: greedy; ties: lexicographic |
///
/// ```swift
/// let m = try FördelningsmodellRegistry.standard.model(named: "need-weighted")
/// let f = try m.allocate(input)
/// try FördelningsmodellRegistry.standard.model(named: "pro-rta")
/// // throws: unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)
/// ```
///
/// Register your own model with ``registering(_:summary:make:)``.
public struct FördelningsmodellRegistry: Sendable {
  /// One registered model.
  public struct Entry: Sendable {
    /// The name.
    public var name: String
    /// One line on what it does and when a city would choose it.
    public var summary: String
    /// Makes the model with its default parameters.
    public var make: @Sendable () -> any Fördelningsmodell
  }

  /// The entries, in registration order.
  public private(set) var entries: [Entry]

  /// An empty registry.
  public init() { entries = [] }

  /// The built-in models.
  public static let standard: FördelningsmodellRegistry = FördelningsmodellRegistry()
    .registering("pro-rata", summary: "the same fraction of every request when over-subscribed") { ProRataModel() }
    .registering("need-weighted", summary: "need × target population, capped at the request") { NeedWeightedModel() }
    .registering("equal-per-forvaltning", summary: "an equal share per participating förvaltning, pro rata within") {
      EqualPerFörvaltningModel()
    }
    .registering("priority", summary: "the styrgrupp's ranking, funding insatser fully until the money runs out") {
      PriorityOrderModel()
    }
    .registering("base-plus-need", summary: "1 000 000 kr per insats, the rest by need × population") {
      BasePlusNeedModel()
    }
    .registering("equal-shares", summary: "Method of Equal Shares over the förvaltningar's approvals, greedy completion") {
      EqualSharesModel()
    }

  /// A copy with one more model (replacing one of the same name).
  public func registering(
    _ name: String, summary: String, make: @escaping @Sendable () -> any Fördelningsmodell
  ) -> FördelningsmodellRegistry {
    var copy = self
    copy.entries.removeAll { $0.name == name }
    copy.entries.append(Entry(name: name, summary: summary, make: make))
    return copy
  }

  /// The names, in registration order.
  public var names: [String] { entries.map(\.name) }

  /// The model called `name` (case-insensitive; `_` and `-` alike; `ö` or `o`).
  /// - Throws: `.unknownModel` with the nearest names as a hint.
  public func model(named name: String) throws(AllocationError) -> any Fördelningsmodell {
    let key = String(name.lowercased().map { $0 == "_" ? "-" : ($0 == "ö" ? "o" : $0) })
    if let e = entries.first(where: { $0.name == key }) { return e.make() }
    throw unknownNameError(name, known: names, noun: "fördelningsmodell")
  }
}
