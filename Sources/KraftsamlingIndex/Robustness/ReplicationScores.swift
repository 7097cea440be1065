import KraftsamlingCore

/// The index scores of the replications of a ``RobustnessAnalysis``, one
/// replication (or one point of a Sobol design) at a time, for stages that
/// feed every replication into something else — the allocation stage turns
/// them into need and then into money.
///
/// Replication *r* draws its factor values exactly as
/// ``RobustnessAnalysis/run(_:on:hierarchy:progress:)`` does (the first *d*
/// uniforms of `SeededGenerator(seed:).stream(r)`), so its choices, and
/// therefore its scores, are those of replication *r* of the rank analysis
/// with the same seed. Nothing here changes the analysis itself.
///
/// ```swift
/// let scores = try ReplicationScores(analysis, definition: def, table: table, hierarchy: nil)
/// var buffers = scores.makeBuffers()
/// var u = [Double](repeating: 0, count: scores.factors.count)
/// scores.point(replication: 3, into: &u)
/// scores.score(point: u, into: &buffers)
/// buffers.scores   // one score per code of `scores.codes` (NaN: no score)
/// ```
package struct ReplicationScores: Sendable {
  let engine: RobustnessEngine
  /// The seed of the analysis.
  package let seed: UInt64
  /// The codes of the ranked areas, in the order of every score buffer.
  package let codes: [String]

  /// Prepares the index and every normalisation the space can draw.
  ///
  /// - Throws: ``RobustnessError`` for bad settings, choices that cannot be
  ///   combined, or an index that does not fit the table.
  package init(
    _ analysis: RobustnessAnalysis, definition: IndexDefinition, table: AreaTable, hierarchy: AreaHierarchy?
  ) throws(RobustnessError) {
    try analysis.validate()
    let prepared: PreparedIndex
    do { prepared = try definition.prepare(table, hierarchy: hierarchy) } catch { throw RobustnessError(error) }
    engine = try RobustnessEngine(prepared: prepared, table: table, hierarchy: hierarchy, space: analysis.space)
    seed = analysis.seed
    codes = prepared.includedRows.map { prepared.codes[$0] }
  }

  /// The enabled factors, in the order of a point's values.
  package var factors: [UncertainFactor] { engine.factors }

  /// The scores under the definition's own choices, one per code.
  package var nominalScores: [Double] { engine.nominalScores }

  /// A worker's reusable buffers; ``Buffers/scores`` holds the last scores.
  package struct Buffers {
    var scratch: Scratch
    /// The scores of the last point scored, one per code (NaN: no score).
    package var scores: [Double] { scratch.scores }
  }

  /// Fresh buffers for one worker.
  package func makeBuffers() -> Buffers { Buffers(scratch: Scratch(engine: engine)) }

  /// The factor values of replication `r`: the first `u.count` uniforms of
  /// stream `r` of the seed, as the rank analysis draws them.
  ///
  /// - Complexity: O(*d*).
  package func point(replication r: Int, into u: inout [Double]) {
    var g = SeededGenerator(seed: seed).stream(UInt64(r))
    for f in u.indices { u[f] = g.uniform() }
  }

  /// Scores the areas under the choices of a point of [0, 1)^d (mapped to
  /// choices as the rank analysis maps them) into `buffers.scores`.
  ///
  /// - Complexity: O(*n*·*m*) for *n* areas and *m* indicators (plus
  ///   re-preparing the index when noise is drawn).
  package func score(point u: [Double], into buffers: inout Buffers) {
    engine.evaluate(engine.scenario(u), &buffers.scratch)
  }
}
