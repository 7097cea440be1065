import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl explain`: exact weight thresholds for one area, in sentences a
/// styrgrupp can read.
enum ExplainCommand: Command {
  static let name = "explain"
  static let abstract = "What weight would bring an area into the selection, or take it out? Exact thresholds."
  static let discussion = """
    For each indicator in turn, varies its weight share from 0 to 100 % with the
    other weights keeping their proportions, and says exactly at which shares
    --area is among the top --top K (default 12, competition ranks, ties
    included) and which area takes its place or gives up its own. Then, for the
    whole selection, how far each weight can move before the selection changes.
    The scores of an arithmetic index are linear in the weights, so the
    thresholds are computed exactly, not sampled; other aggregations exit with
    status 65. A lower bound is rounded up and an upper bound down to 0.1 %, so
    a rounded threshold is always on the safe side. Sentences are in Swedish
    (--lang en for English) and use indicator names; --format json gives every
    interval and breakpoint with indicator ids and area codes. An unknown
    --area exits with status 64 and suggests the nearest names. A PC-Axis
    file is read here only after kraftctl px --area DIM has made it a CSV.
    See Documentation/WeightSensitivity.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("explain --area Heleneholm", "Which weights bring Heleneholm into the top 12"),
    ("explain --area Heleneholm --top 15 --lang en", "The top 15, in English"),
    ("explain --area Heleneholm --format json", "Every interval and breakpoint as JSON"),
  ]

  static let area = Option<String>("--area", "NAME", "The area to explain (name or code); required.")
  static let format = CommonOptions.format([.table, .json])
  static let options: [any OptionDeclaration] =
    [
      area, CommonOptions.top, CommonOptions.definition, CommonOptions.weights, CommonOptions.aggregation,
      CommonOptions.language, format,
    ]
    // `--area` names the area explained here, so the PC-Axis options that
    // pick a cube's area dimension are not offered: convert a .px file with
    // `kraftctl px --area DIM` first.
    + CommonOptions.dataInput.filter { $0.name != CommonOptions.area.name && $0.name != CommonOptions.select.name }

  static let defaultTop = 12

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    guard let wanted = args[area] else {
      throw UsageError("explain needs --area NAME", hint: "e.g. kraftctl explain --area Heleneholm")
    }
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let analysis = try WeightSensitivity(definition, on: statistics.table, hierarchy: MalmöData.hierarchy)
    let code = try resolve(wanted, in: analysis, table: statistics.table)
    let top = args[CommonOptions.top] ?? defaultTop
    let memberships = try analysis.indicatorIDs.indices.map { k throws(RobustnessError) in
      try analysis.membership(area: code, top: top, indicator: k)
    }
    let stability = analysis.stability(top: top)
    if args[format] == .json {
      io.print(json: json(analysis, memberships, stability, definition: definition))
      return
    }
    let text = Sentences(analysis: analysis, language: args[CommonOptions.language] ?? .sv, top: top)
    for line in text.report(memberships, stability, definition: definition) { io.print(line) }
    if statistics.isBundled { io.print(Inputs.illustrative) }
  }

  /// The code of the area `wanted` names among the ranked areas; an unknown
  /// name is a usage error with the nearest names, an area the index does
  /// not rank a data error.
  static func resolve(_ wanted: String, in analysis: WeightSensitivity, table: AreaTable) throws -> String {
    let entries = table.codes.indices.flatMap { i in [(table.displayName(row: i), table.codes[i]), (table.codes[i], table.codes[i])] }
    let code = try NameResolver(entries: entries, noun: "area").resolve(wanted, at: SourceLocation(field: area.name))
    guard analysis.codes.contains(code) else {
      throw UsageError(
        "--area: \(wanted) is not ranked by the index (too little data)", hint: "see kraftctl index for the ranked areas")
    }
    return code
  }

  static func json(
    _ analysis: WeightSensitivity, _ memberships: [WeightSensitivity.Membership],
    _ stability: [WeightSensitivity.Stability], definition: IndexDefinition
  ) -> JSON {
    let first = memberships[0]
    let i = analysis.codes.firstIndex(of: first.area)!
    func codes(_ c: [String]) -> JSON { .array(c.map { .string($0) }) }
    func change(_ c: WeightSensitivity.Change?) -> JSON {
      c.map { ["entering": .string($0.entering), "leaving": .string($0.leaving)] } ?? .null
    }
    let indicators: [JSON] = memberships.map { m in
      [
        "id": .string(m.indicatorID), "nominal_share": .number(m.nominalShare), "selected": .bool(m.isSelected),
        "intervals": .array(m.intervals.map { ["lower": .number($0.lower), "upper": .number($0.upper)] }),
        "breakpoints": .array(
          m.breakpoints.map { b in
            [
              "share": .number(b.share), "rank_below": JSON(b.rankBelow), "rank_at": JSON(b.rankAt),
              "rank_above": JSON(b.rankAbove), "selected_below": .bool(b.selectedBelow),
              "selected_above": .bool(b.selectedAbove), "overtakes": codes(b.overtakes),
              "overtaken_by": codes(b.overtakenBy), "entering": codes(b.entering), "leaving": codes(b.leaving),
            ]
          }),
      ]
    }
    let stable: [JSON] = stability.map { s in
      [
        "id": .string(s.indicatorID), "nominal_share": .number(s.nominalShare), "lower": .number(s.interval.lower),
        "upper": .number(s.interval.upper), "lower_change": change(s.lowerChange), "upper_change": change(s.upperChange),
      ]
    }
    return [
      "definition": .string(definition.label), "area": .string(first.area), "name": JSON(analysis.names[i]),
      "top": JSON(first.top), "nominal_rank": JSON(first.nominalRank), "selected": .bool(first.isSelected),
      "ranked_areas": JSON(analysis.codes.count), "indicators": .array(indicators), "stability": .array(stable),
    ]
  }
}
