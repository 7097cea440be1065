import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// A small hand-made consultation whose tallies are counted by hand.
///
/// Remiss T-1, two questions (1: coordinator, 2: model), recipients ASN,
/// GRN, KN, MKB. Answers:
/// - ASN (positiv): MKB alone; MKB + STK jointly (possible). Indicators:
///   "trygghet" [trygghet], "upplevd tillit" [tillit]. V reservation,
///   M särskilt yttrande.
/// - GRN (positiv med invändningar): "nämnd utsedd av KS" + MKB jointly;
///   MKB rejected as sole coordinator. Indicators: "trygghetsmätning"
///   [trygghet], "frånvaro" (no theme). V written reservation.
/// - KN (positiv): no proposal; declines question 1.
/// - MKB: no answer.
enum HandMade {
  static let round: Remissomgång = {
    let remiss = Remiss(
      diarienummer: "T-1", title: "Testremiss",
      questions: [
        Remissfråga(number: 1, text: "Vem ska samordna?", shortLabel: "Samordnare", topic: .coordinator),
        Remissfråga(number: 2, text: "Hur ser ni på modellen?", topic: .model),
      ],
      recipients: ["ASN", "GRN", "KN", "MKB"], deadline: CalendarDate(2025, 6, 13))
    var asn = Remissvar(respondent: "ASN", stance: .positiv, date: CalendarDate(2025, 6, 1))
    asn.coordinatorProposals = [
      Samordnarförslag(actors: ["MKB"], text: "MKB"),
      Samordnarförslag(actors: ["MKB", "STK"], strength: .possible, text: "MKB med stadskontoret"),
    ]
    asn.indicators = [Synpunkt("trygghet", themes: ["trygghet"]), Synpunkt("upplevd tillit", themes: ["tillit"])]
    asn.answers = [
      Frågesvar(question: 1, positions: ["MKB", "STK"]), Frågesvar(question: 2, positions: ["positive"]),
    ]
    asn.reservations = [
      Reservation(party: "V", kind: .reservation), Reservation(party: "M", kind: .särskiltYttrande),
    ]
    var grn = Remissvar(respondent: "GRN", stance: .positivMedInvändningar)
    grn.coordinatorProposals = [
      Samordnarförslag(actors: ["MKB"], unnamedParties: ["nämnd utsedd av KS"], text: "nämnd + MKB"),
      Samordnarförslag(actors: ["MKB"], strength: .rejected, scope: "som ensam samordnare", text: "inte MKB ensamt"),
    ]
    grn.indicators = [Synpunkt("trygghetsmätning", themes: ["trygghet"]), Synpunkt("frånvaro")]
    grn.answers = [
      Frågesvar(question: 1, positions: ["MKB"]), Frågesvar(question: 2, positions: ["positive-with-reservations"]),
    ]
    grn.reservations = [Reservation(party: "V", kind: .reservation, form: .skriftlig)]
    var kn = Remissvar(respondent: "KN", stance: .positiv)
    kn.answers = [Frågesvar(question: 1, status: .declined), Frågesvar(question: 2, positions: ["positive"])]
    return Remissomgång(remiss: remiss, answers: [asn, grn, kn])
  }()
}

@Suite("Sammanställning on a hand-made consultation")
struct SammanstallningTests {
  let s = Sammanställning(HandMade.round, catalogue: .malmö)

  @Test("coordinator tally: alone, jointly, rejected, any role")
  func coordinators() throws {
    let mkb = try #require(s.coordinators.row(for: "MKB"))
    #expect(mkb.alone == ["ASN"])  // ASN: MKB as the only party
    #expect(mkb.jointly == ["ASN", "GRN"])  // ASN: MKB+STK; GRN: nämnd + MKB
    #expect(mkb.supporting.isEmpty)
    #expect(mkb.rejectedBy == ["GRN"])
    #expect(mkb.anyRole == ["ASN", "GRN"])  // 2 respondents, not 3 mentions
    let stk = try #require(s.coordinators.row(for: "STK"))
    #expect(stk.alone.isEmpty && stk.jointly == ["ASN"] && stk.anyRole.count == 1)
    #expect(s.coordinators.rows.map(\.actor) == ["MKB", "STK"])  // 2 before 1
    #expect(s.coordinators.unnamedParties == [Sammanställning.Count(label: "nämnd utsedd av KS", respondents: ["GRN"])])
    #expect(s.coordinators.namesNoActor == ["KN"])
    #expect(s.coordinators.noProposal == ["KN"])
  }

