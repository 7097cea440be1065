import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// The geography stage of the pipeline: contiguity of the layer, clusters
/// of the index's selection, and Local and global Moran's I of the index
/// score.
enum PipelineGeography {
  struct Output {
    var contiguity: Contiguity
    var clusters: SelectionClusters
    var hotSpots: HotSpotAnalysis?
  }

  static func run(layer: AreaLayer, index: IndexResult, configuration c: PipelineConfiguration) throws -> Output {
    let contiguity = try layer.contiguity(rule: c.contiguityRule)
    var names: [String: String] = [:]
    for row in index.rows { names[row.code] = row.name }
    var selection = try AreaSelection.top(min(c.selectionSize, index.rankedCount), of: index)
    if let change = c.selectionChange { selection = change.apply(to: selection, index: index) }
    let clusters = try SelectionClusters(selection, contiguity: contiguity, names: names)
    var hotSpots: HotSpotAnalysis? = nil
    if index.rankedCount >= 4 {
      hotSpots = try HotSpotAnalysis(
        index, contiguity: contiguity, inference: PermutationInference(permutations: c.permutations, seed: c.seed),
        alpha: c.alpha, falseDiscoveryRate: c.falseDiscoveryRate)
    }
    return Output(contiguity: contiguity, clusters: clusters, hotSpots: hotSpots)
  }
}
