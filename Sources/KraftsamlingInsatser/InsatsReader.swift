import KraftsamlingCore

/// Reads a file of insatser (the format of ``InsatsFile``) and reports
/// *every* problem with its JSON path, line and column, instead of stopping
/// at the first as `JSONDecoder` does.
///
/// Actors may be written by id or name (`"GRF"` or
/// `"Grundskoleförvaltningen"`) and delområden by code or name (`"25611"` or
/// `"Holma"`); they are resolved against the catalogue and the area
/// hierarchy and stored as ids and codes. An unknown name is an error with
/// the nearest names as a hint ("did you mean Hermodsdal?").
///
/// Errors (the file is rejected with a ``DataError`` listing all of them):
/// a missing required field, a value of the wrong type, an unknown actor,
/// area, role, status or node kind, a negative or fractional amount, a
/// period that ends before it starts, a duplicate insats or node id, a link
/// to a node that does not exist, a decision log that does not follow the
/// process or does not end in the insats's status.
///
/// Warnings (returned beside the file): unknown fields, a budget year
/// outside the period, a budget line of an actor that does not take part,
/// resource amounts that do not add up to the budget.
///
/// The quality of the effect logic (cycles, missing indicators, activities
/// that do not reach the goal…) is *not* a file error: it is judged by
/// ``Effektlogikkedja/validate(options:)`` and the ``EffectLogicRule``.
///
/// ```swift
/// let reader = InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy)
/// let (file, warnings) = try reader.read(path: "insatser.json")
/// // or, for a broken file, a DataError whose diagnostics read like
/// // insatser.json:14:16 (field insatser[0].owner): unknown actor 'Grundskolförvaltningen' (hint: did you mean Grundskoleförvaltningen?)
/// ```
///
/// - Complexity: O(size of the file), plus O(*k*²) per unknown name for
///   suggestions.
public struct InsatsReader: Sendable {
  /// The actors names are resolved against.
  package var catalogue: AktörKatalog
  /// The delområden names are resolved against; `nil` accepts any code.
  package var areas: AreaHierarchy?
  /// Caps on the input: a file larger than ``InputLimits/maximumBytes``
  /// is refused with `limit.maximumBytes` before it is read.
  package var limits: InputLimits

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - catalogue: The municipality's actors.
  ///   - areas: The area hierarchy with the delområden, or `nil` to accept
  ///     any area code unchecked.
  ///   - limits: Caps on the input (default ``InputLimits/standard``).
  public init(catalogue: AktörKatalog, areas: AreaHierarchy? = nil, limits: InputLimits = .standard) {
    self.catalogue = catalogue
    self.areas = areas
    self.limits = limits
  }

