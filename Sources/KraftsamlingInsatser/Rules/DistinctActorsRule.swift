import KraftsamlingCore

/// At least a number of distinct actors plan and carry out the insats
/// (STK-2024-1374: *minst två aktörer ska planera och genomföra
/// insatserna*; *flera aktörer involverade*).
///
/// Counting:
/// - the owner and the participants whose role is in ``roles`` count
///   (by default ``Insats/Role/ägare`` and ``Insats/Role/medgenomförare``:
///   a knowledge resource or a co-funder does not carry out);
/// - an actor listed twice counts once, and a nämnd counts as the same
///   actor as its förvaltning (Grundskolenämnden and Grundskoleförvaltningen
///   are one organisation);
/// - with ``Scope/municipal`` only nämnder, förvaltningar and municipal
///   companies count, not external partners.
///
/// ```swift
/// let all: BuiltInRule = .distinctActors()                           // at least 2, all actors
/// let municipal: BuiltInRule = .distinctActors(minimum: 2, scope: .municipal)
/// ```
///
/// Rule-set file: `{"id": "flera-aktorer", "minimum": 2, "scope": "municipal", "roles": ["ägare", "medgenomförare"]}`.
///
/// - Complexity: O(*p*²) for *p* participants (small).
package struct DistinctActorsRule: EligibilityRule, Hashable {
  /// Which actors count.
  package typealias Scope = BuiltInRule.ActorScope

  /// The id in rule-set files: `flera-aktorer`.
  package static let ruleID = "flera-aktorer"
  /// `flera-aktorer`.
  package var id: String { Self.ruleID }
  /// The fewest distinct actors that pass.
  package var minimum: Int
  /// Which actors count.
  package var scope: Scope
  /// The roles that count.
  package var roles: Set<Insats.Role>

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - minimum: The fewest distinct actors (default 2).
  ///   - scope: All actors (default) or municipal only.
  ///   - roles: The roles that count (default owner and co-implementer).
  package init(minimum: Int = 2, scope: Scope = .all, roles: Set<Insats.Role> = [.ägare, .medgenomförare]) {
    self.minimum = minimum
    self.scope = scope
    self.roles = roles
  }

  /// "At least 2 distinct actors carry out the insats".
  package var title: String {
    "At least \(minimum) distinct \(scope == .municipal ? "municipal " : "")actors carry out the insats"
  }

  /// "Minst 2 aktörer genomför insatsen".
  package var swedishTitle: String {
    "Minst \(minimum) \(scope == .municipal ? "kommunala " : "")aktörer planerar och genomför insatsen"
  }

  /// The distinct organisations that count, in order of appearance, with
  /// the actors not counted and why.
  ///
  /// - Parameters:
  ///   - insats: The insats.
  ///   - context: The catalogue.
  /// - Returns: Counted organisation ids, and `(actor, reason, skäl)` for
  ///   the others, the reason in English and in Swedish.
  package func countedActors(_ insats: Insats, in context: EligibilityContext)
    -> (counted: [String], excluded: [(actor: String, reason: String, skäl: String)])
  {
    var counted: [String] = []
    var excluded: [(actor: String, reason: String, skäl: String)] = []
    var entries: [(actor: String, role: Insats.Role)] = [(insats.owner, .ägare)]
    entries += insats.participants.map { ($0.actor, $0.role) }
    for (actor, role) in entries {
      if !roles.contains(role) {
        excluded.append((actor, "role \(role.rawValue)", "deltar som \(role.rawValue)"))
        continue
      }
      guard let a = context.catalogue.aktör(id: actor) else {
        excluded.append((actor, "not in the actor catalogue", "finns inte i aktörskatalogen"))
        continue
      }
      if scope == .municipal && !a.isMunicipal {
        excluded.append((actor, "not a municipal actor", "inte en kommunal aktör"))
        continue
      }
      let org = context.organisation(of: actor)
      if counted.contains(org) {
        if org != actor || entries.filter({ $0.actor == actor }).count > 1 {
          excluded.append(
            (actor, "same organisation as \(context.actorName(org))", "samma organisation som \(context.actorName(org))"))
        }
        continue
      }
      counted.append(org)
    }
    // An actor listed twice is reported once.
    var seen = Set<String>()
    excluded = excluded.filter { seen.insert($0.actor + "|" + $0.reason).inserted }
    return (counted, excluded)
  }

  /// Passes when at least ``minimum`` distinct organisations count.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let (counted, excluded) = countedActors(insats, in: context)
    let names = counted.map(context.actorName).joined(separator: ", ")
    let notCounted =
      excluded.isEmpty ? "" : " Not counted: " + excluded.map { "\(context.actorName($0.actor)) (\($0.reason))" }.joined(separator: "; ") + "."
    let ejRäknade =
      excluded.isEmpty ? "" : " Räknas inte: " + excluded.map { "\(context.actorName($0.actor)) (\($0.skäl))" }.joined(separator: "; ") + "."
    let kind = scope == .municipal ? "municipal " : ""
    let slag = scope == .municipal ? "kommunala " : ""
    if counted.count >= minimum {
      return pass(
        "\(counted.count) distinct \(kind)actors plan and carry out the insats: \(names) (at least \(minimum) required).\(notCounted)",
        swedish: "\(counted.count) olika \(slag)aktörer planerar och genomför insatsen: \(names) (minst \(minimum) krävs).\(ejRäknade)")
    }
    return fail(
      "Only \(counted.count) distinct \(kind)actor(s) plan and carry out the insats\(names.isEmpty ? "" : ": \(names)"); at least \(minimum) are required (STK-2024-1374: at least two actors plan and carry out each insats).\(notCounted)",
      swedish: "\(counted.count == 1 ? "Bara en \(slag)aktör" : "Bara \(counted.count) \(slag)aktörer") planerar och genomför insatsen\(names.isEmpty ? "" : ": \(names)"); minst \(minimum) krävs (STK-2024-1374: minst två aktörer ska planera och genomföra insatserna).\(ejRäknade)")
  }
}

extension EligibilityRule where Self == BuiltInRule {
  /// At least `minimum` distinct actors plan and carry out the insats
  /// (`flera-aktorer`): the owner and the participants who carry it out
  /// (ägare, medgenomförare), a nämnd counted as its förvaltning.
  ///
  /// - Parameters:
  ///   - minimum: The fewest distinct actors (default 2).
  ///   - scope: All actors (default) or municipal only.
  public static func distinctActors(minimum: Int = 2, scope: BuiltInRule.ActorScope = .all) -> BuiltInRule {
    BuiltInRule(DistinctActorsRule(minimum: minimum, scope: scope))
  }
}
