import KraftsamlingCore

/// The insats has a preventive focus (STK-2024-1374: *fokus på
/// förebyggande insatser*).
///
/// Passes when the classification includes ``Insats/Inriktning/förebyggande``.
/// A purely promoting insats (``Insats/Inriktning/främjande`` without
/// preventive) gets ``promotingAlone`` (a warning by default: the programme
/// speaks of a *främjande och förebyggande karaktär*, so a person should
/// judge). A purely remedial insats fails.
///
/// ```swift
/// PreventiveFocusRule().evaluate(remedialInsats, in: context).outcome   // .fail
/// PreventiveFocusRule(promotingAlone: .pass)                            // accept promoting work
/// ```
///
/// Rule-set file: `{"id": "forebyggande-fokus", "promotingAlone": "pass"}`.
///
/// - Complexity: O(1).
package struct PreventiveFocusRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `forebyggande-fokus`.
  package static let ruleID = "forebyggande-fokus"
  /// `forebyggande-fokus`.
  package var id: String { Self.ruleID }
  /// The outcome for a promoting insats that is not tagged preventive.
  package var promotingAlone: RuleOutcome

  /// Creates the rule.
  ///
  /// - Parameter promotingAlone: The outcome for promoting-only work
  ///   (default warning).
  package init(promotingAlone: RuleOutcome = .warning) {
    self.promotingAlone = promotingAlone
  }

  /// "Preventive focus (förebyggande)".
  package var title: String { "Preventive focus (förebyggande)" }

  /// "Förebyggande inriktning".
  package var swedishTitle: String { "Förebyggande inriktning" }

  /// Passes for a preventive focus.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let focus = insats.classification.focus.map(\.rawValue).joined(separator: ", ")
    if insats.classification.isPreventive {
      return pass(
        "The insats is classified as preventive (\(focus)).",
        swedish: "Insatsen är klassad som förebyggande (\(focus)).")
    }
    if insats.classification.focus.contains(.främjande) {
      let en = "The insats is promoting (främjande) but not tagged preventive (förebyggande); STK-2024-1374 asks for a preventive focus."
      let sv = "Insatsen är främjande men inte klassad som förebyggande; STK-2024-1374 kräver fokus på förebyggande insatser."
      return RuleResult(ruleID: id, title: title, outcome: promotingAlone, reason: en, swedishReason: sv)
    }
    return fail(
      "The insats is not preventive (its focus: \(focus.isEmpty ? "none given" : focus)); STK-2024-1374 funds insatser with a preventive focus.",
      swedish: "Insatsen är inte förebyggande (inriktning: \(focus.isEmpty ? "ingen angiven" : focus)); STK-2024-1374 finansierar insatser med fokus på förebyggande arbete.")
  }
}

extension EligibilityRule where Self == PreventiveFocusRule {
  /// ``PreventiveFocusRule``: the focus includes preventive work.
  package static var preventiveFocus: PreventiveFocusRule { PreventiveFocusRule() }
}
