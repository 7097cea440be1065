import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("NameResolver and AreaHierarchy")
struct NameResolverTests {
  @Test("the 2025 proposal's 'Herrmodsdal' gets 'did you mean Hermodsdal?'")
  func herrmodsdal() throws {
    let h = try AreaHierarchy(delområden: [
      Delområde(code: "50306", name: "Hermodsdal", geso: GeSO(code: "9", name: "Fosie")),
      Delområde(code: "50301", name: "Gullviksborg", geso: GeSO(code: "9", name: "Fosie")),
    ])
    #expect(try h.resolve("hermodsdal", level: .delområde).code == "50306")
    #expect(try h.resolve("  HERMODSDAL ", level: .delområde).code == "50306")
    #expect(try h.resolve("50301", level: .delområde).name == "Gullviksborg")
    #expect(try h.resolve("fosie", level: .geso).code == "9")
    #expect {
      try h.resolve("Herrmodsdal", level: .delområde)
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.message == "unknown delområde 'Herrmodsdal'" && d.hint == "did you mean Hermodsdal?"
    }
  }

  @Test("NFD input matches NFC names")
  func unicodeNormalisation() {
    let r = NameResolver(entries: [("Örtagården", 1)])
    #expect(r.lookup("O\u{0308}rtagarden") == nil)  // a different word
    #expect(r.lookup("O\u{0308}rtaga\u{030A}rden") == 1)  // the same word, decomposed
  }

  @Test("a name for two things is ambiguous")
  func ambiguous() {
    let r = NameResolver(entries: [("Centrum", "a"), ("centrum", "b")], noun: "area")
    #expect(r.lookup("Centrum") == nil)
    #expect(throws: DataError.self) { try r.resolve("Centrum") }
  }

  @Test("edit distance counts adjacent swaps as one", arguments: [
    ("Herrmodsdal", "hermodsdal", 1), ("gullviksbrog", "gullviksborg", 1), ("holma", "hloma", 1), ("", "abc", 3), ("kitten", "sitting", 3),
  ])
  func distance(a: String, b: String, expected: Int) {
    #expect(editDistance(a.lowercased(), b) == expected)
  }

  @Test("the hierarchy rejects duplicate codes and unknown parents")
  func hierarchyErrors() {
    #expect(throws: DataError.self) {
      try AreaHierarchy(areas: [Area(code: "1", name: "A", level: .delområde), Area(code: "1", name: "B", level: .delområde)])
    }
    #expect(throws: DataError.self) {
      try AreaHierarchy(areas: [
        Area(code: "9", name: "G", level: .geso), Area(code: "1", name: "A", level: .delområde, parents: [.geso: "8"]),
      ])
    }
  }

  @Test("children of a parent area")
  func children() throws {
    let h = try AreaHierarchy(areas: [
      Area(code: "g", name: "G", level: .geso),
      Area(code: "1", name: "A", level: .delområde, parents: [.geso: "g"]),
      Area(code: "2", name: "B", level: .delområde, parents: [.geso: "g"]),
    ])
    #expect(h.children(of: "g", at: .geso, level: .delområde).map(\.code) == ["1", "2"])
    #expect(h.levels == [.geso, .delområde])
  }
}