  /// Reads a file (`-` for standard input).
  ///
  /// - Parameter path: The path.
  /// - Returns: The file and the warnings.
  /// - Throws: ``DataError`` `.unreadable` for a missing file, `.invalid`
  ///   with every error (and the warnings) for a bad one.
  public func read(path: String) throws(DataError) -> (file: InsatsFile, diagnostics: [Diagnostic]) {
    try parse(FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes), file: FileInput.displayName(path))
  }

  /// Reads JSON text.
  ///
  /// - Parameters:
  ///   - text: The JSON text.
  ///   - file: The name used in locations.
  /// - Returns: The file and the warnings.
  /// - Throws: ``DataError`` `.invalid` with every problem.
  public func parse(_ text: String, file: String? = nil) throws(DataError) -> (file: InsatsFile, diagnostics: [Diagnostic]) {
    try parse(Array(text.utf8), file: file)
  }

  /// Reads JSON bytes (UTF-8).
  ///
  /// - Parameters:
  ///   - bytes: The JSON bytes.
  ///   - file: The name used in locations.
  /// - Returns: The file and the warnings.
  /// - Throws: ``DataError`` `.invalid` with every problem.
  package func parse(_ bytes: [UInt8], file: String? = nil) throws(DataError) -> (file: InsatsFile, diagnostics: [Diagnostic]) {
    try limits.checkBytes(bytes.count, file: file)
    let root = try JSONParser.parse(bytes, file: file)
    var r = JSONFieldReader(file: file)
    var result = InsatsFile(insatser: [])
    let list: [JSONNode]
    if let array = root.arrayValue {
      list = array
    } else if let top = r.object(root, known: ["format", "version", "example", "note", "insatser"], what: "an insats file") {
      if let f = r.string(top, "format", required: false), f != InsatsFile.formatName, let node = top["format"] {
        r.error("insats.format", "the format is '\(f)', not '\(InsatsFile.formatName)'", at: node, hint: "is this an insats file?")
      }
      if let v = r.int(top, "version", required: false), v > InsatsFile.currentVersion, let node = top["version"] {
        r.error(
          "insats.version", "format version \(v) is newer than this reader (\(InsatsFile.currentVersion))", at: node,
          hint: "update KraftsamlingKit")
      }
      result.example = r.bool(top, "example", required: false) ?? false
      result.note = r.string(top, "note", required: false)
      list = r.array(top, "insatser") ?? []
    } else {
      list = []
    }
    var seenIDs: [String: JSONNode] = [:]
    for node in list {
      guard let insats = readInsats(node, &r) else { continue }
      if let first = seenIDs[insats.id], let idNode = node["id"] {
        r.error(
          "insats.duplicate-id", "the insats id \(insats.id) is used twice (first at line \(first.line))", at: idNode,
          hint: "give every insats its own id")
      } else if let idNode = node["id"] {
        seenIDs[insats.id] = idNode
      }
      result.insatser.append(insats)
    }
    let diagnostics = r.diagnostics.errors + r.diagnostics.warnings + r.diagnostics.filter { $0.severity == .note }
    if r.hasErrors { throw DataError(.invalid, diagnostics: diagnostics) }
    return (result, diagnostics)
  }

  static let insatsFields = [
    "id", "title", "description", "owner", "participants", "areas", "themes", "targetGroup", "period", "budget",
    "classification", "programmes", "effektlogik", "status", "decisions", "localKnowledge",
  ]

  /// Reads one insats; returns `nil` when a required part is unusable
  /// (the problems are in `r`).
  func readInsats(_ node: JSONNode, _ r: inout JSONFieldReader) -> Insats? {
    guard let o = r.object(node, known: Self.insatsFields, what: "an insats") else { return nil }
    let errorsBefore = r.diagnostics.errors.count
    let id = r.string(o, "id")
    let title = r.string(o, "title")
    let description = r.string(o, "description", required: false, allowEmpty: true) ?? ""
    let owner = actor(o, "owner", &r)
    let participants = readParticipants(o, &r)
    let (areaCodes, themes) = readTargets(o, &r)
    let targetGroup = readTargetGroup(o, &r)
    let period = readPeriod(o, &r)
    let budget = readBudget(o, owner: owner, participants: participants, period: period, &r)
    let classification = readClassification(o, &r)
    let programmes = (r.strings(o, "programmes") ?? []).map { Insats.Programme(rawValue: $0) }
    var effektlogik = Effektlogikkedja()
    if let en = r.member(o, "effektlogik", required: true) { effektlogik = readChain(en, &r) }
    let status = r.choice(o, "status", required: false, JSONFieldReader.options(Beslutsstatus.self), noun: "status") ?? .utkast
    var decisions: [Beslut] = []
    var decisionNodes: [JSONNode] = []
    for d in r.array(o, "decisions", required: false) ?? [] {
      if let b = readDecision(d, &r) {
        decisions.append(b)
        decisionNodes.append(d)
      }
    }
    let localKnowledge = r.string(o, "localKnowledge", required: false, allowEmpty: true)

    guard r.diagnostics.errors.count == errorsBefore, let id, let title, let owner, let period, let classification else {
      return nil
    }
    let insats = Insats(
      id: id, title: title, description: description, owner: owner, participants: participants, areas: areaCodes,
      themes: themes, targetGroup: targetGroup, period: period, budget: budget, classification: classification,
      programmes: programmes, effektlogik: effektlogik, status: status, decisions: decisions, localKnowledge: localKnowledge)
    checkConsistency(of: insats, o, decisionNodes: decisionNodes, &r)
    return insats
  }

  /// The participants: an actor each, medgenomförare unless a role is given.
  private func readParticipants(_ o: JSONNode, _ r: inout JSONFieldReader) -> [Insats.Participant] {
    var participants: [Insats.Participant] = []
    for p in r.array(o, "participants", required: false) ?? [] {
      guard let po = r.object(p, known: ["actor", "role"], what: "a participant") else { continue }
      let a = actor(po, "actor", &r)
      let role = r.choice(po, "role", required: false, JSONFieldReader.options(Insats.Role.self), noun: "role") ?? .medgenomförare
      if let a { participants.append(.init(actor: a, role: role)) }
    }
    return participants
  }

  /// The delområden (codes, resolved against the known areas when given)
  /// and the themes; an insats must name at least one of them.
  private func readTargets(_ o: JSONNode, _ r: inout JSONFieldReader) -> (areas: [String], themes: [String]) {
    var areaCodes: [String] = []
    for a in r.array(o, "areas", required: false) ?? [] {
      guard let text = a.scalarText, a.stringValue != nil || a.int64Value != nil else {
        r.typeError(a, expected: "a delområde code or name")
        continue
      }
      if let areas {
        do {
          areaCodes.append(try areas.resolve(text, level: .delområde, at: r.location(a)).code)
        } catch {
          r.diagnostics += error.diagnostics
        }
      } else {
        areaCodes.append(text)
      }
    }
    let themes = r.strings(o, "themes") ?? []
    if areaCodes.isEmpty && themes.isEmpty && o["areas"]?.arrayValue?.isEmpty != false && o["themes"]?.arrayValue?.isEmpty != false {
      r.error(
        "insats.no-target", "the insats names neither a delområde nor a theme", at: o, field: JSONFieldReader.path(o, "areas"),
        hint: "add \"areas\" (delområde codes or names) and/or \"themes\"")
    }
    return (areaCodes, themes)
  }

  /// The optional target group: an age band that does not end before it
  /// starts, and a description.
  private func readTargetGroup(_ o: JSONNode, _ r: inout JSONFieldReader) -> Insats.TargetGroup? {
    guard let tg = r.member(o, "targetGroup", required: false),
      let t = r.object(tg, known: ["ages", "description"], what: "a target group"),
      let agesNode = r.member(t, "ages", required: true),
      let ages = r.object(agesNode, known: ["from", "to"], what: "an age band")
    else { return nil }
    let from = r.int(ages, "from", range: 0...120)
    let to = r.int(ages, "to", required: false, range: 0...120)
    guard let from else { return nil }
    if let to, to < from {
      r.error("insats.age-band", "the age band \(from)–\(to) ends before it starts", at: ages, hint: "write \"from\" ≤ \"to\"")
      return nil
    }
    return .init(ages: AgeBand(from: from, to: to), description: r.string(t, "description", required: false))
  }

  /// The period in years, not ending before it starts.
  private func readPeriod(_ o: JSONNode, _ r: inout JSONFieldReader) -> Insats.Period? {
    guard let pn = r.member(o, "period", required: true), let p = r.object(pn, known: ["from", "to"], what: "a period"),
      let from = r.int(p, "from", range: 1900...2200), let to = r.int(p, "to", range: 1900...2200)
    else { return nil }
    if to < from {
      r.error("insats.period", "the period \(from)–\(to) ends before it starts", at: pn, hint: "write \"from\" ≤ \"to\" (years)")
      return nil
    }
    return .init(from: from, to: to)
  }

  /// The budget lines; a warning for a year outside the period and for an
  /// actor that is neither owner nor participant.
  private func readBudget(
    _ o: JSONNode, owner: String?, participants: [Insats.Participant], period: Insats.Period?, _ r: inout JSONFieldReader
  ) -> [Insats.BudgetLine] {
    var budget: [Insats.BudgetLine] = []
    for b in r.array(o, "budget") ?? [] {
      guard let bo = r.object(b, known: ["actor", "year", "amount", "source"], what: "a budget line") else { continue }
      let a = actor(bo, "actor", &r)
      let year = r.int(bo, "year", range: 1900...2200)
      let amount = r.amount(bo, "amount")
      let source = r.choice(bo, "source", required: false, JSONFieldReader.options(Insats.Finansiering.self), noun: "source") ?? .sökta
      guard let a, let year, let amount else { continue }
      if let period, !period.years.contains(year), let yn = bo["year"] {
        r.warning("insats.budget-year", "budget year \(year) is outside the period \(period)", at: yn, hint: "check the year or the period")
      }
      if let owner, a != owner, !participants.contains(where: { $0.actor == a }), let an = bo["actor"] {
        r.warning(
          "insats.budget-actor", "\(catalogue.aktör(id: a)?.name ?? a) has a budget line but is neither owner nor participant",
          at: an, hint: "add it to \"participants\"")
      }
      budget.append(.init(actor: a, year: year, amount: amount, source: source))
    }
    return budget
  }

  /// The classification: a non-empty focus and a reach.
  private func readClassification(_ o: JSONNode, _ r: inout JSONFieldReader) -> Insats.Classification? {
    guard let cn = r.member(o, "classification", required: true),
      let c = r.object(cn, known: ["focus", "reach"], what: "a classification")
    else { return nil }
    var focus: [Insats.Inriktning] = []
    if let list = r.array(c, "focus") {
      for f in list {
        if let v = r.choiceValue(f, JSONFieldReader.options(Insats.Inriktning.self), noun: "focus") { focus.append(v) }
      }
      if list.isEmpty, let fn = c["focus"] {
        r.error("insats.no-focus", "the focus is empty", at: fn, hint: "one or more of förebyggande, främjande, åtgärdande")
      }
    }
    let reach = r.choice(c, "reach", JSONFieldReader.options(Insats.Verkan.self), noun: "reach")
    return reach.map { .init(focus: focus, reach: $0) }
  }

  /// Problems of the insats as a whole: its decision log, and resources of
  /// the effect logic that do not add up to the budget.
  private func checkConsistency(of insats: Insats, _ o: JSONNode, decisionNodes: [JSONNode], _ r: inout JSONFieldReader) {
    for (index, problem) in Beslutsprocess.logProblems(of: insats) {
      let at = index.map { decisionNodes[$0] } ?? (o["status"] ?? o)
      r.error(DiagnosticCode(rawValue: problem.code.rawValue), problem.message, at: at, hint: problem.hint)
    }
    if let resources = try? insats.effektlogik.resourceTotal(), let total = try? insats.totalBudget(), resources != total,
      let en = o["effektlogik"]
    {
      r.warning(
        "insats.resources-budget", "the resource nodes add up to \(resources) but the budget to \(total)", at: en,
        hint: "make the resources of the effect logic match the budget")
    }
  }

  /// Resolves an actor field (id or name).
  func actor(_ obj: JSONNode, _ key: String, _ r: inout JSONFieldReader) -> String? {
    guard let v = r.member(obj, key, required: true), let text = r.stringValue(v) else { return nil }
    do {
      return try catalogue.resolve(text, at: r.location(v)).id
    } catch {
      r.diagnostics += error.diagnostics
      return nil
    }
  }

  func readChain(_ node: JSONNode, _ r: inout JSONFieldReader) -> Effektlogikkedja {
    var chain = Effektlogikkedja()
    guard let o = r.object(node, known: ["nodes", "links", "externalFactors"], what: "an effect logic") else { return chain }
    var nodeLines: [String: Int] = [:]
    for n in r.array(o, "nodes") ?? [] {
      guard let no = r.object(n, known: ["id", "kind", "label", "responsible", "indicators", "amount"], what: "an effect-logic node")
      else { continue }
      let id = r.string(no, "id")
      let layer = r.choice(no, "kind", JSONFieldReader.options(Effektlogikkedja.Layer.self), noun: "node kind")
      let label = r.string(no, "label")
      let responsible = no["responsible"].flatMap { $0.isNull ? nil : $0 } != nil ? actor(no, "responsible", &r) : nil
      let amount = r.amount(no, "amount", required: false)
      var indicators: [Effektlogikkedja.OutcomeIndicator] = []
      for i in r.array(no, "indicators", required: false) ?? [] {
        guard
          let io = r.object(
            i, known: ["name", "indicator", "baseline", "baselineYear", "target", "year", "unit"], what: "an indicator")
        else { continue }
        let name = r.string(io, "name")
        let ref = r.string(io, "indicator", required: false)
        let baseline = r.number(io, "baseline")
        let baselineYear = r.int(io, "baselineYear", required: false, range: 1900...2200)
        let target = r.number(io, "target")
        let year = r.int(io, "year", range: 1900...2200)
        let unit = r.string(io, "unit", required: false)
        if let name, let baseline, let target, let year {
          indicators.append(
            .init(name: name, indicator: ref, baseline: baseline, baselineYear: baselineYear, target: target, year: year, unit: unit))
        }
      }
      if let layer, amount != nil, layer != .resurs, let an = no["amount"] {
        r.warning("insats.node-amount", "only resource nodes carry an amount", at: an, hint: "move the amount to a resource node")
      }
      guard let id, let layer, let label else { continue }
      if let line = nodeLines[id], let idn = no["id"] {
        r.error("insats.duplicate-node", "node id '\(id)' is used twice (first at line \(line))", at: idn, hint: "give every node its own id")
        continue
      }
      nodeLines[id] = n.line
      chain.nodes.append(.init(id: id, layer: layer, label: label, responsible: responsible, indicators: indicators, amount: amount))
    }
    let nodeResolver = NameResolver(entries: chain.nodes.map { ($0.id, $0.id) }, noun: "node")
    for l in r.array(o, "links", required: false) ?? [] {
      guard let lo = r.object(l, known: ["from", "to", "rationale", "assumptions"], what: "an effect-logic link") else { continue }
      let from = r.string(lo, "from")
      let to = r.string(lo, "to")
      for (key, value) in [("from", from), ("to", to)] {
        guard let value, nodeLines[value] == nil, let vn = lo[key] else { continue }
        let s = nodeResolver.suggestions(for: value)
        r.error(
          "insats.unknown-node", "the link names node '\(value)', which does not exist", at: vn,
          hint: s.isEmpty ? "known nodes: \(chain.nodes.map(\.id).joined(separator: ", "))" : "did you mean \(s.joined(separator: " or "))?")
      }
      let rationale = r.string(lo, "rationale", required: false, allowEmpty: true)
      let assumptions = r.strings(lo, "assumptions") ?? []
      if let from, let to { chain.links.append(.init(from: from, to: to, rationale: rationale, assumptions: assumptions)) }
    }
    chain.externalFactors = r.strings(o, "externalFactors") ?? []
    return chain
  }

  func readDecision(_ node: JSONNode, _ r: inout JSONFieldReader) -> Beslut? {
    guard
      let o = r.object(
        node, known: ["from", "to", "body", "representative", "date", "reason", "reference", "override"], what: "a decision")
    else { return nil }
    let from = r.choice(o, "from", JSONFieldReader.options(Beslutsstatus.self), noun: "status")
    let to = r.choice(o, "to", JSONFieldReader.options(Beslutsstatus.self), noun: "status")
    let body = r.choice(o, "body", JSONFieldReader.options(Beslutsorgan.self), noun: "body")
    var representative: Representant? = nil
    if let rn = r.member(o, "representative", required: false),
      let ro = r.object(rn, known: ["name", "actor", "title", "mandate"], what: "a representative")
    {
      let name = r.string(ro, "name")
      let a = actor(ro, "actor", &r)
      let title = r.string(ro, "title", required: false)
      let mandate = r.bool(ro, "mandate", required: false) ?? false
      if let name, let a { representative = Representant(name: name, actor: a, title: title, hasMandate: mandate) }
    }
    var date: CalendarDate? = nil
    if let dn = r.member(o, "date", required: true), let text = r.stringValue(dn) {
      date = CalendarDate(text)
      if date == nil { r.error("insats.date", "'\(text)' is not a date", at: dn, hint: "write YYYY-MM-DD, e.g. 2025-08-20") }
    }
    let reason = r.string(o, "reason")
    let reference = r.string(o, "reference", required: false)
    var override: Avsteg? = nil
    if let on = r.member(o, "override", required: false), let oo = r.object(on, known: ["reason", "failedRules"], what: "an override") {
      if let reason = r.string(oo, "reason") { override = Avsteg(reason: reason, failedRules: r.strings(oo, "failedRules") ?? []) }
    }
    guard let from, let to, let body, let date, let reason else { return nil }
    return Beslut(
      from: from, to: to, body: body, representative: representative, date: date, reason: reason, reference: reference,
      override: override)
  }
}
