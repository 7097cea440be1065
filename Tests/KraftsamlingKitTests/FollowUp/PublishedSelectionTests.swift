import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("PublishedSelection")
struct PublishedSelectionTests {
  @Test("STK-2024-1374's twelve delområden in five clusters resolve in Malmö's layer with the recorded codes")
  func stk2024_1374() throws {
    let s = PublishedSelection.stk2024_1374
    #expect(s.clusters.map(\.names.count) == [3, 2, 5, 1, 1])
    #expect(s.delområden.count == 12)
    for c in s.clusters {
      for (name, code) in zip(c.names, c.codes) {
        #expect(try MalmöData.hierarchy.resolve(name, level: .delområde).code == code)
      }
    }
    let groups = try s.areaGroups(in: MalmöData.hierarchy)
    #expect(groups.count == 12 + 5 + 1)
    #expect(groups.filter { $0.kind == .cluster }.map(\.codes.count) == [3, 2, 5, 1, 1])
    #expect(groups.last?.codes.count == 12)
    #expect(groups[3].name == "Gullviksborg" && groups[4].name == "Hermodsdal")
  }
}
