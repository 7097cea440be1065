import KraftsamlingCore

/// The steering group (*styrgrupp*) of the kraftsamlande insatser: one
/// representative per participating förvaltning, each with a mandate to
/// decide for their nämnd and förvaltning; stadskontoret convenes.
///
/// STK-2024-1374: "Styrgruppen föreslås bestå av representanter från
/// samtliga förvaltningar som medverkar i kraftsamlande insatser …
/// Representanterna bör ha ett uttalat beslutsmandat åt sin nämnd och dess
/// förvaltning."
///
/// ```swift
/// let s = try Styrgrupp(members: [
///   Representant(name: "Anna Berg", actor: "GRF", hasMandate: true),
///   Representant(name: "Omar Said", actor: "FRF", hasMandate: true),
/// ], catalogue: .malmö, convener: "STK")                // Malmö's actors, from KraftsamlingKitData
/// s.member(for: "GRF")?.name                          // "Anna Berg"
/// s.missingRepresentation(for: insatser, catalogue: .malmö)   // ["ASF"]
/// ```
public struct Styrgrupp: Sendable, Hashable, Codable {
  /// The representatives, one per förvaltning, in the order given.
  public private(set) var members: [Representant]
  /// The convening actor (in Malmö `STK`, stadskontoret).
  package var convener: String

  /// Creates a styrgrupp.
  ///
  /// - Parameters:
  ///   - members: One representative per förvaltning.
  ///   - catalogue: The municipality's actors, to check that members represent förvaltningar.
  ///   - convener: The convening actor's id (in Malmö `STK`, stadskontoret).
  /// - Throws: ``InsatsError`` `.styrgruppComposition` when a member
  ///   represents something other than a förvaltning (a nämnd is named by
  ///   its förvaltning: write `GRF`, not `GRN`) or a förvaltning twice.
  /// - Complexity: O(*m*²) for *m* members.
  public init(members: [Representant], catalogue: AktörKatalog, convener: String) throws(InsatsError) {
    var seen: [String] = []
    for m in members {
      guard let a = catalogue.aktör(id: m.actor), a.kind == .förvaltning else {
        let hint = catalogue.förvaltning(for: m.actor).map { "name the förvaltning \($0.id) (\($0.name)) instead" }
          ?? "a styrgrupp member represents a förvaltning of the catalogue"
        throw InsatsError(
          .styrgruppComposition, "\(m.name) represents \(m.actor), which is not a förvaltning", hint: hint)
      }
      if seen.contains(m.actor) {
        throw InsatsError(
          .styrgruppComposition, "\(a.name) has more than one representative in the styrgrupp",
          hint: "the styrgrupp has one representative per förvaltning")
      }
      seen.append(m.actor)
    }
    self.members = members
    self.convener = convener
  }

  /// The representative of a förvaltning (or of a nämnd's förvaltning), or `nil`.
  ///
  /// - Parameters:
  ///   - actor: A förvaltning id.
  package func member(for actor: String) -> Representant? { members.first { $0.actor == actor } }

  /// Whether a person is a member (same name and actor).
  ///
  /// - Parameter representative: The person.
  package func isMember(_ representative: Representant) -> Bool {
    members.contains { $0.name == representative.name && $0.actor == representative.actor }
  }

  /// The members without an explicit decision mandate.
  package var membersWithoutMandate: [Representant] { members.filter { !$0.hasMandate } }

  /// The förvaltningar that take part in any of the insatser (as owner,
  /// participant or budget holder; a nämnd counts as its förvaltning), in
  /// order of first appearance. Companies and partners have no seat.
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - catalogue: The actors.
  public static func participatingFörvaltningar(in insatser: [Insats], catalogue: AktörKatalog) -> [String] {
    var out: [String] = []
    for i in insatser {
      for a in i.actorIDs + i.budget.map(\.actor) {
        if let f = catalogue.förvaltning(for: a), !out.contains(f.id) { out.append(f.id) }
      }
    }
    return out
  }

  /// The participating förvaltningar that have no representative.
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - catalogue: The actors.
  public func missingRepresentation(for insatser: [Insats], catalogue: AktörKatalog) -> [String] {
    Self.participatingFörvaltningar(in: insatser, catalogue: catalogue).filter { member(for: $0) == nil }
  }
}
