import KraftsamlingCore

/// Reads a rule-set file: which built-in rules are on, with which
/// parameters, starting from a named set of ``bases`` or from nothing.
///
/// ```json
/// {
///   "format": "kraftsamlingkit.rule-set",
///   "version": 1,
///   "name": "malmo-2026",
///   "base": "stk-2024-1374",
///   "rules": [
///     {"id": "minsta-belopp", "minimum": 1500000},
///     {"id": "flera-aktorer", "scope": "municipal"},
///     {"id": "forebyggande-fokus", "enabled": false},
///     {"id": "valt-delomrade", "areas": ["Holma", "Hermodsdal"]},
///     {"id": "period", "from": 2026, "to": 2030}
///   ]
/// }
/// ```
///
/// `base` names a set of ``bases`` (a ``RuleSetRegistry``; empty unless
/// you pass one — Malmö's, with `stk-2024-1374`, is `RuleSetRegistry.malmö`
/// in KraftsamlingKitData). Each entry names a rule by id. `"enabled": false`
/// removes it from the base; otherwise the rule is added (or replaces the
/// base's rule) with the parameters given, each defaulting to that of the
/// rule with the same id in ``defaults`` or, when ``defaults`` has none, to
/// the rule's own default. `valt-delomrade` has no default areas of its
/// own: without `areas` in the file or in ``defaults`` it is an error.
/// Rules of your own (conforming to ``EligibilityRule``) can be switched on
/// and off by id when passed as `customRules`; they take no parameters from
/// the file.
///
/// | id | parameters |
/// |---|---|
/// | `effektlogik` | `goalIndicator` (string or null), `minimumOwners`, `requireExternalFactors`, `requireAssumptions`, `warningsFail` |
/// | `flera-aktorer` | `minimum`, `scope` (`all`/`municipal`), `roles` |
/// | `minsta-belopp` | `minimum` (kronor), `source` (`sökta`/`egna`) |
/// | `forebyggande-fokus` | `promotingAlone` (`pass`/`warning`/`fail`) |
/// | `valt-delomrade` | `areas` (codes or names), `name` |
/// | `period` | `from`, `to` |
/// | `ingen-overlapp` | `outcome` (`fail`/`warning`), `statuses` |
///
/// Every problem (unknown rule with "did you mean", wrong types, unknown
/// areas, a negative amount…) is reported with its JSON path and line.
///
/// ```swift
/// let reader = RuleSetReader(areas: hierarchy, bases: registry, defaults: try registry.ruleSet(named: "lund-2026"))
/// let (rules, warnings) = try reader.read(path: "regler.json")
/// ```
///
/// - Complexity: O(size of the file).
public struct RuleSetReader: Sendable {
  /// The format name: `kraftsamlingkit.rule-set`.
  package static let formatName = "kraftsamlingkit.rule-set"
  /// The ids of the built-in rules, in their default order.
  package static let builtInRuleIDs = [
    EffectLogicRule.ruleID, DistinctActorsRule.ruleID, MinimumBudgetRule.ruleID, PreventiveFocusRule.ruleID,
    SelectedAreaRule.ruleID, PeriodRule.ruleID, NoOverlapRule.ruleID,
  ]

