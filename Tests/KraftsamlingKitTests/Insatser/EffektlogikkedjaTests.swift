import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Effektlogikkedja: validation findings and exports")
struct EffektlogikkedjaTests {
  typealias Chain = Effektlogikkedja

  func codes(_ chain: Chain, _ options: Chain.ValidationOptions = .init()) -> [String] {
    chain.validate(options: options).map(\.code.rawValue)
  }

  @Test("a complete chain has no finding, also with the UVAS goal check")
  func clean() {
    #expect(InsatsFixtures.chain().validate().isEmpty)
    #expect(InsatsFixtures.chain().validate(options: .stk2024_1374).isEmpty)
    #expect(InsatsFixtures.chain().isValid())
  }

  @Test("an empty chain is one error")
  func empty() {
    #expect(codes(Chain()) == ["effektlogik.empty"])
  }

  @Test("a cycle is reported once with its nodes, in order of node index")
  func cycle() {
    var c = InsatsFixtures.chain()
    c.links.append(.init(from: "e3", to: "e1", rationale: "tillbaka"))  // e1 → e2 → e3 → e1
    let f = c.validate()
    let cycles = f.filter { $0.code == "effektlogik.cycle" }
    #expect(cycles.count == 1)
    #expect(cycles[0].nodes == ["e1", "e2", "e3"])
    #expect(cycles[0].severity == .error)
    // The back link is also against the layer order (långsiktig → kortsiktig).
    #expect(f.contains { $0.code == "effektlogik.backward-link" && $0.link == 6 })
  }

  @Test("a self-link is a cycle")
  func selfLink() {
    var c = InsatsFixtures.chain()
    c.links.append(.init(from: "a", to: "a", rationale: "x"))
    let f = c.validate().filter { $0.code == "effektlogik.cycle" }
    #expect(f.map(\.message) == ["node 'a' links to itself"])
  }

  @Test("links against the layer order are errors, within a layer warnings, skipping a layer notes")
  func layerOrder() {
    var c = InsatsFixtures.chain()
    c.links.append(.init(from: "p", to: "a", rationale: "bakåt"))  // prestation → aktivitet
    c.nodes.append(.init(id: "a2", layer: .aktivitet, label: "Extra", responsible: "GRF"))
    c.links.append(.init(from: "a", to: "a2", rationale: "samma lager"))
    c.links.append(.init(from: "a2", to: "e2", rationale: "hoppar"))  // aktivitet(1) → medellång(4)
    let f = c.validate()
    #expect(f.first { $0.code == "effektlogik.backward-link" }?.severity == .error)
    #expect(f.first { $0.code == "effektlogik.same-layer-link" }?.severity == .warning)
    #expect(f.first { $0.code == "effektlogik.layer-skipped" }?.severity == .note)
    // errors first, then warnings, then notes
    let order = f.map(\.severity)
    #expect(order == order.sorted(by: >))
  }

  @Test("an activity that does not reach the goal is an error; other stray nodes warnings")
  func reachability() {
    var c = InsatsFixtures.chain()
    c.nodes.append(.init(id: "a2", layer: .aktivitet, label: "Föreställning", responsible: "FRF"))
    c.nodes.append(.init(id: "p2", layer: .prestation, label: "Tre föreställningar"))
    c.links.append(.init(from: "a2", to: "p2", rationale: "de spelas"))
    c.nodes.append(.init(id: "x", layer: .resurs, label: "Lösa pengar"))
    let f = c.validate()
    #expect(f.filter { $0.code == "effektlogik.activity-misses-goal" }.map(\.nodes) == [["a2"]])
    #expect(f.filter { $0.code == "effektlogik.dead-end" }.map(\.nodes) == [["p2"]])
    #expect(f.filter { $0.code == "effektlogik.dangling-node" }.map(\.nodes) == [["x"]])
    // An isolated activity says so.
    var d = InsatsFixtures.chain()
    d.nodes.append(.init(id: "a3", layer: .aktivitet, label: "Ensam"))
    #expect(d.validate().first { $0.code == "effektlogik.activity-misses-goal" }?.message.hasSuffix("(it has no links)") == true)
  }

