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
public struct EffectLogicRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `effektlogik`.
  public static let ruleID = "effektlogik"
  /// `effektlogik`.
  public var id: String { Self.ruleID }
  /// The validation options.
  public var options: Effektlogikkedja.ValidationOptions
  /// Whether warnings fail the rule too (default `false`).
  public var warningsFail: Bool

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - options: The checks (default: every check, no goal indicator).
  ///   - warningsFail: Whether a warning fails the rule.
  public init(options: Effektlogikkedja.ValidationOptions = .init(), warningsFail: Bool = false) {
    self.options = options
    self.warningsFail = warningsFail
  }

  /// "Valid effect logic reaching the goal (effektlogik)".
  public var title: String {
    "Valid effect logic (effektlogik) reaching the goal" + (options.goalIndicator.map { " measured by \($0)" } ?? "")
  }

  /// Fails on any validation error.
  public func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let findings = insats.effektlogik.validate(options: options)
    let errors = findings.filter { $0.severity == .error }
    let warnings = findings.filter { $0.severity == .warning }
    func list(_ f: [Effektlogikkedja.Finding]) -> String {
      let shown = f.prefix(3).map(\.message).joined(separator: "; ")
      return f.count > 3 ? shown + "; and \(f.count - 3) more" : shown
    }
    if !errors.isEmpty {
      return fail(
        "The effect logic has \(errors.count) error(s): \(list(errors)).",
        swedish: "Effektlogiken har \(errors.count) fel: \(list(errors)).")
    }
    let activities = insats.effektlogik.nodes(in: .aktivitet).count
    let goal = options.goalIndicator.map { " measured by \($0)" } ?? ""
    let mått = options.goalIndicator.map { " mätt med \($0)" } ?? ""
    if !warnings.isEmpty {
      let en = "The effect logic links \(activities) activities to the slutmål\(goal), with \(warnings.count) warning(s): \(list(warnings))."
      let sv = "Effektlogiken kopplar \(activities) aktiviteter till slutmålet\(mått), med \(warnings.count) varning(ar): \(list(warnings))."
      return warningsFail ? fail(en, swedish: sv) : warning(en, swedish: sv)
    }
    return pass(
      "The effect logic links \(activities) activities through outputs and effects to the slutmål\(goal).",
      swedish: "Effektlogiken kopplar \(activities) aktiviteter via prestationer och effekter till slutmålet\(mått).")
  }
}

extension EligibilityRule where Self == EffectLogicRule {
  /// ``EffectLogicRule`` with the default checks (no goal indicator).
  public static var effectLogic: EffectLogicRule { EffectLogicRule() }
}
