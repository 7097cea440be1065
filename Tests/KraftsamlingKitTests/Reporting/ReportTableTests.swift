import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("ReportTable and DecimalFormatting")
struct ReportTableTests {
  @Test("CSV quotes only what needs quoting")
  func csv() {
    var t = ReportTable(columns: ["code", "name"])
    t.append(["1", "Västra hamnen, Gamla staden"])
    t.append(["2", "Inre \"Hamnen\""])
    t.append(["3", "plain"])
    #expect(t.csv() == "code,name\n1,\"Västra hamnen, Gamla staden\"\n2,\"Inre \"\"Hamnen\"\"\"\n3,plain\n")
  }

  @Test("text tables align by characters, numbers to the right")
  func text() {
    var t = ReportTable(columns: ["namn", "n"], alignments: [.left, .right])
    t.append(["Örtagården", "5"])
    t.append(["Holma", "12"])
    #expect(t.text() == "namn         n\n----------  --\nÖrtagården   5\nHolma       12\n")
  }

  @Test("markdown escapes pipes")
  func markdown() {
    var t = ReportTable(columns: ["a", "b"], alignments: [.left, .right])
    t.append(["x|y", "1"])
    #expect(t.markdown() == "| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n")
  }

  @Test("fixed decimals round half away from zero", arguments: [
    (0.12345, 3, "0.123"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.0951, 1, "0.1"), (-0.0001, 2, "0.00"), (12.5, 1, "12.5"),
    (1234.5678, 2, "1234.57"),
  ])
  func fixed(value: Double, places: Int, expected: String) {
    #expect(DecimalFormatting.fixed(value, places: places) == expected)
  }

  @Test("shortest never uses exponents for ordinary values")
  func shortest() {
    #expect(DecimalFormatting.shortest(1e-5) == "0.00001")
    #expect(DecimalFormatting.shortest(3) == "3")
    #expect(DecimalFormatting.shortest(0.1) == "0.1")
    #expect(DecimalFormatting.fixed(12.5, places: 1, separator: ",") == "12,5")
  }
}
