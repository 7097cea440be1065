import KraftsamlingKit
import KraftsamlingKitData

extension CheckCommand {
  static func verdictWord(_ v: EligibilityVerdict, _ language: RuleResult.Language) -> String {
    switch (v.isEligible, v.warnings.isEmpty, language) {
    case (true, true, .en): "eligible"
    case (true, false, .en): "eligible, with warnings"
    case (false, _, .en): "NOT eligible"
    case (true, true, .sv): "uppfyller kriterierna"
    case (true, false, .sv): "uppfyller kriterierna, med varningar"
    case (false, _, .sv): "uppfyller INTE kriterierna"
    }
  }

  static func outcomeWord(_ o: RuleOutcome, _ language: RuleResult.Language) -> String {
    switch (o, language) {
    case (.pass, .en): "pass"
    case (.warning, .en): "warning"
    case (.fail, .en): "FAIL"
    case (.pass, .sv): "uppfylld"
    case (.warning, .sv): "varning"
    case (.fail, .sv): "EJ UPPFYLLD"
    }
  }

  static func text(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language)
    -> String
  {
    var s = ""
    if example { s += (language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish) + "\n" }
    s += (language == .sv ? "Regelverk" : "Rule set") + ": \(ruleSet)\n\n"
    var summary = ReportTable(columns: ["id", "title", "verdict", "failed rules"])
    for v in verdicts {
      summary.append([v.insatsID, v.title, verdictWord(v, language), v.failures.map(\.ruleID).joined(separator: ", ")])
    }
    s += summary.text()
    for v in verdicts {
      s += "\n\(v.insatsID)  \(v.title): \(verdictWord(v, language))\n"
      let width = v.results.map { outcomeWord($0.outcome, language).count }.max() ?? 0
      let idWidth = v.results.map(\.ruleID.count).max() ?? 0
      for r in v.results {
        let o = outcomeWord(r.outcome, language)
        s +=
          "  \(o)\(String(repeating: " ", count: width - o.count))  \(r.ruleID)\(String(repeating: " ", count: idWidth - r.ruleID.count))  \(r.reason(in: language))\n"
      }
    }
    let eligible = verdicts.filter(\.isEligible).count
    s += "\n"
    s +=
      language == .sv
      ? "\(eligible) av \(verdicts.count) insatser uppfyller kriterierna i \(ruleSet).\n"
      : "\(eligible) of \(verdicts.count) insatser eligible under \(ruleSet).\n"
    return s
  }

  static func markdown(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language)
    -> String
  {
    var s = language == .sv ? "# Prövning av insatser\n\n" : "# Eligibility check\n\n"
    if example {
      s += "*" + (language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish) + "*\n\n"
    }
    s += (language == .sv ? "Regelverk" : "Rule set") + ": `\(ruleSet)`\n\n"
    var summary = ReportTable(columns: [
      "id", language == .sv ? "titel" : "title", language == .sv ? "bedömning" : "verdict",
    ])
    for v in verdicts { summary.append([v.insatsID, v.title, verdictWord(v, language)]) }
    s += summary.markdown()
    for v in verdicts {
      s += "\n## \(v.insatsID) \(v.title)\n\n**\(verdictWord(v, language))**\n\n"
      for r in v.results {
        s += "- **\(outcomeWord(r.outcome, language))** `\(r.ruleID)` \(r.title): \(r.reason(in: language))\n"
      }
    }
    return s
  }

  static func json(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language)
    -> JSON
  {
    let insatser = verdicts.map { v -> JSON in
      let results = v.results.map { r -> JSON in
        [
          "rule": .string(r.ruleID), "title": .string(r.title), "outcome": .string(r.outcome.rawValue),
          "reason": .string(r.reason(in: language)),
        ]
      }
      return [
        "id": .string(v.insatsID), "title": .string(v.title), "eligible": JSON(v.isEligible),
        "outcome": .string(v.outcome.rawValue), "results": .array(results),
      ]
    }
    return [
      "ruleSet": .string(ruleSet), "example": JSON(example), "eligible": JSON(verdicts.filter(\.isEligible).count),
      "total": JSON(verdicts.count), "insatser": .array(insatser),
    ]
  }
}
