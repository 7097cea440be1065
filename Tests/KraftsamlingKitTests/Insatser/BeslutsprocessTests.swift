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

/// Expects `body` to throw an ``InsatsError`` with `code`.
func expectCode(_ code: InsatsError.Code, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws(InsatsError) -> Void) {
  do {
    try body()
    Issue.record("expected \(code.rawValue)", sourceLocation: sourceLocation)
  } catch {
    #expect(error.code == code, sourceLocation: sourceLocation)
  }
}

@Suite("Beslutsprocess: legal and illegal transitions, bodies, mandate, override")
struct BeslutsprocessTests {
  let process = Beslutsprocess(ruleSet: .stk2024_1374())
  let ctx = InsatsFixtures.context

  /// The legal transitions and their bodies: every one is recorded.
  static let legal: [(Beslutsstatus, Beslutsstatus, Beslutsorgan)] = [
    (.utkast, .inlämnad, .arbetsgrupp),
    (.inlämnad, .tillstyrkt, .styrgrupp),
    (.inlämnad, .avstyrkt, .styrgrupp),
    (.tillstyrkt, .beviljad, .kommunstyrelsen),
    (.tillstyrkt, .avslagen, .kommunstyrelsen),
    (.beviljad, .pågående, .genomförare),
    (.pågående, .avslutad, .genomförare),
    (.avslutad, .uppföljd, .styrgrupp),
    (.avslutad, .uppföljd, .stadskontoret),
  ]

  func beslut(_ from: Beslutsstatus, _ to: Beslutsstatus, _ body: Beslutsorgan, date: String = "2025-11-12") -> Beslut {
    Beslut(from: from, to: to, body: body, representative: InsatsFixtures.chair, date: InsatsFixtures.date(date), reason: "motivering")
  }

  @Test("every legal transition is recorded, appended to the log and moves the status", arguments: 0..<9)
  func legal(_ i: Int) throws {
    let (from, to, body) = Self.legal[i]
    var insats = InsatsFixtures.insats(status: from)
    try process.record(beslut(from, to, body), on: &insats, context: ctx)
    #expect(insats.status == to)
    #expect(insats.decisions.count == 1 && insats.decisions[0].body == body)
  }

  @Test("the table of successors is exactly the legal transitions")
  func successors() {
    var pairs = Set<[Beslutsstatus]>()
    for s in Beslutsstatus.allCases { for t in s.successors { pairs.insert([s, t]) } }
    #expect(pairs == Set(Self.legal.map { [$0.0, $0.1] }))
    #expect(Beslutsstatus.allCases.filter(\.isFinal) == [.avstyrkt, .avslagen, .uppföljd])
  }

  @Test("every illegal transition is an error and leaves the insats unchanged")
  func illegal() {
    var count = 0
    for from in Beslutsstatus.allCases {
      for to in Beslutsstatus.allCases where !from.canMove(to: to) {
        var insats = InsatsFixtures.insats(status: from)
        let body = to.decidedBy.first ?? .arbetsgrupp
        #expect(throws: InsatsError.self) { try process.record(beslut(from, to, body), on: &insats, context: ctx) }
        do {
          try process.record(beslut(from, to, body), on: &insats, context: ctx)
        } catch {
          #expect(error.code == .illegalTransition)
        }
        #expect(insats.status == from && insats.decisions.isEmpty)
        count += 1
      }
    }
    #expect(count == 9 * 9 - 8)  // 81 pairs, 8 legal ones (uppföljd by two bodies counts once)
  }

  @Test("the message says what is allowed")
  func messages() {
    var insats = InsatsFixtures.insats(status: .inlämnad)
    do {
      try process.record(beslut(.inlämnad, .beviljad, .kommunstyrelsen), on: &insats, context: ctx)
    } catch {
      #expect(error.description == "T-1: cannot go from inlämnad to beviljad (hint: from inlämnad the process allows tillstyrkt or avstyrkt)")
    }
    var final = InsatsFixtures.insats(status: .avslagen)
    do {
      try process.record(beslut(.avslagen, .beviljad, .kommunstyrelsen), on: &final, context: ctx)
    } catch {
      #expect(error.hint == "avslagen is a final status")
    }
  }

  @Test("the wrong body is refused", arguments: [
    (Beslutsstatus.utkast, Beslutsstatus.inlämnad, Beslutsorgan.styrgrupp),
    (.inlämnad, .tillstyrkt, .arbetsgrupp),
    (.tillstyrkt, .beviljad, .styrgrupp),
    (.beviljad, .pågående, .kommunstyrelsen),
    (.avslutad, .uppföljd, .genomförare),
  ])
  func wrongBody(_ from: Beslutsstatus, _ to: Beslutsstatus, _ body: Beslutsorgan) {
    var insats = InsatsFixtures.insats(status: from)
    do {
      try process.record(beslut(from, to, body), on: &insats, context: ctx)
      Issue.record("expected wrong body")
    } catch {
      #expect(error.code == .wrongBody)
    }
  }

