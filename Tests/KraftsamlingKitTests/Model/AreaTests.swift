import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Area")
struct AreaTests {
  @Test("areas encode their parents as an object keyed by level")
  func json() throws {
    let a = Area(code: "50306", name: "Hermodsdal", level: .delområde, parents: [.geso: "9"])
    let text = try JSONCoding.encodeString(a)
    #expect(text.contains(#""geso" : "9""#))
    #expect(try JSONCoding.decode(Area.self, from: Array(text.utf8), file: nil) == a)
  }

  @Test("a delområde becomes an area with GeSO and stadsdel parents")
  func delområde() {
    let d = Delområde(code: "80203", name: "Holma", officialName: "HOLMA", geso: GeSO(code: "10", name: "Hyllie"), stadsdel: "Hyllie")
    #expect(d.area.parents == [.geso: "10", .stadsdel: "Hyllie"])
    #expect(d.area.alternativeNames == ["HOLMA"])
  }
}
