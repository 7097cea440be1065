import Foundation
import Testing

@Suite("kraftctl remissvar and uppfoljning")
struct ConsultationCommandsTests {
  @Test("remissvar summarises the bundled 2023 round")
  func remissvar() throws {
    let r = try Run.kraftctl("remissvar")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("STK-2023-137: 15 remissvar (12 nämnder, 3 bolag); 8 positiva, 7 positiva med invändningar."))
    #expect(r.stdout.contains("Samordnande roll: vem föreslår vem"))
    #expect(r.stdout.contains("Namnger ingen aktör: 7 (ASN, GVN, HVON, KN, MN, TN, MKB)"))
  }

  @Test("remissvar --question 4 --format markdown shows that question and the coordinator table only")
  func question() throws {
    let r = try Run.kraftctl("remissvar", "--question", "4", "--format", "markdown")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("# Sammanställning av remissvar – STK-2023-137\n"))
    #expect(r.stdout.contains("## Fråga 4: Samordnande roll\n"))
    #expect(r.stdout.contains("| MKB | MKB Fastighets AB | 3: FSN, SN, P-MALMO | 4: FSN, GRN, SN, P-MALMO |  | 4 | 1: GRN |"))
    #expect(!r.stdout.contains("## Fråga 1"))
    let en = try Run.kraftctl("remissvar", "--question", "4", "--format", "markdown", "--lang", "en")
    #expect(en.stdout.contains("## Question 4: Samordnande roll"))
    let bad = try Run.kraftctl("remissvar", "--question", "9")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("the remiss has no question 9"))
  }

  @Test("remissvar --format json gives the summary as data")
  func json() throws {
    let r = try Run.kraftctl("remissvar", "--format", "json", "--group-by", "nämnd")
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let coordinators = object["coordinators"] as! [String: Any]
    let rows = coordinators["rows"] as! [[String: Any]]
    let ks = rows.first { $0["actor"] as? String == "KS" }!
    #expect((ks["anyRole"] as! [String]).count == 5)
    #expect((coordinators["noProposal"] as! [String]).count == 6)
  }

  @Test("remissvar --remiss 2025 lists the 13 recipients who have not answered")
  func remiss2025() throws {
    let r = try Run.kraftctl("remissvar", "--remiss", "2025")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("STK-2024-1374: 0 av 13 remissinstanser har svarat, sista svarsdag 2025-06-13."))
    #expect(r.stdout.contains("MINC"))
  }

  @Test("an exported round reads back from standard input; a bad file exits 65 with FILE:LINE")
  func exportAndErrors() throws {
    let exported = try Run.kraftctl("remissvar", "--export")
    #expect(exported.status == 0 && exported.stdout.contains("\"format\""))
    let back = try Run.kraftctl("remissvar", "-", stdin: exported.stdout)
    #expect(back.status == 0)
    #expect(back.stdout.hasPrefix("STK-2023-137: 15 remissvar"))

    let dir = try Run.temporaryDirectory()
    let bad = dir.appendingPathComponent("bad.json")
    try Data(
      """
      {"format": "kraftsamling-remiss/1",
       "remiss": {"diarienummer": "X-1", "title": "T", "questions": [{"number": 1, "text": "Q?"}], "recipients": ["ASN"]},
       "answers": [{"respondent": "Grundskolenamnden", "stance": "positive"}]}
      """.utf8
    ).write(to: bad)
    let r = try Run.kraftctl("remissvar", bad.path)
    #expect(r.status == 65)
    #expect(r.stderr.contains("\(bad.path):3:29 (field answers[0].respondent)"))
    #expect(r.stderr.contains("did you mean Grundskolenämnden?"))
    #expect(r.stderr.contains("unknown respondent 'Grundskolenamnden'"))
    let missing = try Run.kraftctl("remissvar", dir.appendingPathComponent("none.json").path)
    #expect(missing.status == 66)
  }

  @Test("uppfoljning without targets invents none and labels the illustrative data")
  func uppfoljning() throws {
    let r = try Run.kraftctl("uppfoljning")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("UVAS 16–29: utgångsläge 2023 Malmö 9,5 %, Sverige 6,8 % (publicerat). Inga mål är satta"))
    #expect(r.stdout.contains("Illustrativa data – inte officiell statistik"))
    #expect(r.stdout.contains("Jämförelse med övriga staden"))
    #expect(r.stdout.contains("Regression mot medelvärdet"))
    #expect(r.stdout.contains("Serien saknar uppdelning per kön"))
  }

  @Test("uppfoljning with targets writes an SVG chart and the required yearly change")
  func targetsAndChart() throws {
    let dir = try Run.temporaryDirectory()
    let svg = dir.appendingPathComponent("uvas.svg")
    let r = try Run.kraftctl(arguments: ["uppfoljning", "--target", "2030:8,5", "--target", "2035:7,5", "--out", svg.path])
    #expect(r.status == 0)
    // (8.5 − 9.5)/(2030 − 2023) = −0.142857 pp a year → "−0,14" (with a minus sign).
    #expect(r.stdout.contains("krävs −0,14 procentenheter per år"))
    let text = try #require(unstamped(try String(contentsOf: svg, encoding: .utf8)))
    #expect(text.hasPrefix("<svg ") && text.contains("Mål 8,5 %") && text.contains("Illustrativa data"))
    let bad = try Run.kraftctl("uppfoljning", "--target", "2030:abc")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("write YEAR:PERCENT"))
  }

  @Test("uppfoljning --areas resolves names with suggestions")
  func areas() throws {
    let ok = try Run.kraftctl("uppfoljning", "--areas", "Holma,hermodsdal", "--format", "json")
    #expect(ok.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as! [String: Any]
    let names = (object["comparisons"] as! [[String: Any]]).map { ($0["group"] as! [String: Any])["name"] as! String }
    #expect(names == ["Holma", "Hermodsdal", "Valda områden"])
    let bad = try Run.kraftctl("uppfoljning", "--areas", "Herrmodsdal")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("did you mean Hermodsdal?"))
  }

  @Test("uppfoljning --series with a missing year and kön shows the gap and the kön breakdown")
  func ownSeries() throws {
    let dir = try Run.temporaryDirectory()
    let csv = dir.appendingPathComponent("uvas.csv")
    try Data(
      """
      kod;ar;kon;unga_16_29;uvas_16_29
      25611;2021;kvinna;600;60
      25611;2021;man;600;66
      25611;2023;kvinna;600;54
      25611;2023;man;600;60
      10101;2021;kvinna;1000;50
      10101;2021;man;1000;55
      10101;2023;kvinna;1000;45
      10101;2023;man;1000;50
      """.utf8
    ).write(to: csv)
    let r = try Run.kraftctl(arguments: ["uppfoljning", "--series", csv.path, "--areas", "Holma"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("saknas i data"))
    #expect(r.stdout.contains("förändring ej bedömd: saknat år"))
    #expect(r.stdout.contains("Malmö per kön"))
    #expect(!r.stdout.contains("Illustrativa data"))
  }

  @Test("the ConsultationAndFollowUp example runs")
  func example() throws {
    let r = try Run.product("ConsultationAndFollowUp")
    #expect(r.status == 0)
    #expect(r.stdout.contains("MKB named by 4"))
    #expect(r.stdout.contains("Target 2030: 8.5 %: -0.14 percentage points a year from 2023"))
  }
}
