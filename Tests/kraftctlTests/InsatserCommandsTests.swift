import Foundation
import Testing

@Suite("kraftctl: check, effektlogik, insatser")
struct InsatserCommandsTests {
  @Test("check on the sample: a verdict per insats with every rule, exit 0")
  func checkSample() throws {
    let r = try Run.kraftctl("check")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("Invented examples – not real insatser\nRule set: stk-2024-1374\n"))
    #expect(r.stdout.contains("EX-2026-03  Sommarjobb och praktik i Augustenborg och Södra Sofielund: NOT eligible\n"))
    #expect(r.stdout.contains("  FAIL  minsta-belopp       The total budget is 999 999 kr, 1 kr short of the minimum 1 000 000 kr"))
    #expect(r.stdout.hasSuffix("4 of 8 insatser eligible under stk-2024-1374.\n"))
    #expect(r.stderr.isEmpty)
  }

  @Test("check --strict exits 1 when one is ineligible; --format json; --lang sv")
  func checkFormats() throws {
    let strict = try Run.kraftctl("check", "--strict")
    #expect(strict.status == 1)
    #expect(strict.stderr == "kraftctl: check failed: 4 of 8 insats(er) not eligible (--strict)\n")
    let json = try Run.kraftctl("check", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["eligible"] as? Int == 4 && object["ruleSet"] as? String == "stk-2024-1374")
    let list = try #require(object["insatser"] as? [[String: Any]])
    #expect(list.count == 8 && (list[0]["results"] as? [Any])?.count == 4)
    let sv = try Run.kraftctl("check", "--lang", "sv", "--format", "markdown")
    #expect(sv.stdout.hasPrefix("# Prövning av insatser\n\n*Påhittade exempel – inga verkliga insatser*\n"))
    #expect(sv.stdout.contains("- **EJ UPPFYLLD** `minsta-belopp`"))
  }

  @Test("check --rules: a built-in name, a rule-set file, an unknown name")
  func checkRules() throws {
    let full = try Run.kraftctl("check", "--rules", "stk-2024-1374-full")
    #expect(full.status == 0 && full.stdout.contains("ingen-overlapp"))
    let dir = try Run.temporaryDirectory()
    let rules = dir.appendingPathComponent("regler.json")
    try #"{"base": "stk-2024-1374", "rules": [{"id": "minsta-belopp", "minimum": 999999}]}"#.write(to: rules, atomically: true, encoding: .utf8)
    let custom = try Run.kraftctl("check", "--rules", rules.path)
    #expect(custom.stdout.hasSuffix("5 of 8 insatser eligible under stk-2024-1374.\n"))
    let unknown = try Run.kraftctl("check", "--rules", "stk-2024-137")
    #expect(unknown.status == 64 && unknown.stderr.contains("did you mean stk-2024-1374?"))
    let missing = try Run.kraftctl("check", "--rules", dir.appendingPathComponent("nej.json").path)
    #expect(missing.status == 66)
  }

  @Test("check on a malformed file: every problem with FILE:LINE:COLUMN and JSON path, exit 65")
  func malformed() throws {
    let path = Run.fixture("insatser/malformed.json")
    let r = try Run.kraftctl("check", path)
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    let expected = [
      "kraftctl: error: \(path):5:5 (field insatser[0].title): required field 'title' is missing (hint: add \"title\" to the object at insatser[0])",
      "kraftctl: error: \(path):7:16 (field insatser[0].owner): unknown actor 'Grundskolförvaltningen' (hint: did you mean Grundskoleförvaltningen?)",
      "kraftctl: error: \(path):9:17 (field insatser[0].areas[0]): unknown delområde 'Herrmodsdal' (hint: did you mean Hermodsdal?)",
      "kraftctl: error: \(path):13:50 (field insatser[0].budget[0].amount): the amount −50 000 kr is negative (hint: budget amounts are whole kronor, 0 or more)",
      "kraftctl: error: \(path):22:40 (field insatser[0].effektlogik.links[0].to): the link names node 'g2', which does not exist (hint: did you mean g or a1?)",
    ]
    #expect(r.stderr == expected.joined(separator: "\n") + "\n")
    // The other commands read the same way.
    #expect(try Run.kraftctl("insatser", path).status == 65)
    #expect(try Run.kraftctl("effektlogik", path, "--id", "BAD-1").status == 65)
  }

  @Test("effektlogik: Mermaid by default, DOT and text; findings on stderr or in the text")
  func effektlogik() throws {
    let m = try Run.kraftctl("effektlogik", "--id", "EX-2026-01")
    #expect(m.status == 0)
    #expect(m.stdout.hasPrefix("flowchart LR\n  %% EX-2026-01 Läxhjälp och kvällsfritids i Holma"))
    #expect(m.stdout.contains("  n8 --> n9\n"))
    let dot = try Run.kraftctl("effektlogik", "--id", "ex-2026-01", "--format", "dot")
    #expect(dot.stdout.hasPrefix("digraph effektlogik {\n") && dot.stdout.hasSuffix("}\n"))
    let text = try Run.kraftctl("effektlogik", "--id", "EX-2026-06", "--format", "text")
    #expect(text.status == 0)
    #expect(text.stdout.contains("  error: aktivitet 'a1' (Kurser i musik, dans och film efter skoltid) does not lead to the slutmål"))
    let mermaid6 = try Run.kraftctl("effektlogik", "--id", "EX-2026-06")
    #expect(mermaid6.stderr.contains("kraftctl: error: EX-2026-06: aktivitet 'a1'"))
    let unknown = try Run.kraftctl("effektlogik", "--id", "EX-2026-9")
    #expect(unknown.status == 64 && unknown.stderr.contains("did you mean"))
    #expect(try Run.kraftctl("effektlogik").status == 64)  // --id required for a file of eight
  }

  @Test("insatser: filters and the overlap report")
  func insatser() throws {
    let all = try Run.kraftctl("insatser")
    #expect(all.status == 0)
    #expect(all.stdout.contains("8 insats(er)\n\nOverlaps (same delområde, theme and years, different owners):\n  EX-2026-01 and EX-2026-08 in Holma (25611) on fritid, 2026–2028\n"))
    let csv = try Run.kraftctl("insatser", "--area", "holma", "--format", "csv")
    #expect(csv.stdout == """
      id,title,owner,actors,areas,themes,period,budget_kr,status
      EX-2026-01,Läxhjälp och kvällsfritids i Holma,GRF,GRF FRF CIVIL GVF,25611,"skola, fritid",2026–2028,1900000,pågående
      EX-2026-08,Mötesplats och fältarbete för unga i Holma,FRF,FRF ASF POLIS,25611,"fritid, trygghet",2026–2028,2400000,inlämnad

      """)
    let actor = try Run.kraftctl("insatser", "--actor", "Grundskolenämnden", "--status", "pagaende", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(actor.stdout.utf8)) as? [String: Any])
    #expect((object["insatser"] as? [[String: Any]])?.map { $0["id"] as? String } == ["EX-2026-01"])
    let bad = try Run.kraftctl("insatser", "--area", "Herrmodsdal")
    #expect(bad.status == 64 && bad.stderr == "kraftctl: error: --area: unknown delområde 'Herrmodsdal' (hint: did you mean Hermodsdal?)\n")
    #expect(try Run.kraftctl("insatser", "--status", "klar").status == 64)
  }
}

@Suite("Example: CustomEligibilityRule")
struct CustomEligibilityRuleExampleTests {
  @Test("runs, uses its own rule beside the built-ins and reads the rule-set file")
  func run() throws {
    let r = try Run.product("CustomEligibilityRule")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("Rule set stk-2024-1374: effektlogik, flera-aktorer, minsta-belopp, forebyggande-fokus, pagaende-program\n"))
    // EX-2026-07 has exactly 1 000 000 kr: eligible under 1 MSEK, not under 1.5 MSEK.
    #expect(r.stdout.contains("EX-2026-07 Läslyft i förskola och bibliotek i Katrinelund: NOT eligible\n  fail minsta-belopp: The total budget is 1 000 000 kr, 500 000 kr short of the minimum 1 500 000 kr"))
    #expect(r.stdout.contains("  warning pagaende-program: The insats names no ongoing programme"))
    #expect(r.stdout.hasSuffix("From the file: malmo-exempel: effektlogik, flera-aktorer, minsta-belopp, forebyggande-fokus, pagaende-program\n"))
  }
}
