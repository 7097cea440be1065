import Foundation
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

@Suite("InsatsReader: every problem located; JSON round trips; the bundled sample")
struct InsatsReaderTests {
  let reader = InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy)

  @Test("the malformed fixture: every problem with its JSON path, line and column, and a suggestion")
  func malformed() throws {
    let path = Fixtures.path("insatser/malformed.json")
    do {
      _ = try reader.read(path: path)
      Issue.record("expected a DataError")
    } catch {
      #expect(error.kind == .invalid)
      let d = error.diagnostics.map { ($0.code.rawValue, $0.location.field ?? "", $0.location.line ?? 0, $0.location.column ?? 0) }
      #expect(d.map(\.0) == ["json.missing-field", "name.unknown", "name.unknown", "insats.negative-amount", "insats.unknown-node"])
      #expect(d.map(\.1) == [
        "insatser[0].title", "insatser[0].owner", "insatser[0].areas[0]", "insatser[0].budget[0].amount",
        "insatser[0].effektlogik.links[0].to",
      ])
      #expect(d.map(\.2) == [5, 7, 9, 13, 22])
      #expect(d.map(\.3) == [5, 16, 17, 50, 40])
      #expect(error.diagnostics.map(\.hint) == [
        "add \"title\" to the object at insatser[0]", "did you mean Grundskoleförvaltningen?", "did you mean Hermodsdal?",
        "budget amounts are whole kronor, 0 or more", "did you mean g or a1?",
      ])
      #expect(error.diagnostics.allSatisfy { $0.location.file == path })
    }
  }

  func problems(_ json: String) -> [String] {
    do {
      _ = try reader.parse(json, file: "t.json")
      return []
    } catch {
      return error.diagnostics.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.location.field ?? "")" }
    }
  }

  /// A minimal valid insats object with one member replaced.
  func insatsJSON(_ replacing: [String: String] = [:]) -> String {
    var members: [(String, String)] = [
      ("id", #""X-1""#), ("title", #""Titel""#), ("owner", #""GRF""#), ("participants", #"[{"actor": "Fritidsförvaltningen"}]"#),
      ("areas", #"["Holma"]"#), ("themes", #"["skola"]"#), ("period", #"{"from": 2026, "to": 2027}"#),
      ("budget", #"[{"actor": "GRF", "year": 2026, "amount": 1000000}]"#),
      ("classification", #"{"focus": ["förebyggande"], "reach": "direkt"}"#),
      ("effektlogik", #"{"nodes": [{"id": "a", "kind": "aktivitet", "label": "x"}]}"#),
    ]
    for (k, v) in replacing {
      if let i = members.firstIndex(where: { $0.0 == k }) { members[i].1 = v } else { members.append((k, v)) }
    }
    members.removeAll { $0.1 == "<drop>" }
    return #"{"insatser": [{"# + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}]}"
  }

  @Test("a minimal insats reads; names resolve to ids and codes; defaults apply")
  func minimal() throws {
    let (file, warnings) = try reader.parse(insatsJSON(), file: "t.json")
    #expect(warnings.isEmpty)
    let i = try #require(file.insatser.first)
    #expect(i.participants == [.init(actor: "FRF", role: .medgenomförare)])
    #expect(i.areas == ["25611"])
    #expect(i.status == .utkast && i.decisions.isEmpty && !file.example)
  }

  @Test("each kind of problem is found, all at once", arguments: [
    (["period": #"{"from": 2028, "to": 2026}"#], "error insats.period insatser[0].period"),
    (["budget": #"[{"actor": "GRF", "year": 2026, "amount": 10.5}]"#], "error insats.amount-not-whole insatser[0].budget[0].amount"),
    (["budget": #"[{"actor": "GRF", "year": "2026", "amount": 1}]"#], "error json.type-mismatch insatser[0].budget[0].year"),
    (["classification": #"{"focus": ["forebygande"], "reach": "direkt"}"#], "error json.unknown-value insatser[0].classification.focus[0]"),
    (["status": #""pagaende""#], "error decision.status-mismatch insatser[0].status"),
    (["areas": "[]", "themes": "[]"], "error insats.no-target insatser[0].areas"),
    (["id": "<drop>"], "error json.missing-field insatser[0].id"),
    (["participants": #"[{"actor": "FRF", "role": "boss"}]"#], "error json.unknown-value insatser[0].participants[0].role"),
    (
      ["effektlogik": #"{"nodes": [{"id": "a", "kind": "aktivitet", "label": "x"}, {"id": "a", "kind": "slutmål", "label": "y"}]}"#],
      "error insats.duplicate-node insatser[0].effektlogik.nodes[1].id"
    ),
  ])
  func eachProblem(_ replacing: [String: String], _ expected: String) {
    #expect(problems(insatsJSON(replacing)) == [expected])
  }

  @Test("warnings: unknown fields, budget outside the period or of a non-participant, resources ≠ budget")
  func warnings() throws {
    let json = insatsJSON([
      "titel": #""stavfel""#,
      "budget": #"[{"actor": "GRF", "year": 2030, "amount": 600000}, {"actor": "KF", "year": 2026, "amount": 400000}]"#,
      "effektlogik": #"{"nodes": [{"id": "r", "kind": "resurs", "label": "x", "amount": 5}]}"#,
    ])
    let (_, w) = try reader.parse(json, file: "t.json")
    #expect(w.map(\.code.rawValue) == ["json.unknown-field", "insats.budget-year", "insats.budget-actor", "insats.resources-budget"])
    #expect(w[0].hint == "did you mean title?")
  }

  @Test("duplicate insats ids and a decision log that skips a step")
  func fileLevel() {
    let one = String(insatsJSON().dropFirst(14).dropLast(2))  // the insats object
    #expect(problems("{\"insatser\": [\(one), \(one)]}") == ["error insats.duplicate-id insatser[1].id"])
    #expect(problems("[\(one)]").isEmpty)  // a bare array is accepted too
    let log = insatsJSON([
      "status": #""beviljad""#,
      "decisions": #"[{"from": "utkast", "to": "inlämnad", "body": "arbetsgrupp", "date": "2025-10-01", "reason": "r"}, {"from": "inlämnad", "to": "beviljad", "body": "kommunstyrelsen", "date": "2025-12-01", "reason": "r"}]"#,
    ])
    #expect(problems(log) == ["error decision.illegal-transition insatser[0].decisions[1]"])
  }

  @Test("syntax errors stop at the first with line and column")
  func syntax() {
    #expect(problems("[{\"id\": }]").count == 1)
  }

  @Test("JSON round trip: encode, read back with the reader and with JSONDecoder; same bytes again")
  func roundTrip() throws {
    var insats = InsatsFixtures.insats()
    insats.programmes = [.ctc, "Eget program"]
    insats.localKnowledge = "Lokala kunskaper \"citat\""
    insats.decisions = [
      Beslut(
        from: .utkast, to: .inlämnad, body: .arbetsgrupp, representative: InsatsFixtures.chair, date: InsatsFixtures.date("2025-10-01"),
        reason: "förslag", reference: "STK-1"),
      Beslut(
        from: .inlämnad, to: .tillstyrkt, body: .styrgrupp, representative: InsatsFixtures.chair, date: InsatsFixtures.date("2025-11-01"),
        reason: "ja", override: Avsteg(reason: "pilot", failedRules: ["minsta-belopp"])),
    ]
    insats.status = .tillstyrkt
    let file = InsatsFile(insatser: [insats], example: true, note: "test")
    let text = try file.jsonText()
    let (back, warnings) = try InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy).parse(text)
    #expect(warnings.isEmpty)
    #expect(back == file)
    let decoded = try JSONCoding.decode(InsatsFile.self, from: Array(text.utf8), file: nil)
    #expect(decoded == file)
    #expect(try back.jsonText() == text)
  }

  @Test("the bundled sample: eight insatser, marked as examples, same as Examples/data")
  func sample() throws {
    #expect(SampleInsatser.insatsFile.example)
    #expect(SampleInsatser.insatser.map(\.id) == (1...8).map { "EX-2026-0\($0)" })
    let copy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/data/insatser-exempel.json")
    let text = try String(contentsOf: copy, encoding: .utf8)
    #expect(text == SampleInsatser.file.text + "\n")
    // Every sample area is in the initial selection of STK-2024-1374.
    #expect(SampleInsatser.insatser.allSatisfy { $0.areas.allSatisfy(SelectedAreaRule.stk2024_1374InitialSelection.contains) })
    // The sample round-trips through the writer.
    let (again, _) = try InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy).parse(try SampleInsatser.insatsFile.jsonText())
    #expect(again == SampleInsatser.insatsFile)
  }

  @Test("the sample covers eligible and ineligible cases as documented")
  func sampleVerdicts() throws {
    let insatser = SampleInsatser.insatser
    let ctx = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: insatser)
    let verdicts = RuleSet.stk2024_1374().evaluate(insatser, in: ctx)
    #expect(verdicts.map { $0.failures.map(\.ruleID) } == [
      [], [], ["minsta-belopp"], ["flera-aktorer"], ["forebyggande-fokus"], ["effektlogik"], [], [],
    ])
    #expect(try insatser[2].totalBudget() == Belopp(kronor: 999_999))
    #expect(try insatser[6].totalBudget() == Belopp(kronor: 1_000_000))
    let full = RuleSet.stk2024_1374Full().evaluate(insatser, in: ctx)
    #expect(full[7].failures.map(\.ruleID) == ["ingen-overlapp"])  // EX-2026-08 overlaps the ongoing EX-2026-01
  }
}

@Suite("InsatsRegister: queries and overlaps")
struct InsatsRegisterTests {
  let register = SampleInsatser.register

  @Test("queries by area, actor (a nämnd matches its förvaltning), theme and status")
  func queries() {
    #expect(register.query(.init(area: "25611")).map(\.id) == ["EX-2026-01", "EX-2026-08"])
    #expect(register.query(.init(actor: "GRF")).map(\.id) == ["EX-2026-01", "EX-2026-06"])
    #expect(register.query(.init(actor: "GRN")).map(\.id) == ["EX-2026-01", "EX-2026-06"])
    #expect(register.query(.init(actor: "TN")).map(\.id) == ["EX-2026-04"])
    #expect(register.query(.init(theme: "FÖRSKOLA")).map(\.id) == ["EX-2026-02", "EX-2026-07"])
    #expect(register.query(.init(status: [.pågående])).map(\.id) == ["EX-2026-01", "EX-2026-07"])
    #expect(register.query(.init(area: "25611", theme: "fritid", status: [.inlämnad])).map(\.id) == ["EX-2026-08"])
    #expect(register.query(.init()).count == 8)
  }

  @Test("the overlap report finds Holma/fritid; statuses and owners are configurable")
  func overlaps() throws {
    let o = register.overlaps()
    #expect(o == [InsatsOverlap(first: "EX-2026-01", second: "EX-2026-08", areas: ["25611"], themes: ["fritid"], years: 2026...2028)])
    #expect(register.overlaps(statuses: [.pågående]).isEmpty)
    // Same owner organisation is skipped unless asked for.
    let a = InsatsFixtures.insats(id: "A")
    let b = InsatsFixtures.insats(id: "B", owner: "GRN", period: .init(from: 2027, to: 2030), status: .pågående)
    let r = try InsatsRegister([a, b], catalogue: .malmö)
    #expect(r.overlaps(statuses: Set(Beslutsstatus.allCases)).isEmpty)
    #expect(r.overlaps(statuses: Set(Beslutsstatus.allCases), differentOwners: false).map(\.years) == [2027...2027])
  }

  @Test("duplicate ids are refused; upsert replaces")
  func ids() throws {
    #expect(throws: InsatsError.self) { try InsatsRegister([InsatsFixtures.insats(), InsatsFixtures.insats()], catalogue: .malmö) }
    var r = try InsatsRegister([InsatsFixtures.insats()], catalogue: .malmö)
    var changed = InsatsFixtures.insats()
    changed.title = "Ny"
    r.upsert(changed)
    r.upsert(InsatsFixtures.insats(id: "T-2"))
    #expect(r.insatser.map(\.title) == ["Ny", "Testinsats T-2"])
    #expect(r.insats(id: "T-2") != nil)
  }

  @Test("budget per actor and per year, exact")
  func budgets() throws {
    let i = SampleInsatser.insatser[0]  // GRF 3 × 400 000, FRF 3 × 200 000, CIVIL 100 000 (2026)
    #expect(try i.budgetByActor().map(\.amount.kronor) == [1_200_000, 600_000, 100_000])
    #expect(try i.budgetByYear().map(\.amount.kronor) == [700_000, 600_000, 600_000])
    #expect(try i.totalBudget(source: .egna) == Belopp(kronor: 100_000))
  }
}
