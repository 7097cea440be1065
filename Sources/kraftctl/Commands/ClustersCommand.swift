import KraftsamlingKit

/// `kraftctl clusters`: connected groups of selected areas.
enum ClustersCommand: Command {
  static let name = "clusters"
  static let abstract = "Group selected areas into clusters of neighbours (rook by default)."
  static let usage = """
    (--select NAME,NAME,… | --top K --variable NAME | --min-score S --variable NAME) [--rule rook|queen] \
    [--tolerance T] [--geometry FILE] [--id-property NAME] [--data FILE] [--format table|csv|json]
    """
  static let discussion = """
    Selects areas — by name or code (--select), as the K highest values of a
    variable (--top), or every area at or above a value (--min-score) — and
    finds their clusters: groups joined by chains of selected neighbours.
    Clusters are numbered by their best-ranked member (for --select: by first
    appearance in the list). Unknown names exit with status 65 and suggest the
    nearest names. CSV columns: cluster,code,name.
    (--definition, ranking by a composite index, arrives with the index commands.)
    """
  static let examples: [(command: String, comment: String)] = [
    (
      "clusters --select \"Augustenborg,Heleneholm,Södra Sofielund,Gullviksborg,Hermodsdal,Herrgården,Kryddgården,Persborg,Törnrosen,Örtagården,Holma,Katrinelund\"",
      "The five clusters of STK-2024-1374's initial selection"
    ),
    ("clusters --select Augustenborg,Persborg --rule queen", "Queen contiguity joins areas touching at a point"),
    ("clusters --top 12 --variable ekonomiskt_bistand_20_64 --format csv", "Clusters of the 12 highest shares (illustrative data)"),
  ]
  static let options: [OptionSpec] = [
    GeographySupport.select, GeographySupport.top, GeographySupport.minScore, GeographySupport.variable,
    GeographySupport.rule, GeographySupport.tolerance, CommonOptions.geometry, CommonOptions.idProperty,
  ] + CommonOptions.dataInput + [CommonOptions.format, CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let (layer, _) = try Inputs.layer(args)
    guard let selection = try GeographySupport.selection(args, layer: layer) else {
      throw UsageError(
        "choose the areas with --select NAMES, --top K or --min-score S",
        hint: "e.g. kraftctl clusters --select Holma,Katrinelund")
    }
    if args.value("--variable") != nil && args.value("--data") == nil && args.value("--select") == nil {
      io.note("scores: \(Inputs.illustrative)")
    }
    if !selection.tiedAtCutoff.isEmpty {
      io.warn("tied with the last selected area but left out (ties broken by code): \(selection.tiedAtCutoff.joined(separator: ", "))")
    }
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
