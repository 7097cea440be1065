import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl compare`: rank shifts between two index definitions.
enum CompareCommand: Command {
  static let name = "compare"
  static let abstract = "Compare the rankings of two index definitions: rank shifts, areas entering or leaving the top K."
  static let usage = "--definition A --definition B [--top K] [--data FILE] [--min-denominator N] [--format table|csv|json|markdown]"
  static let discussion = """
    Runs both definitions (built-in names or JSON files) on the same data and
    lists each area's rank under A and B and its shift (rank A − rank B:
    positive = more vulnerable under B), and which areas enter or leave the
    top K (rank ≤ K, ties included; default 13). CSV columns:
    code,name,rank_a,rank_b,shift,top_a,top_b.
    """
  static let examples: [(command: String, comment: String)] = [
    ("compare --definition stadskontoret-2025 --definition scb-regso", "The default index against SCB's RegSO style"),
    ("compare --definition stadskontoret-2025 --definition my-index.json --top 12 --format csv", "Your own definition"),
  ]
  static let options: [OptionSpec] =
    CommonOptions.dataInput + [
      .option("--definition", "NAME|FILE", "A definition to compare; give it twice (A, then B).", repeatable: true),
      .option("--top", "K", "The size of the selection compared (default 13)."),
      IndexOptions.minDenominator, CommonOptions.format,
    ]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let names = args.all("--definition")
    guard names.count == 2 else {
      throw UsageError(
        "compare needs exactly two --definition options, got \(names.count)",
        hint: "e.g. kraftctl compare --definition stadskontoret-2025 --definition scb-regso")
    }
    let top = try args.int("--top", in: 1...1_000_000) ?? 13
    let statistics = try Inputs.statistics(args)
    let a = try IndexOptions.definition(args, value: names[0])
    let b = try IndexOptions.definition(args, value: names[1])
    let ra = try a.run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    let rb = try b.run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    let c = try IndexComparison(base: ra, other: rb, top: top)
    func int(_ x: Int?) -> String { x.map(String.init) ?? "" }

    if format == .json {
      func rows(_ r: [IndexComparison.Row]) -> JSONOutput.Value {
        .array(
          r.map { x in
            .object(
              JSONOutput.Object([
                ("code", .string(x.code)), ("name", .string(x.name)),
                ("rank_a", x.baseRank.map { .integer(Int64($0)) } ?? .null),
                ("rank_b", x.otherRank.map { .integer(Int64($0)) } ?? .null),
                ("shift", x.shift.map { .integer(Int64($0)) } ?? .null), ("top_a", .bool(x.inBaseTop)),
                ("top_b", .bool(x.inOtherTop)),
              ]))
          })
      }
      io.print(
        JSONOutput.string(
          .object(
            JSONOutput.Object([
              ("a", .string(c.baseLabel)), ("b", .string(c.otherLabel)), ("top", .integer(Int64(top))),
              ("entering", rows(c.entering)), ("leaving", rows(c.leaving)),
              ("spearman", c.spearman.map { .number($0) } ?? .null),
              ("mean_absolute_shift", c.meanAbsoluteShift.map { .number($0) } ?? .null), ("areas", rows(c.rows)),
            ]))), terminator: "")
      return
    }
    var t = ReportTable(
      columns: ["code", "name", "rank_a", "rank_b", "shift", "top_a", "top_b"],
      alignments: [.left, .left, .right, .right, .right, .left, .left])
    for r in c.rows {
      t.append([
        r.code, r.name, int(r.baseRank), int(r.otherRank), r.shift.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "",
        r.inBaseTop ? "yes" : "", r.inOtherTop ? "yes" : "",
      ])
    }
    io.print(format.render(t), terminator: "")
    if format == .table || format == .markdown {
      io.print("A: \(c.baseLabel)")
      io.print("B: \(c.otherLabel)")
      io.print("Top \(top) — entering under B: \(c.entering.map(\.name).joined(separator: ", ").ifEmpty("none"))")
      io.print("Top \(top) — leaving under B: \(c.leaving.map(\.name).joined(separator: ", ").ifEmpty("none"))")
      io.print(
        "Spearman ρ \(IndexOptions.fixed(c.spearman)); mean |shift| \(IndexOptions.fixed(c.meanAbsoluteShift, 1)); "
          + "largest |shift| \(int(c.maximumAbsoluteShift))")
      if statistics.isBundled { io.print(Inputs.illustrative) }
    }
  }
}

extension String {
  fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
