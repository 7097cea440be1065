/// The geography stage of the pipeline: contiguity of the layer, clusters
/// of the index's selection, and Local and global Moran's I of the index
/// score.
enum PipelineGeography {
  struct Output {
    var contiguity: Contiguity
    var clusters: SelectionClusters
    var hotSpots: LocalSpatialStatistics?
    var globalMoran: GlobalMoran?
  }

  static func run(
    layer: AreaLayer, index: IndexResult, selection: [IndexResult.AreaRow], configuration c: PipelineConfiguration
  ) throws -> Output {
    let contiguity = try layer.contiguity(rule: c.contiguityRule)
    var names: [String: String] = [:]
    for row in index.rows { names[row.code] = row.name }
    let ranked = index.rankedCount
    let members = selection.map { row in
      AreaSelection.Member(
        code: row.code, rank: row.rank ?? 0, score: row.score,
        reason: "rank \(row.rank ?? 0) of \(ranked) by \(index.definition.id) score")
    }
    let areaSelection = AreaSelection(
      method: .top, members: members, summary: "index rank ≤ \(c.selectionSize) (\(index.definition.id))")
    let clusters = try SelectionClusters(areaSelection, contiguity: contiguity, names: names)
    // Hot spots of the index score over the areas that have one.
    var scores: [String: Double] = [:]
    for (code, score) in zip(index.codes, index.scores) { if let score { scores[code] = score } }
    let weights = contiguity.graph.weights(.binary)
    let (rows, values) = weights.aligned(scores)
    let restricted = weights.restricted(to: rows)
    var hotSpots: LocalSpatialStatistics? = nil
    var globalMoran: GlobalMoran? = nil
    if values.count >= 4 && c.permutations >= 0 {
      let inference = PermutationInference(permutations: c.permutations, seed: c.seed)
      hotSpots = try LocalSpatialStatistics.moran(
        values: values, weights: restricted, inference: inference, alpha: c.alpha, falseDiscoveryRate: c.falseDiscoveryRate)
      globalMoran = try GlobalMoran(values: values, weights: restricted, inference: inference)
    }
    return Output(contiguity: contiguity, clusters: clusters, hotSpots: hotSpots, globalMoran: globalMoran)
  }
}
