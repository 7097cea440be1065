import KraftsamlingCore

/// No ongoing insats of another actor works in the same delområde on the
/// same theme in the same years (optional; the 2023 remissvar warned
/// against parallel processes).
///
/// "Ongoing" is a status in ``statuses`` (by default beviljad and pågående);
/// "another actor" means another owning organisation (a nämnd counts as its
/// förvaltning). Themes are compared case-insensitively. The other insatser
/// come from ``EligibilityContext/otherInsatser``.
///
/// ```swift
/// NoOverlapRule()                       // fail on overlap
/// NoOverlapRule(outcome: .warning)      // only warn
/// ```
///
/// Rule-set file: `{"id": "ingen-overlapp", "enabled": true, "outcome": "warning",
/// "statuses": ["beviljad", "pågående"]}`.
///
/// - Complexity: O(*m*·*a*·*t*) for *m* other insatser with *a* areas and *t* themes.
package struct NoOverlapRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `ingen-overlapp`.
  package static let ruleID = "ingen-overlapp"
  /// `ingen-overlapp`.
  package var id: String { Self.ruleID }
  /// The outcome when an overlap is found (fail or warning).
  package var outcome: RuleOutcome
  /// The statuses of the other insatser that count as ongoing.
  package var statuses: Set<Beslutsstatus>

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - outcome: The outcome on overlap (default fail).
  ///   - statuses: Which statuses count as ongoing (default beviljad, pågående).
  package init(outcome: RuleOutcome = .fail, statuses: Set<Beslutsstatus> = [.beviljad, .pågående]) {
    self.outcome = outcome
    self.statuses = statuses
  }

  /// "No overlap with an ongoing insats of another actor".
  package var title: String { "No overlap with an ongoing insats of another actor (same area and theme)" }

  /// "Ingen överlappning med en annan aktörs pågående insats".
  package var swedishTitle: String { "Ingen överlappning med en annan aktörs pågående insats (samma område och tema)" }

  /// Fails (or warns) when an overlap is found.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    var found: [String] = []
    for other in context.otherInsatser where other.id != insats.id && statuses.contains(other.status) {
      guard context.organisation(of: other.owner) != context.organisation(of: insats.owner),
        let o = InsatsOverlap.between(insats, other)
      else { continue }
      found.append(
        "\(other.id) '\(other.title)' (\(context.actorName(other.owner)), \(other.status)) in \(o.areas.map(context.areaName).joined(separator: ", ")) on \(o.themes.joined(separator: ", ")) \(o.years.lowerBound)–\(o.years.upperBound)")
    }
    if found.isEmpty {
      return pass(
        "No ongoing insats of another actor shares a delområde and a theme with this one.",
        swedish: "Ingen pågående insats hos en annan aktör delar delområde och tema med denna.")
    }
    let en = "The insats overlaps \(found.count) ongoing insats(er) of other actors: \(found.joined(separator: "; ")). Coordinate to avoid parallel processes."
    let sv = "Insatsen överlappar \(found.count) pågående insats(er) hos andra aktörer: \(found.joined(separator: "; ")). Samordna för att undvika parallella processer."
    return RuleResult(ruleID: id, title: title, outcome: outcome == .pass ? .warning : outcome, reason: en, swedishReason: sv)
  }
}

extension EligibilityRule where Self == NoOverlapRule {
  /// ``NoOverlapRule`` failing on overlap.
  package static var noOverlap: NoOverlapRule { NoOverlapRule() }
}
