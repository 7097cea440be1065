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

@Suite("EffektlogikDiagram")
struct EffektlogikDiagramTests {
  func chain() -> Effektlogikkedja {
    Effektlogikkedja(
      nodes: [
        .init(id: "r", layer: .resurs, label: "Två lärare", amount: Belopp(kronor: 1_500_000)),
        .init(id: "a", layer: .aktivitet, label: "Läxhjälp <tre> dagar & kvällar"),
        .init(id: "g", layer: .slutmål, label: "Fler unga arbetar eller studerar"),
        .init(id: "x", layer: .prestation, label: "Lös nod"),
      ],
      links: [.init(from: "r", to: "a", rationale: "lärare behövs"), .init(from: "a", to: "g"), .init(from: "g", to: "a")])
  }

  @Test("one column per layer present, escaped labels, well-formed SVG")
  func structure() {
    let svg = EffektlogikDiagram(chain: chain(), title: "T & t").svg()
    #expect(isWellFormedXML(svg))
    #expect(svg.contains(">resurs</text>") && svg.contains(">aktivitet</text>") && svg.contains(">slutmål</text>"))
    #expect(svg.contains(">prestation</text>"))
    #expect(!svg.contains(">kortsiktig effekt</text>"))
    #expect(svg.contains("Läxhjälp &lt;tre&gt; dagar &amp;"))
    // 1 500 000 kr stays on one line (no-break spaces).
    #expect(svg.contains("1\u{00A0}500\u{00A0}000\u{00A0}kr"))
    // The link against the layer order is dashed red; the unlinked node has a dashed border.
    #expect(svg.components(separatedBy: "stroke=\"#c0392b\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\" stroke-dasharray").count == 2)
    #expect(svg.contains("<title>x: Lös nod</title>"))
    #expect(svg.contains("<title>lärare behövs</title>"))
  }

  @Test("a link within one column runs straight down between the boxes, amber and dashed")
  func sameLayerLink() throws {
    let chain = Effektlogikkedja(
      nodes: [
        .init(id: "a1", layer: .aktivitet, label: "Trygghetsvandringar"),
        .init(id: "a2", layer: .aktivitet, label: "Ny belysning"),
        .init(id: "g", layer: .slutmål, label: "Mål"),
      ],
      links: [.init(from: "a1", to: "a2"), .init(from: "a2", to: "g")])
    let svg = EffektlogikDiagram(chain: chain, title: "T").svg()
    let amber = try #require(svg.split(separator: "\n").first { $0.contains("stroke=\"#d68910\"") })
    // Boxes of one column share x; the path is a vertical segment from the
    // first box's bottom edge to the second's top edge (no stray tick above).
    let d = try #require(amber.split(separator: "\"").dropFirst().first)
    let numbers = d.split(separator: " ").compactMap { Double($0) }
    #expect(d.hasPrefix("M ") && d.contains(" L "))
    #expect(numbers.count == 4 && numbers[0] == numbers[2] && numbers[1] < numbers[3])
    #expect(!svg.contains("#c0392b"))
  }

  @Test("English headings")
  func english() {
    let svg = EffektlogikDiagram(chain: chain(), title: "T", language: .en).svg()
    #expect(svg.contains(">\(Effektlogikkedja.Layer.slutmål.englishName)</text>"))
    #expect(!svg.contains(">slutmål</text>"))
  }

  @Test("wrapping cuts long words and keeps short lines")
  func wrapping() {
    #expect(EffektlogikDiagram.wrap("a bb ccc", width: 4) == ["a bb", "ccc"])
    #expect(EffektlogikDiagram.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(EffektlogikDiagram.wrap("", width: 4) == [""])
  }
}
