import KraftsamlingCore

extension Effektlogikkedja {
  /// One thing the mechanical check of an effect logic found.
  ///
  /// ```swift
  /// let f = chain.validate().first!
  /// print(f)   // error: activity 'a2' (Kulturworkshops) does not lead to the slutmål … (nodes a2)
  /// ```
  public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious it is: an error makes the chain invalid, a warning should
    /// be looked at, a note is a remark.
    package var severity: Diagnostic.Severity
    /// A stable code, e.g. `effektlogik.cycle`.
    public var code: DiagnosticCode
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// What is wrong, in Swedish for the report (no ids), if written.
    package var swedishMessage: String?
    /// The ids of the nodes concerned.
    package var nodes: [String]
    /// The index of the link concerned, if one.
    package var link: Int?

    /// Creates a finding.
    ///
    /// - Parameters:
    ///   - severity: Error, warning or note.
    ///   - code: A stable code.
    ///   - message: What is wrong.
    ///   - hint: How to fix it.
    ///   - nodes: The node ids concerned.
    ///   - link: The link index concerned.
    ///   - swedish: What is wrong, in Swedish for a reader.
    package init(
      _ severity: Diagnostic.Severity, code: DiagnosticCode, _ message: String, swedish: String? = nil,
      hint: String? = nil, nodes: [String] = [], link: Int? = nil
    ) {
      self.severity = severity
      self.code = code
      self.message = message
      self.swedishMessage = swedish
      self.hint = hint
      self.nodes = nodes
      self.link = link
    }

    private enum CodingKeys: String, CodingKey {
      case severity, code, message, hint, nodes, link
    }

    /// What is wrong, in the reader's language: Swedish names the nodes by
    /// their labels, English is ``message``.
    ///
    /// - Parameter language: The language.
    package func message(in language: ReportLanguage) -> String {
      language == .sv ? (swedishMessage ?? message) : message
    }

    /// `SEVERITY: MESSAGE (hint: HINT)`.
    public var description: String {
      "\(severity.rawValue): \(message)" + (hint.map { " (hint: \($0))" } ?? "")
    }