  /// The delområden area names are resolved against; `nil` accepts codes unchecked.
  package var areas: AreaHierarchy?
  /// The named sets a file's `base` may name (default: none).
  package var bases: RuleSetRegistry
  /// The rules whose parameters a file's entries start from, by id; a
  /// built-in rule not in it starts from its own defaults (default: none).
  package var defaults: RuleSet
  /// Rules of your own that a file may switch on or off by id.
  package var customRules: [any EligibilityRule]
  /// Caps on the input: a file larger than ``InputLimits/maximumBytes``
  /// is refused with `limit.maximumBytes` before it is read.
  package var limits: InputLimits

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - areas: The area hierarchy, for `valt-delomrade`.
  ///   - bases: The named sets a file's `base` may name (default: none).
  ///   - defaults: The rules whose parameters entries start from (default:
  ///     none; each rule's own defaults).
  ///   - customRules: Your own rules, switchable by id.
  ///   - limits: Caps on the input (default ``InputLimits/standard``).
  public init(
    areas: AreaHierarchy? = nil, bases: RuleSetRegistry = RuleSetRegistry(),
    defaults: RuleSet = RuleSet(name: "defaults", rules: []), customRules: [any EligibilityRule] = [],
    limits: InputLimits = .standard
  ) {
    self.areas = areas
    self.bases = bases
    self.defaults = defaults
    self.customRules = customRules
    self.limits = limits
  }

