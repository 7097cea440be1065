import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl check`: judges insatser against an eligibility rule set.
enum CheckCommand: Command {
  static let name = "check"
  static let abstract = "Check insatser against the eligibility rules (verdict and every rule's reason)."
  static let usage = "[FILE] [--rules FILE|NAME] [--format table|json|markdown] [--lang en|sv] [--strict]"
  static let discussion = """
    Reads an insats file (default: the bundled sample of invented insatser) and
    judges every insats by a rule set: the built-in 'stk-2024-1374' (effect logic
    reaching the UVAS goal, at least two actors, at least 1 000 000 kr, preventive
    focus), 'stk-2024-1374-full' (also: a selected delområde, period 2025–2035,
    no overlap with an ongoing insats of another actor), or a rule-set file.

    Exit status 0 even when some insatser are not eligible (the verdict is the
    output); 65 when the insats or rule-set file is invalid (every problem is
    listed with FILE:LINE and its JSON path); 66 when a file is missing; with
    --strict, 1 when any insats is not eligible.
    """
  static let examples: [(command: String, comment: String)] = [
    ("check", "The bundled sample insatser under stk-2024-1374"),
    ("check insatser.json --rules stk-2024-1374-full", "Your file, with the optional rules"),
    ("check insatser.json --rules regler.json --format markdown --lang sv", "A rule-set file; a Swedish Markdown report"),
    ("check insatser.json --strict", "Fail (exit 1) if any insats is not eligible"),
  ]
  static let options: [OptionSpec] = [
    .option("--rules", "FILE|NAME", "A rule-set file, or a built-in set: stk-2024-1374 (default), stk-2024-1374-full."),
    .option("--format", "FORMAT", "table (default), json or markdown."),
    .option("--lang", "LANG", "Language of the reasons: en (default) or sv."),
    .flag("--strict", "Exit 1 if any insats is not eligible."),
    CommonOptions.quiet,
  ]
  static let positionalLimit = 1

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args, allowed: [.table, .json, .markdown])
    let language: RuleResult.Language = try args.choice("--lang", [("en", .en), ("sv", .sv)]) ?? .en
    let loaded = try InsatsInputs.load(args.first, &io)
    let rules = try InsatsInputs.ruleSet(args.value("--rules"), &io)
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: loaded.insatser)
    let verdicts = rules.evaluate(loaded.insatser, in: context)
    switch format {
    case .json:
      io.print(json(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language), terminator: "")
    case .markdown:
      io.print(markdown(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language), terminator: "")
    default:
      io.print(text(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language), terminator: "")
    }
    if args.flag("--strict"), verdicts.contains(where: { !$0.isEligible }) {
      let n = verdicts.filter { !$0.isEligible }.count
      throw CommandFailure(code: .failure, message: "check failed: \(n) of \(verdicts.count) insats(er) not eligible (--strict)")
    }
  }

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

  static func text(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language) -> String {
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
        s += "  \(o)\(String(repeating: " ", count: width - o.count))  \(r.ruleID)\(String(repeating: " ", count: idWidth - r.ruleID.count))  \(r.reason(in: language))\n"
      }
    }
    let eligible = verdicts.filter(\.isEligible).count
    s += "\n"
    s += language == .sv
      ? "\(eligible) av \(verdicts.count) insatser uppfyller kriterierna i \(ruleSet).\n"
      : "\(eligible) of \(verdicts.count) insatser eligible under \(ruleSet).\n"
    return s
  }

  static func markdown(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language) -> String {
    var s = language == .sv ? "# Prövning av insatser\n\n" : "# Eligibility check\n\n"
    if example { s += "*" + (language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish) + "*\n\n" }
    s += (language == .sv ? "Regelverk" : "Rule set") + ": `\(ruleSet)`\n\n"
    var summary = ReportTable(columns: ["id", language == .sv ? "titel" : "title", language == .sv ? "bedömning" : "verdict"])
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

  static func json(_ verdicts: [EligibilityVerdict], ruleSet: String, example: Bool, language: RuleResult.Language) -> String {
    JSONOutput.string(
      .object(
        JSONOutput.Object([
          ("ruleSet", .string(ruleSet)),
          ("example", .bool(example)),
          ("eligible", .integer(Int64(verdicts.filter(\.isEligible).count))),
          ("total", .integer(Int64(verdicts.count))),
          (
            "insatser",
            .array(
              verdicts.map { v in
                .object(
                  JSONOutput.Object([
                    ("id", .string(v.insatsID)), ("title", .string(v.title)), ("eligible", .bool(v.isEligible)),
                    ("outcome", .string(v.outcome.rawValue)),
                    (
                      "results",
                      .array(
                        v.results.map { r in
                          .object(
                            JSONOutput.Object([
                              ("rule", .string(r.ruleID)), ("title", .string(r.title)), ("outcome", .string(r.outcome.rawValue)),
                              ("reason", .string(r.reason(in: language))),
                            ]))
                        })
                    ),
                  ]))
              })
          ),
        ])))
  }

  /// The eligibility step of `kraftctl demo`: the bundled sample insatser
  /// judged by `stk-2024-1374`, one line per insats, then the overlaps of
  /// the register. Lines are indented by three spaces, as the demo's steps.
  static func demoSummary() -> String {
    let insatser = SampleInsatser.insatser
    let rules = RuleSet.stk2024_1374()
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: insatser)
    let verdicts = rules.evaluate(insatser, in: context)
    var s = "   \(insatser.count) sample insatser (\(SampleInsatser.exampleLabelEnglish)); "
    s += "\(verdicts.filter(\.isEligible).count) eligible under \(rules.name)\n"
    var t = ReportTable(columns: ["id", "title", "status", "verdict"])
    for (i, v) in zip(insatser, verdicts) {
      let why = v.failures.map(\.ruleID).joined(separator: ", ")
      t.append([v.insatsID, v.title, i.status.rawValue, v.isEligible ? "eligible" : "not eligible: \(why)"])
    }
    s += t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n") + "\n"
    for o in SampleInsatser.register.overlaps() {
      s += "   overlap: \(o.first) and \(o.second) in \(o.areas.map(context.areaName).joined(separator: ", ")) "
      s += "on \(o.themes.joined(separator: ", ")), \(o.years.lowerBound)–\(o.years.upperBound)\n"
    }
    return s
  }
}

/// Loading insats and rule-set files for the insatser commands.
enum InsatsInputs {
  struct Loaded {
    var insatser: [Insats]
    var isExample: Bool
  }

  /// The insatser of FILE, or the bundled sample when FILE is absent.
  /// Warnings go to standard error.
  static func load(_ path: String?, _ io: inout Output) throws -> Loaded {
    guard let path else {
      return Loaded(insatser: SampleInsatser.insatser, isExample: true)
    }
    let reader = InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy)
    let (file, diagnostics) = try reader.read(path: path)
    io.report(diagnostics)
    return Loaded(insatser: file.insatser, isExample: file.example)
  }

  /// A built-in rule set by name, or a rule-set file.
  static func ruleSet(_ value: String?, _ io: inout Output) throws -> RuleSet {
    guard let value else { return .stk2024_1374() }
    if let named = try? RuleSetRegistry.malmö.ruleSet(named: value) { return named }
    if !FileManager.default.fileExists(atPath: value) && !value.contains("/") && !value.contains(".") {
      let s = NameResolver(entries: RuleSetRegistry.malmö.names.map { ($0, $0) }, noun: "rule set").suggestions(for: value)
      throw UsageError(
        "unknown rule set '\(value)'",
        hint: (s.first.map { "did you mean \($0)? " } ?? "") + "built-in sets: \(RuleSetRegistry.malmö.names.joined(separator: ", ")), or give a rule-set file")
    }
    let reader = RuleSetReader(areas: MalmöData.hierarchy, bases: .malmö, defaults: .stk2024_1374Full())
    let (set, diagnostics) = try reader.read(path: value)
    io.report(diagnostics)
    return set
  }
}
