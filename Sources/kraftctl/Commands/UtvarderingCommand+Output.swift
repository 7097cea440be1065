import KraftsamlingKit

/// The estimate's output in the four formats.
extension UtvarderingCommand {
  static func printEstimate(_ e: PlanEstimate, format: OutputFormat, _ io: inout Output) throws {
    if format == .json { return try io.print(encoded: e) }
    let tables = [
      ("difference-in-differences (vs pre-period mean)", effectTable(e.differenceInDifferences, e.forced, format)),
      ("synthetic control (placebo-in-space p = \(fixed(e.placeboPValue, 3)), \(e.donors) donors)", gapTable(e, format)),
      ("event study (vs last pre-period year)", effectTable(e.eventStudy, e.forced, format)),
    ]
    if format == .csv {
      var all = ReportTable(columns: ["part", "forced", "year", "estimate_pp", "lower_pp", "upper_pp", "p_value"])
      for (name, t) in [("did", e.differenceInDifferences), ("event_study", e.eventStudy)] {
        for r in t { all.append([name, "\(e.forced)", "\(r.year)", pp(r.estimate), pp(r.lower), pp(r.upper), "\(r.pValue)"]) }
      }
      for g in e.syntheticGaps {
        all.append(["synthetic_gap", "\(e.forced)", "\(g.year)", pp(g.gap), "", "", "\(e.placeboPValue)"])
      }
      return io.print(all, as: .csv)
    }
    if e.forced {
      io.print("forced: true — WARNING: \(PlanEstimate.forcedWarning).")
      for c in e.changes { io.print("  changed: \(c)") }
      io.print()
    }
    for (k, (title, table)) in tables.enumerated() {
      io.print((k > 0 ? "\n" : "") + (format == .markdown ? "## " : "") + title)
      io.print(table, as: format)
    }
  }

  static func effectTable(_ rows: [PlanEstimate.YearEffect], _ forced: Bool, _ format: OutputFormat) -> ReportTable {
    var t = ReportTable(columns: ["year", "estimate (pp)", "95 % lower", "95 % upper", "p"])
    for r in rows { t.append(["\(r.year)", pp(r.estimate), pp(r.lower), pp(r.upper), fixed(r.pValue, 3)]) }
    return t
  }

  static func gapTable(_ e: PlanEstimate, _ format: OutputFormat) -> ReportTable {
    var t = ReportTable(columns: ["year", "treated (%)", "synthetic (%)", "gap (pp)"])
    for g in e.syntheticGaps { t.append(["\(g.year)", pp(g.treated), pp(g.synthetic), pp(g.gap)]) }
    return t
  }

  /// A share in percentage points, two decimals.
  static func pp(_ share: Double) -> String { fixed(share * 100, 2) }

  static func fixed(_ x: Double, _ places: Int) -> String { DecimalFormatting.fixed(x, places: places) }
}
