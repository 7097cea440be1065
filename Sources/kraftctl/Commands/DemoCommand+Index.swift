import KraftsamlingKit
import KraftsamlingKitData

extension DemoSteps {
  /// The utsatthetsindex (stadskontoret-2025) and its top 13.
  static func index(_ io: inout Output) throws {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    io.print("   \(result.rankedCount) delområden ranked, \(result.excluded.count) not ranked (too few people)")
    var t = ReportTable(
      columns: ["rank", "delområde", "score", "decile"], alignments: [.right, .left, .right, .right])
    for row in result.top(13) {
      t.append(["\(row.rank!)", row.name, DecimalFormatting.fixed(row.score!, places: 2), "\(row.decile!)"])
    }
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
    io.print("   \(Inputs.illustrative)")
  }
}
