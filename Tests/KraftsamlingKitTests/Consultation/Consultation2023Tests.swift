import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// The bundled 2023 consultation agrees with the facts of
/// `Data/remissvar-2023.json`, counted by hand from its
/// `proposedCoordinator`, `stanceOnModel`, `proposedIndicators` and
/// `reservations` fields.
@Suite("Bundled 2023 consultation (STK-2023-137)")
struct Consultation2023Tests {
  let round = MalmöData.remissvar2023
  let s = Sammanställning(MalmöData.remissvar2023, catalogue: .malmö)

  @Test("15 answers from 12 nämnder and 3 companies, all known actors")
  func respondents() throws {
    #expect(round.answers.count == 15)
    #expect(s.respondents.filter { $0.kind == .nämnd }.count == 12)
    #expect(s.respondents.filter { $0.kind == .bolag }.map(\.id) == ["MKB", "P-MALMO", "POMAB"])
    #expect(!round.diagnostics(against: .malmö).containsErrors)
    #expect(round.remiss.questions.count == 4 && round.remiss.question(about: .coordinator)?.number == 4)
    #expect(!s.recipientsKnown && s.nonRespondents.isEmpty)
    let asn = try #require(round.answer(from: "ASN"))
    #expect(asn.diarienummer == "ASN-2023-19537" && asn.date == CalendarDate(2023, 11, 23))
  }

  @Test("coordinator tally agrees with proposedCoordinator in the source JSON")
  func coordinators() throws {
    // proposedCoordinator per respondent (source JSON):
    //   ASN  none stated                         GVN  none (question left unanswered)
    //   FRN  stadskontoret; fritidsnämnden        HVON none (does not comment)
    //   FSN  MKB; stadskontoret (shared w. MKB)   KN   none (sees no mandate)
    //   FSKN fritidsnämnden; nämnd m. stadsutv.;  MN   none stated
    //        stadskontoret (close partner)        SN   MKB; stadskontoret (possible partner)
    //   GRN  nämnd utsedd av KS + t.ex. MKB       SBN  none specific (a nämnd …); stadsbyggnadsnämnden
    //   TN   strategic: nämnd per reglementen     MKB  none stated
    //        (not named); not a company           P-Malmö MKB; MKB + FGK; miljöförvaltningen (support)
    //   PÖMAB stadskontoret
    // MKB in any role: FSN, GRN, SN, P-Malmö = 4.
    let mkb = try #require(s.coordinators.row(for: "MKB"))
    #expect(mkb.anyRole == ["FSN", "GRN", "SN", "P-MALMO"])
    // Alone: FSN (MKB), SN (MKB), P-Malmö (MKB) = 3; jointly: FSN (+STK), GRN (+nämnd), SN (+STK), P-Malmö (+FGK) = 4.
    #expect(mkb.alone == ["FSN", "SN", "P-MALMO"])
    #expect(mkb.jointly == ["FSN", "GRN", "SN", "P-MALMO"])
    #expect(mkb.rejectedBy == ["GRN"])  // summary table: GRN does not want MKB as sole coordinator
    // Stadskontoret: FRN, FSN, FSKN, SN, PÖMAB = 5 (alone: FRN, PÖMAB).
    let stk = try #require(s.coordinators.row(for: "STK"))
    #expect(stk.anyRole == ["FRN", "FSN", "FSKN", "SN", "POMAB"])
    #expect(stk.alone == ["FRN", "POMAB"])
    #expect(s.coordinators.row(for: "FRN")?.anyRole == ["FRN", "FSKN"])
    #expect(s.coordinators.row(for: "SBN")?.anyRole == ["SBN"])
    #expect(s.coordinators.row(for: "FGK")?.jointly == ["P-MALMO"])
    #expect(s.coordinators.row(for: "MF")?.supporting == ["P-MALMO"])
    // Only "none …" entries: ASN, GVN, HVON, KN, MN, MKB = 6; TN describes but names no actor: 7.
    #expect(s.coordinators.noProposal == ["ASN", "GVN", "HVON", "KN", "MN", "MKB"])
    #expect(s.coordinators.namesNoActor == ["ASN", "GVN", "HVON", "KN", "MN", "TN", "MKB"])
    // 15 = 4 naming MKB + 4 naming others only (FRN, FSKN, SBN, PÖMAB) + 7 naming none.
    #expect(round.answers.filter { $0.namesAnyActor && !$0.namesActor("MKB") }.map(\.respondent) == ["FRN", "FSKN", "SBN", "POMAB"])
    // Question 4: GVN, HVON, KN declined.
    #expect(s.tally(question: 4)?.declined == ["GVN", "HVON", "KN"])
  }