    /// The finding as a ``Diagnostic`` located at a JSON path such as
    /// `insatser[2].effektlogik.links[3]`.
    ///
    /// - Parameters:
    ///   - file: The file name.
    ///   - path: The JSON path of the chain (e.g. `insatser[2].effektlogik`).
    package func diagnostic(file: String? = nil, path: String? = nil) -> Diagnostic {
      var field = path
      if let path, let link { field = path + ".links[\(link)]" }
      return Diagnostic(severity, code: code, message, at: SourceLocation(file: file, field: field), hint: hint)
    }
  }

  /// What ``validate(options:)`` checks besides the structure.
  public struct ValidationOptions: Sendable, Hashable, Codable {
    /// The fewest distinct actors that must be named responsible for nodes
    /// (DOMAIN §6: "at least two actors own nodes"); 0 turns the check off.
    package var minimumOwners: Int
    /// Whether a chain without external factors gets a warning.
    package var requireExternalFactors: Bool
    /// Whether a chain in which no link records an assumption gets a warning.
    package var requireAssumptions: Bool
    /// If set, a slutmål node must carry an indicator with this catalogue
    /// id (e.g. `uvas_16_29`), or the chain gets an error.
    package var goalIndicator: String?

    /// Creates options; the defaults check everything except the goal
    /// indicator.
    ///
    /// - Parameters:
    ///   - minimumOwners: Fewest distinct responsible actors (default 2).
    ///   - requireExternalFactors: Warn when none are recorded.
    ///   - requireAssumptions: Warn when no link has an assumption.
    ///   - goalIndicator: A catalogue id the goal must be measured by.
    public init(
      minimumOwners: Int = 2, requireExternalFactors: Bool = true, requireAssumptions: Bool = true,
      goalIndicator: String? = nil
    ) {
      self.minimumOwners = minimumOwners
      self.requireExternalFactors = requireExternalFactors
      self.requireAssumptions = requireAssumptions
      self.goalIndicator = goalIndicator
    }
  }

  /// Checks the chain and returns *every* finding, errors first, then
  /// warnings, then notes (each group in the order found).
  ///
  /// Errors (the chain is not a valid effect logic):
  /// `effektlogik.empty`, `.duplicate-node`, `.unknown-node` (a link to a
  /// node that does not exist), `.cycle` (each strongly connected group of
  /// nodes, and self-links), `.backward-link` (against the layer order),
  /// `.no-goal`, `.no-activity`, `.activity-misses-goal` (an activity from
  /// which no path leads to a slutmål), `.missing-indicator` (an effect or
  /// the goal without an indicator), `.goal-indicator-missing` (with
  /// ``ValidationOptions/goalIndicator``).
  ///
  /// Warnings: `.same-layer-link`, `.missing-rationale`, `.dangling-node`
  /// (a node with no link), `.dead-end` (a node with links but no path to
  /// the goal), `.unsupported-node` (an output or effect nothing leads to),
  /// `.duplicate-link`, `.indicator-years` (target year before the
  /// baseline year), `.no-resource`, `.no-external-factors`,
  /// `.no-assumptions`, `.single-owner`.
  ///
  /// Notes: `.layer-skipped` (a link jumping over a layer, e.g. activity →
  /// medium-term effect).
  ///
  /// ```swift
  /// let findings = chain.validate(options: .init(goalIndicator: "uvas_16_29"))
  /// findings.contains { $0.severity == .error }   // false for a sound chain
  /// ```
  ///
  /// - Parameter options: The optional checks.
  /// - Returns: Every finding.
  /// - Complexity: O(*n* + *l*) for *n* nodes and *l* links (Tarjan's
  ///   strongly connected components and a reverse breadth-first search
  ///   from the goal), plus O(*n*²) in the worst case to match node ids.
  /// - SeeAlso: R. Tarjan, "Depth-first search and linear graph
  ///   algorithms", *SIAM J. Comput.* 1 (1972).
  public func validate(options: ValidationOptions = ValidationOptions()) -> [Finding] {
    guard !nodes.isEmpty else {
      return [
        Finding(
          .error, code: "effektlogik.empty", "the effect logic has no nodes", swedish: "effektlogiken är tom",
          hint: "describe at least the resources, the activities, the effects and the slutmål, linked in that order")
      ]
    }
    var out: [Finding] = []
    let index = nodeIndex(&out)
    let graph = linkGraph(index, &out)
    out += cycleFindings(graph)
    let goals = nodes.indices.filter { nodes[$0].layer == .slutmål }
    out += layerFindings(goals: goals)
    out += reachabilityFindings(graph, index: index, goals: goals)
    out += indicatorFindings(index: index, goals: goals, options: options)
    out += recordFindings(options)
    let errors = out.filter { $0.severity == .error }
    let warnings = out.filter { $0.severity == .warning }
    let notes = out.filter { $0.severity == .note }
    return errors + warnings + notes
  }

  /// The links between distinct, known nodes, as adjacency lists.
  private struct LinkGraph {
    var successors: [[Int]]
    var predecessors: [[Int]]
  }

  /// `kind 'id' (label)` of node `i`.
  private func name(_ i: Int) -> String { "\(nodes[i].layer.swedishName) '\(nodes[i].id)' (\(nodes[i].label))" }

  /// `nivå ”label”` of node `i`, for Swedish text.
  private func svName(_ i: Int) -> String { "\(nodes[i].layer.swedishName) ”\(nodes[i].label)”" }

  /// `”from” → ”to”` of a link, by the nodes' labels (ids when unknown).
  private func svLink(_ link: Link, _ index: [String: Int]) -> String {
    let label = { (id: String) in index[id].map { nodes[$0].label } ?? id }
    return "”\(label(link.from))” → ”\(label(link.to))”"
  }

  /// The position of each node id; a duplicate keeps its first occurrence
  /// and is an error.
  private func nodeIndex(_ out: inout [Finding]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (i, n) in nodes.enumerated() {
      if index[n.id] != nil {
        out.append(
          Finding(.error, code: "effektlogik.duplicate-node", "node id '\(n.id)' is used twice",
            swedish: "samma id används för två steg (”\(n.label)”)", hint: "give every node its own id", nodes: [n.id]))
      } else {
        index[n.id] = i
      }
    }
    return index
  }

  /// The graph of the links, checking each: its endpoints exist, it has a
  /// rationale, it is not given twice, and it follows the layer order.
  private func linkGraph(_ index: [String: Int], _ out: inout [Finding]) -> LinkGraph {
    var graph = LinkGraph(
      successors: [[Int]](repeating: [], count: nodes.count), predecessors: [[Int]](repeating: [], count: nodes.count))
    var seenLinks = Set<[Int]>()
    for (li, link) in links.enumerated() {
      let a = index[link.from]
      let b = index[link.to]
      for (end, id) in [(a, link.from), (b, link.to)] where end == nil {
        let known = NameResolver(entries: nodes.map { ($0.id, $0.id) }, noun: "node").suggestions(for: id)
        out.append(
          Finding(
            .error, code: "effektlogik.unknown-node", "link \(link.from) → \(link.to) names node '\(id)', which does not exist",
            swedish: "pilen \(svLink(link, index)) pekar på ett steg som inte finns",
            hint: known.isEmpty ? "add the node or correct the id" : "did you mean \(known.joined(separator: " or "))?",
            nodes: [id], link: li))
      }
      if link.rationale?.trimmingWhitespace().isEmpty ?? true {
        out.append(
          Finding(
            .warning, code: "effektlogik.missing-rationale", "link \(link.from) → \(link.to) has no rationale",
            swedish: "pilen \(svLink(link, index)) saknar motivering",
            hint: "say why the one leads to the other (\"rationale\")", nodes: [link.from, link.to], link: li))
      }
      guard let a, let b else { continue }
      if !seenLinks.insert([a, b]).inserted {
        out.append(
          Finding(
            .warning, code: "effektlogik.duplicate-link", "link \(link.from) → \(link.to) is given twice",
            swedish: "pilen \(svLink(link, index)) finns två gånger",
            hint: "keep one and merge their rationales", nodes: [link.from, link.to], link: li))
        continue
      }
      graph.successors[a].append(b)
      graph.predecessors[b].append(a)
      if let f = layerOrderFinding(link, li, from: a, to: b, index) { out.append(f) }
    }
    return graph
  }

  /// A link against the layer order (error), within one layer (warning)
  /// or skipping a layer (note); `nil` for a self-link (a cycle) or a link
  /// to the next layer.
  private func layerOrderFinding(_ link: Link, _ li: Int, from a: Int, to b: Int, _ index: [String: Int]) -> Finding? {
    let ra = nodes[a].layer.rank
    let rb = nodes[b].layer.rank
    if a == b {
      return nil  // reported as a cycle
    } else if rb < ra {
      return Finding(
        .error, code: "effektlogik.backward-link",
        "link \(link.from) → \(link.to) goes against the layer order (\(nodes[a].layer.swedishName) → \(nodes[b].layer.swedishName))",
        swedish:
          "pilen \(svLink(link, index)) går bakåt i kedjan (\(nodes[a].layer.swedishName) → \(nodes[b].layer.swedishName))",
        hint: "links go resurs → aktivitet → prestation → kortsiktig → medellång → långsiktig effekt → slutmål; reverse the link or change a node's kind",
        nodes: [link.from, link.to], link: li)
    } else if rb == ra {
      return Finding(
        .warning, code: "effektlogik.same-layer-link",
        "link \(link.from) → \(link.to) joins two nodes of the same layer (\(nodes[a].layer.swedishName))",
        swedish: "pilen \(svLink(link, index)) förbinder två steg på samma nivå (\(nodes[a].layer.swedishName))",
        hint: "if one leads to the other, the second belongs to a later layer", nodes: [link.from, link.to], link: li)
    } else if rb - ra > 1 {
      return Finding(
        .note, code: "effektlogik.layer-skipped",
        "link \(link.from) → \(link.to) skips from \(nodes[a].layer.swedishName) to \(nodes[b].layer.swedishName)",
        swedish:
          "pilen \(svLink(link, index)) hoppar från \(nodes[a].layer.swedishName) till \(nodes[b].layer.swedishName)",
        hint: "consider naming the intermediate steps", nodes: [link.from, link.to], link: li)
    }
    return nil
  }

  /// Cycles: strongly connected components of more than one node, and self-links.
  private func cycleFindings(_ graph: LinkGraph) -> [Finding] {
    var out: [Finding] = []
    for component in Self.stronglyConnectedComponents(graph.successors) {
      let isCycle = component.count > 1 || graph.successors[component[0]].contains(component[0])
      guard isCycle else { continue }
      let ids = component.sorted().map { nodes[$0].id }
      out.append(
        Finding(
          .error, code: "effektlogik.cycle",
          component.count == 1
            ? "node '\(ids[0])' links to itself" : "the nodes \(ids.joined(separator: ", ")) form a cycle",
          swedish: component.count == 1
            ? "\(svName(component[0])) pekar på sig självt"
            : "stegen \(component.sorted().map(svName).joined(separator: ", ")) bildar en cirkel",
          hint: "an effect logic runs one way, from resources to the goal; remove a link of the cycle", nodes: ids))
    }
    return out
  }

  /// The layers that must be present: a slutmål, an aktivitet, a resurs.
  private func layerFindings(goals: [Int]) -> [Finding] {
    var out: [Finding] = []
    if goals.isEmpty {
      out.append(
        Finding(
          .error, code: "effektlogik.no-goal", "the effect logic has no slutmål node",
          swedish: "effektlogiken saknar slutmål",
          hint: "add the goal (kind \"slutmål\"): more young people work or study after year 9, measured by UVAS"))
    }
    if !nodes.contains(where: { $0.layer == .aktivitet }) {
      out.append(
        Finding(
          .error, code: "effektlogik.no-activity", "the effect logic has no aktivitet node",
          swedish: "effektlogiken saknar aktiviteter", hint: "say what will be done"))
    }
    if !nodes.contains(where: { $0.layer == .resurs }) {
      out.append(
        Finding(
          .warning, code: "effektlogik.no-resource", "the effect logic has no resurs node",
          swedish: "effektlogiken anger inga resurser", hint: "say what money, staff or premises it uses"))
    }
    return out
  }

  /// Which nodes have a path to a slutmål (reverse breadth-first search
  /// from every slutmål).
  private func goalReachability(_ graph: LinkGraph, goals: [Int]) -> [Bool] {
    var reaches = [Bool](repeating: false, count: nodes.count)
    var queue = goals
    for g in goals { reaches[g] = true }
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for p in graph.predecessors[v] where !reaches[p] {
        reaches[p] = true
        queue.append(p)
      }
    }
    return reaches
  }

  /// Activities that miss the goal, nodes linked to nothing, dead ends and
  /// outputs or effects nothing leads to.
  private func reachabilityFindings(_ graph: LinkGraph, index: [String: Int], goals: [Int]) -> [Finding] {
    var out: [Finding] = []
    let reachesGoal = goalReachability(graph, goals: goals)
    for (i, n) in nodes.enumerated() where index[n.id] == i && n.layer != .slutmål {
      let isolated = graph.successors[i].isEmpty && graph.predecessors[i].isEmpty
      if n.layer == .aktivitet {
        if !reachesGoal[i] {
          out.append(
            Finding(
              .error, code: "effektlogik.activity-misses-goal",
              "\(name(i)) does not lead to the slutmål" + (isolated ? " (it has no links)" : ""),
              swedish: "\(svName(i)) leder inte till slutmålet" + (isolated ? " (den har inga pilar)" : ""),
              hint: "link it through outputs and effects to the slutmål, or remove it", nodes: [n.id]))
        }
      } else if isolated {
        out.append(
          Finding(
            .warning, code: "effektlogik.dangling-node", "\(name(i)) is not linked to anything",
            swedish: "\(svName(i)) är inte kopplad till något annat steg",
            hint: "link it into the chain or remove it", nodes: [n.id]))
      } else if !reachesGoal[i] && !goals.isEmpty {
        out.append(
          Finding(
            .warning, code: "effektlogik.dead-end", "\(name(i)) has no path to the slutmål",
            swedish: "\(svName(i)) har ingen väg vidare till slutmålet",
            hint: "link it onward towards the goal", nodes: [n.id]))
      }
      if n.layer.rank >= Layer.prestation.rank && graph.predecessors[i].isEmpty && !isolated {
        out.append(
          Finding(
            .warning, code: "effektlogik.unsupported-node", "nothing in the chain leads to \(name(i))",
            swedish: "inget steg i kedjan leder till \(svName(i))",
            hint: "link the activity or output that produces it", nodes: [n.id]))
      }
    }
    for g in goals where graph.predecessors[g].isEmpty {
      out.append(
        Finding(
          .warning, code: "effektlogik.dangling-node", "\(name(g)) is not linked to anything",
          swedish: "\(svName(g)) är inte kopplat till något annat steg",
          hint: "link the long-term effects to the goal", nodes: [nodes[g].id]))
    }
    return out
  }

  /// Effects and the goal without an indicator, target years before the
  /// baseline, and a goal not measured by the required indicator.
  private func indicatorFindings(index: [String: Int], goals: [Int], options: ValidationOptions) -> [Finding] {
    var out: [Finding] = []
    for (i, n) in nodes.enumerated() where index[n.id] == i && n.layer.isOutcome {
      if n.indicators.isEmpty {
        out.append(
          Finding(
            .error, code: "effektlogik.missing-indicator", "\(name(i)) has no indicator",
            swedish: "\(svName(i)) saknar indikator",
            hint: "add an indicator with baseline, target and year so the effect can be followed up", nodes: [n.id]))
      }
      for ind in n.indicators {
        if let by = ind.baselineYear, ind.year < by {
          out.append(
            Finding(
              .warning, code: "effektlogik.indicator-years",
              "indicator '\(ind.name)' of node '\(n.id)' has target year \(ind.year) before its baseline year \(by)",
              swedish: "indikatorn ”\(ind.name)” för ”\(n.label)” har målår \(ind.year) före utgångsåret \(by)",
              hint: "the target year comes after the baseline year", nodes: [n.id]))
        }
      }
    }
    if let wanted = options.goalIndicator, !goals.isEmpty,
      !goals.contains(where: { g in nodes[g].indicators.contains { $0.indicator == wanted } })
    {
      out.append(
        Finding(
          .error, code: "effektlogik.goal-indicator-missing",
          "the slutmål is not measured by the indicator '\(wanted)'",
          swedish: "slutmålet mäts inte med den indikator som reglerna kräver",
          hint: "add an indicator with \"indicator\": \"\(wanted)\" to the slutmål node", nodes: goals.map { nodes[$0].id }))
    }
    return out
  }

  /// The records DOMAIN §6 asks for: external factors, assumptions, and
  /// enough distinct responsible actors.
  private func recordFindings(_ options: ValidationOptions) -> [Finding] {
    var out: [Finding] = []
    if options.requireExternalFactors && externalFactors.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
      out.append(
        Finding(
          .warning, code: "effektlogik.no-external-factors", "no external factors are recorded",
          swedish: "inga yttre faktorer är angivna",
          hint: "list what outside the insats's control the effects depend on (\"externalFactors\")"))
    }
    if options.requireAssumptions && !links.isEmpty && links.allSatisfy({ $0.assumptions.isEmpty }) {
      out.append(
        Finding(
          .warning, code: "effektlogik.no-assumptions", "no link records an assumption",
          swedish: "ingen pil anger något antagande",
          hint: "write down what must hold for each step to work (\"assumptions\")"))
    }
    if options.minimumOwners > 0 {
      var owners: [String] = []
      for n in nodes { if let r = n.responsible, !owners.contains(r) { owners.append(r) } }
      if owners.count < options.minimumOwners {
        out.append(
          Finding(
            .warning, code: "effektlogik.single-owner",
            "\(owners.count) actor(s) are responsible for nodes, fewer than \(options.minimumOwners)"
              + (owners.isEmpty ? "" : " (\(owners.joined(separator: ", ")))"),
            swedish: owners.count == 1
              ? "bara en aktör är ansvarig för stegen; minst \(options.minimumOwners) behövs"
              : "\(owners.count) aktörer är ansvariga för stegen; minst \(options.minimumOwners) behövs",
            hint: "name the responsible actor (\"responsible\") of the activities and outputs each actor carries out"))
      }
    }
    return out
  }

  /// Whether ``validate(options:)`` finds no error.
  ///
  /// - Parameter options: The optional checks.
  package func isValid(options: ValidationOptions = ValidationOptions()) -> Bool {
    !validate(options: options).contains { $0.severity == .error }
  }

  /// Tarjan's strongly connected components, iteratively (no recursion, so
  /// a long chain cannot overflow the stack).
  static func stronglyConnectedComponents(_ successors: [[Int]]) -> [[Int]] {
    let n = successors.count
    var indexOf = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var stack: [Int] = []
    var components: [[Int]] = []
    var counter = 0
    for root in 0..<n where indexOf[root] < 0 {
      var work: [(v: Int, next: Int)] = [(root, 0)]
      indexOf[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let top = work.last {
        let v = top.v
        if top.next < successors[v].count {
          let w = successors[v][top.next]
          work[work.count - 1].next += 1
          if indexOf[w] < 0 {
            indexOf[w] = counter
            low[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            work.append((w, 0))
          } else if onStack[w] {
            low[v] = min(low[v], indexOf[w])
          }
        } else {
          work.removeLast()
          if let parent = work.last { low[parent.v] = min(low[parent.v], low[v]) }
          if low[v] == indexOf[v] {
            var component: [Int] = []
            while true {
              let w = stack.removeLast()
              onStack[w] = false
              component.append(w)
              if w == v { break }
            }
            components.append(component)
          }
        }
      }
    }
    return components
  }
}