  @Test("missing goal, activity and resource")
  func missingLayers() {
    let onlyEffects = Chain(nodes: [.init(id: "e", layer: .kortsiktigEffekt, label: "x", indicators: [InsatsFixtures.indicator()])])
    let c = codes(onlyEffects, .init(minimumOwners: 0, requireExternalFactors: false, requireAssumptions: false))
    #expect(c.contains("effektlogik.no-goal"))
    #expect(c.contains("effektlogik.no-activity"))
    #expect(c.contains("effektlogik.no-resource"))
  }

  @Test("effects and the goal without an indicator are errors; the UVAS goal check")
  func indicators() {
    var c = InsatsFixtures.chain()
    c.nodes[3].indicators = []  // e1
    c.nodes[6].indicators = [InsatsFixtures.indicator("Egen enkät")]  // g, not UVAS
    let f = c.validate(options: .stk2024_1374)
    #expect(f.filter { $0.code == "effektlogik.missing-indicator" }.map(\.nodes) == [["e1"]])
    #expect(f.filter { $0.code == "effektlogik.goal-indicator-missing" }.map(\.nodes) == [["g"]])
    // Without the goal option, a non-UVAS goal indicator is fine.
    #expect(!codes(c).contains("effektlogik.goal-indicator-missing"))
  }

  @Test("an indicator whose target year is before its baseline year")
  func indicatorYears() {
    var c = InsatsFixtures.chain()
    c.nodes[3].indicators[0].year = 2024  // baseline year 2025
    #expect(codes(c) == ["effektlogik.indicator-years"])
  }

  @Test("links without rationale, duplicate links, unknown nodes, duplicate nodes")
  func links() {
    var c = InsatsFixtures.chain()
    c.links[0].rationale = "  "
    c.links.append(c.links[1])
    c.links.append(.init(from: "a", to: "e9", rationale: "?"))
    c.nodes.append(.init(id: "r", layer: .resurs, label: "dubblett"))
    let f = c.validate()
    #expect(f.first { $0.code == "effektlogik.missing-rationale" }?.link == 0)
    #expect(f.first { $0.code == "effektlogik.duplicate-link" }?.link == 6)
    let unknown = f.first { $0.code == "effektlogik.unknown-node" }
    #expect(unknown?.nodes == ["e9"] && unknown?.link == 7 && unknown?.severity == .error)
    #expect(unknown?.hint == "did you mean e1 or e2 or e3?")
    #expect(f.first { $0.code == "effektlogik.duplicate-node" }?.nodes == ["r"])
  }

  @Test("an output or effect nothing leads to")
  func unsupported() {
    var c = InsatsFixtures.chain()
    c.nodes.append(.init(id: "e4", layer: .kortsiktigEffekt, label: "Från ingenstans", indicators: [InsatsFixtures.indicator()]))
    c.links.append(.init(from: "e4", to: "e2", rationale: "x"))
    #expect(codes(c) == ["effektlogik.unsupported-node"])
  }

  @Test("external factors, assumptions and owners are recorded (DOMAIN §6)", arguments: [
    (0, ["effektlogik.no-external-factors"]),
    (1, ["effektlogik.no-assumptions"]),
    (2, ["effektlogik.single-owner"]),
  ])
  func records(_ which: Int, _ expected: [String]) {
    var c = InsatsFixtures.chain()
    switch which {
    case 0: c.externalFactors = []
    case 1: c.links[1].assumptions = []
    default: c = InsatsFixtures.chain(owners: ("GRF", "GRF"))
    }
    #expect(codes(c) == expected)
    // Each can be switched off.
    #expect(codes(c, .init(minimumOwners: 0, requireExternalFactors: false, requireAssumptions: false)).isEmpty)
  }

  @Test("resource total sums amounts of resource nodes; nil when none has one")
  func resources() throws {
    var c = InsatsFixtures.chain()
    c.nodes.append(.init(id: "r2", layer: .resurs, label: "Lokal", amount: Belopp(kronor: 250_000)))
    #expect(try c.resourceTotal() == Belopp(kronor: 1_250_000))  // 1 000 000 + 250 000
    #expect(try Chain(nodes: [.init(id: "a", layer: .aktivitet, label: "x")]).resourceTotal() == nil)
  }

