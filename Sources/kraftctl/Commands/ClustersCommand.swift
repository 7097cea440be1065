import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl clusters`: connected groups of selected areas.
enum ClustersCommand: Command {
  static let name = "clusters"
  static let abstract = "Group selected areas into clusters of neighbours (rook by default)."
  static let usage = """
    [--top K | --min-score S | --select NAME,NAME,…] [--definition NAME|FILE | --variable NAME] \
    [--normalization M] [--aggregation M] [--weights W1,W2,…] [--min-denominator N] [--missing POLICY] \
    [--rule rook|queen] [--tolerance T] [--geometry FILE] [--id-property NAME] [--data FILE] [--format table|csv|json]
    """
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
    ("clusters --min-score 1.5 --weights 2,1,1,1", "Every area scoring at least 1.5, year-9 eligibility weighted double"),
    ("clusters --top 12 --variable ekonomiskt_bistand_20_64", "Clusters of the 12 highest shares (illustrative data)"),
  ]
  static let options: [OptionSpec] =
    [GeographySupport.top, GeographySupport.minScore, GeographySupport.select]
    + GeographySupport.indexOptions + [
      GeographySupport.variable, GeographySupport.rule, GeographySupport.tolerance, CommonOptions.geometry,
      CommonOptions.idProperty,
    ] + CommonOptions.dataInput + [CommonOptions.format, CommonOptions.quiet]

  /// The number of areas selected when no selection option is given.
  static let defaultTop = 12

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let (layer, _) = try Inputs.layer(args)
    if args.value("--select") != nil, args.value("--variable") != nil {
      throw UsageError("--variable ranks areas for --top or --min-score; --select names them", hint: "drop --variable")
    }
    var scores: GeographySupport.Scores?
    func loadScores(_ io: inout Output) throws -> GeographySupport.Scores {
      if let scores { return scores }
      let s = try GeographySupport.scores(args, variable: args.value("--variable"), &io)
      scores = s
      return s
    }
    let selection: AreaSelection
    var k = try args.int("--top", in: 1...1_000_000)
    if let s = try GeographySupport.selection(args, layer: layer, scores: { try loadScores(&io) }) {
      selection = s
    } else {
      k = defaultTop
      let s = try loadScores(&io)
      io.note("no selection given: the \(defaultTop) best-ranked areas by \(s.label) (choose with --top, --min-score or --select)")
      selection = try s.index.map { try AreaSelection.top(defaultTop, of: $0) } ?? AreaSelection.top(defaultTop, of: s.values)
    }
    if let s = scores, s.illustrative { io.note("scores: \(Inputs.illustrative)") }
    if let warning = GeographySupport.tieWarning(selection, k: k) { io.warn(warning) }
    let contiguity = try layer.contiguity(rule: GeographySupport.rule(args), matching: GeographySupport.matching(args))
    let clusters = try SelectionClusters(selection, contiguity: contiguity, names: layer.displayNames)
    io.note("\(selection.members.count) selected areas (\(selection.summary)) form \(clusters.clusters.count) \(clusters.rule) cluster(s)")
    switch format {
    case .json:
      io.print(
        JSONOutput.string(
          .object(
            JSONOutput.Object([
              ("rule", .string(clusters.rule)), ("selection", .string(selection.summary)),
              ("definition", scores?.index.map { .string($0.definition.label) } ?? .null),
              ("tied_at_cutoff", .array(selection.tiedAtCutoff.map { .string($0) })),
              (
                "clusters",
                .array(
                  clusters.clusters.map { c in
                    .object(
                      JSONOutput.Object([
                        ("cluster", .integer(Int64(c.number))),
                        (
                          "members",
                          .array(
                            c.members.map { m in
                              .object(
                                JSONOutput.Object([
                                  ("code", .string(m.code)), ("name", m.name.map { .string($0) } ?? .null),
                                  ("rank", .integer(Int64(m.selection.rank))),
                                  ("score", m.selection.score.map { .number($0) } ?? .null),
                                  ("reason", .string(m.selection.reason)),
                                  ("joined_via", m.joinedVia.map { .string($0) } ?? .null),
                                  ("neighbors_in_cluster", .array(m.neighboursInCluster.map { .string($0) })),
                                ]))
                            })
                        ),
                      ]))
                  })
              ),
            ]))), terminator: "")
    case .csv:
      var t = ReportTable(columns: ["cluster", "code", "name"])
      for c in clusters.clusters { for m in c.members { t.append([String(c.number), m.code, m.name ?? m.code]) } }
      io.print(t.csv(), terminator: "")
    case .table, .markdown:
      var t = ReportTable(columns: ["cluster", "code", "name", "why"], alignments: [.right, .left, .left, .left])
      for c in clusters.clusters {
        for m in c.members {
          let link = m.neighboursInCluster.isEmpty
            ? "alone"
            : "\(clusters.rule) neighbour of " + m.neighboursInCluster.map { code in c.members.first { $0.code == code }?.name ?? code }.joined(separator: ", ")
          t.append([String(c.number), m.code, m.name ?? m.code, m.selection.reason + "; " + link])
        }
      }
      io.print(format.render(t), terminator: "")
    }
  }
}

extension ClustersCommand {
  /// The lines `kraftctl demo` prints for "clusters of the index's top 12
  /// under rook": the clusters of the 12 best-ranked delområden by
  /// stadskontoret-2025 on the bundled data, numbered by best-ranked
  /// member, and how they compare with STK-2024-1374's initial selection.
  /// Every line is indented by three spaces, as the demo's other steps.
  ///
  /// ```
  ///    The 12 most vulnerable delområden (stadskontoret-2025) form 5 rook clusters:
  ///    (1) Herrgården, Törnrosen, Örtagården, Kryddgården, Persborg, Apelgården
  ///    …
  ///    Compared with STK-2024-1374's initial selection: 11 of 12 in both; …
  /// ```
  static func demoLines(top k: Int = defaultTop) throws -> [String] {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let selection = try AreaSelection.top(k, of: result)
    let layer = MalmöData.layer
    let clusters = try layer.clusters(of: selection, rule: .rook)
    let names = layer.displayNames
    var lines = [
      "The \(k) most vulnerable delområden (\(result.definition.id)) form \(clusters.clusters.count) \(clusters.rule) clusters:"
    ]
    if let warning = GeographySupport.tieWarning(selection, k: k) { lines.append("(\(warning))") }
    for c in clusters.clusters {
      lines.append("(\(c.number)) " + c.members.map { $0.name ?? $0.code }.joined(separator: ", "))
    }
    let published = PublishedSelection.stk2024_1374
    let publishedCodes = published.clusters.flatMap(\.codes)
    let common = selection.codes.filter(publishedCodes.contains)
    let onlyIndex = selection.codes.filter { !publishedCodes.contains($0) }.map { names[$0] ?? $0 }
    let onlyPublished = publishedCodes.filter { !selection.codes.contains($0) }.map { names[$0] ?? $0 }
    var comparison = "Compared with \(published.id)'s initial selection: \(common.count) of \(publishedCodes.count) in both"
    if !onlyIndex.isEmpty { comparison += "; only in the top \(k): " + onlyIndex.joined(separator: ", ") }
    if !onlyPublished.isEmpty { comparison += "; only in \(published.id): " + onlyPublished.joined(separator: ", ") }
    lines.append(comparison)
    lines.append(Inputs.illustrative)
    return lines.map { "   " + $0 }
  }
}