  @Test("a decision must start from the current status, give a reason and keep date order")
  func structure() throws {
    var insats = InsatsFixtures.insats(status: .utkast)
    #expect(throws: InsatsError.self) { try process.record(beslut(.inlämnad, .tillstyrkt, .styrgrupp), on: &insats, context: ctx) }
    var noReason = beslut(.utkast, .inlämnad, .arbetsgrupp)
    noReason.reason = " "
    expectCode(.missingReason) { () throws(InsatsError) in try process.record(noReason, on: &insats, context: ctx) }
    try process.record(beslut(.utkast, .inlämnad, .arbetsgrupp, date: "2025-11-12"), on: &insats, context: ctx)
    do {
      try process.record(beslut(.inlämnad, .tillstyrkt, .styrgrupp, date: "2025-11-11"), on: &insats, context: ctx)
      Issue.record("expected date order")
    } catch {
      #expect(error.code == .dateOrder)
    }
    // The same day is fine.
    try process.record(beslut(.inlämnad, .tillstyrkt, .styrgrupp, date: "2025-11-12"), on: &insats, context: ctx)
    #expect(insats.status == .tillstyrkt)
  }

  @Test("a styrgrupp decision needs a representative with mandate, a member when a styrgrupp is given")
  func mandate() throws {
    var insats = InsatsFixtures.insats(status: .inlämnad)
    var b = beslut(.inlämnad, .tillstyrkt, .styrgrupp)
    b.representative = nil
    expectCode(.noMandate) { () throws(InsatsError) in try process.record(b, on: &insats, context: ctx) }
    b.representative = Representant(name: "Per Ek", actor: "GRF", hasMandate: false)
    expectCode(.noMandate) { () throws(InsatsError) in try process.record(b, on: &insats, context: ctx) }
    let styrgrupp = try Styrgrupp(
      members: [InsatsFixtures.chair, Representant(name: "Omar Said", actor: "FRF", hasMandate: true)], catalogue: .malmö,
      convener: "STK")
    let strict = Beslutsprocess(ruleSet: .stk2024_1374(), styrgrupp: styrgrupp)
    b.representative = Representant(name: "Per Ek", actor: "GRF", hasMandate: true)
    expectCode(.notMember) { () throws(InsatsError) in try strict.record(b, on: &insats, context: ctx) }
    b.representative = InsatsFixtures.chair
    try strict.record(b, on: &insats, context: ctx)
    #expect(insats.status == .tillstyrkt)
  }

  @Test("only an eligible insats can be tillstyrkt, unless an override with a reason is recorded")
  func override() throws {
    var insats = InsatsFixtures.insats(kronor: 999_999, status: .inlämnad)
    do {
      try process.record(beslut(.inlämnad, .tillstyrkt, .styrgrupp), on: &insats, context: ctx)
      Issue.record("expected not eligible")
    } catch {
      #expect(error.code == .notEligible)
      #expect(error.message.hasPrefix("the insats fails the rule(s) minsta-belopp of stk-2024-1374 and cannot be tillstyrkt"))
    }
    var b = beslut(.inlämnad, .tillstyrkt, .styrgrupp)
    b.override = Avsteg(reason: "")
    expectCode(.missingReason) { () throws(InsatsError) in try process.record(b, on: &insats, context: ctx) }
    b.override = Avsteg(reason: "Pilot; kompletteras med egna medel 2027")
    try process.record(b, on: &insats, context: ctx)
    #expect(insats.status == .tillstyrkt)
    #expect(insats.decisions.last?.override?.failedRules == ["minsta-belopp"])
    // Avstyrkt needs no eligibility.
    var other = InsatsFixtures.insats(kronor: 5, status: .inlämnad)
    try process.record(beslut(.inlämnad, .avstyrkt, .styrgrupp), on: &other, context: ctx)
    #expect(other.status == .avstyrkt)
  }

  @Test("an override anywhere but tillstyrkt is refused")
  func unexpectedOverride() {
    var insats = InsatsFixtures.insats(status: .tillstyrkt)
    var b = beslut(.tillstyrkt, .beviljad, .kommunstyrelsen)
    b.override = Avsteg(reason: "x")
    expectCode(.unexpectedOverride) { () throws(InsatsError) in try process.record(b, on: &insats, context: ctx) }
  }

