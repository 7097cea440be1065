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
    case .csv, .xlsx:
      io.print(clusters.table(), as: .csv)
    case .table, .markdown:
      io.print(clusters.table(explained: true), as: format)
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
