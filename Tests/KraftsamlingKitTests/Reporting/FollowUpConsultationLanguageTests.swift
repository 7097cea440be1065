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

/// The report's follow-up (UVAS) and consultation (remissvar) sections on
/// the bundled data, as `kraftctl report` builds them, in Swedish and
/// English: written for a reader who attaches the report to an ärende —
/// one language from end to end, sources cited as a reader cites them,
/// numbers written the Swedish way, and the clusters published in
/// STK-2024-1374 named so that they cannot be taken for the index's
/// numbered clusters (issue #16).
@Suite("Report language: follow-up and consultation")
struct FollowUpConsultationLanguageTests {
  /// The Markdown of the follow-up and consultation sections of the
  /// bundled report, with the follow-up chart's SVG.
  struct Rendered {
    var followUp: String
    var consultation: String
    var chart: String
    var both: String { followUp + "\n" + consultation }
  }

  static func render(_ language: ReportLanguage) throws -> Rendered {
    var c = try PipelineFollowUpReportTests.configuration(language: language)
    c.consultations = [MalmöData.remissvar2023, MalmöData.remiss2025]
    let artifacts = try KraftsamlingPipeline.run(c).artifacts()
    func markdown(_ id: String) throws -> String {
      var document = artifacts.document
      document.sections = [try #require(document.sections.first { $0.id == id })]
      return document.markdown()
    }
    let chart = try #require(artifacts.figures.first { $0.fileName == "figurer/uppfoljning.svg" })
    return Rendered(followUp: try markdown("uppfoljning"), consultation: try markdown("remissvar"), chart: chart.svg)
  }

  /// The rows of the Markdown tables in `text` (header and rule excluded).
  static func tableRows(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    var rows: [String] = []
    for (i, line) in lines.enumerated() where line.hasPrefix("|") && !line.hasPrefix("| ---") {
      let isHeader = i + 1 < lines.count && lines[i + 1].hasPrefix("| ---")
      if !isHeader { rows.append(line) }
    }
    return rows
  }

  /// Runs of four or more digits: a number ≥ 1000 written without
  /// grouping. Years, and the digits of a diarienummer or a date (after
  /// `-`, as in STK-2024-1374), are not numbers to group.
  static func ungroupedNumbers(_ row: String) -> [String] {
    var found: [String] = []
    var run = ""
    var afterHyphen = false
    var previous: Character = " "
    for ch in row + " " {
      if ch.isASCII && ch.isNumber {
        if run.isEmpty { afterHyphen = previous == "-" }
        run.append(ch)
      } else {
        let year = run.count == 4 && (1900...2100).contains(Int(run) ?? 0)
        if run.count >= 4 && !year && !afterHyphen { found.append(run) }
        run = ""
      }
      previous = ch
    }
    return found
  }

  @Test("the Swedish sections carry no type names, file names, scripts or English")
  func swedishIsSwedish() throws {
    let sv = try Self.render(.sv)
    let forbidden = [
      "CalendarDate", "Scripts/", "seed 004", "seed 003", "seed 001", ".txt", ".json", ".py", "two-proportion",
      "pooled binomial", "Compiled from", "The source", "No answers recorded", "lines 7–18", "3598 lines",
      "mål satta av användaren", "radhänvisningar", "remissvarsfilen", "ange egna, t.ex.",
    ]
    for phrase in forbidden {
      #expect(!sv.both.contains(phrase), "'\(phrase)' in the Swedish report")
    }
    #expect(sv.consultation.contains("| Remissinstans | Namn | Typ | Datum | Ställningstagande |"))
    #expect(sv.followUp.contains("test av skillnad mellan två andelar med poolat binomialt standardfel"))
    // Sources as a reader cites them: the document's title with its diarienummer.
    #expect(sv.consultation.contains(
      "- Inkomna remissyttranden i sin helhet, med stadskontorets tabell över remissinstansernas syn på samordningsansvar (STK-2023-137)."))
    #expect(sv.consultation.contains("- Arbetsmarknads- och socialförvaltningens förslag till yttrande (ASN-2023-19537)."))
    // The published values are cited by the diarienummer alone.
    #expect(sv.followUp.contains("Malmö 9,5 % (STK-2024-1374); Sverige 6,8 % (STK-2024-1374)."))
  }

  @Test("the English sections carry none of the Swedish phrases they used to")
  func englishIsEnglish() throws {
    let en = try Self.render(.en)
    let swedish = [
      "Hela urvalet", "Hela det publicerade urvalet", "Publicerat kluster", "Publicerade kluster", "skriftlig reservation",
      "muntlig reservation", "tillsammans med", "cirka 9,5 procent", "omkring 6,8 procent", "Sammanställd med",
      "Sverige", "Unga 2023", "CalendarDate", "seed 004", "Scripts/",
    ]
    for phrase in swedish {
      #expect(!en.both.contains(phrase), "'\(phrase)' in the English report")
    }
    // Kön, as a word of the follow-up's own text (the consultation's themes quote the answers).
    #expect(!en.followUp.contains("kön") && !en.followUp.contains("Kön"))
    #expect(en.consultation.contains("| Respondent | Name | Kind | Date | Stance |"))
    #expect(en.consultation.contains("S: written reservation (jointly with L)"))
    #expect(en.consultation.contains("The questions, positions, themes and summaries are given in Swedish"))
    #expect(en.followUp.contains("two-proportion z-test, pooled binomial standard error"))
    #expect(en.followUp.contains("Whole published selection (STK-2024-1374): 2019–2023 −1.8 percentage points"))
    #expect(en.followUp.contains("Share of 16–29-year-olds neither in work nor in education"))
  }

  @Test("the follow-up names STK-2024-1374's clusters A–E under their own heading, with members, never 'Kluster N'")
  func publishedClusters() throws {
    let sv = try Self.render(.sv)
    let en = try Self.render(.en)
    for text in [sv.followUp, en.followUp, sv.chart, en.chart] {
      #expect(!text.contains(try Regex("[Kk]luster [0-9]")))
      #expect(!text.contains(try Regex("[Cc]luster [0-9]")))
    }
    #expect(sv.followUp.contains("### Publicerade kluster (STK-2024-1374)\n"))
    #expect(sv.followUp.contains("som publicerades i STK-2024-1374"))
    #expect(sv.followUp.contains("| Publicerat kluster A | Augustenborg, Heleneholm, Södra Sofielund |"))
    #expect(sv.followUp.contains("| Publicerat kluster C | Herrgården, Kryddgården, Persborg, Törnrosen, Örtagården |"))
    #expect(sv.followUp.contains("| Publicerat kluster E | Katrinelund |"))
    // The legend comes before the time series, whose columns use the short names.
    let legend = try #require(sv.followUp.firstRange(of: "### Publicerade kluster"))
    let series = try #require(sv.followUp.firstRange(of: "### Tidsserie"))
    #expect(legend.lowerBound < series.lowerBound)
    #expect(sv.followUp.contains("| Publicerat kluster A | Publicerat kluster B |"))
    #expect(en.followUp.contains("### Published clusters (STK-2024-1374)\n"))
    #expect(en.followUp.contains("| Published cluster D | Holma |"))
    #expect(en.chart.contains("Published cluster B:"))
  }

  @Test("Swedish tables group thousands with a space and write negative numbers with a minus sign")
  func swedishNumbers() throws {
    let sv = try Self.render(.sv)
    let rows = Self.tableRows(sv.both)
    #expect(rows.count > 50)
    for row in rows {
      #expect(Self.ungroupedNumbers(row).isEmpty, "ungrouped number in \(row)")
    }
    // Heleneholm 1,398 young people in 2023; Kryddgården 1,525.
    #expect(sv.followUp.contains("| Heleneholm | 1 398 | 12,4 |"))
    #expect(sv.followUp.contains("| Kryddgården | 1 525 |"))
    // Changes: −1,8 pe for the whole selection; no hyphen before a digit outside dates and diarienummer.
    #expect(sv.followUp.contains("−1,8 procentenheter mot −0,9 i övriga staden"))
    #expect(!sv.followUp.contains(try Regex("(^|[ (|])-[0-9]")))
    let en = try Self.render(.en)
    #expect(en.followUp.contains("| Heleneholm | 1,398 | 12.4 |"))
    #expect(!en.followUp.contains(try Regex("(^|[ (|])-[0-9]")))
  }

  @Test("the chart's subtitle and caption say targets only when some are set")
  func chartFollowsTargets() throws {
    let sv = try Self.render(.sv)
    #expect(sv.chart.contains("Definition 2015.1; inga mål satta"))
    #expect(sv.followUp.contains("Figur. UVAS 16–29 över tid; inga mål är satta."))
    let en = try Self.render(.en)
    #expect(en.chart.contains("Definition 2015.1; no targets set"))

    let c = try PipelineFollowUpReportTests.configuration()
    var options = c.followUpOptions
    options.targets = [try Målvärde(parsing: "2030:8,5"), try Målvärde(parsing: "2035:7,5")]
    let f = try Uppföljning(panel: try #require(c.followUpPanel), groups: c.followUpGroups, options: options)
    #expect(f.chartSubtitle(.sv) == "Definition 2015.1; mål för 2030 och 2035")
    #expect(f.chartSubtitle(.en) == "Definition 2015.1; targets for 2030 and 2035")
    #expect(f.chartCaption(language: .sv) == "Figur. UVAS 16–29 över tid, mål och krävd förändring per år.")
    #expect(f.chart().svg().contains("mål för 2030 och 2035"))
    // (8.5 − 9.5)/(2030 − 2023) = −0.142857 pp a year.
    #expect(f.status().contains("krävs −0,14 procentenheter per år"))
    #expect(f.markdown().contains("| 2030 | 8,5 % |"))
  }

  @Test("the follow-up formatter: grouping, minus sign, no sign on a change that rounds to zero")
  func formatter() {
    let sv = FollowUpFormatter(.sv)
    let en = FollowUpFormatter(.en)
    #expect(sv.count(1398) == "1 398" && en.count(1398) == "1,398")
    // The check the report tests use finds 1398, not a year or a diarienummer.
    #expect(Self.ungroupedNumbers("| Heleneholm | 1398 | 1 398 | STK-2024-1374 | 2023-11-23 | 2023 |") == ["1398"])
    #expect(sv.count(94_243) == "94 243" && sv.count(776) == "776" && sv.count(1_000_000) == "1 000 000")
    #expect(sv.styled("-1234,5") == "−1 234,5" && en.styled("-1234.5") == "−1,234.5")
    #expect(sv.pp(-0.018) == "−1,8" && sv.pp(0.019) == "+1,9" && en.pp(-0.018) == "−1.8")
    // −0.04 pp rounds to 0,0: neither sign.
    #expect(sv.pp(-0.0004) == "0,0" && sv.pp(0.0004) == "0,0")
    #expect(sv.number(-4.24, places: 1) == "−4,2")
    #expect(sv.percent(0.0951) == "9,5 %")
  }

  @Test("published clusters are lettered; KraftsamlingKit's own group names have English names")
  func groupNames() throws {
    let s = PublishedSelection.stk2024_1374
    #expect(s.clusters.map(\.letter) == ["A", "B", "C", "D", "E"])
    #expect(s.clusters[1].label == "Publicerat kluster B: Gullviksborg, Hermodsdal")
    let groups = try s.areaGroups(in: MalmöData.hierarchy)
    #expect(groups.filter { $0.kind == .cluster }.map(\.id) == ["kluster-1", "kluster-2", "kluster-3", "kluster-4", "kluster-5"])
    #expect(groups.last?.name == "Hela det publicerade urvalet (STK-2024-1374)")
    #expect(groups.last?.name(in: .en) == "Whole published selection (STK-2024-1374)")
    #expect(AreaGroup.displayName("Publicerat kluster D: Holma", .en) == "Published cluster D: Holma")
    #expect(AreaGroup.displayName("Publicerat kluster D: Holma", .sv) == "Publicerat kluster D: Holma")
    #expect(AreaGroup.displayName("Valda områden", .en) == "Selected areas")
    #expect(AreaGroup.displayName("Holma", .en) == "Holma")
  }

  @Test("reservations are labelled in the report's language, and fall back to the stored labels after JSON")
  func reservationLabels() throws {
    let s = Sammanställning(MalmöData.remissvar2023, catalogue: .malmö)
    let asn = try #require(s.respondents.first { $0.id == "ASN" })
    #expect(asn.reservationLabels(.sv).first == "S: skriftlig reservation (tillsammans med L)")
    #expect(asn.reservationLabels(.en).first == "S: written reservation (jointly with L)")
    let decoded = try JSONCoding.decode(
      Sammanställning.self, from: Array(try JSONCoding.encodeString(s).utf8), file: "sammanstallning.json")
    let back = try #require(decoded.respondents.first { $0.id == "ASN" })
    #expect(back.reservations == asn.reservations)
    #expect(back.reservationLabels(.en) == asn.reservations)
  }

  @Test("the shift rule in Swedish and English")
  func shiftRuleWords() {
    #expect(localizedShiftRuleSummary(BinomialShiftRule(k: 3), .sv)
      == "|z| > 3 (test av skillnad mellan två andelar med poolat binomialt standardfel)")
    #expect(localizedShiftRuleSummary(BinomialShiftRule(k: 2.5), .sv).hasPrefix("|z| > 2,5 ("))
    #expect(localizedShiftRuleSummary(BinomialShiftRule(k: 3), .en)
      == "|z| > 3 (two-proportion z-test, pooled binomial standard error)")
    #expect(localizedShiftRuleSummary(AbsoluteShiftRule(percentagePoints: 1), .sv) == "|förändring| > 1 procentenheter")
  }
}
