import KraftsamlingCore

// The geography stage's result tables: one definition each, used by
// `kraftctl clusters` and `kraftctl hotspots` and by the report's
// `tabeller/kluster.csv` and `tabeller/lisa.csv`.

extension SelectionClusters {
  /// The clusters as the documented table: `cluster,code,name`, one row per
  /// member, clusters in number order and members in cluster order.
  ///
  /// With `explained`, a fourth column `why` gives each member's reason for
  /// being selected and the neighbours that join it to its cluster (for
  /// reading; the CSV has the three columns).
  ///
  /// - Parameter explained: Whether to add the `why` column.
  package func table(explained: Bool = false) -> ReportTable {
    guard explained else {
      var t = ReportTable(columns: ["cluster", "code", "name"])
      t.kinds[0] = .integer
      for c in clusters { for m in c.members { t.append([String(c.number), m.code, m.name ?? m.code]) } }
      return t
    }
    var t = ReportTable(columns: ["cluster", "code", "name", "why"], alignments: [.right, .left, .left, .left])
    t.kinds[0] = .integer
    for c in clusters {
      for m in c.members {
        let neighbours = m.neighboursInCluster.map { code in c.members.first { $0.code == code }?.name ?? code }
        let link = neighbours.isEmpty ? "alone" : "\(rule) neighbour of " + neighbours.joined(separator: ", ")
        t.append([String(c.number), m.code, m.name ?? m.code, m.selection.reason + "; " + link])
      }
    }
    return t
  }
}

extension HotSpotAnalysis {
  /// The decimals of the hot-spot table's value and statistic in text and Markdown.
  package static let tablePlaces = 4

  /// The areas as the documented hot-spot table:
  /// `code,name,value,statistic,quadrant,p,label`, one row per tested or
  /// untested area with a value, sorted by code. `quadrant` is HH/LH/LL/HL
  /// for Local Moran and empty for Getis–Ord; `p` is the pseudo p-value
  /// (always exact), empty for islands; `label` is HH/LH/LL/HL, hot/cold or
  /// `ns`. A suppressed area's value and statistic are the marker (its
  /// statistic would reveal its value).
  ///
  /// - Parameters:
  ///   - names: Display names by code (the code when missing).
  ///   - suppressed: The codes whose value disclosure control hides.
  ///   - marker: The text shown instead (default `..`).
  ///   - numbers: Exact for CSV, rounded to 4 decimals for reading.
  package func table(
    names: [String: String], suppressed: Set<String> = [], marker: String = "..", numbers: ReportTable.Numbers
  ) -> ReportTable {
    var t = ReportTable(
      columns: ["code", "name", "value", "statistic", "quadrant", "p", "label"],
      alignments: [.left, .left, .right, .right, .left, .right, .left])
    func shown(_ code: String, _ x: Double) -> String {
      suppressed.contains(code) ? marker : numbers.format(x, places: Self.tablePlaces)
    }
    for a in local.areas.sorted(by: { $0.id < $1.id }) {
      t.append([
        a.id, names[a.id] ?? a.id, shown(a.id, a.value), shown(a.id, a.statistic), a.quadrant?.code ?? "",
        a.pValue.map { DecimalFormatting.shortest($0) } ?? "", a.label.rawValue,
      ])
    }
    return t
  }
}

extension NeighbourGraph {
  /// The neighbour pairs as the documented table (`kraftctl contiguity`'s
  /// CSV, which ``init(csv:ids:symmetricClosure:)`` reads back):
  /// `code,neighbor`, each pair in both directions, sorted.
  package func table() -> ReportTable {
    var t = ReportTable(columns: ["code", "neighbor"])
    for p in sortedPairs { t.append([p.code, p.neighbour]) }
    return t
  }
}
