import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl compare`: rank shifts between two index definitions.
enum CompareCommand: Command {
  static let name = "compare"
  static let abstract =
    "Compare the rankings of two index definitions: rank shifts, areas entering or leaving the top K."
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

  static let definitions = CommonOptions.definition.help("A definition to compare; give it twice (A, then B).")
    .repeatable
  static let top = Option.integer("--top", "K", "The size of the selection compared (default 13).", in: 1...1_000_000)
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    CommonOptions.dataInput + [definitions, top, CommonOptions.minDenominator, format, out, CommonOptions.csvDialect]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let format = args[Self.format] ?? .table
    let workbook = try WorkbookOutput.path(format: format, out: args[out])
    let names = args.all(definitions)
    guard names.count == 2 else {
      throw UsageError(
        "compare needs exactly two --definition options, got \(names.count)",
        hint: "e.g. kraftctl compare --definition stadskontoret-2025 --definition scb-regso")
    }
    let top = args[Self.top] ?? 13
    let statistics = try Inputs.statistics(args)
    let a = try IndexOptions.definition(args, value: names[0]).run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    let b = try IndexOptions.definition(args, value: names[1]).run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    let c = try IndexComparison(base: a, other: b, top: top)
    if format == .json {
      io.print(json: json(c, top: top))
      return
    }
    if let workbook { return try WorkbookOutput.write([("comparison", c.table())], to: workbook, &io) }
    io.print(c.table(), as: format)
    if format == .table || format == .markdown {
      for line in summary(c, top: top) { io.print(line) }
      if statistics.isBundled { io.print(Inputs.illustrative) }
    }
  }

  static func summary(_ c: IndexComparison, top: Int) -> [String] {
    func names(_ rows: [IndexComparison.Row]) -> String {
      rows.isEmpty ? "none" : rows.map(\.name).joined(separator: ", ")
    }
    return [
      "A: \(c.baseLabel)", "B: \(c.otherLabel)", "Top \(top) — entering under B: \(names(c.entering))",
      "Top \(top) — leaving under B: \(names(c.leaving))",
      "Spearman ρ \(IndexOptions.fixed(c.spearman)); mean |shift| \(IndexOptions.fixed(c.meanAbsoluteShift, 1)); "
        + "largest |shift| \(c.maximumAbsoluteShift.text)",
    ]
  }

  static func json(_ c: IndexComparison, top: Int) -> JSON {
    func rows(_ r: [IndexComparison.Row]) -> JSON {
      .array(
        r.map { x in
          [
            "code": .string(x.code), "name": .string(x.name), "rank_a": JSON(x.baseRank), "rank_b": JSON(x.otherRank),
            "shift": JSON(x.shift), "top_a": JSON(x.inBaseTop), "top_b": JSON(x.inOtherTop),
          ]
        })
    }
    return [
      "a": .string(c.baseLabel), "b": .string(c.otherLabel), "top": JSON(top), "entering": rows(c.entering),
      "leaving": rows(c.leaving), "spearman": JSON(c.spearman), "mean_absolute_shift": JSON(c.meanAbsoluteShift),
      "areas": rows(c.rows),
    ]
  }
}

extension Optional where Wrapped == Int {
  /// The number, or empty.
  var text: String { map(String.init) ?? "" }
}