  @Test("grouping by nämnd counts stadskontoret as kommunstyrelsen")
  func grouping() throws {
    let g = Sammanställning(HandMade.round, catalogue: .malmö, grouping: .nämnd)
    #expect(g.coordinators.row(for: "STK") == nil)
    #expect(try #require(g.coordinators.row(for: "KS")).jointly == ["ASN"])
  }

  @Test("tallies per question and position, answered and declined")
  func questions() throws {
    let q1 = try #require(s.tally(question: 1))
    #expect(q1.answered == ["ASN", "GRN"] && q1.declined == ["KN"] && q1.notAddressed.isEmpty)
    #expect(q1.positions.map(\.label) == ["MKB", "STK"])
    #expect(q1.positions[0].respondents == ["ASN", "GRN"])
    let q2 = try #require(s.tally(question: 2))
    // positive: ASN, KN (2); positive-with-reservations: GRN (1).
    #expect(q2.positions.map(\.label) == ["positive", "positive-with-reservations"])
    #expect(q2.positions.map(\.respondents.count) == [2, 1])
  }

  @Test("indicator-demand matrix counts respondents per theme and keeps unthemed points")
  func matrix() throws {
    let m = s.indicatorDemand
    #expect(m.respondents == ["ASN", "GRN", "KN"])
    #expect(m.rows.map(\.theme) == ["trygghet", "tillit"])
    #expect(m.row(for: "trygghet")?.respondents == ["ASN", "GRN"])
    #expect(m.row(for: "trygghet")?.mentions == [["trygghet"], ["trygghetsmätning"]])
    #expect(m.contains(theme: "tillit", respondent: "ASN") && !m.contains(theme: "tillit", respondent: "GRN"))
    #expect(m.unthemed == [ThemeMatrix.Mention(respondent: "GRN", text: "frånvaro")])
  }

  @Test("non-respondents, stances and reservations by party")
  func overview() {
    #expect(s.nonRespondents.map(\.id) == ["MKB"])
    #expect(s.recipientsKnown && s.unsolicited.isEmpty)
    #expect(s.stances.map(\.label) == ["positive", "positive-with-reservations"])
    #expect(s.stances.map(\.respondents) == [["ASN", "KN"], ["GRN"]])
    #expect(s.reservations.map(\.party) == ["M", "V"])
    #expect(s.reservations[1].reservations == ["ASN", "GRN"])
    #expect(s.reservations[0].särskildaYttranden == ["ASN"])
  }

  @Test("headline in Swedish and English")
  func headline() {
    #expect(
      s.headline()
        == "T-1: 3 av 4 remissinstanser har svarat (3 nämnder), sista svarsdag 2025-06-13; 2 positiva, 1 positiv med invändningar. Samordnare: MKB Fastighets AB nämns av 2, Stadskontoret av 1; 1 namnger ingen aktör."
    )
    #expect(s.headline(language: .en).hasPrefix("T-1: 3 of 4 bodies have answered (3 nämnder), deadline 2025-06-13; 2 positive"))
  }

  @Test("the Markdown report has the sections a nämndsekreterare needs")
  func markdown() {
    let md = s.markdown()
    #expect(md.hasPrefix("# Sammanställning av remissvar – T-1\n"))
    for heading in ["## Översikt", "## Ej inkomna svar", "## Fråga 1: Samordnare", "## Samordnande roll: vem föreslår vem",
                    "## Efterfrågade indikatorer", "## Reservationer och särskilda yttranden", "## Källor"] {
      #expect(md.contains(heading + "\n"), "missing \(heading)")
    }
    #expect(md.contains("| MKB | MKB Fastighets AB | 1: ASN | 2: ASN, GRN |  | 2 | 1: GRN |"))
    #expect(md.contains("| trygghet | 2 | x | x |  |"))
    let en = s.markdown(language: .en)
    #expect(en.contains("## Coordinating role: who proposes whom") && en.contains("## Not answered"))
    let one = s.markdown(question: 2)
    #expect(one.contains("## Fråga 2") && !one.contains("## Fråga 1") && !one.contains("## Samordnande roll"))
  }

  @Test("a remiss with no answers lists every recipient as not having answered")
  func noAnswers() {
    let empty = Sammanställning(Remissomgång(remiss: HandMade.round.remiss), catalogue: .malmö)
    #expect(empty.nonRespondents.map(\.id) == ["ASN", "GRN", "KN", "MKB"])
    #expect(empty.headline() == "T-1: 0 av 4 remissinstanser har svarat, sista svarsdag 2025-06-13.")
    #expect(empty.coordinators.rows.isEmpty && empty.indicatorDemand.rows.isEmpty)
  }
}
