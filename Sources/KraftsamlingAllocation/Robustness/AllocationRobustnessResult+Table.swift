import KraftsamlingCore
import KraftsamlingIndex

// The table and sentences of `kraftctl allocate --robustness`.

extension AllocationRobustnessResult {
  /// The förvaltningar, then the insatser, as one table:
  /// `level,id,nominal,min,p05,median,p95,max,p_funded,main_choice` and one
  /// `s1_<choice>` column per uncertain choice. Amounts are whole kronor
  /// (the quantiles rounded half away from zero); `p_funded` and the
  /// first-order indices exactly (CSV) or to 3 and 2 decimals (text);
  /// `main_choice` and an index that could not be estimated are empty.
  ///
  /// - Parameter numbers: Exact for CSV, rounded for reading.
  /// - Complexity: O((*I* + *F*)·*d*).
  package func table(numbers: ReportTable.Numbers) -> ReportTable {
    let fixed = ["level", "id", "nominal", "min", "p05", "median", "p95", "max", "p_funded", "main_choice"]
    var t = ReportTable(
      columns: fixed + factors.map { "s1_\($0.rawValue)" },
      alignments: [.left, .left] + Array(repeating: .right, count: 7) + [.left]
        + Array(repeating: .right, count: factors.count))
    for c in 2...7 { t.kinds[c] = .kronor }
    t.kinds[8] = .percent(places: 1)
    for c in fixed.count..<(fixed.count + factors.count) { t.kinds[c] = .number(places: 2) }
    func kronor(_ x: Double) -> String { String(Int64(x.rounded(.toNearestOrAwayFromZero))) }
    for (level, rows) in [("forvaltning", förvaltningar), ("insats", insatser)] {
      for d in rows {
        t.append(
          [
            level, d.id, String(d.nominal.kronor), String(d.minimum.kronor), kronor(d.p05), kronor(d.median),
            kronor(d.p95), String(d.maximum.kronor), numbers.format(d.fundedProbability, places: 3),
            d.mainFactor?.rawValue ?? "",
          ] + d.firstOrder.map { numbers.format($0, places: 2) })
      }
    }
    return t
  }

  /// What was varied, that every replication added up, how to read the
  /// columns, and which choice moves the most money.
  package var summaryLines: [String] {
    var lines = [
      "\(replications) replications of the index (\(definition); \(space); seed \(seed)), each divided by \(model).",
      "Every replication's amounts plus what it left undistributed add up to the budget \(budget) to the krona; "
        + (undistributed.maximum == .zero
          ? "none left any money undistributed."
          : "undistributed between \(undistributed.minimum) and \(undistributed.maximum) (median \(Int64(undistributed.median.rounded(.toNearestOrAwayFromZero))) kr)."),
      "p05, median, p95: type-7 quantiles (numpy's default linear interpolation) of the replications' amounts, rounded to whole kronor; min and max also cover the nominal allocation.",
      "p_funded: the share of replications in which the amount is above 0 kr.",
    ]
    if sensitivitySamples > 0 {
      lines.append(
        "s1_<choice>: first-order Sobol index of the choice on the amount (Saltelli design, N = \(sensitivitySamples), the first N replications as block A); main_choice has the largest.")
      let moved = factors.map { f in förvaltningar.filter { $0.mainFactor == f }.count }
      if let top = moved.indices.max(by: { moved[$0] < moved[$1] }), moved[top] > 0 {
        lines.append(
          "\(factors[top].rawValue) moves the most money for \(moved[top]) of \(förvaltningar.count) förvaltningar.")
      }
    }
    return lines
  }
}
