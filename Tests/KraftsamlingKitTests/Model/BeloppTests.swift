import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Belopp")
struct BeloppTests {
  @Test("arithmetic is exact and overflow throws instead of trapping")
  func overflow() throws {
    let a = Belopp(kronor: 1_250_000)
    #expect(try a + Belopp(kronor: 750_000) == Belopp(kronor: 2_000_000))
    #expect(throws: MoneyError.self) { try Belopp(kronor: .max) + Belopp(kronor: 1) }
    #expect(throws: MoneyError.self) { try Belopp(kronor: .min) - Belopp(kronor: 1) }
    #expect(throws: MoneyError.self) { try Belopp(kronor: 1 << 62).multiplied(by: 4) }
    #expect(throws: MoneyError.self) { try Belopp.msek(10_000_000_000_000) }
    #expect(try Belopp.sum([Belopp(kronor: 1), Belopp(kronor: 2)]) == Belopp(kronor: 3))
  }

  @Test("formats in kr, tkr and MSEK, exactly", arguments: [
    (Int64(1_250_000), MoneyUnit.kr, Belopp.NumberStyle.swedish, "1 250 000 kr"),
    (1_250_000, .tkr, .swedish, "1 250 tkr"),
    (1_250_000, .msek, .swedish, "1,25 MSEK"),
    (1_250_500, .tkr, .swedish, "1 250,5 tkr"),
    (999, .msek, .english, "0.000999 MSEK"),
    (-42_000, .kr, .english, "−42,000 kr"),
    (0, .tkr, .plain, "0 tkr"),
  ])
  func formatting(kronor: Int64, unit: MoneyUnit, style: Belopp.NumberStyle, expected: String) {
    #expect(Belopp(kronor: kronor).formatted(unit, style: style) == expected)
  }

  @Test("parses amounts as people write them", arguments: [
    ("1000000", Int64(1_000_000)), ("1 000 000 kr", 1_000_000), ("1250 tkr", 1_250_000), ("1,5 MSEK", 1_500_000),
    ("2.5 msek", 2_500_000), ("1_000_000", 1_000_000), ("0,001 mnkr", 1_000), ("-5 kr", -5), ("12,5 tkr", 12_500),
  ])
  func parsing(text: String, kronor: Int64) throws {
    #expect(try Belopp(parsing: text).kronor == kronor)
  }

  @Test("rejects what is not a whole amount", arguments: [
    ("tio", MoneyError.Code.invalidFormat), ("1,5", .notWhole), ("1.000", .invalidFormat), ("0,0001 tkr", .notWhole),
    ("99999999999999999999", .overflow), ("1,2,3", .invalidFormat), ("", .invalidFormat),
  ])
  func rejects(text: String, code: MoneyError.Code) {
    #expect {
      try Belopp(parsing: text)
    } throws: { error in
      (error as! MoneyError).code == code
    }
  }

  @Test("encodes as an integer number of kronor")
  func json() throws {
    let data = try JSONCoding.encoder().encode([Belopp(kronor: 1_000_000)])
    #expect(String(decoding: data, as: UTF8.self) == "[\n  1000000\n]")
    #expect(try JSONCoding.decoder().decode([Belopp].self, from: data) == [Belopp(kronor: 1_000_000)])
  }
}
