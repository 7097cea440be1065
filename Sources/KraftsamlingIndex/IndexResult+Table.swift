import KraftsamlingCore

// The index stage's result tables: one definition each, used by
// `kraftctl index` (CSV, text, Markdown) and by the report's
// `tabeller/index.csv` and `tabeller/index-topp.csv`.

extension IndexResult {
  /// The decimals of the index table's numbers in text and Markdown.
  package static let tablePlaces = 3

  /// The areas as the documented index table: `code,name,score,rank,decile,flags`,
  /// then `<id>` (the rate as a proportion, or the disclosure marker) and
  /// `<id>.contribution` per indicator, ranked areas first in rank order,
  /// not-ranked areas last with an empty rank. Flags are `;`-separated,
  /// `suppressed:<id>` included for every rate the control hides.
  ///
  /// ```swift
  /// result.table(disclosure: DisclosureControl(), numbers: .exact).csv()   // `kraftctl index --format csv`
  /// result.table(disclosure: DisclosureControl(), numbers: .rounded, top: 12).text()
  /// ```
  ///
  /// - Parameters:
  ///   - disclosure: Which rates are shown as the marker (the result is
  ///     marked with ``disclosed(by:)`` first, so the flags agree).
  ///   - numbers: Exact for CSV, rounded to 3 decimals for reading.
  ///   - top: Only the areas ranked `top` or better (ties included), or all.
  /// - Complexity: O(*n*·*m*) for *n* areas and *m* indicators.
  package func table(disclosure: DisclosureControl, numbers: ReportTable.Numbers, top: Int? = nil) -> ReportTable {
    let shown = disclosed(by: disclosure)
    var rows = shown.rows
    if let top { rows = rows.filter { ($0.rank ?? .max) <= top } }
    var columns = ["code", "name", "score", "rank", "decile", "flags"]
    for id in indicatorIDs { columns += [id, id + ".contribution"] }
    var t = ReportTable(
      columns: columns,
      alignments: [.left, .left, .right, .right, .right, .left] + indicatorIDs.flatMap { _ in [.right, .right] })
    t.kinds[3] = .integer
    t.kinds[4] = .integer
    for i in indicatorIDs.indices { t.kinds[6 + 2 * i] = .percent(places: 1) }
    func number(_ x: Double?) -> String { numbers.format(x, places: Self.tablePlaces) }
    for r in rows {
      var cells = [
        r.code, r.name, number(r.score), r.rank.map(String.init) ?? "", r.decile.map(String.init) ?? "",
        r.flags.joined(separator: ";"),
      ]
      for c in r.indicators {
        cells += [disclosure.suppresses(c) ? disclosure.marker : number(c.rate), number(c.contribution)]
      }
      t.append(cells)
    }
    return t
  }
}

extension IndexResult.ParentAggregate {
  /// The parent areas (e.g. GeSO) as a table:
  /// `code,name,score,rank,population,areas,ranked_areas`, in rank order; a
  /// population below the control's minimum count is its marker.
  ///
  /// - Parameters:
  ///   - disclosure: Which populations are shown as the marker.
  ///   - numbers: Exact for CSV, rounded to 3 decimals for reading.
  ///   - top: Only the parents ranked `top` or better, or all.
  package func table(disclosure: DisclosureControl, numbers: ReportTable.Numbers, top: Int? = nil) -> ReportTable {
    var shown = rows
    if let top { shown = shown.filter { ($0.rank ?? .max) <= top } }
    var t = ReportTable(
      columns: ["code", "name", "score", "rank", "population", "areas", "ranked_areas"],
      alignments: [.right, .left, .right, .right, .right, .right, .right])
    t.kinds[0] = .text
    for i in 3...6 { t.kinds[i] = .integer }
    for r in shown {
      t.append([
        r.code, r.name, numbers.format(r.score, places: IndexResult.tablePlaces), r.rank.map(String.init) ?? "",
        disclosure.count(r.population), String(r.areas), String(r.rankedAreas),
      ])
    }
    return t
  }
}

extension IndexComparison {
  /// The comparison as a table: `code,name,rank_a,rank_b,shift,top_a,top_b`
  /// (shift signed, `+` for more vulnerable under B; `yes` or empty for the
  /// top K).
  package func table() -> ReportTable {
    var t = ReportTable(
      columns: ["code", "name", "rank_a", "rank_b", "shift", "top_a", "top_b"],
      alignments: [.left, .left, .right, .right, .right, .left, .left])
    for i in 2...4 { t.kinds[i] = .integer }
    for r in rows {
      t.append([
        r.code, r.name, r.baseRank.map(String.init) ?? "", r.otherRank.map(String.init) ?? "", r.shift.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "",
        r.inBaseTop ? "yes" : "", r.inOtherTop ? "yes" : "",
      ])
    }
    return t
  }
}
