import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl effektlogik`: draws and checks one insats's effect logic.
enum EffektlogikCommand: Command {
  static let name = "effektlogik"
  static let abstract = "Draw an insats's effect logic as Mermaid, Graphviz DOT, SVG or text, with its checks."
  static let discussion = """
    Reads an insats file (default: the bundled sample of invented insatser) and
    prints the effect logic (effektlogik) of the insats --id: resources →
    activities → outputs → short-, medium- and long-term effects → slutmål.

    mermaid (default) prints a flowchart to paste into Markdown between
    ```mermaid fences; dot prints a Graphviz digraph (render with
    `dot -Tsvg`); text prints the chain layer by layer followed by the findings
    of the mechanical check (cycles, links against the layer order, activities
    that do not reach the goal, effects without indicator, links without
    rationale, dangling nodes). With mermaid and dot the findings go to standard
    error. The exit status is 0 whatever the findings.
    """
  static let examples: [(command: String, comment: String)] = [
    ("effektlogik --id EX-2026-01", "The sample's first insats as Mermaid"),
    ("effektlogik insatser.json --id INS-7 --format dot > ins7.dot", "Graphviz DOT of your own insats"),
    ("effektlogik --id EX-2026-06 --format text", "Text and findings: an effect logic that misses the goal"),
  ]
  /// The drawings of `--format`.
  enum Drawing: String, Sendable { case mermaid, dot, svg, text }

  static let id = Option<String>("--id", "ID", "The insats (required when the file holds more than one).")
  static let format = Option<Drawing>.choice(
    "--format", "FORMAT", "mermaid (default), dot, svg (a diagram to open in a browser) or text.",
    [("mermaid", .mermaid), ("dot", .dot), ("svg", .svg), ("text", .text)])
  static let linkLabels = Flag("--link-labels", "Mermaid: write each link's rationale on its arrow.")
  static let options: [any OptionDeclaration] = [id, format, linkLabels, CommonOptions.quiet]
  static let file = Positional("FILE")
  static let positional: Positional? = file

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let format = args[Self.format] ?? .mermaid
    let loaded = try InsatsInputs.load(args[file], &io)
    let insats = try select(args[id], from: loaded.insatser)
    let chain = insats.effektlogik
    let findings = chain.validate(options: .stk2024_1374)
    let title = "\(insats.id) \(insats.title)" + (loaded.isExample ? " (\(SampleInsatser.exampleLabel))" : "")
    switch format {
    case .dot:
      io.print(chain.dot(title: title), terminator: "")
    case .svg:
      io.print(EffektlogikDiagram(chain: chain, title: title).svg(), terminator: "")
    case .text:
      io.print("Effektlogik: \(title)")
      io.print(chain.text(), terminator: "")
      io.print("checks")
      if findings.isEmpty { io.print("  no findings") }
      for f in findings { io.print("  \(f.severity.rawValue): \(f.message)" + (f.hint.map { " (hint: \($0))" } ?? "")) }
    case .mermaid:
      io.print(chain.mermaid(title: title, linkLabels: args[linkLabels]), terminator: "")
    }
    if format != .text {
      for f in findings where f.severity != .note {
        io.note("kraftctl: \(f.severity.rawValue): \(insats.id): \(f.message)")
      }
    }
  }

  static func select(_ id: String?, from insatser: [Insats]) throws -> Insats {
    guard let id else {
      if insatser.count == 1 { return insatser[0] }
      throw UsageError(
        "--id is required",
        hint: "the file holds \(insatser.count) insatser: \(insatser.map(\.id).joined(separator: ", "))")
    }
    if let hit = insatser.first(where: { $0.id.lowercased() == id.lowercased() }) { return hit }
    let s = NameResolver(entries: insatser.map { ($0.id, $0.id) }, noun: "insats").suggestions(for: id)
    throw UsageError(
      "no insats with id '\(id)'",
      hint: s.isEmpty
        ? "the ids are: \(insatser.map(\.id).joined(separator: ", "))" : "did you mean \(s.joined(separator: " or "))?")
  }
}
