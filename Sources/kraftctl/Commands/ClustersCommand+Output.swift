import KraftsamlingKit

extension ClustersCommand {
  /// The clusters in each format: JSON, CSV (cluster,code,name) or a table with the reason for each member.
  static func print(
    _ clusters: SelectionClusters, selection: AreaSelection, definition: String?, format: OutputFormat,
    _ io: inout Output
  ) {
    switch format {
    case .json:
      io.print(json: json(clusters, selection: selection, definition: definition))
    case .csv:
      var t = ReportTable(columns: ["cluster", "code", "name"])
      for c in clusters.clusters { for m in c.members { t.append([String(c.number), m.code, m.name ?? m.code]) } }
      io.print(t.csv(), terminator: "")
    case .table, .markdown:
      var t = ReportTable(columns: ["cluster", "code", "name", "why"], alignments: [.right, .left, .left, .left])
      for c in clusters.clusters {
        for m in c.members {
          let neighbours = m.neighboursInCluster.map { code in c.members.first { $0.code == code }?.name ?? code }
          let link =
            neighbours.isEmpty ? "alone" : "\(clusters.rule) neighbour of " + neighbours.joined(separator: ", ")
          t.append([String(c.number), m.code, m.name ?? m.code, m.selection.reason + "; " + link])
        }
      }
      io.print(format.render(t), terminator: "")
    }
  }

  static func json(_ clusters: SelectionClusters, selection: AreaSelection, definition: String?) -> JSON {
    let list = clusters.clusters.map { c -> JSON in
      let members = c.members.map { m -> JSON in
        [
          "code": .string(m.code), "name": JSON(m.name), "rank": JSON(m.selection.rank),
          "score": JSON(m.selection.score),
          "reason": .string(m.selection.reason), "joined_via": JSON(m.joinedVia),
          "neighbors_in_cluster": JSON(m.neighboursInCluster),
        ]
      }
      return ["cluster": JSON(c.number), "members": .array(members)]
    }
    return [
      "rule": .string(clusters.rule), "selection": .string(selection.summary), "definition": JSON(definition),
      "tied_at_cutoff": JSON(selection.tiedAtCutoff), "clusters": .array(list),
    ]
  }
}
