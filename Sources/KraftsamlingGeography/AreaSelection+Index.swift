import KraftsamlingCore
import KraftsamlingIndex

extension AreaSelection {
  /// The areas ranked *k* or better by a composite index: the selection the
  /// 2025 proposal starts from ("the most vulnerable delområden").
  ///
  /// The index's ranks are used as they are: rank 1 is the most vulnerable
  /// area and tied scores share a rank (1-2-2-4). With ``Ties/include``
  /// (the default) every area of rank ≤ *k* is selected — the same areas as
  /// ``IndexResult/top(_:)`` and `kraftctl index --top K` — so a tie at the
  /// cut-off selects more than *k* and the areas beyond position *k* are
  /// listed in ``tiedAtCutoff``. With ``Ties/breakByCode`` exactly *k* are
  /// selected, ties broken by code. Members are listed by rank, tied
  /// members by code; areas the index did not rank are never selected.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// let top = try AreaSelection.top(12, of: result)
  /// top.codes.first              // "48208" (Herrgården, on the bundled illustrative data)
  /// top.members[0].reason        // "rank 1 of 120 by stadskontoret-2025 (score 3.747)"
  /// let clusters = try MalmöData.layer.clusters(of: top)   // rook, numbered by best-ranked member
  /// ```
  ///
  /// - Parameters:
  ///   - k: The last rank selected (1 … the number of ranked areas).
  ///   - result: An index result.
  ///   - ties: What to do with areas tied with the *k*-th (default ``Ties/include``).
  /// - Returns: The selection; its summary names the definition (`top 12 by stadskontoret-2025`).
  /// - Throws: ``GeographyError`` `selectionTooLarge` when *k* is out of range.
  /// - Complexity: O(*n* log *n*) for *n* areas.
  public static func top(_ k: Int, of result: IndexResult, ties: Ties = .include) throws(GeographyError)
    -> AreaSelection
  {
    let r = result.rankedByCode
    guard k >= 1, k <= r.count else {
      throw GeographyError(
        .selectionTooLarge,
        "asked for the top \(k) areas but \(result.definition.id) ranks \(r.count); choose k between 1 and \(r.count)")
    }
    let (count, tied) = cut(k, ranks: r.map(\.rank), codes: { r[$0].code }, ties: ties)
    let by = result.definition.id
    let members = r.prefix(count).map { e in
      Member(
        code: e.code, rank: e.rank, score: e.score,
        reason: "rank \(e.rank) of \(r.count) by \(by) (score \(IndexResult.shortScore(e.score)))")
    }
    return AreaSelection(method: .top, members: members, summary: "top \(k) by \(by)", tiedAtCutoff: tied)
  }

  /// Every area whose index score is at least `minimum`.
  ///
  /// ```swift
  /// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// try AreaSelection.threshold(2, of: result).members.count   // the areas scoring ≥ 2
  /// ```
  ///
  /// Members carry the index's rank and are listed by rank, tied members
  /// by code.
  ///
  /// - Parameters:
  ///   - minimum: The lowest score selected (inclusive).
  ///   - result: An index result.
  /// - Returns: The selection; its summary names the definition (`stadskontoret-2025 score ≥ 2.0`).
  /// - Throws: ``GeographyError`` `emptySelection` when no area scores that high.
  /// - Complexity: O(*n* log *n*) for *n* areas.
  public static func threshold(_ minimum: Double, of result: IndexResult) throws(GeographyError) -> AreaSelection {
    let r = result.rankedByCode
    let by = result.definition.id
    let passing = r.filter { $0.score >= minimum }
    guard !passing.isEmpty else {
      throw GeographyError(
        .emptySelection,
        "no area has a \(by) score ≥ \(minimum); the highest is \(r.first.map { IndexResult.shortScore($0.score) } ?? "missing"): lower the threshold")
    }
    let members = passing.map { e in
      Member(
        code: e.code, rank: e.rank, score: e.score,
        reason: "score \(IndexResult.shortScore(e.score)) ≥ \(minimum) (rank \(e.rank) of \(r.count) by \(by))")
    }
    return AreaSelection(method: .threshold, members: members, summary: "\(by) score ≥ \(minimum)")
  }
}
