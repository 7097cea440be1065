import KraftsamlingCore

/// The insats targets at least one of the selected delområden (optional in
/// STK-2024-1374, whose final selection the styrgrupp makes).
///
/// A purely thematic insats (no delområde) gets a warning: whether it fits
/// is for the styrgrupp to judge. The rule has no default selection: give
/// the codes (Malmö's initial selection of STK-2024-1374 is
/// `PublishedSelection.stk2024_1374.delområden` in KraftsamlingKitData, and
/// `RuleSet.stk2024_1374Full()` already contains this rule with it).
///
/// ```swift
/// let holma: BuiltInRule = .selectedArea(["25611"], name: "Holma")   // your own selection
/// let mine: BuiltInRule = .selectedArea(Set(selection.codes))        // e.g. from an AreaSelection
/// ```
///
/// Rule-set file: `{"id": "valt-delomrade", "enabled": true, "areas": ["Holma", "36105"]}`
/// (names or codes).
///
/// - Complexity: O(*a*) for *a* target areas.
package struct SelectedAreaRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `valt-delomrade`.
  package static let ruleID = "valt-delomrade"
  /// `valt-delomrade`.
  package var id: String { Self.ruleID }
  /// The selected delområde codes.
  package var areas: Set<String>
  /// A name for the selection, used in reasons.
  package var name: String

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - areas: The selected delområde codes.
  ///   - name: The selection's name, used in reasons (default `the selected delområden`).
  package init(areas: Set<String>, name: String = "the selected delområden") {
    self.areas = areas
    self.name = name
  }

  /// "Targets a selected delområde".
  package var title: String { "Targets a selected delområde" }

  /// "Riktar sig till ett delområde i urvalet".
  package var swedishTitle: String { "Riktar sig till ett delområde i urvalet" }

  /// Passes when a target area is selected.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    if insats.areas.isEmpty {
      return warning(
        "The insats names no delområde (themes: \(insats.themes.joined(separator: ", "))); whether it serves \(name) is for the styrgrupp to judge.",
        swedish: "Insatsen anger inget delområde (teman: \(insats.themes.joined(separator: ", "))); styrgruppen får bedöma om den hör till urvalet.")
    }
    let hits = insats.areas.filter(areas.contains)
    if !hits.isEmpty {
      let list = hits.map(context.areaName).joined(separator: ", ")
      let names = hits.map(context.plainAreaName).joined(separator: ", ")
      return pass("The insats targets \(list), in \(name).", swedish: "Insatsen riktar sig till \(names), som ingår i urvalet.")
    }
    let list = insats.areas.map(context.areaName).joined(separator: ", ")
    let names = insats.areas.map(context.plainAreaName).joined(separator: ", ")
    return fail(
      "The insats targets \(list), none of the \(areas.count) delområden of \(name).",
      swedish: "Insatsen riktar sig till \(names), inget av urvalets \(areas.count) delområden.")
  }
}

extension EligibilityRule where Self == BuiltInRule {
  /// The insats targets at least one of the given delområden
  /// (`valt-delomrade`); an insats with no delområde at all gets a warning.
  ///
  /// - Parameters:
  ///   - areas: The selected delområde codes.
  ///   - name: The selection's name, used in reasons (default `the selected delområden`).
  public static func selectedArea(_ areas: Set<String>, name: String = "the selected delområden") -> BuiltInRule {
    BuiltInRule(SelectedAreaRule(areas: areas, name: name))
  }
}
