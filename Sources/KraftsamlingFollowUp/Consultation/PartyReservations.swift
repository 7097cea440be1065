import KraftsamlingCore

/// The reservations and särskilda yttranden of one party across a
/// round's answers.
///
/// ```swift
/// let v = PartyReservations.tally(answers).first { $0.party == "V" }
/// v?.reservations        // nämnder where V reserved against the decision
/// v?.särskildaYttranden  // nämnder where V made a särskilt yttrande
/// ```
package struct PartyReservations: Sendable, Hashable, Codable {
  /// The party's abbreviation.
  package var party: String
  /// Respondents (nämnder) where the party reserved against the decision.
  package var reservations: [String]
  /// Respondents where the party made a särskilt yttrande.
  package var särskildaYttranden: [String]

  /// Tallies reservations per party, parties in code-point order,
  /// respondents in answer order.
  ///
  /// - Parameter answers: The answers.
  /// - Returns: One entry per party that reserved or made a statement.
  /// - Complexity: O(a·r·log r), a answers, r reservations each.
  package static func tally(_ answers: [Remissvar]) -> [PartyReservations] {
    var byParty: [String: PartyReservations] = [:]
    for a in answers {
      for r in a.reservations {
        var entry = byParty[r.party] ?? PartyReservations(party: r.party, reservations: [], särskildaYttranden: [])
        switch r.kind {
        case .reservation:
          if !entry.reservations.contains(a.respondent) { entry.reservations.append(a.respondent) }
        case .särskiltYttrande:
          if !entry.särskildaYttranden.contains(a.respondent) { entry.särskildaYttranden.append(a.respondent) }
        }
        byParty[r.party] = entry
      }
    }
    return byParty.values.sorted { $0.party < $1.party }
  }
}
