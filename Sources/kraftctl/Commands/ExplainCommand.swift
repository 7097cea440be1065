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
    Last, the smallest change of all the weights together (the sum of the
    changes of the weight shares) that brings the area in, or takes it out,
    found by linear programs and checked by re-running the index; the sentence
    says whether it is proven the least or an upper bound. --bounds LO,HI keeps
    each share within ×LO–×HI of today's (e.g. 0.5,2); the weights found are
    also printed as a --weights value for kraftctl index. With dimensions, an
    indicator's share is its share of its dimension and the dimensions keep
    their weights (what --weights changes).
    The scores of an arithmetic index are linear in the weights, so the
    thresholds are computed exactly, not sampled; for other aggregations
    (geometric, harmonic, minimum, count) they are found by bisection to 1e-9
    of the share and labelled approximate (JSON: "method": "bisection",
    "tolerance"), and the smallest change is not offered. A lower bound is rounded up and an upper bound down to 0.1 %, so
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
    ("explain --area Heleneholm --bounds 0.5,2", "The smallest change with each weight within half to twice today's"),
  ]

  static let area = Option<String>("--area", "NAME", "The area to explain (name or code); required.")
  static let format = CommonOptions.format([.table, .json])
  static let bounds = Option<ClosedRange<Double>>(
    "--bounds", "LO,HI", "Keep each weight share within ×LO–×HI of today's in the smallest change, e.g. 0.5,2."
  ) { text throws(UsageError) in
    let parts = text.split(separator: ",").map { Double($0.filter { $0 != " " }) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo >= 0, lo <= 1, hi >= 1, hi.isFinite else {
      throw UsageError("--bounds must be two factors LO,HI with 0 ≤ LO ≤ 1 ≤ HI, got '\(text)'", hint: "e.g. --bounds 0.5,2")
    }
    return lo...hi
  }
  static let options: [any OptionDeclaration] =
    [
      area, CommonOptions.top, bounds, CommonOptions.definition, CommonOptions.weights, CommonOptions.normalization,
      CommonOptions.aggregation,
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
    let statistics = try Inputs.statistics(args, cubeOptions: false)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let analysis = try WeightSensitivity(definition, on: statistics.table, hierarchy: MalmöData.hierarchy)
    let code = try resolve(wanted, in: analysis, table: statistics.table)
    let top = args[CommonOptions.top] ?? defaultTop
    let memberships = try analysis.indicatorIDs.indices.map { k throws(RobustnessError) in
      try analysis.membership(area: code, top: top, indicator: k)
    }
    let stability = analysis.stability(top: top)
    let change = smallestChange(analysis, code, top: top, bounds: args[bounds])
    if args[format] == .json {
      var object = json(analysis, memberships, stability, definition: definition)
      if case .object(let pairs) = object {
        let range: JSON = args[bounds].map { [.number($0.lowerBound), .number($0.upperBound)] } ?? .null
        object = .object(pairs + [("bounds", range), ("smallest_change", json(change, analysis))])
      }
      io.print(json: object)
      return
    }
    let text = Sentences(analysis: analysis, language: args[CommonOptions.language] ?? .sv, top: top)
    for line in text.report(memberships, stability, definition: definition) { io.print(line) }
    io.print("")
    io.print(text.sentence(change, bounds: args[bounds]))
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

  /// The smallest change, or why there is none: an area without every
  /// indicator, or an aggregation that is not linear in the weights.
  static func smallestChange(
    _ analysis: WeightSensitivity, _ code: String, top: Int, bounds: ClosedRange<Double>?
  ) -> Result<WeightSensitivity.SmallestChange, RobustnessError> {
    Result { () throws(RobustnessError) in try analysis.smallestChange(area: code, top: top, bounds: bounds) }
  }

  /// The smallest change as JSON: the shares with indicator ids, or the reason there are none.
  static func json(_ result: Result<WeightSensitivity.SmallestChange, RobustnessError>, _ analysis: WeightSensitivity) -> JSON {
    switch result {
    case .failure(let e): return ["available": .bool(false), "reason": .string(e.message)]
    case .success(let c):
      let weights: JSON = c.shares.map { s in
        .array(analysis.indicatorIDs.indices.map { k in
          ["id": .string(analysis.indicatorIDs[k]), "before": .number(analysis.nominalShares[k]), "after": .number(s[k])]
        })
      } ?? .null
      return [
        "available": .bool(true), "entering": .bool(c.entering), "claim": .string(c.claim.rawValue),
        "distance": c.distance.map(JSON.number) ?? .null, "rank_after": c.rankAfter.map { JSON($0) } ?? .null,
        "weights": weights, "weights_option": c.shares.map { .string(weightsOption($0)) } ?? .null,
      ]
    }
  }

  /// Shares as the value of `kraftctl index --weights`: every digit kept,
  /// so that re-running the index gives the ranks reported (the dimensions
  /// keep the definition's weights, as the shares assume). `--weights`
  /// takes only positive weights, so a share of 0 is written 1e-12: its
  /// effect on a score, under 10⁻¹¹, is far below the lead of 10⁻⁹ of the
  /// largest value the change is found with.
  static func weightsOption(_ shares: [Double]) -> String {
    shares.map { $0 > 0 ? "\($0)" : "1e-12" }.joined(separator: ",")
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
        "id": .string(m.indicatorID), "dimension": JSON(analysis.indicatorDimensions[m.indicator]),
        "nominal_share": .number(m.nominalShare), "selected": .bool(m.isSelected),
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
      "method": .string(first.tolerance == nil ? "exact" : "bisection"), "tolerance": JSON(first.tolerance),
      "top": JSON(first.top), "nominal_rank": JSON(first.nominalRank), "selected": .bool(first.isSelected),
      "ranked_areas": JSON(analysis.codes.count), "indicators": .array(indicators), "stability": .array(stable),
    ]
  }
}