  @Test("grouped by nämnd, stadskontoret counts as kommunstyrelsen and FGK as tekniska nämnden")
  func groupedByNämnd() {
    let g = Sammanställning(round, catalogue: .malmö, grouping: .nämnd)
    #expect(g.coordinators.row(for: "KS")?.anyRole.count == 5)
    #expect(g.coordinators.row(for: "TN")?.jointly == ["P-MALMO"])
    #expect(g.coordinators.row(for: "MN")?.supporting == ["P-MALMO"])
  }

  @Test("stances: 8 positive, 7 positive with reservations (stanceOnModel)")
  func stances() {
    // positive: ASN, FSN, GVN, HVON, MN, SN, P-Malmö, PÖMAB; with reservations: FRN, FSKN, GRN, KN, SBN, TN, MKB.
    #expect(s.stances.map(\.respondents.count) == [8, 7])
    #expect(s.stances[1].respondents == ["FRN", "FSKN", "GRN", "KN", "SBN", "TN", "MKB"])
  }

  @Test("indicator demand agrees with proposedIndicators", arguments: [
    // trygghet: ASN, FRN, FSN, GRN (upplevd trygghet), KN (sociala barnindikatorer), MN, MKB, PÖMAB
    ("trygghet", 8),
    // tillit: ASN, FRN, FSN, FSKN (tillitsperspektiv), KN, MN
    ("tillit", 6),
    // barnfattigdom: ASN, FRN, KN, MN
    ("barnfattigdom", 4),
    // inskrivna i förskola: ASN, FRN, MN
    ("inskrivna i förskola", 3),
    // CTC risk- och skyddsfaktorer: FRN, GRN, KN, MN, SBN
    ("CTC risk- och skyddsfaktorer", 5),
    ("Care Need Index (CNI)", 1),
    // hälsa: ASN, FSN, FSKN, GRN, HVON, KN, TN
    ("hälsa", 7),
    // uppdelning per kön: ASN, FSN, MN
    ("uppdelning per kön", 3),
  ])
  func indicators(theme: String, count: Int) {
    #expect(s.indicatorDemand.row(for: theme)?.respondents.count == count)
  }

  @Test("criticism of the index: four respondents say health is missing")
  func criticism() {
    // criticismOfIndex: ASN "health aspects missing", FSKN "lacks health perspective",
    // HVON "no health aspect", TN "no health indicators".
    #expect(s.indexCriticism.row(for: "hälsoperspektiv saknas")?.respondents == ["ASN", "FSKN", "HVON", "TN"])
  }

  @Test("reservations by party agree with the reservations strings")
  func reservations() {
    // V: reservation in ASN, MN, SN; särskilt yttrande in FSKN, SBN, TN.
    let v = s.reservations.first { $0.party == "V" }
    #expect(v?.reservations == ["ASN", "MN", "SN"])
    #expect(v?.särskildaYttranden == ["FSKN", "SBN", "TN"])
    #expect(s.reservations.map(\.party) == ["C", "L", "M", "S", "SD", "V"])
    let asn = round.answer(from: "ASN")!.reservations
    #expect(asn[0] == Reservation(party: "S", kind: .reservation, form: .skriftlig, jointWith: ["L"], sources: asn[0].sources))
  }

  @Test("every fact keeps its line reference into seed 004")
  func sources() throws {
    let p = try #require(round.answer(from: "P-MALMO"))
    #expect(p.sources == [Källhänvisning(document: "004", lines: 3164...3270)])
    #expect(p.coordinatorProposals[1].sources.first?.description == "004:3257–3266")
    #expect(round.answers.allSatisfy { !$0.sources.isEmpty })
    #expect(round.documents.map(\.id) == ["004", "003"])
  }

  @Test("the 2025 remiss has four questions, 13 recipients and no answers")
  func remiss2025() {
    let r = MalmöData.remiss2025
    #expect(r.remiss.diarienummer == "STK-2024-1374")
    #expect(r.remiss.deadline == CalendarDate(2025, 6, 13))
    #expect(r.remiss.questions.map(\.topic) == [.involvement, .steeringGroup, .money, .ongoingProgrammes])
    #expect(r.remiss.recipients == ["ASN", "FRN", "FSN", "FSKN", "GRN", "GVN", "HVON", "KN", "MN", "SN", "TN", "MKB", "MINC"])
    let s = Sammanställning(r, catalogue: .malmö)
    #expect(s.nonRespondents.count == 13)
    #expect(s.headline() == "STK-2024-1374: 0 av 13 remissinstanser har svarat, sista svarsdag 2025-06-13.")
  }

  @Test("headline of the 2023 round")
  func headline() {
    #expect(
      s.headline()
        == "STK-2023-137: 15 remissvar (12 nämnder, 3 bolag); 8 positiva, 7 positiva med invändningar. Samordnare: Stadskontoret nämns av 5, MKB Fastighets AB av 4; 7 namnger ingen aktör."
    )
  }
}
