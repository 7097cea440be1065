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
/// let m = try FördelningsmodellRegistry.standard.make("need-weighted")
/// let f = try m.allocate(input)
/// try FördelningsmodellRegistry.standard.make("pro-rta")
/// // throws: unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)
/// ```
///
/// Register your own model with ``Registry/register(_:aliases:summary:value:)``.
public typealias FördelningsmodellRegistry = Registry<any Fördelningsmodell, AllocationDomain>

extension Registry where Value == any Fördelningsmodell, Domain == AllocationDomain {
  /// An empty registry of fördelningsmodeller.
  package init() { self.init(noun: "fördelningsmodell", unknownCode: .unknownModel) }

  /// The built-in models.
  public static var standard: FördelningsmodellRegistry {
    var r = FördelningsmodellRegistry()
    r.register("pro-rata", summary: "the same fraction of every request when over-subscribed", value: ProRataModel())
    r.register("need-weighted", summary: "need × target population, capped at the request", value: NeedWeightedModel())
    r.register(
      "equal-per-forvaltning", summary: "an equal share per participating förvaltning, pro rata within",
      value: EqualPerFörvaltningModel())
    r.register(
      "priority", summary: "the styrgrupp's ranking, funding insatser fully until the money runs out",
      value: PriorityOrderModel())
    r.register("base-plus-need", summary: "1 000 000 kr per insats, the rest by need × population", value: BasePlusNeedModel())
    r.register(
      "equal-shares", summary: "Method of Equal Shares over the förvaltningar's approvals, greedy completion",
      value: EqualSharesModel())
    return r
  }
}
