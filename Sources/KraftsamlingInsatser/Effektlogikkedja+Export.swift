import KraftsamlingCore

extension Effektlogikkedja {
  /// The chain as a Mermaid flowchart, left to right, one subgraph per
  /// layer, ready to paste into a Markdown file between ```` ```mermaid ````
  /// fences (GitHub, GitLab and most documentation tools render it).
  ///
  /// Node ids are generated (`n0`, `n1`, … in node order) so that no user
  /// id can clash with Mermaid's keywords; labels are quoted and the
  /// characters Mermaid would interpret (`"` `#` `<` `>` `&` `` ` `` `|`)
  /// are written as Mermaid entity codes (`#quot;`, `#35;` …). Line breaks
  /// become `<br/>`.
  ///
  /// ```swift
  /// print(chain.mermaid(title: "Läxhjälp i Holma"))
  /// // flowchart LR
  /// //   %% Läxhjälp i Holma
  /// //   subgraph L0["Resurser"]
  /// //     n0["2 pedagoger<br/>1 200 000 kr"]
  /// //   end
  /// //   …
  /// //   n0 --> n1
  /// ```
  ///
  /// - Parameters:
  ///   - title: A comment line at the top.
  ///   - linkLabels: Whether to write each link's rationale on its arrow.
  /// - Returns: Mermaid text ending with a newline.
  /// - Complexity: O(*n* + *l*) in the size of the chain.
  /// - SeeAlso: Mermaid flowchart syntax, <https://mermaid.js.org/syntax/flowchart.html>.
  public func mermaid(title: String? = nil, linkLabels: Bool = false) -> String {
    var ids: [String: String] = [:]
    for (i, n) in nodes.enumerated() where ids[n.id] == nil { ids[n.id] = "n\(i)" }
    var s = "flowchart LR\n"
    if let title { s += "  %% " + Self.singleLine(title) + "\n" }
    for layer in Layer.allCases {
      let members = nodes.enumerated().filter { $0.element.layer == layer && ids[$0.element.id] == "n\($0.offset)" }
      guard !members.isEmpty else { continue }
      s += "  subgraph L\(layer.rank)[\"\(Self.mermaidEscape(layer.pluralSwedishName))\"]\n"
      for (i, n) in members {
        let text = Self.mermaidEscape(Self.nodeText(n))
        let shape = layer == .slutmål ? ("([\"", "\"])") : ("[\"", "\"]")
        s += "    n\(i)\(shape.0)\(text)\(shape.1)\n"
      }
      s += "  end\n"
    }
    for l in links {
      guard let a = ids[l.from], let b = ids[l.to] else { continue }
      if linkLabels, let r = l.rationale, !r.trimmingWhitespace().isEmpty {
        s += "  \(a) -->|\"\(Self.mermaidEscape(r))\"| \(b)\n"
      } else {
        s += "  \(a) --> \(b)\n"
      }
    }
    for layer in Layer.allCases {
      let members = nodes.enumerated().filter { $0.element.layer == layer && ids[$0.element.id] == "n\($0.offset)" }
      guard !members.isEmpty else { continue }
      s += "  classDef \(layer.styleName) fill:\(layer.fillColour),stroke:#555555\n"
      s += "  class \(members.map { "n\($0.offset)" }.joined(separator: ",")) \(layer.styleName)\n"
    }
    return s
  }

  /// The chain as a Graphviz DOT digraph, left to right, nodes of a layer
  /// on the same rank, each link labelled with its rationale.
  ///
  /// Render with `dot -Tsvg effektlogik.dot -o effektlogik.svg`. Labels are
  /// DOT double-quoted strings: `\` and `"` are escaped, line breaks become
  /// `\n`.
  ///
  /// ```swift
  /// print(chain.dot(title: "Läxhjälp i Holma"))
  /// // digraph effektlogik {
  /// //   graph [rankdir=LR, label="Läxhjälp i Holma", labelloc=t, fontname="Helvetica"];
  /// //   …
  /// //   n0 -> n1 [label="tid med vuxna"];
  /// // }
  /// ```
  ///
  /// - Parameter title: The graph's label.
  /// - Returns: DOT text ending with a newline.
  /// - Complexity: O(*n* + *l*).
  /// - SeeAlso: The DOT language, <https://graphviz.org/doc/info/lang.html>.
  public func dot(title: String? = nil) -> String {
    var ids: [String: String] = [:]
    for (i, n) in nodes.enumerated() where ids[n.id] == nil { ids[n.id] = "n\(i)" }
    var s = "digraph effektlogik {\n"
    s += "  graph [rankdir=LR, fontname=\"Helvetica\""
    if let title { s += ", label=\"\(Self.dotEscape(title))\", labelloc=t" }
    s += "];\n"
    s += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
    s += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
    for layer in Layer.allCases {
      let members = nodes.enumerated().filter { $0.element.layer == layer && ids[$0.element.id] == "n\($0.offset)" }
      guard !members.isEmpty else { continue }
      s += "  // \(layer.swedishName)\n"
      s += "  { rank=same; \(members.map { "n\($0.offset);" }.joined(separator: " ")) }\n"
      for (i, n) in members {
        let shape = layer == .slutmål ? ", shape=ellipse" : ""
        s += "  n\(i) [label=\"\(Self.dotEscape(Self.nodeText(n)))\", fillcolor=\"\(layer.fillColour)\"\(shape)];\n"
      }
    }
    for l in links {
      guard let a = ids[l.from], let b = ids[l.to] else { continue }
      if let r = l.rationale, !r.trimmingWhitespace().isEmpty {
        s += "  \(a) -> \(b) [label=\"\(Self.dotEscape(r))\"];\n"
      } else {
        s += "  \(a) -> \(b);\n"
      }
    }
    s += "}\n"
    return s
  }

