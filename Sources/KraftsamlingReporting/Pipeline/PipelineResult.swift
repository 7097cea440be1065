import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// What every stage of the pipeline produced, for a report or for further
/// analysis.
public struct PipelineResult: Sendable {
  /// The configuration the run used.
  package var configuration: PipelineConfiguration
  /// The data check: problems found in the statistics (and against the
  /// geometry), counted as `kraftctl validate` counts them.
  public package(set) var dataCheck: StatisticsCheck
  /// Problems found in the statistics (and against the geometry): the
  /// diagnostics of ``dataCheck``.
  package var validation: [Diagnostic] { dataCheck.diagnostics }
  /// The index run.
  public package(set) var index: IndexResult
  /// The Monte Carlo robustness of the ranking, when replications > 0.
  public package(set) var robustness: RobustnessResult?
  /// The selected areas: those ranked `selectionSize` or better (ties at
  /// the cut-off included, as ``AreaSelection/top(_:of:ties:)``).
  public package(set) var selection: [IndexResult.AreaRow]
  /// The neighbour structure, when a layer was given.
  package var contiguity: Contiguity?
  /// The clusters of the selection, when a layer was given.
  public package(set) var clusters: SelectionClusters?
  /// Local and global Moran's I of the index score, when a layer was given.
  public package(set) var hotSpots: HotSpotAnalysis?
  /// The eligibility verdict of each insats.
  public package(set) var verdicts: [EligibilityVerdict]
  /// The allocation, when a budget was given.
  public package(set) var fördelning: Fördelning?
  /// Insatser left out of the allocation, and why.
  public package(set) var allocationExclusions: [AllocationInput.Exclusion]
  /// The follow-up, when a panel was given.
  package var uppföljning: Uppföljning?
  /// The summary of each consultation round.
  package var sammanställningar: [Sammanställning]
}

/// Runs the whole pipeline: data check → index → robustness → clusters and hot spots →
/// eligibility → allocation → follow-up → consultation summary.
///
/// ```swift
/// let result = try KraftsamlingPipeline.run(config)
/// result.selection.map(\.name)     // the top-12 delområden
/// result.fördelning?.distributed   // exactly the budget, or less with reasons
/// ```
public enum KraftsamlingPipeline {
  /// Runs every stage whose inputs are configured.
  ///
  /// - Parameters:
  ///   - configuration: The inputs and choices.
  /// - Throws: The first stage error (``IndexError``, ``GeographyError``,
  ///   ``RobustnessError``, ``SpatialStatisticsError``, ``AllocationError``, ``FollowUpError``,
  ///   ``MoneyError``), all `DiagnosticError`s.
  public static func run(_ configuration: PipelineConfiguration) throws -> PipelineResult {
    try run(configuration, progress: .none)
  }

  /// The same, reporting the stages completed (of the stages run) to `progress`.
  ///
  /// - Throws: As ``run(_:)``.
  package static func run(_ configuration: PipelineConfiguration, progress: ProgressReporter) throws -> PipelineResult {
    var c = configuration
    let stages = 7
    var done = 0
    func step() {
      done += 1
      progress.report(completed: done, of: stages)
    }
    // 1. Data.
    let dataCheck = StatisticsCheck(
      table: c.statistics, readDiagnostics: c.statisticsDiagnostics, definition: c.definition, geometry: c.layer)
    step()
    // 2. Index and selection.
    let index = try c.definition.run(on: c.statistics, hierarchy: c.hierarchy)
    var selection = index.ranked.filter { ($0.rank ?? .max) <= c.selectionSize }
    if let change = c.selectionChange {
      try change.validate(index: index, selected: Set(selection.map(\.code)))
      selection = change.apply(to: selection, index: index)
      c.rules = change.apply(to: c.rules, selected: selection.map(\.code))
    }
    step()
    // 2b. Robustness of the ranking.
    var robustness: RobustnessResult? = nil
    if c.robustnessReplications > 0 {
      robustness = try RobustnessAnalysis(
        replications: c.robustnessReplications, seed: c.seed, selection: .top(c.selectionSize)
      ).run(c.definition, on: c.statistics, hierarchy: c.hierarchy)
    }
    step()
    // 3. Geography.
    var contiguity: Contiguity? = nil
    var clusters: SelectionClusters? = nil
    var hotSpots: HotSpotAnalysis? = nil
    if let layer = c.layer {
      let geo = try PipelineGeography.run(layer: layer, index: index, configuration: c)
      contiguity = geo.contiguity
      clusters = geo.clusters
      hotSpots = geo.hotSpots
    }
    step()
    // 4. Eligibility.
    let context = EligibilityContext(catalogue: c.catalogue, areas: c.hierarchy, otherInsatser: c.insatser)
    let verdicts = c.rules.evaluate(c.insatser, in: context)
    step()
    // 5. Allocation.
    var fördelning: Fördelning? = nil
    var exclusions: [AllocationInput.Exclusion] = []
    if let budget = c.budget, !c.insatser.isEmpty {
      let (input, excluded) = try AllocationInput.from(
        insatser: c.insatser, verdicts: verdicts, need: IndexNeedSource(result: index, table: c.statistics, populationColumn: c.populationColumn), budget: budget,
        constraints: c.constraints)
      exclusions = excluded
      fördelning = try c.model.allocate(input)
    }
    step()
    // 6. Follow-up and consultation.
    var uppföljning: Uppföljning? = nil
    if let panel = c.followUpPanel {
      uppföljning = try Uppföljning(panel: panel, groups: c.followUpGroups, options: c.followUpOptions)
    }
    let sammanställningar = c.consultations.map { Sammanställning($0, catalogue: c.catalogue) }
    step()
    return PipelineResult(
      configuration: c, dataCheck: dataCheck, index: index, robustness: robustness, selection: selection, contiguity: contiguity,
      clusters: clusters, hotSpots: hotSpots, verdicts: verdicts, fördelning: fördelning,
      allocationExclusions: exclusions, uppföljning: uppföljning, sammanställningar: sammanställningar)
  }
}
