import Foundation
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("NumberParser")
struct NumberParserTests {
  @Test("accepts the ways numbers are written", arguments: [
    ("12", DecimalSeparator.auto, 12.0),
    ("12,5", .auto, 12.5),
    ("12.5", .auto, 12.5),
    ("-3", .point, -3.0),
    ("\u{2212}3,5", .comma, -3.5),
    ("1 234", .auto, 1234.0),
    ("1\u{00A0}234\u{00A0}567,25", .comma, 1_234_567.25),
    ("  42  ", .point, 42.0),
    ("1.5e3", .point, 1500.0),
    (",5", .comma, 0.5),
  ])
  func accepts(text: String, decimal: DecimalSeparator, expected: Double) {
    #expect(NumberParser.parse(text, decimal: decimal) == expected)
  }

  @Test("rejects what is not a number", arguments: [
    ("tolv", DecimalSeparator.auto), ("nan", .auto), ("inf", .auto), ("0x10", .auto), ("12,5", .point),
    ("12.5", .comma), ("1 23", .auto), ("12 345,6 7", .comma), ("1,2,3", .auto), ("", .auto), ("-", .auto),
    ("1e", .point), ("1e999", .point), ("..", .auto),
  ])
  func rejects(text: String, decimal: DecimalSeparator) {
    #expect(NumberParser.parse(text, decimal: decimal) == nil)
  }
}

@Suite("NumberParser fast path")
struct NumberParserFastPathTests {
  @Test("the allocation-free fast path agrees with Double(String) on seeded random decimals")
  func agreesWithStandardLibrary() {
    var g = SeededGenerator(seed: 11)
    for _ in 0..<20_000 {
      let whole = g.uniform(below: 1_000_000)
      let places = g.uniform(below: 7)
      var frac = ""
      for _ in 0..<places { frac += String(g.uniform(below: 10)) }
      let text = places == 0 ? "\(whole)" : "\(whole).\(frac)"
      let negative = g.uniform(below: 2) == 0
      let signed = (negative ? "-" : "") + text
      #expect(NumberParser.parse(signed, decimal: .point) == Double(signed))
      #expect(NumberParser.parse(signed.replacingOccurrences(of: ".", with: ","), decimal: .comma) == Double(signed))
    }
  }

  @Test("the fast path declines what it cannot do exactly", arguments: ["1234567890123456", "1.", "-", "1,5"])
  func declines(text: String) {
    #expect(NumberParser.fastPath(text, decimal: .point) == nil)
  }
}
