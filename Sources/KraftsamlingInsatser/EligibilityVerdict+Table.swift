import KraftsamlingCore

extension EligibilityVerdict {
  /// The verdicts as a table (the report's `tabeller/stodberattigande.csv`):
  /// `id,title,status,eligible,failed_rules,warnings`, one row per insats in
  /// the given order; `eligible` is `yes` or `no`, the rule lists are
  /// `;`-separated rule ids.
  ///
  /// - Parameters:
  ///   - verdicts: One verdict per insats.
  ///   - insatser: The insatser judged, in the same order (for the status).
  package static func table(_ verdicts: [EligibilityVerdict], insatser: [Insats]) -> ReportTable {
    var t = ReportTable(columns: ["id", "title", "status", "eligible", "failed_rules", "warnings"])
    let status = Dictionary(insatser.map { ($0.id, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
    for v in verdicts {
      t.append([
        v.insatsID, v.title, status[v.insatsID] ?? "", v.isEligible ? "yes" : "no",
        v.failures.map(\.ruleID).joined(separator: ";"), v.warnings.map(\.ruleID).joined(separator: ";"),
      ])
    }
    return t
  }
}
