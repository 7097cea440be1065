import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Whether a text is well-formed XML (HTML reports are written as polyglot markup).
func isWellFormedXML(_ text: String) -> Bool {
  let parser = XMLParser(data: Data(text.utf8))
  return parser.parse()
}

@Suite("ReportDocument")
struct ReportDocumentTests {
  func sample() -> ReportDocument {
    var doc = ReportDocument(title: "Kraftsamlande <insatser> & mer", subtitle: "Malmö", language: .sv, notice: "Illustrativa data")
    var t = ReportTable(columns: ["namn", "värde"], alignments: [.left, .right])
    t.append(["Holma", "2,31"])
    doc.sections = [
      ReportSection(
        id: "metod", title: "Metod",
        blocks: [
          .paragraph("Index \"stadskontoret-2025\" & co."), .bullets(["a", "b"]), .table(t, caption: "Tabell 1"),
          .figure(svg: "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>", caption: "Karta", source: "Källa: Malmö stad", fileName: "figurer/karta.svg"),
          .definitions([ReportDefinition("Frö", "42")]), .code("graph LR\n  a --> b", language: "mermaid"), .note("Obs!"),
        ]),
      ReportSection(id: "resultat", title: "Resultat", blocks: [.heading("Del"), .paragraph("x")]),
    ]
    return doc
  }

  @Test("HTML is self-contained, escaped and well-formed, with a table of contents")
  func html() {
    let h = sample().html()
    #expect(h.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
    #expect(isWellFormedXML(h))
    #expect(h.contains("<title>Kraftsamlande &lt;insatser&gt; &amp; mer</title>"))
    #expect(h.contains("<li><a href=\"#metod\">Metod</a></li>"))
    #expect(h.contains("<td class=\"num\">2,31</td>"))
    #expect(!h.contains("<?xml"))
    #expect(!h.contains("<script"))
    #expect(h.contains("<h2>Innehåll</h2>"))
  }

  @Test("Markdown says the same and links figures by file name")
  func markdown() {
    let m = sample().markdown()
    #expect(m.hasPrefix("# Kraftsamlande <insatser> & mer\n\n_Malmö_\n\n> **Illustrativa data**\n"))
    #expect(m.contains("1. [Metod](#metod)\n2. [Resultat](#resultat)\n"))
    #expect(m.contains("![Karta](figurer/karta.svg)"))
    #expect(m.contains("| Holma | 2,31 |"))
    #expect(m.contains("```mermaid\ngraph LR\n  a --> b\n```"))
  }

  @Test("English fixed texts and number formats")
  func english() {
    var doc = sample()
    doc.language = .en
    #expect(doc.html().contains("<h2>Contents</h2>"))
    #expect(ReportLanguage.sv.percent(0.0951) == "9,5 %")
    #expect(ReportLanguage.en.percent(0.0951) == "9.5 %")
  }
}
