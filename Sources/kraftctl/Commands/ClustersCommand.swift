import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl clusters`: connected groups of selected areas.
enum ClustersCommand: Command {
  static let name = "clusters"
  static let abstract = "Group selected areas into clusters of neighbours (rook by default)."
  static let discussion = """
    Selects areas and finds their clusters: groups joined by chains of selected
    neighbours (rook contiguity by default). Select by name or code (--select),
    or by the composite index (--definition, default stadskontoret-2025, with the
    override options of kraftctl index): --top K takes every area ranked K or
    better — rank 1 is the most vulnerable, tied areas share a rank, so a tie at
    the cut-off selects more than K and is reported — and --min-score S every
    area scoring at least S. With --variable the ranking is by an indicator's
    rate or a column of --data instead, with the same tie rule. Without any
    selection option: the index's top 12 (as many as STK-2024-1374 named).
    Clusters are numbered by their best-ranked member (for --select: by first
    appearance in the list). Unknown names exit with status 64 and suggest the
    nearest names. CSV columns: cluster,code,name.
    """
  static let examples: [(command: String, comment: String)] = [
    ("clusters", "Clusters of the index's 12 most vulnerable delområden (illustrative data)"),
    (
      "clusters --select \"\(PublishedSelection.stk2024_1374.delområden.joined(separator: ","))\"",
      "The five clusters of STK-2024-1374's initial selection"
    ),
    ("clusters --select Augustenborg,Persborg --rule queen", "Queen contiguity joins areas touching at a point"),
    ("clusters --top 20 --definition scb-regso --format csv", "Clusters of another index's top 20"),
    (
      "clusters --min-score 1.5 --weights 2,1,1,1",
      "Every area scoring at least 1.5, year-9 eligibility weighted double"
    ),
    ("clusters --top 12 --variable ekonomiskt_bistand_20_64", "Clusters of the 12 highest shares (illustrative data)"),
  ]
  static let format = CommonOptions.format
  static let options: [any OptionDeclaration] =
    [GeographySupport.top, GeographySupport.minScore, GeographySupport.select] + CommonOptions.indexOptions + [
      GeographySupport.variable, CommonOptions.rule, GeographySupport.tolerance, CommonOptions.geometry,
      CommonOptions.idProperty,
    ] + CommonOptions.dataInputWithoutCubeSelection + [
      format, CommonOptions.csvDialect, CommonOptions.quiet,
    ]

  /// The number of areas selected when no selection option is given.
  static let defaultTop = 12

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let (layer, _) = try Inputs.layer(args)
    if args.isGiven(GeographySupport.select), args.isGiven(GeographySupport.variable) {
      throw UsageError("--variable ranks areas for --top or --min-score; --select names them", hint: "drop --variable")
    }
    var scores: AreaScores?
    func loadScores(_ io: inout Output) throws -> AreaScores {
      if let scores { return scores }
      scores = try GeographySupport.scores(args, variable: args[GeographySupport.variable], &io)
      return scores!
    }
    var k = args[GeographySupport.top]
    let selection: AreaSelection
    if let s = try GeographySupport.selection(args, layer: layer, scores: { try loadScores(&io) }) {
      selection = s
    } else {
      k = defaultTop
      let s = try loadScores(&io)
      io.note(
        "no selection given: the \(defaultTop) best-ranked areas by \(s.label) (choose with --top, --min-score or --select)"
      )
      selection =
        try s.index.map { try AreaSelection.top(defaultTop, of: $0) } ?? AreaSelection.top(defaultTop, of: s.values)
    }
    if let s = scores, s.illustrative { io.note("scores: \(Inputs.illustrative)") }
    if let warning = GeographySupport.tieWarning(selection, k: k) { io.warn(warning) }
    let clusters = try SelectionClusters(
      selection, contiguity: GeographySupport.contiguity(layer, args), names: layer.displayNames)
    io.note(
      "\(selection.members.count) selected areas (\(selection.summary)) form \(clusters.clusters.count) \(clusters.rule) cluster(s)"
    )
    print(
      clusters, selection: selection, definition: scores?.index?.definition.label, format: args[format] ?? .table, &io)
  }
}
