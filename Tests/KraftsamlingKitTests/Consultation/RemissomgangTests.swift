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

@Suite("Remissomgång: JSON format and validation")
struct RemissomgangTests {
  @Test("a round encodes to stable JSON and decodes back to the same value")
  func roundTrip() throws {
    let text = try HandMade.round.jsonString()
    #expect(text.contains("\"format\" : \"kraftsamling-remiss/1\"") || text.contains("\"format\": \"kraftsamling-remiss/1\""))
    let (back, notes) = try Remissomgång.decode(Array(text.utf8), file: "t.json", catalogue: .malmö)
    #expect(back == HandMade.round)
    #expect(notes.isEmpty)
    #expect(try back.jsonString() == text)
  }

  @Test("a minimal hand-written file reads with defaults")
  func minimal() throws {
    let text = """
      {"format": "kraftsamling-remiss/1",
       "remiss": {"diarienummer": "X-1", "title": "T", "questions": [{"number": 1, "text": "Q?"}], "recipients": ["ASN"]},
       "answers": [{"respondent": "ASN", "stance": "positive",
                    "coordinatorProposals": [{"actors": ["MKB"], "text": "MKB"}]}]}
      """
    let round = try Remissomgång.decode(Array(text.utf8), file: "m.json", catalogue: .malmö).round
    #expect(round.documents.isEmpty && round.answers[0].indicators.isEmpty)
    #expect(round.answers[0].coordinatorProposals[0].strength == .proposed)
    #expect(round.answers[0].namesActor("MKB"))
  }

  @Test("an unknown respondent is reported with its line and a suggestion")
  func unknownActor() throws {
    let text = """
      {"format": "kraftsamling-remiss/1",
       "remiss": {"diarienummer": "X-1", "title": "T", "questions": [{"number": 1, "text": "Q?"}], "recipients": []},
       "answers": [
         {"respondent": "GRN", "stance": "positive"},
         {"respondent": "MKBB", "stance": "positive", "answers": [{"question": 3}]}
       ]}
      """
    #expect {
      try Remissomgång.decode(Array(text.utf8), file: "bad.json", catalogue: .malmö)
    } throws: { error in
      let d = (error as! DataError).diagnostics
      return d.count == 2
        && d[0].code == "consultation.unknown-actor" && d[0].location.line == 5
        && d[0].location.field == "answers[1].respondent" && d[0].hint == "did you mean MKB?"
        && d[1].code == "consultation.unknown-question" && d[1].location.line == 5
    }
  }

  @Test("validation finds duplicates, empty proposals, bad spans and unknown documents")
  func validation() {
    var round = HandMade.round
    round.answers.append(Remissvar(respondent: "ASN", stance: .neutral))
    var p = Samordnarförslag(actors: [], text: "någon")
    p.sources = [Källhänvisning(document: "999", lines: 10...10)]
    round.answers[2].coordinatorProposals = [p]
    round.answers[2].sources = [Källhänvisning(document: "999", lines: 5...5)]
    round.answers[2].sources[0].lastLine = 4
    round.answers[1].remiss = "OTHER-1"
    let codes = round.diagnostics(against: .malmö).map(\.code.rawValue)
    #expect(codes.contains("consultation.duplicate-answer"))
    #expect(codes.contains("consultation.empty-proposal"))
    #expect(codes.contains("consultation.unknown-document"))
    #expect(codes.contains("consultation.bad-line-span"))
    #expect(codes.contains("consultation.other-remiss"))
    #expect(throws: DataError.self) { try round.validate(against: .malmö) }
  }

  @Test("a late answer and an answer from a body not asked are notes, not errors")
  func notes() throws {
    var round = HandMade.round
    round.answers[0].date = CalendarDate(2025, 7, 1)
    round.answers.append(Remissvar(respondent: "SBN", stance: .positiv))
    let d = round.diagnostics(against: .malmö)
    #expect(!d.containsErrors)
    #expect(d.map(\.code.rawValue).sorted() == ["consultation.late", "consultation.not-a-recipient"])
    #expect(Sammanställning(round, catalogue: .malmö).unsolicited == ["SBN"])
  }

  @Test("a file in another format version is refused")
  func otherFormat() {
    let text = #"{"format": "kraftsamling-remiss/2", "remiss": {"diarienummer": "X", "title": "T", "questions": [], "recipients": []}}"#
    #expect(throws: DataError.self) { try Remissomgång.decode(Array(text.utf8), file: "v2.json") }
  }
}
