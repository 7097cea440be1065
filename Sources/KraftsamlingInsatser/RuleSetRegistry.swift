import KraftsamlingCore

/// Rule sets known by name, for `kraftctl check --rules`, the `base` of a
/// rule-set file (``RuleSetReader/bases``) and configuration files.
///
/// The stage knows no municipality's rules: the registry starts empty and
/// a municipality registers its own sets. Malmö's (`stk-2024-1374` and
/// `stk-2024-1374-full`) are `RuleSetRegistry.malmö` in KraftsamlingKitData.
///
/// ```swift
/// let registry = RuleSetRegistry()
///   .registering("lund-2026", summary: "Lund's criteria") {
///     RuleSet(name: "lund-2026", rules: [DistinctActorsRule(), MinimumBudgetRule(minimum: .enMiljon)])
///   }
/// try registry.ruleSet(named: "LUND-2026").name   // "lund-2026"
/// try registry.ruleSet(named: "lund-2025")
/// // throws rules.unknown-set (hint: did you mean lund-2026? known sets: lund-2026)
/// ```
///
/// Register further sets with ``registering(_:summary:make:)``.
public struct RuleSetRegistry: Sendable {
  /// One registered rule set.
  public struct Entry: Sendable {
    /// The name (lower case), e.g. `stk-2024-1374`.
    public var name: String
    /// One line on what the set checks.
    public var summary: String
    /// Makes the set.
    public var make: @Sendable () -> RuleSet
  }

  /// The entries, in registration order.
  public private(set) var entries: [Entry]

  /// An empty registry.
  public init() { entries = [] }

  /// A copy with one more set (replacing one of the same name).
  ///
  /// - Parameters:
  ///   - name: The name the set is looked up by (case-insensitive).
  ///   - summary: One line on what it checks.
  ///   - make: Makes the set.
  public func registering(_ name: String, summary: String, make: @escaping @Sendable () -> RuleSet) -> RuleSetRegistry {
    var copy = self
    let key = name.lowercased()
    copy.entries.removeAll { $0.name == key }
    copy.entries.append(Entry(name: key, summary: summary, make: make))
    return copy
  }

  /// The names, in registration order.
  public var names: [String] { entries.map(\.name) }

  /// The set called `name` (case-insensitive).
  ///
  /// - Parameter name: The name.
  /// - Returns: A fresh copy of the set.
  /// - Throws: ``InsatsError`` `.unknownRuleSet` with the nearest name and
  ///   the known names as a hint.
  /// - Complexity: O(*s*) for *s* sets, plus O(*s*·*n*²) for suggestions
  ///   when the name is unknown.
  public func ruleSet(named name: String) throws(InsatsError) -> RuleSet {
    let key = name.lowercased()
    if let e = entries.first(where: { $0.name == key }) { return e.make() }
    let s = NameResolver(entries: names.map { ($0, $0) }, noun: "rule set").suggestions(for: name)
    let known = names.isEmpty ? "no rule sets are registered" : "known sets: \(names.joined(separator: ", "))"
    throw InsatsError(
      .unknownRuleSet, "unknown rule set '\(name)'", hint: (s.first.map { "did you mean \($0)? " } ?? "") + known)
  }
}
