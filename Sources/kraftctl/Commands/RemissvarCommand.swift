import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl remissvar`: the sammanställning of a consultation round.
enum RemissvarCommand: Command {
  static let name = "remissvar"
  static let abstract = "Summarise remissvar: tallies per question, coordinators, indicator demand, reservations."
  static let usage = "[FILE] [--remiss 2023|2025] [--question N] [--group-by named|nämnd] [--lang sv|en] [--format table|json|markdown] [--export]"
  static let discussion = """
    Reads a consultation round in the kraftsamling-remiss/1 JSON format (see
    Documentation/DataFormats.md) or, without FILE, the bundled 2023 round: the 15
    remissvar to STK-2023-137 (--remiss 2025: the 2025 remiss STK-2024-1374 with its
    13 recipients and no answers yet). Every actor id is checked against Malmö's
    actor catalogue; problems are printed as FILE:LINE (field): message and exit 65.

    Prints who answered and who did not, stances, a tally per question and
    position, who proposes which coordinator (alone, jointly, supporting, rejected),
    the indicator-demand matrix (theme × respondent), criticism of the index and
    reservations by party. --format markdown gives a report to attach to an ärende
    (Swedish by default, --lang en for English); --format json the summary as
    data; --export the round itself as JSON (a template to fill in).
    """
  static let examples: [(command: String, comment: String)] = [
    ("remissvar", "The 2023 consultation"),
    ("remissvar --question 4", "Only the coordinator question"),
    ("remissvar --format markdown > sammanstallning.md", "A report for the ärende"),
    ("remissvar --remiss 2025 --export > remiss-2025.json", "A template for the 2025 answers"),
    ("remissvar remiss-2025.json --format markdown --lang en", "Your own round, in English"),
  ]
  static let options: [OptionSpec] = [
    .option("--remiss", "YEAR", "Bundled round when no FILE is given: 2023 (default) or 2025."),
    .option("--question", "N", "Only question N (with the coordinator or indicator tables it concerns)."),
    .option("--group-by", "HOW", "Coordinators as named (default) or rolled up to nämnd (stadskontoret → KS)."),
    .option("--lang", "LANG", "Report language: sv (default) or en."),
    .option("--format", "FORMAT", "table (default), json or markdown."),
    .flag("--export", "Print the round itself as JSON instead of the summary."),
  ]
  static let positionalLimit = 1

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args, allowed: [.table, .json, .markdown])
    let language: ReportLanguage = try args.choice("--lang", [("sv", .sv), ("en", .en)]) ?? .sv
    let grouping: CoordinatorTally.Grouping =
      try args.choice("--group-by", [("named", .asNamed), ("as-named", .asNamed), ("nämnd", .nämnd), ("namnd", .nämnd)]) ?? .asNamed
    let round: Remissomgång
    if let path = args.first {
      if args.value("--remiss") != nil { throw UsageError("give either FILE or --remiss, not both") }
      let (r, notes) = try Remissomgång.read(path: path, catalogue: .malmö)
      io.report(notes)
      round = r
    } else {
      round = try args.choice("--remiss", [("2023", MalmöData.remissvar2023), ("2025", MalmöData.remiss2025)]) ?? MalmöData.remissvar2023
    }
    if args.flag("--export") {
      io.print(try round.jsonString(), terminator: "")
      return
    }
    let question = try args.int("--question", in: 1...999)
    if let q = question, round.remiss.question(q) == nil {
      throw UsageError(
        "--question \(q): the remiss has no question \(q)",
        hint: "it has questions \(round.remiss.questions.map { String($0.number) }.joined(separator: ", "))")
    }
    let summary = Sammanställning(round, catalogue: .malmö, grouping: grouping)
    switch format {
    case .json: io.print(try JSONOutput.encode(summary), terminator: "")
    case .markdown: io.print(summary.markdown(question: question, language: language), terminator: "")
    default:
      io.print(summary.headline(language: language))
      io.print()
      io.print(summary.text(question: question, language: language), terminator: "")
    }
  }

  /// The demo's consultation lines: the headline of the bundled 2023
  /// summary and the state of the 2025 remiss.
  static func demoLines(language: ReportLanguage = .sv) -> [String] {
    [
      Sammanställning(MalmöData.remissvar2023, catalogue: .malmö).headline(language: language),
      Sammanställning(MalmöData.remiss2025, catalogue: .malmö).headline(language: language),
    ]
  }
}