  @Test("Mermaid: generated ids, quoted and escaped labels, one subgraph per layer, classes")
  func mermaid() {
    let c = Chain(
      nodes: [
        .init(id: "end", layer: .aktivitet, label: #"Säg "hej" & <b>#1</b> | `kod`"#),
        .init(id: "goal", layer: .slutmål, label: "Rad ett\nRad två"),
      ],
      links: [.init(from: "end", to: "goal", rationale: "för att|så")])
    let m = c.mermaid(title: "T\nitel", linkLabels: true)
    let expected = """
      flowchart LR
        %% T itel
        subgraph L1["Aktiviteter"]
          n0["Säg #quot;hej#quot; #amp; #lt;b#gt;#35;1#lt;/b#gt; #124; #96;kod#96;"]
        end
        subgraph L6["Slutmål"]
          n1(["Rad ett<br/>Rad två"])
        end
        n0 -->|"för att#124;så"| n1
        classDef aktivitet fill:#dbe7f5,stroke:#555555
        class n0 aktivitet
        classDef slutmal fill:#f4b183,stroke:#555555
        class n1 slutmal

      """
    #expect(m == expected)
    // Without link labels, plain arrows; links to unknown nodes are left out.
    var d = c
    d.links.append(.init(from: "end", to: "nowhere"))
    #expect(d.mermaid().contains("  n0 --> n1\n"))
    #expect(!d.mermaid().contains("nowhere"))
  }

  @Test("Mermaid: every label line is balanced (no raw quote, bracket or newline inside)")
  func mermaidBalanced() {
    let nasty = ["\"", "[", "]", "(", ")", "{", "}", "\"]", "end", "%%", "\r\n", "\\", ";", "-->"]
    var c = Chain()
    for (i, s) in nasty.enumerated() {
      c.nodes.append(.init(id: "n\(i)", layer: .aktivitet, label: "x\(s)y"))
    }
    for line in c.mermaid().split(separator: "\n") where line.contains("[\"") {
      // Between the opening [" and the closing "] there is no other double quote.
      guard let open = line.range(of: "[\""), let close = line.range(of: "\"]", options: .backwards) else {
        Issue.record("unbalanced: \(line)")
        continue
      }
      #expect(!line[open.upperBound..<close.lowerBound].contains("\""))
    }
  }

  @Test("DOT: escaped strings, ranks per layer, labelled edges")
  func dot() {
    let c = Chain(
      nodes: [
        .init(id: "a", layer: .aktivitet, label: #"C:\väg "x""#),
        .init(id: "g", layer: .slutmål, label: "två\nrader"),
      ],
      links: [.init(from: "a", to: "g", rationale: #"säger "ja""#), .init(from: "g", to: "zz")])
    let expected = #"""
      digraph effektlogik {
        graph [rankdir=LR, fontname="Helvetica", label="T \"t\"", labelloc=t];
        node [shape=box, style="rounded,filled", fontname="Helvetica"];
        edge [fontname="Helvetica", fontsize=10];
        // aktivitet
        { rank=same; n0; }
        n0 [label="C:\\väg \"x\"", fillcolor="#dbe7f5"];
        // slutmål
        { rank=same; n1; }
        n1 [label="två\nrader", fillcolor="#f4b183", shape=ellipse];
        n0 -> n1 [label="säger \"ja\""];
      }

      """#
    #expect(c.dot(title: #"T "t""#) == expected)
  }

  @Test("text lists layers, links with assumptions and external factors")
  func text() {
    let t = InsatsFixtures.chain().text()
    #expect(t.hasPrefix("resurs\n  r  Personal [GRF] 1 000 000 kr\naktivitet\n"))
    #expect(t.contains("  a → p: eleverna kommer\n      assumes: lokalen finns\n"))
    #expect(t.contains("      indicator: UVAS 16–29: 14.2 % (2023) → 11.5 % (2035)\n"))
    #expect(t.hasSuffix("external factors\n  - arbetsmarknaden\n"))
  }

  @Test("Tarjan finds components of a long chain without recursion")
  func longChain() {
    let n = 20_000
    var succ = (0..<n).map { [$0 + 1] }
    succ[n - 1] = [0]  // one big cycle
    let comps = Chain.stronglyConnectedComponents(succ)
    #expect(comps.count == 1 && comps[0].count == n)
  }
}
