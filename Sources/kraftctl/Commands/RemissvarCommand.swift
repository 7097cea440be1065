import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl remissvar`: the sammanställning of a consultation round.
enum RemissvarCommand: Command {
  static let name = "remissvar"
  static let abstract = "Summarise remissvar: tallies per question, coordinators, indicator demand, reservations."
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
  static let remiss = Option<Remissomgång>.choice(
    "--remiss", "YEAR", "Bundled round when no FILE is given: 2023 (default) or 2025.",
    [("2023", MalmöData.remissvar2023), ("2025", MalmöData.remiss2025)])
  static let question = Option.integer(
    "--question", "N", "Only question N (with the coordinator or indicator tables it concerns).", in: 1...999)
  static let groupBy = Option<CoordinatorTally.Grouping>.choice(
    "--group-by", "HOW", "Coordinators as named (default) or rolled up to nämnd (stadskontoret → KS).",
    [("named", .asNamed), ("nämnd", .nämnd)], aliases: [("as-named", .asNamed), ("namnd", .nämnd)])
  static let language = CommonOptions.language.help("Report language: sv (default) or en.")
  static let format = CommonOptions.format([.table, .json, .markdown])
  static let export = Flag("--export", "Print the round itself as JSON instead of the summary.")
  static let options: [any OptionDeclaration] = [remiss, question, groupBy, language, format, export]
  static let file = Positional("FILE")
  static let positional: Positional? = file

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let language = args[Self.language] ?? .sv
    var round = args[remiss] ?? MalmöData.remissvar2023
    if let path = args[file] {
      if args.isGiven(remiss) { throw UsageError("give either FILE or --remiss, not both") }
      let (r, notes) = try Remissomgång.read(path: path, catalogue: .malmö)
      io.report(notes)
      round = r
    }
    if args[export] {
      io.print(try round.jsonString(), terminator: "")
      return
    }
    let question = args[Self.question]
    if let q = question, round.remiss.question(q) == nil {
      throw UsageError(
        "--question \(q): the remiss has no question \(q)",
        hint: "it has questions \(round.remiss.questions.map { String($0.number) }.joined(separator: ", "))")
    }
    let summary = Sammanställning(round, catalogue: .malmö, grouping: args[groupBy] ?? .asNamed)
    switch args[format] ?? .table {
    case .json: try io.print(encoded: summary)
    case .markdown: io.print(summary.markdown(question: question, language: language), terminator: "")
    default:
      io.print(summary.headline(language: language))
      io.print()
      io.print(summary.text(question: question, language: language), terminator: "")
    }
  }
}
