import KraftsamlingCore

/// Who proposes which coordinator, alone or jointly: the tally of the
/// ``Samordnarförslag`` of a round's answers, per actor.
///
/// Rules (each counts respondents, not mentions):
/// - a respondent names an actor **alone** when one of its proposals has
///   that actor as its only party; **jointly** when a proposal has that
///   actor among two or more parties (named or described); **supporting**
///   when the proposal's strength is `supporting`. One respondent may be in
///   several columns (FSN proposes MKB alone and MKB with stadskontoret).
/// - **any role** is the union of the three;
/// - **rejected by**: proposals with strength `rejected`;
/// - **names no actor**: respondents with no non-rejected proposal naming
///   an actor id (they may describe one, like "the nämnd with the
///   coordination mandate", or propose nothing);
/// - **no proposal**: respondents with no non-rejected proposal at all.
///
/// ```swift
/// let t = CoordinatorTally(answers, catalogue: .malmö)
/// t.row(for: "MKB")?.alone      // ["FSN", "SN", "P-MALMO"] in the 2023 round
/// t.noProposal.count           // 6
/// ```
///
/// - Complexity: O(a·p·log p) to build, a answers, p parties per answer.
public struct CoordinatorTally: Sendable, Hashable, Codable {
  /// How actors are grouped before tallying.
  public enum Grouping: String, Sendable, Hashable, Codable, CaseIterable {
    /// As named in the answers (stadskontoret and kommunstyrelsen apart).
    case asNamed = "as-named"
    /// A förvaltning is counted as its nämnd (stadskontoret → KS,
    /// fastighets- och gatukontoret → TN), as in Malmö's own summary table.
    case nämnd
  }

  /// One actor's tally.
  public struct Row: Sendable, Hashable, Codable {
    /// The actor id.
    public package(set) var actor: String
    /// The actor's name.
    package var name: String
    /// Respondents proposing it as the only party.
    public package(set) var alone: [String]
    /// Respondents proposing it together with others.
    public package(set) var jointly: [String]
    /// Respondents giving it a supporting role.
    public package(set) var supporting: [String]
    /// Respondents saying it should not coordinate.
    public package(set) var rejectedBy: [String]
    /// Respondents naming it in any role but rejection, in answer order.
    public package(set) var anyRole: [String]
  }

  /// How actors were grouped.
  package var grouping: Grouping
  /// One row per actor named, most respondents (any role) first, then by id.
  public package(set) var rows: [Row]
  /// Described, unnamed parties and the respondents describing them (not rejections).
  package var unnamedParties: [Sammanställning.Count]
  /// Respondents who name no actor id (in any role but rejection).
  public package(set) var namesNoActor: [String]
  /// Respondents who make no proposal at all.
  public package(set) var noProposal: [String]

  /// Tallies the coordinator proposals of some answers.
  ///
  /// - Parameters:
  ///   - answers: The answers, in the order respondents are listed.
  ///   - catalogue: The municipality's actors: resolves names and, for
  ///     ``Grouping/nämnd``, förvaltningar to nämnder.
  ///   - grouping: As named (default) or rolled up to nämnd.
  package init(_ answers: [Remissvar], catalogue: AktörKatalog, grouping: Grouping = .asNamed) {
    self.grouping = grouping
    func group(_ id: String) -> String {
      guard grouping == .nämnd else { return id }
      return catalogue.nämnd(ofFörvaltning: id)?.id ?? id
    }
    var order: [String] = []
    var alone: [String: [String]] = [:]
    var jointly: [String: [String]] = [:]
    var supporting: [String: [String]] = [:]
    var rejected: [String: [String]] = [:]
    func add(_ dict: inout [String: [String]], _ actor: String, _ respondent: String) {
      if !order.contains(actor) { order.append(actor) }
      if !(dict[actor] ?? []).contains(respondent) { dict[actor, default: []].append(respondent) }
    }
    var unnamed = OrderedTally()
    var noActor: [String] = []
    var none: [String] = []
    for a in answers {
      var namesActor = false
      var proposes = false
      for p in a.coordinatorProposals {
        var actors: [String] = []
        for id in p.actors.map(group) where !actors.contains(id) { actors.append(id) }
        let parties = actors.count + p.unnamedParties.count
        if p.strength == .rejected {
          for id in actors { add(&rejected, id, a.respondent) }
          continue
        }
        proposes = true
        if !actors.isEmpty { namesActor = true }
        for u in p.unnamedParties { unnamed.add(u, a.respondent) }
        for id in actors {
          if p.strength == .supporting {
            add(&supporting, id, a.respondent)
          } else if parties >= 2 {
            add(&jointly, id, a.respondent)
          } else {
            add(&alone, id, a.respondent)
          }
        }
      }
      if !namesActor { noActor.append(a.respondent) }
      if !proposes { none.append(a.respondent) }
    }
    let respondentOrder = answers.map(\.respondent)
    rows = order.map { id in
      let any = Set((alone[id] ?? []) + (jointly[id] ?? []) + (supporting[id] ?? []))
      return Row(
        actor: id, name: catalogue.aktör(id: id)?.name ?? id, alone: alone[id] ?? [], jointly: jointly[id] ?? [],
        supporting: supporting[id] ?? [], rejectedBy: rejected[id] ?? [],
        anyRole: respondentOrder.filter { any.contains($0) })
    }.sorted { $0.anyRole.count != $1.anyRole.count ? $0.anyRole.count > $1.anyRole.count : $0.actor < $1.actor }
    unnamedParties = unnamed.counts()
    namesNoActor = noActor
    noProposal = none
  }

  /// The row of an actor (after grouping), or `nil` if nobody names or rejects it.
  public func row(for actor: String) -> Row? { rows.first { $0.actor == actor } }
}
