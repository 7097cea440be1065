import Testing
@testable import KraftsamlingReporting
import KraftsamlingKit

/// The differences of a what-if, on hand-made clusters and amounts.
@Suite struct WhatIfChangesTests {
  static func cluster(_ number: Int, _ codes: [String]) -> SelectionClusters.Cluster {
    SelectionClusters.Cluster(
      number: number,
      members: codes.map {
        SelectionClusters.Member(
          code: $0, name: nil, selection: AreaSelection.Member(code: $0, rank: 1, reason: "test"), joinedVia: nil,
          neighboursInCluster: [])
      })
  }

  @Test func mergedSplitNewDissolvedAndChangedClustersAreNamed() {
    let before = [Self.cluster(1, ["a", "b"]), Self.cluster(2, ["c"]), Self.cluster(3, ["d", "e"]), Self.cluster(4, ["f"]), Self.cluster(5, ["g"])]
    // a+b and c merge (via x), d and e split, f disappears, g gains h, y is new.
    let after = [Self.cluster(1, ["a", "b", "x", "c"]), Self.cluster(2, ["d"]), Self.cluster(3, ["e"]), Self.cluster(4, ["g", "h"]), Self.cluster(5, ["y"])]
    let changes = WhatIf.ClusterChange.changes(from: before, to: after)
    #expect(changes.map(\.kind) == [.merged, .split, .changed, .new, .dissolved])
    #expect(changes[0].before == [1, 2] && changes[0].after == [1] && changes[0].added == ["x"])
    #expect(changes[1].before == [3] && changes[1].after == [2, 3] && changes[1].added.isEmpty && changes[1].removed.isEmpty)
    #expect(changes[2].before == [5] && changes[2].added == ["h"])
    #expect(changes[3].after == [5] && changes[3].added == ["y"])
    #expect(changes[4].before == [4] && changes[4].removed == ["f"])
  }

  @Test func moneyOnOneSideOnlyCountsAsZeroOnTheOther() throws {
    let changes = try WhatIf.MoneyChange.changes(
      [("A", Belopp(kronor: 300)), ("B", Belopp(kronor: 700))], [("B", Belopp(kronor: 400)), ("C", Belopp(kronor: 600))],
      name: { $0.lowercased() })
    #expect(changes.map(\.id) == ["A", "B", "C"])
    #expect(changes.map(\.difference) == [-300, -300, 600])
    #expect(changes.map(\.name) == ["a", "b", "c"])
  }

  @Test func aDifferenceThatOverflowsIsAnError() {
    #expect(throws: AllocationError.self) {
      try WhatIf.MoneyChange.changes([("A", Belopp(kronor: -Int64.max))], [("A", Belopp(kronor: Int64.max))], name: { $0 })
    }
  }
}