  /// Reads a rule-set file.
  ///
  /// - Parameter path: The path (`-` for standard input).
  /// - Returns: The rule set and the warnings.
  /// - Throws: ``DataError`` with every problem.
  public func read(path: String) throws(DataError) -> (ruleSet: RuleSet, diagnostics: [Diagnostic]) {
    try parse(FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes), file: FileInput.displayName(path))
  }

  /// Reads rule-set JSON text.
  ///
  /// - Parameters:
  ///   - text: The JSON.
  ///   - file: The name used in locations.
  /// - Returns: The rule set and the warnings.
  /// - Throws: ``DataError`` with every problem.
  public func parse(_ text: String, file: String? = nil) throws(DataError) -> (ruleSet: RuleSet, diagnostics: [Diagnostic]) {
    try parse(Array(text.utf8), file: file)
  }

  /// Reads rule-set JSON bytes.
  ///
  /// - Parameters:
  ///   - bytes: The JSON (UTF-8).
  ///   - file: The name used in locations.
  /// - Returns: The rule set and the warnings.
  /// - Throws: ``DataError`` with every problem.
  package func parse(_ bytes: [UInt8], file: String? = nil) throws(DataError) -> (ruleSet: RuleSet, diagnostics: [Diagnostic]) {
    try limits.checkBytes(bytes.count, file: file)
    let root = try JSONParser.parse(bytes, file: file)
    var r = JSONFieldReader(file: file)
    var set = RuleSet(name: "rules", rules: [])
    if let o = r.object(root, known: ["format", "version", "name", "base", "rules"], what: "a rule set") {
      if let f = r.string(o, "format", required: false), f != Self.formatName, let fn = o["format"] {
        r.error("rules.format", "the format is '\(f)', not '\(Self.formatName)'", at: fn, hint: "is this a rule-set file?")
      }
      _ = r.int(o, "version", required: false, range: 1...1)
      if let base = r.string(o, "base", required: false), let bn = o["base"] {
        if let b = try? bases.make(base) {
          set = b
        } else {
          r.error(
            "rules.unknown-base", "unknown rule set '\(base)'", at: bn,
            hint: bases.names.isEmpty
              ? "no named rule sets are known here (RuleSetReader.bases is empty)"
              : "built-in sets: \(bases.names.joined(separator: ", "))")
        }
      }
      set.name = r.string(o, "name", required: false) ?? set.name
      let known = Self.builtInRuleIDs + customRules.map(\.id)
      let resolver = NameResolver(entries: known.map { ($0, $0) }, noun: "rule")
      for entry in r.array(o, "rules") ?? [] {
        guard entry.objectValue != nil, let idNode = entry["id"], let id = idNode.stringValue else {
          if entry.objectValue == nil { r.typeError(entry, expected: "an object (a rule)") } else { _ = r.string(entry, "id") }
          continue
        }
        guard known.contains(id) else {
          let s = resolver.suggestions(for: id, limit: 1)
          r.error(
            "rules.unknown-rule", "unknown rule '\(id)'", at: idNode,
            hint: (s.first.map { "did you mean \($0)? " } ?? "") + "known rules: \(known.joined(separator: ", "))")
          continue
        }
        let enabled = r.bool(entry, "enabled", required: false) ?? true
        guard let rule = buildRule(id, entry, enabled: enabled, &r) else { continue }
        set = enabled ? set.adding(existential: rule) : set.removing(id)
      }
    }
    let diagnostics = r.diagnostics.errors + r.diagnostics.warnings
    if r.hasErrors { throw DataError(.invalid, diagnostics: diagnostics) }
    return (set, diagnostics)
  }

  func buildRule(_ id: String, _ o: JSONNode, enabled: Bool = true, _ r: inout JSONFieldReader) -> (any EligibilityRule)? {
    switch id {
    case EffectLogicRule.ruleID: return effectLogicRule(o, &r)
    case DistinctActorsRule.ruleID: return distinctActorsRule(o, &r)
    case MinimumBudgetRule.ruleID: return minimumBudgetRule(o, &r)
    case PreventiveFocusRule.ruleID: return preventiveFocusRule(o, &r)
    case SelectedAreaRule.ruleID: return selectedAreaRule(o, enabled: enabled, &r)
    case PeriodRule.ruleID: return periodRule(o, &r)
    case NoOverlapRule.ruleID: return noOverlapRule(o, &r)
    default:
      checkParameters(id, o, [], &r)
      return customRules.first { $0.id == id }
    }
  }

  /// Reports members of a rule entry other than `id`, `enabled` and the
  /// rule's parameters.
  private func checkParameters(_ id: String, _ o: JSONNode, _ params: [String], _ r: inout JSONFieldReader) {
    _ = r.object(o, known: ["id", "enabled"] + params, what: "rule \(id)")
  }

  /// The rule with this id in ``defaults``, as its type: what an entry's
  /// settings start from.
  private func start<R: EligibilityRule>(_ type: R.Type, _ id: String) -> R? { defaults.rule(id: id) as? R }

  /// The effect-logic rule with its validation options.
  private func effectLogicRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> EffectLogicRule {
    checkParameters(
      EffectLogicRule.ruleID, o, ["goalIndicator", "minimumOwners", "requireExternalFactors", "requireAssumptions", "warningsFail"],
      &r)
    var rule = start(EffectLogicRule.self, EffectLogicRule.ruleID) ?? EffectLogicRule()
    if let g = o["goalIndicator"] {
      rule.options.goalIndicator = g.isNull ? nil : r.stringValue(g)
    }
    if let m = r.int(o, "minimumOwners", required: false, range: 0...100) { rule.options.minimumOwners = m }
    if let b = r.bool(o, "requireExternalFactors", required: false) { rule.options.requireExternalFactors = b }
    if let b = r.bool(o, "requireAssumptions", required: false) { rule.options.requireAssumptions = b }
    if let b = r.bool(o, "warningsFail", required: false) { rule.warningsFail = b }
    return rule
  }

  /// The distinct-actors rule: minimum, scope and roles.
  private func distinctActorsRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> DistinctActorsRule {
    checkParameters(DistinctActorsRule.ruleID, o, ["minimum", "scope", "roles"], &r)
    var rule = start(DistinctActorsRule.self, DistinctActorsRule.ruleID) ?? DistinctActorsRule()
    if let m = r.int(o, "minimum", required: false, range: 1...100) { rule.minimum = m }
    if let s = r.choice(o, "scope", required: false, JSONFieldReader.options(DistinctActorsRule.Scope.self), noun: "scope") {
      rule.scope = s
    }
    if let roles = r.array(o, "roles", required: false) {
      rule.roles = Set(roles.compactMap { r.choiceValue($0, JSONFieldReader.options(Insats.Role.self), noun: "role") })
    }
    return rule
  }

  /// The minimum-budget rule: minimum and source.
  private func minimumBudgetRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> MinimumBudgetRule {
    checkParameters(MinimumBudgetRule.ruleID, o, ["minimum", "source"], &r)
    var rule = start(MinimumBudgetRule.self, MinimumBudgetRule.ruleID) ?? MinimumBudgetRule()
    if let m = r.amount(o, "minimum", required: false) { rule.minimum = m }
    if let s = r.choice(o, "source", required: false, JSONFieldReader.options(Insats.Finansiering.self), noun: "source") {
      rule.source = s
    }
    return rule
  }

  /// The preventive-focus rule: the outcome of a promoting focus alone.
  private func preventiveFocusRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> PreventiveFocusRule {
    checkParameters(PreventiveFocusRule.ruleID, o, ["promotingAlone"], &r)
    var rule = start(PreventiveFocusRule.self, PreventiveFocusRule.ruleID) ?? PreventiveFocusRule()
    if let p = r.choice(o, "promotingAlone", required: false, JSONFieldReader.options(RuleOutcome.self), noun: "outcome") {
      rule.promotingAlone = p
    }
    return rule
  }

  /// The selected-area rule: the delområden (resolved against the known
  /// areas when given) and a name. An enabled entry needs areas unless the
  /// defaults have the rule.
  private func selectedAreaRule(_ o: JSONNode, enabled: Bool, _ r: inout JSONFieldReader) -> SelectedAreaRule? {
    checkParameters(SelectedAreaRule.ruleID, o, ["areas", "name"], &r)
    let initial = start(SelectedAreaRule.self, SelectedAreaRule.ruleID)
    if initial == nil && o["areas"] == nil && enabled {
      r.error(
        "rules.no-areas", "rule valt-delomrade names no delområden", at: o,
        hint: "give \"areas\": the selected delområden's codes or names")
      return nil
    }
    var rule = initial ?? SelectedAreaRule(areas: [])
    if let list = r.array(o, "areas", required: false) {
      var codes = Set<String>()
      for a in list {
        guard let text = a.scalarText, a.stringValue != nil || a.int64Value != nil else {
          r.typeError(a, expected: "a delområde code or name")
          continue
        }
        if let areas {
          do { codes.insert(try areas.resolve(text, level: .delområde, at: r.location(a)).code) } catch {
            r.diagnostics += error.diagnostics
          }
        } else {
          codes.insert(text)
        }
      }
      rule.areas = codes
      rule.name = "the selected delområden"
    }
    if let n = r.string(o, "name", required: false) { rule.name = n }
    return rule
  }

  /// The period rule: years from…to (default the defaults' or the rule's
  /// own), not ending before they start.
  private func periodRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> PeriodRule? {
    checkParameters(PeriodRule.ruleID, o, ["from", "to"], &r)
    let years = (start(PeriodRule.self, PeriodRule.ruleID) ?? PeriodRule()).years
    let from = r.int(o, "from", required: false, range: 1900...2200) ?? years.lowerBound
    let to = r.int(o, "to", required: false, range: 1900...2200) ?? years.upperBound
    guard from <= to else {
      r.error("rules.period", "the period \(from)–\(to) ends before it starts", at: o, hint: "write \"from\" ≤ \"to\"")
      return nil
    }
    return PeriodRule(years: from...to)
  }

  /// The no-overlap rule: its outcome and the statuses that count.
  private func noOverlapRule(_ o: JSONNode, _ r: inout JSONFieldReader) -> NoOverlapRule {
    checkParameters(NoOverlapRule.ruleID, o, ["outcome", "statuses"], &r)
    var rule = start(NoOverlapRule.self, NoOverlapRule.ruleID) ?? NoOverlapRule()
    if let p = r.choice(o, "outcome", required: false, JSONFieldReader.options(RuleOutcome.self), noun: "outcome") {
      rule.outcome = p
    }
    if let list = r.array(o, "statuses", required: false) {
      rule.statuses = Set(list.compactMap { r.choiceValue($0, JSONFieldReader.options(Beslutsstatus.self), noun: "status") })
    }
    return rule
  }
}