  /// The chain as indented plain text, layer by layer, then the links with
  /// rationale and assumptions, then the external factors.
  ///
  /// ```swift
  /// print(chain.text())
  /// // resurs
  /// //   r1  2 pedagoger [GRF] 1 200 000 kr
  /// // aktivitet
  /// //   a1  Läxhjälp tre kvällar i veckan [GRF]
  /// // …
  /// ```
  ///
  /// - Returns: Text ending with a newline.
  /// - Complexity: O(*n* + *l*).
  public func text() -> String {
    var s = ""
    for layer in Layer.allCases {
      let members = nodes.filter { $0.layer == layer }
      guard !members.isEmpty else { continue }
      s += layer.swedishName + "\n"
      for n in members {
        var line = "  \(n.id)  \(Self.singleLine(n.label))"
        if let r = n.responsible { line += " [\(r)]" }
        if let a = n.amount { line += " \(a)" }
        s += line + "\n"
        for i in n.indicators { s += "      indicator: \(Self.indicatorText(i))\n" }
      }
    }
    if !links.isEmpty {
      s += "links\n"
      for l in links {
        s += "  \(l.from) → \(l.to)"
        if let r = l.rationale { s += ": " + Self.singleLine(r) }
        s += "\n"
        for a in l.assumptions { s += "      assumes: \(Self.singleLine(a))\n" }
      }
    }
    if !externalFactors.isEmpty {
      s += "external factors\n"
      for f in externalFactors { s += "  - \(Self.singleLine(f))\n" }
    }
    return s
  }

  static func nodeText(_ n: Node) -> String {
    var lines = [n.label]
    if let r = n.responsible { lines.append("ansvarig: \(r)") }
    if let a = n.amount { lines.append(a.description) }
    for i in n.indicators { lines.append(indicatorText(i)) }
    return lines.joined(separator: "\n")
  }

  static func indicatorText(_ i: OutcomeIndicator) -> String {
    let unit = i.unit.map { " \($0)" } ?? ""
    let base = i.baselineYear.map { " (\($0))" } ?? ""
    return "\(i.name): \(number(i.baseline))\(unit)\(base) → \(number(i.target))\(unit) (\(i.year))"
  }

  /// A number without a trailing `.0` (`12.5`, `10`).
  static func number(_ d: Double) -> String {
    if d.isFinite && d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }

  static func singleLine(_ s: String) -> String {
    s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
  }

  /// Escapes text for a double-quoted Mermaid label.
  static func mermaidEscape(_ s: String) -> String {
    var out = ""
    var previousWasCR = false
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "#quot;"
      case "#": out += "#35;"
      case "&": out += "#amp;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "`": out += "#96;"
      case "|": out += "#124;"
      case "\r": out += "<br/>"
      case "\n": if !previousWasCR { out += "<br/>" }
      default:
        if c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
      }
      previousWasCR = c == "\r"
    }
    return out
  }

  /// Escapes text for a double-quoted DOT string.
  static func dotEscape(_ s: String) -> String {
    var out = ""
    var previousWasCR = false
    for c in s.unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\r": out += "\\n"
      case "\n": if !previousWasCR { out += "\\n" }
      default:
        if c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
      }
      previousWasCR = c == "\r"
    }
    return out
  }
}

extension Effektlogikkedja.Layer {
  /// The Swedish plural heading, e.g. "Kortsiktiga effekter".
  package var pluralSwedishName: String {
    switch self {
    case .resurs: "Resurser"
    case .aktivitet: "Aktiviteter"
    case .prestation: "Prestationer"
    case .kortsiktigEffekt: "Kortsiktiga effekter"
    case .medellångEffekt: "Medellånga effekter"
    case .långsiktigEffekt: "Långsiktiga effekter"
    case .slutmål: "Slutmål"
    }
  }

  var styleName: String {
    switch self {
    case .resurs: "resurs"
    case .aktivitet: "aktivitet"
    case .prestation: "prestation"
    case .kortsiktigEffekt: "kortsiktig"
    case .medellångEffekt: "medellang"
    case .långsiktigEffekt: "langsiktig"
    case .slutmål: "slutmal"
    }
  }

  var fillColour: String {
    switch self {
    case .resurs: "#e8eef7"
    case .aktivitet: "#dbe7f5"
    case .prestation: "#e3f1e0"
    case .kortsiktigEffekt: "#fdf3d8"
    case .medellångEffekt: "#fbe6c2"
    case .långsiktigEffekt: "#f8d5a8"
    case .slutmål: "#f4b183"
    }
  }
}