  @Test("a full run from utkast to uppföljd, and its log checks clean")
  func fullRun() throws {
    var insats = InsatsFixtures.insats()
    let steps: [(Beslutsstatus, Beslutsorgan, String)] = [
      (.inlämnad, .arbetsgrupp, "2025-10-01"), (.tillstyrkt, .styrgrupp, "2025-11-12"), (.beviljad, .kommunstyrelsen, "2025-12-10"),
      (.pågående, .genomförare, "2026-01-10"), (.avslutad, .genomförare, "2027-12-20"), (.uppföljd, .stadskontoret, "2028-03-01"),
    ]
    for (to, body, date) in steps { try process.record(beslut(insats.status, to, body, date: date), on: &insats, context: ctx) }
    #expect(insats.status == .uppföljd && insats.decisions.count == 6)
    #expect(Beslutsprocess.logProblems(of: insats).isEmpty)
  }

  @Test("log problems: a status without decisions, a gap, a wrong body")
  func logProblems() {
    var insats = InsatsFixtures.insats(status: .pågående)
    #expect(Beslutsprocess.logProblems(of: insats).map(\.error.code) == [.statusMismatch])
    insats.decisions = [beslut(.utkast, .inlämnad, .arbetsgrupp), beslut(.tillstyrkt, .beviljad, .arbetsgrupp)]
    let problems = Beslutsprocess.logProblems(of: insats)
    #expect(problems.map(\.index) == [1, nil])
    #expect(problems.map(\.error.code) == [.statusMismatch, .statusMismatch])
  }
}

@Suite("Styrgrupp: one representative per förvaltning")
struct StyrgruppTests {
  @Test("members must be förvaltningar, each once")
  func composition() throws {
    let s = try Styrgrupp(
      members: [InsatsFixtures.chair, Representant(name: "Omar Said", actor: "ASF", hasMandate: false)], catalogue: .malmö,
      convener: "STK")
    #expect(s.member(for: "ASF")?.name == "Omar Said")
    #expect(s.membersWithoutMandate.map(\.name) == ["Omar Said"])
    do {
      _ = try Styrgrupp(members: [Representant(name: "X", actor: "GRN")], catalogue: .malmö, convener: "STK")
      Issue.record("a nämnd is not a member")
    } catch {
      #expect(error.code == .styrgruppComposition && error.hint == "name the förvaltning GRF (Grundskoleförvaltningen) instead")
    }
    #expect(throws: InsatsError.self) {
      try Styrgrupp(members: [InsatsFixtures.chair, InsatsFixtures.chair], catalogue: .malmö, convener: "STK")
    }
    #expect(throws: InsatsError.self) {
      try Styrgrupp(members: [Representant(name: "MKB-chef", actor: "MKB")], catalogue: .malmö, convener: "STK")
    }
  }

  @Test("participating förvaltningar and who is missing")
  func missing() throws {
    let a = InsatsFixtures.insats(participants: [.init(actor: "FRF"), .init(actor: "POLIS"), .init(actor: "KN")])
    #expect(Styrgrupp.participatingFörvaltningar(in: [a], catalogue: .malmö) == ["GRF", "FRF", "KF"])
    let s = try Styrgrupp(members: [InsatsFixtures.chair], catalogue: .malmö, convener: "STK")
    #expect(s.missingRepresentation(for: [a], catalogue: .malmö) == ["FRF", "KF"])
  }
}

@Suite("CalendarDate")
struct CalendarDateTests {
  @Test("parses and prints ISO dates; rejects impossible ones", arguments: [
    ("2025-08-20", true), ("2024-02-29", true), ("2025-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
    ("2025-13-01", false), ("2025-04-31", false), ("25-08-20", false), ("2025-8-20", false), ("2025-08-20T10:00", false), ("", false),
  ])
  func parse(_ text: String, _ valid: Bool) {
    let d = CalendarDate(text)
    #expect((d != nil) == valid)
    if let d { #expect(d.description == text) }
  }

  @Test("orders by year, month, day; JSON is a string")
  func order() throws {
    #expect(CalendarDate("2025-01-31")! < CalendarDate("2025-02-01")!)
    #expect(CalendarDate("2024-12-31")! < CalendarDate("2025-01-01")!)
    #expect(try JSONCoding.encodeString(CalendarDate("2025-08-20")!) == "\"2025-08-20\"\n")
    #expect(throws: DataError.self) { try JSONCoding.decode(CalendarDate.self, from: Array("\"2025-02-30\"".utf8), file: nil) }
  }
}
