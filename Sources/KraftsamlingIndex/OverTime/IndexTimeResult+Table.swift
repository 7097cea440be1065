import KraftsamlingCore

// The tables of an index over time, used by `kraftctl index --panel` (CSV,
// text, Markdown, workbook) and by the report.

extension IndexTimeResult {
  /// Every area and year: `code,name,year,score,rank,decile,selected`
  /// (`selected` is `yes` or empty), in the order of ``rows``.
  ///
  /// ```swift
  /// t.table(numbers: .exact).csv()   // `kraftctl index --panel … --format csv`
  /// ```
  ///
  /// - Parameter numbers: Exact for CSV, rounded to 3 decimals for reading.
  /// - Complexity: O(*n*·*y*).
  package func table(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["code", "name", "year", "score", "rank", "decile", "selected"],
      alignments: [.left, .left, .right, .right, .right, .right, .left])
    t.kinds[2] = .integer
    t.kinds[4] = .integer
    t.kinds[5] = .integer
    for r in rows {
      t.append([
        r.code, r.name, String(r.year), numbers.format(r.score, places: IndexResult.tablePlaces),
        r.rank.map(String.init) ?? "", r.decile.map(String.init) ?? "", r.selected ? "yes" : "",
      ])
    }
    return t
  }

  /// One row per pair of consecutive years:
  /// `from,to,areas,entering,leaving,mean_abs_rank_change,max_abs_rank_change,spearman`;
  /// `areas` counts the areas ranked in both years, `entering` and
  /// `leaving` list the codes (`;`-separated) that entered and left the
  /// selection.
  ///
  /// - Parameter numbers: Exact for CSV, rounded to 3 decimals for reading.
  package func mobilityTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: [
        "from", "to", "areas", "entering", "leaving", "mean_abs_rank_change", "max_abs_rank_change", "spearman",
      ],
      alignments: [.right, .right, .right, .left, .left, .right, .right, .right])
    for i in [0, 1, 2, 6] { t.kinds[i] = .integer }
    for m in mobility {
      let c = m.comparison
      t.append([
        String(m.from), String(m.to), String(c.rows.filter { $0.shift != nil }.count),
        c.entering.map(\.code).joined(separator: ";"), c.leaving.map(\.code).joined(separator: ";"),
        numbers.format(c.meanAbsoluteShift, places: IndexResult.tablePlaces),
        c.maximumAbsoluteShift.map(String.init) ?? "", numbers.format(c.spearman, places: IndexResult.tablePlaces),
      ])
    }
    return t
  }
}
