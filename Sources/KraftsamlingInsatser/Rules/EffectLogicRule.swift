import KraftsamlingCore

/// The insats has a valid effect logic that reaches the goal (STK-2024-1374:
/// *en tydlig effektlogik kopplad till det övergripande målet att fler unga
/// ska arbeta eller studera efter grundskolan*).
///
/// Runs ``Effektlogikkedja/validate(options:)`` with ``options`` (by
/// default every check but the goal indicator; STK-2024-1374's, whose
/// slutmål must be measured by UVAS 16–29, are
/// `Effektlogikkedja.ValidationOptions.stk2024_1374` in KraftsamlingKitData).
/// Any error fails the rule; warnings only give a warning; notes are ignored.
///
/// ```swift
/// EffectLogicRule().evaluate(insats, in: context).reason
/// // "The effect logic has 1 error(s): aktivitet 'a2' (…) does not lead to the slutmål."
/// ```
///
/// Rule-set file: `{"id": "effektlogik", "goalIndicator": "uvas_16_29", "minimumOwners": 2,
/// "requireExternalFactors": true, "requireAssumptions": true, "warningsFail": false}`.
///
/// - Complexity: that of ``Effektlogikkedja/validate(options:)``.
package struct EffectLogicRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `effektlogik`.
  package static let ruleID = "effektlogik"
  /// `effektlogik`.
  package var id: String { Self.ruleID }
  /// The validation options.
  package var options: Effektlogikkedja.ValidationOptions
  /// Whether warnings fail the rule too (default `false`).
  package var warningsFail: Bool

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - options: The checks (default: every check, no goal indicator).
  ///   - warningsFail: Whether a warning fails the rule.
  package init(options: Effektlogikkedja.ValidationOptions = .init(), warningsFail: Bool = false) {
    self.options = options
    self.warningsFail = warningsFail
  }

  /// "Valid effect logic reaching the goal (effektlogik)".
  package var title: String {
    "Valid effect logic (effektlogik) reaching the goal"
  }

  /// "Tydlig effektlogik mot målet".
  package var swedishTitle: String { "Tydlig effektlogik mot målet" }

  /// Fails on any validation error.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let findings = insats.effektlogik.validate(options: options)
    let errors = findings.filter { $0.severity == .error }
    let warnings = findings.filter { $0.severity == .warning }
    if !errors.isEmpty {
      return fail(
        "The effect logic has \(errors.count) error(s): \(Self.list(errors, .en)).",
        swedish: "Effektlogiken har \(errors.count) fel: \(Self.list(errors, .sv)).")
    }
    let activities = insats.effektlogik.nodes(in: .aktivitet).count
    let goal = goalName(in: insats.effektlogik)
    let measured = goal.map { " measured by \($0)" } ?? ""
    let mätt = goal.map { " mätt med \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? ""
    if !warnings.isEmpty {
      let en =
        "The effect logic links \(activities) activities to the slutmål\(measured), with \(warnings.count) warning(s): \(Self.list(warnings, .en))."
      let sv =
        "Effektlogiken kopplar \(activities) aktiviteter till slutmålet\(mätt), med \(warnings.count) \(warnings.count == 1 ? "varning" : "varningar"): \(Self.list(warnings, .sv))."
      return warningsFail ? fail(en, swedish: sv) : warning(en, swedish: sv)
    }
    return pass(
      "The effect logic links \(activities) activities through outputs and effects to the slutmål\(measured).",
      swedish: "Effektlogiken kopplar \(activities) aktiviteter via prestationer och effekter till slutmålet\(mätt).")
  }

  /// The first three findings in `language`, then how many more.
  private static func list(_ f: [Effektlogikkedja.Finding], _ language: ReportLanguage) -> String {
    let shown = f.prefix(3).map { $0.message(in: language) }.joined(separator: "; ")
    guard f.count > 3 else { return shown }
    return shown + (language == .sv ? "; och \(f.count - 3) till" : "; and \(f.count - 3) more")
  }

  /// The name of the goal indicator as the chain's slutmål gives it (e.g.
  /// "UVAS 16–29"), else as the indicator catalogue does, else its id.
  private func goalName(in chain: Effektlogikkedja) -> String? {
    guard let id = options.goalIndicator else { return nil }
    for node in chain.nodes(in: .slutmål) {
      if let named = node.indicators.first(where: { $0.indicator == id }) { return named.name }
    }
    return IndicatorCatalogue.stadskontoret2025.indicator(id: id)?.name ?? id
  }
}

extension EligibilityRule where Self == EffectLogicRule {
  /// ``EffectLogicRule`` with the default checks (no goal indicator).
  package static var effectLogic: EffectLogicRule { EffectLogicRule() }
}
