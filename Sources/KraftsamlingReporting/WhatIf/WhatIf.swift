import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation

/// The pipeline run twice, with the selection as the index makes it and with
/// a ``SelectionChange``, and what differs: the clusters, the insatser whose
/// verdict changes, and the money per förvaltning and per insats, to the
/// krona.
///
/// A styrgrupp asks "if we swap Apelgården for Heleneholm, what happens?";
/// this answers it with both runs kept whole, so every difference can be
/// traced to the two results.
///
/// ```swift
/// let w = try KraftsamlingPipeline.whatIf(configuration, change: SelectionChange(adding: ["1280017"], removing: ["1280004"]))
/// for m in w.moneyByFörvaltning where m.difference != 0 { print(m.name, m.difference) }
/// ```
public struct WhatIf: Sendable {
  /// The change that was tried.
  package let change: SelectionChange
  /// The run without the change.
  public let before: PipelineResult
  /// The run with the change.
  public let after: PipelineResult
  /// How the clusters changed, one entry per cluster event (unchanged
  /// clusters included), in the order of the clusters after the change.
  public let clusterChanges: [ClusterChange]
  /// The insatser whose verdict (pass, warning, fail) differs, in insats order.
  public let verdictChanges: [VerdictChange]
  /// Money per förvaltning before and after, sorted by id; empty without an
  /// allocation.
  public let moneyByFörvaltning: [MoneyChange]
  /// Money per insats before and after, in insats order; empty without an
  /// allocation.
  public let moneyByInsats: [MoneyChange]

  /// Compares two runs of the pipeline.
  package init(change: SelectionChange, before: PipelineResult, after: PipelineResult) throws(AllocationError) {
    self.change = change
    self.before = before
    self.after = after
    self.clusterChanges = ClusterChange.changes(from: before.clusters?.clusters ?? [], to: after.clusters?.clusters ?? [])
    self.verdictChanges = VerdictChange.changes(from: before.verdicts, to: after.verdicts)
    let catalogue = after.configuration.catalogue
    self.moneyByFörvaltning = try MoneyChange.changes(
      before.fördelning?.totalsByFörvaltning ?? [], after.fördelning?.totalsByFörvaltning ?? [],
      name: { catalogue.aktör(id: $0)?.name ?? $0 })
    let titles = Dictionary(after.verdicts.map { ($0.insatsID, $0.title) }, uniquingKeysWith: { a, _ in a })
    self.moneyByInsats = try MoneyChange.changes(
      before.fördelning?.totalsByInsats ?? [], after.fördelning?.totalsByInsats ?? [], name: { titles[$0] ?? $0 })
  }
}

extension KraftsamlingPipeline {
  /// Runs the pipeline without and with a change of the selection and
  /// compares the two runs.
  ///
  /// Both runs judge the rule that an insats must target a selected
  /// delområde against their own selection: the rule is added to the
  /// configuration's rules if they lack it, and replaces its list of areas
  /// (such as a published selection) if they have it. The robustness
  /// analysis is left out of both runs (it does not depend on the selection
  /// and takes the most time).
  ///
  /// - Throws: `GeographyError` when the change names an area that is
  ///   unknown, unranked, already selected (added) or not selected (removed);
  ///   any error of the pipeline.
  public static func whatIf(_ configuration: PipelineConfiguration, change: SelectionChange) throws -> WhatIf {
    var base = configuration
    base.robustnessReplications = 0
    base.selectionChange = SelectionChange()
    var changed = base
    changed.selectionChange = change
    let before = try run(base)
    let after = try run(changed)
    return try WhatIf(change: change, before: before, after: after)
  }
}
