import KraftsamlingCore

// The robustness analysis's result tables: one definition each, used by
// `kraftctl robustness` (CSV and text) and by the report's
// `tabeller/robusthet.csv`.

extension RobustnessResult {
  /// The areas as the documented robustness table:
  /// `code,name,rank,median_rank,p05_rank,p95_rank,p_selected`, in nominal
  /// rank order. Ranks are read exactly in CSV and to 1 decimal in text;
  /// `p_selected` exactly or to 3 decimals; a rank no replication scored is empty.
  ///
  /// - Parameter numbers: Exact for CSV, rounded for reading.
  /// - Complexity: O(*n*) for *n* areas.
  package func table(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["code", "name", "rank", "median_rank", "p05_rank", "p95_rank", "p_selected"],
      alignments: [.left, .left, .right, .right, .right, .right, .right])
    t.kinds[2] = .integer
    t.kinds[6] = .percent(places: 1)
    func number(_ x: Double, _ places: Int) -> String { x.isNaN ? "" : numbers.format(x, places: places) }
    for a in areas {
      t.append([
        a.code, a.displayName, String(a.nominalRank), number(a.medianRank, 1), number(a.p05Rank, 1),
        number(a.p95Rank, 1), number(a.selectionProbability, 3),
      ])
    }
    return t
  }

  /// Each choice's effect on the ranks:
  /// `choice,option,alone_shift,replications,mean_shift`, one row per
  /// choice (option `(all)`) followed by one per option; shifts to 2
  /// decimals, `–` where there is none.
  package func effectsTable() -> ReportTable {
    var t = ReportTable(
      columns: ["choice", "option", "alone_shift", "replications", "mean_shift"],
      alignments: [.left, .left, .right, .right, .right])
    t.kinds[3] = .integer
    func number(_ x: Double?) -> String { x.map { DecimalFormatting.fixed($0, places: 2) } ?? "–" }
    for e in factorEffects {
      t.append([e.factor.rawValue, "(all)", number(e.aloneShift), "", ""])
      for o in e.options {
        t.append(["", o.label, number(o.aloneShift), String(o.replications), number(o.meanShift)])
      }
    }
    return t
  }
}

extension SobolIndices {
  /// The Sobol indices: `choice,first_order,interval,total_effect,interval`,
  /// to 3 decimals, intervals as `[lower, upper]`, `–` where there is none.
  package func table() -> ReportTable {
    var t = ReportTable(
      columns: ["choice", "first_order", "interval", "total_effect", "interval"],
      alignments: [.left, .right, .left, .right, .left])
    func n(_ x: Double?) -> String { x.map { DecimalFormatting.fixed($0, places: 3) } ?? "–" }
    func interval(_ a: Double?, _ b: Double?) -> String { a == nil ? "" : "[\(n(a)), \(n(b))]" }
    for f in factors {
      t.append([
        f.name, n(f.firstOrder), interval(f.firstOrderLower, f.firstOrderUpper), n(f.totalEffect),
        interval(f.totalEffectLower, f.totalEffectUpper),
      ])
    }
    return t
  }
}
