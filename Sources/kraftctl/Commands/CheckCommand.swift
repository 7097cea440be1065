import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl check`: judges insatser against an eligibility rule set.
enum CheckCommand: Command {
  static let name = "check"
  static let abstract = "Check insatser against the eligibility rules (verdict and every rule's reason)."
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
    (
      "check insatser.json --rules regler.json --format markdown --lang sv",
      "A rule-set file; a Swedish Markdown report"
    ),
    ("check insatser.json --strict", "Fail (exit 1) if any insats is not eligible"),
  ]
  static let rules = CommonOptions.rules.help(
    "A rule-set file, or a built-in set: stk-2024-1374 (default), stk-2024-1374-full.")
  static let format = CommonOptions.format([.table, .json, .markdown])
  static let language = CommonOptions.language.help("Language of the reasons: en (default) or sv.")
  static let strict = Flag("--strict", "Exit 1 if any insats is not eligible.")
  static let options: [any OptionDeclaration] = [rules, format, language, strict, CommonOptions.quiet]
  static let file = Positional("FILE")
  static let positional: Positional? = file

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let language = args[Self.language] ?? .en
    let loaded = try InsatsInputs.load(args[file], &io)
    let rules = try InsatsInputs.ruleSet(args[Self.rules], &io)
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: loaded.insatser)
    let verdicts = rules.evaluate(loaded.insatser, in: context)
    switch args[format] ?? .table {
    case .json:
      io.print(json: json(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language))
    case .markdown:
      io.print(markdown(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language), terminator: "")
    default:
      io.print(text(verdicts, ruleSet: rules.name, example: loaded.isExample, language: language), terminator: "")
    }
    let failed = verdicts.filter { !$0.isEligible }.count
    if args[strict], failed > 0 {
      throw CommandFailure(
        code: .failure, message: "check failed: \(failed) of \(verdicts.count) insats(er) not eligible (--strict)")
    }
  }
}
