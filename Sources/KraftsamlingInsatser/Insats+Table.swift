import KraftsamlingCore

extension Insats {
  /// Insatser as the documented table (`kraftctl insatser`):
  /// `id,title,owner,actors,areas,themes,period,budget_kr,status`. With
  /// `exact` (CSV) areas are codes and the budget whole kronor; otherwise
  /// areas are names and the budget is formatted (`1 200 000 kr`). A budget
  /// that does not fit in kronor is `overflow`.
  ///
  /// - Parameters:
  ///   - insatser: The insatser, in the order shown.
  ///   - context: Where area names come from.
  ///   - exact: Codes and whole kronor (CSV) or names and formatted amounts.
  package static func table(_ insatser: [Insats], context: EligibilityContext, exact: Bool) -> ReportTable {
    var table = ReportTable(
      columns: ["id", "title", "owner", "actors", "areas", "themes", "period", "budget_kr", "status"],
      alignments: [.left, .left, .left, .left, .left, .left, .left, .right, .left])
    for i in insatser {
      let total = (try? i.totalBudget()).map { exact ? String($0.kronor) : $0.formatted(.kr) } ?? "overflow"
      let areaText =
        exact ? i.areas.joined(separator: " ") : i.areas.map { context.areaName($0) }.joined(separator: ", ")
      table.append([
        i.id, i.title, i.owner, i.actorIDs.joined(separator: " "), areaText, i.themes.joined(separator: ", "),
        i.period.description, total, i.status.rawValue,
      ])
    }
    return table
  }
}
