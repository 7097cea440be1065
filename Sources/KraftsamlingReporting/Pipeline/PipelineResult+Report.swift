import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// Building the report of a pipeline run.
extension PipelineResult {
  /// The report, its figures, tables and JSON, in the configured language.
  ///
  /// Every figure carries its data source and, for illustrative data, the
  /// illustrative label; the "Method" section lists every choice (index
  /// definition and version, seed, permutations, rules, model) so the
  /// report can be reproduced.
  ///
  /// - Throws: A stage error if a figure cannot be drawn.
  public func artifacts() throws -> PipelineArtifacts {
    var b = ReportBuilder(result: self)
    try b.build()
    return PipelineArtifacts(document: b.document, figures: b.figures, tables: b.tables, json: b.json)
  }
}

/// Assembles the report section by section.
struct ReportBuilder {
  let r: PipelineResult
  let c: PipelineConfiguration
  let L: ReportLanguage
  var document: ReportDocument
  var figures: [PipelineArtifacts.Figure] = []
  var tables: [PipelineArtifacts.Table] = []
  var json: [(fileName: String, text: String)] = []
  var names: [String: String] = [:]

  init(result: PipelineResult) {
    r = result
    c = result.configuration
    L = c.language
    document = ReportDocument(
      title: Self.title(of: c),
      subtitle: Self.subtitle(result, L),
      language: L, notice: c.isIllustrative ? c.illustrativeLabel : nil)
    for row in result.index.rows { names[row.code] = row.name }
  }

  /// "Underlag: …" naming the parts the report has, e.g. without
  /// insatser "Underlag: utsatthetsindex och urval".
  static func subtitle(_ r: PipelineResult, _ L: ReportLanguage) -> String {
    var parts = [L.pick("utsatthetsindex", "vulnerability index"), L.pick("urval", "selection")]
    if !r.configuration.insatser.isEmpty { parts.append(L.pick("stödberättigande", "eligibility")) }
    if r.fördelning != nil { parts.append(L.pick("fördelning", "allocation")) }
    if r.uppföljning != nil { parts.append(L.pick("uppföljning", "follow-up")) }
    if !r.sammanställningar.isEmpty { parts.append(L.pick("remissvar", "consultation")) }
    let list = parts.dropLast().joined(separator: ", ") + L.pick(" och ", " and ") + parts[parts.count - 1]
    return L.pick("Underlag: ", "Evidence: ") + list
  }

  /// The source line under a figure or table.
  var sourceLine: String {
    var parts = [L.pick("Källa: ", "Source: ") + c.statisticsSource]
    if let g = c.geometryCredit { parts.append(g) }
    if c.isIllustrative { parts.append(c.illustrativeLabel) }
    return parts.joined(separator: ". ") + "."
  }

  mutating func figure(_ fileName: String, _ svg: String, caption: String) -> ReportBlock {
    figures.append(PipelineArtifacts.Figure(fileName: fileName, svg: svg, caption: caption))
    return .figure(svg: svg, caption: caption, source: sourceLine, fileName: fileName)
  }

  /// A table shown in the document, in the report's language, whose data
  /// is written as `fileName` with the owning stage's table definition
  /// (the same file as the `kraftctl` command that computes it writes).
  mutating func table(_ fileName: String, _ shown: ReportTable, caption: String, data: ReportTable) -> ReportBlock {
    tables.append(PipelineArtifacts.Table(fileName: fileName, table: data))
    return .table(shown, caption: caption)
  }

  func number(_ v: Double?, _ places: Int = 2) -> String { v.map { L.number($0, places: places) } ?? ".." }

  mutating func build() throws {
    document.sections.append(summary())
    document.sections.append(data())
    document.sections.append(try index())
    if let audit = auditSection() { document.sections.append(audit) }
    if let overTime = try overTimeSection() { document.sections.append(overTime) }
    if let rob = r.robustness { document.sections.append(robustness(rob)) }
    if let weights = weightSection() { document.sections.append(weights) }
    if r.contiguity != nil { document.sections.append(try geography()) }
    if !c.insatser.isEmpty { document.sections.append(eligibility()) }
    if let f = r.fördelning { document.sections.append(try allocation(f)) }
    if let u = r.uppföljning { document.sections.append(followUp(u.disclosed(by: c.disclosure))) }
    if let evaluation = evaluationSection() { document.sections.append(evaluation) }
    if !r.sammanställningar.isEmpty { document.sections.append(consultation()) }
    document.sections.append(method())
    json.append(("json/index.json", try JSONCoding.encodeString(r.index)))
    if let f = r.fördelning { json.append(("json/fordelning.json", try JSONCoding.encodeString(f))) }
    json.append(("json/stodberattigande.json", try JSONCoding.encodeString(r.verdicts)))
  }

  // MARK: Sections

  func summary() -> ReportSection {
    var items: [String] = []
    items.append(
      L.pick(
        "\(L.integer(r.index.rankedCount)) områden rangordnade med \(r.index.definition.title), version \(r.index.definition.version); \(L.integer(r.index.excluded.count)) kunde inte rangordnas (för få invånare eller saknade värden).",
        "\(L.integer(r.index.rankedCount)) areas ranked by \(r.index.definition.title), version \(r.index.definition.version); \(L.integer(r.index.excluded.count)) could not be ranked (too few residents or missing values)."))
    items.append(selectionHeading + r.selection.map(\.name).joined(separator: ", ") + ".")
    if let clusters = r.clusters {
      items.append(
        L.pick(
          "Urvalet bildar \(clusters.clusters.count) sammanhängande kluster av områden som gränsar till varandra.",
          "The selection forms \(clusters.clusters.count) clusters of areas that border each other."))
    }
    if let g = r.hotSpots?.global {
      let clustered = (g.pValue ?? 1) < c.alpha && g.statistic > 0
      items.append(
        clustered
          ? L.pick(
            "Indexet är rumsligt klustrat: globalt Morans I = \(number(g.statistic, 3)) (pseudo-p = \(number(g.pValue, 3))).",
            "The index is spatially clustered: global Moran's I = \(number(g.statistic, 3)) (pseudo p = \(number(g.pValue, 3))).")
          : L.pick(
            "Indexet visar ingen säker rumslig klustring: globalt Morans I = \(number(g.statistic, 3)) (pseudo-p = \(number(g.pValue, 3))).",
            "The index shows no clear spatial clustering: global Moran's I = \(number(g.statistic, 3)) (pseudo p = \(number(g.pValue, 3)))."))
    }
    if !r.verdicts.isEmpty {
      let eligible = r.verdicts.filter(\.isEligible).count
      items.append(
        L.pick(
          "\(eligible) av \(r.verdicts.count) insatser uppfyller kriterierna för stöd.",
          "\(eligible) of \(r.verdicts.count) insatser meet the criteria for funding."))
    }
    if let f = r.fördelning {
      items.append(
        L.pick(
          "Fördelning (\(L.modelName(f.model))): \(L.money(f.distributed)) av \(L.money(f.budget)) fördelade, \(L.money(f.undistributed)) kvar.",
          "Allocation (\(L.modelName(f.model))): \(L.money(f.distributed)) of \(L.money(f.budget)) distributed, \(L.money(f.undistributed)) left."))
    }
    if let u = r.uppföljning { items.append(u.status(language: L)) }
    for s in r.sammanställningar { items.append(s.headline(language: L)) }
    items += c.omissionNotes
    return ReportSection(id: "sammanfattning", title: L.pick("Sammanfattning", "Summary"), blocks: [.bullets(items)])
  }

  mutating func data() -> ReportSection {
    var blocks: [ReportBlock] = []
    let errors = r.dataCheck.errorCount
    let warnings = r.dataCheck.warningCount
    blocks.append(
      .paragraph(
        L.pick(
          "Statistiken omfattar \(L.integer(c.statistics.count)) områden. Datakontrollen fann \(L.integer(errors)) fel och \(L.integer(warnings)) varningar (t.ex. nämnare som är 0 i områden utan invånare).",
          "The statistics cover \(c.statistics.count) areas. The data check found \(errors) errors and \(warnings) warnings (e.g. denominators of 0 in areas without residents).")))
    var t = ReportTable(
      columns: [L.pick("Indikator", "Indicator"), municipalityColumn, L.pick("Områden med data", "Areas with data")],
      alignments: [.left, .right, .right])
    let indicators = c.definition.indicators.map(\.indicator)
    for total in c.statistics.totals(of: indicators) {
      t.append([
        total.indicator.name, total.rate.map { L.percent($0) } ?? "..", L.integer(total.areas),
      ])
    }
    blocks.append(
      table(
        "tabeller/indikatorer.csv", t, caption: L.pick("Indikatorerna för hela kommunen", "The indicators for the whole municipality"),
        data: c.statistics.indicatorTable(indicators, numbers: .exact)))
    if errors > 0 {
      blocks.append(.bullets(r.validation.errors.prefix(20).map(\.description)))
    }
    return ReportSection(id: "data", title: L.pick("Data och datakontroll", "Data and data check"), blocks: blocks)
  }

  mutating func index() throws -> ReportSection {
    var blocks: [ReportBlock] = []
    let d = r.index.definition
    blocks.append(
      .paragraph(
        L.pick(
          "Indexet \(d.title) (version \(d.version)) kombinerar \(d.indicators.count) indikatorer: varje indikator görs jämförbar med \(L.normalizationName(of: d)) och indikatorerna vägs samman med \(L.aggregationName(d.aggregation.specification.method)). Rang 1 = mest utsatt; lika värden delar rang. \(selectionSentence)",
          "The index \(d.title) (version \(d.version)) combines \(d.indicators.count) indicators: each indicator is made comparable by \(L.normalizationName(of: d)) and the indicators are combined by \(L.aggregationName(d.aggregation.specification.method)). Rank 1 = most vulnerable; ties share a rank. \(selectionSentence)")))
    // Map of the score with the selection's clusters outlined.
    if let layer = c.layer {
      var map = try AreaMap.choropleth(
        of: r.index, layer: layer, title: L.pick("Utsatthetsindex per område", "Vulnerability index by area"),
        credits: credits)
      map.legendTitle = L.pick("Indexvärde (kvintiler)", "Index score (quintiles)")
      map.labels = r.selection.map(\.code)
      if let clusters = r.clusters {
        map.outlines = clusters.clusters.map(\.codes)
        map.outlineLabel = L.pick("Kluster (numrerade)", "Clusters (numbered)")
      }
      map.missingLabel = L.pick("Ej rangordnat", "Not ranked")
      if L == .en { map.translateToEnglish() }
      blocks.append(
        figure(
          "figurer/karta-index.svg", map.svg(),
          caption: L.pick("Karta 1. Utsatthetsindex; urvalets kluster inringade.", "Map 1. Vulnerability index; the selection's clusters outlined.")))
    }
    // Top table.
    var columns = [L.pick("Rang", "Rank"), L.pick("Område", "Area"), L.pick("Index", "Score"), L.pick("Decil", "Decile")]
    var alignments: [ReportTable.Alignment] = [.right, .left, .right, .right]
    for indicator in d.indicators {
      columns.append(indicator.indicator.name)
      alignments.append(.right)
    }
    var t = ReportTable(columns: columns, alignments: alignments)
    let shownTop = max(c.selectionSize + 8, 20)
    for row in r.index.top(shownTop) {
      var cells = ["\(row.rank ?? 0)", row.name, number(row.score), row.decile.map(String.init) ?? ""]
      for cell in row.indicators {
        cells.append(
          cell.denominator.map { c.disclosure.suppresses(rateWithDenominator: $0) ? c.disclosure.marker : L.percent(cell.rate ?? 0) }
            ?? (cell.rate.map { L.percent($0) } ?? ".."))
      }
      t.append(cells)
    }
    blocks.append(
      table(
        "tabeller/index-topp.csv", t,
        caption: L.pick(
          "Tabell: de högst rankade områdena med indikatorernas andelar (\"..\" = för få personer för att visas)",
          "Table: the highest-ranked areas with the indicators' shares (\"..\" = too few people to show)"),
        data: r.index.table(disclosure: c.disclosure, numbers: .exact, top: shownTop)))
    // `kraftctl index --format csv`.
    tables.append(
      PipelineArtifacts.Table(fileName: "tabeller/index.csv", table: r.index.table(disclosure: c.disclosure, numbers: .exact)))
    return ReportSection(id: "index", title: L.pick("Utsatthetsindex och urval", "Vulnerability index and selection"), blocks: blocks)
  }

  mutating func robustness(_ rob: RobustnessResult) -> ReportSection {
    var blocks: [ReportBlock] = [
      .paragraph(
        L.pick(
          "Urvalet beror på val som kunde ha gjorts annorlunda: vikter, normalisering, aggregering och vilka indikatorer som ingår. \(L.integer(rob.replications)) slumpvisa omräkningar (Monte Carlo, slumpfrö \(rob.seed)) varierar dessa val samtidigt; för varje område visas rangen med indexets egna val, medianrangen och ett intervall som täcker 90 % av replikaten (5:e–95:e percentilen).",
          "The selection depends on choices that could have been made differently: weights, normalisation, aggregation and which indicators are included. \(L.integer(rob.replications)) Monte Carlo replications (seed \(rob.seed)) vary these choices together; for each area the chart shows the rank under the index's own choices, the median rank and an interval covering 90 % of the replications (5th–95th percentile)."))
    ]
    blocks.append(.bullets(rob.summaryLines(language: L)))
    blocks.append(
      figure(
        "figurer/rangintervall.svg", rankIntervalChart(rob).svg(),
        caption: L.pick("Figur. Rangintervall och sannolikhet att ingå i urvalet.", "Figure. Rank intervals and the probability of being selected.")))
    // `kraftctl robustness --format csv`.
    tables.append(PipelineArtifacts.Table(fileName: "tabeller/robusthet.csv", table: rob.table(numbers: .exact)))
    return ReportSection(id: "robusthet", title: L.pick("Hur robust är urvalet?", "How robust is the selection?"), blocks: blocks)
  }

  /// The rank-interval chart, subtitled with the index's name, not its id.
  func rankIntervalChart(_ rob: RobustnessResult) -> RankIntervalChart {
    var chart = RankIntervalChart(rob, language: L, illustrative: c.isIllustrative)
    chart.subtitle = "\(r.index.definition.title), version \(r.index.definition.version)"
    return chart
  }

  var credits: [String] {
    var out: [String] = []
    if let g = c.geometryCredit { out.append(g) }
    if c.isIllustrative { out.append(c.illustrativeLabel) }
    return out
  }

  mutating func geography() throws -> ReportSection {
    var blocks: [ReportBlock] = []
    if let clusters = r.clusters {
      blocks.append(
        .paragraph(
          L.pick(
            "Områden i urvalet som gränsar till varandra (\(L.contiguityName(clusters.rule))) bildar kluster, numrerade efter sitt högst rankade område.",
            "Selected areas that border each other (\(L.contiguityName(clusters.rule))) form clusters, numbered by their best-ranked member.")))
      var t = ReportTable(columns: [L.pick("Kluster", "Cluster"), L.pick("Områden", "Areas")], alignments: [.right, .left])
      for cl in clusters.clusters {
        t.append(["\(cl.number)", cl.members.map { $0.name ?? names[$0.code] ?? $0.code }.joined(separator: ", ")])
      }
      // `kraftctl clusters --format csv`.
      blocks.append(
        table("tabeller/kluster.csv", t, caption: L.pick("Urvalets kluster", "The selection's clusters"), data: clusters.table()))
    }
    if let analysis = r.hotSpots, let layer = c.layer {
      let lisa = analysis.local
      var map = try AreaMap.hotSpots(
        analysis, layer: layer, title: L.pick("Lokala kluster av indexet (LISA)", "Local clusters of the index (LISA)"),
        credits: credits)
      map.legendTitle = L.pick("Lokalt Morans I, α = \(number(c.alpha, 2))", "Local Moran's I, α = \(number(c.alpha, 2))")
      map.missingLabel = L.pick("Ej rangordnat", "Not ranked")
      map.subtitle = lisaSubtitle(analysis)
      if L == .en { map.translateToEnglish() }
      blocks.append(
        figure(
          "figurer/karta-lisa.svg", map.svg(),
          caption: L.pick(
            "Karta 2. Lokalt Morans I på indexvärdet, \(L.integer(lisa.permutations)) villkorliga permutationer, slumpfrö \(lisa.seed.map(String.init) ?? "–").",
            "Map 2. Local Moran's I of the index score, \(lisa.permutations) conditional permutations, seed \(lisa.seed.map(String.init) ?? "–").")))
      let hh = lisa.areas.filter { $0.label == .highHigh }.map { names[$0.id] ?? $0.id }
      blocks.append(
        .paragraph(
          L.pick(
            "Heta punkter (högt bland höga, HH): \(hh.isEmpty ? "inga" : hh.joined(separator: ", ")). Pseudo-p-värden är beskrivande och beror på antalet permutationer.",
            "Hot spots (high among high, HH): \(hh.isEmpty ? "none" : hh.joined(separator: ", ")). Pseudo p-values are descriptive and depend on the number of permutations.")))
      // `kraftctl hotspots --format csv` (with the report's seed and permutations).
      tables.append(PipelineArtifacts.Table(fileName: "tabeller/lisa.csv", table: analysis.table(names: names, numbers: .exact)))
    }
    return ReportSection(id: "geografi", title: L.pick("Kluster och heta punkter", "Clusters and hot spots"), blocks: blocks)
  }

  /// The LISA map's subtitle in the report's language: neighbours,
  /// permutations and seed, global Moran's I.
  func lisaSubtitle(_ analysis: HotSpotAnalysis) -> String {
    let local = analysis.local
    let permutations =
      local.permutations == 0
      ? L.pick("utan permutationer", "no permutations")
      : L.pick("\(L.integer(local.permutations)) permutationer", "\(L.integer(local.permutations)) permutations")
        + (local.seed.map { L.pick(", slumpfrö \($0)", ", seed \($0)") } ?? "")
    let p = analysis.global.pValue.map { " (p = \(number($0, 3)))" } ?? ""
    return L.pick("grannar: ", "neighbours: ") + L.contiguityName(analysis.rule) + "; " + permutations + "; "
      + L.pick("globalt Morans I = ", "global Moran's I = ") + number(analysis.global.statistic, 3) + p
  }

  mutating func eligibility() -> ReportSection {
    var blocks: [ReportBlock] = []
    if let label = c.insatserLabel { blocks.append(.note(label)) }
    blocks.append(
      .paragraph(
        L.pick(
          "Varje insats prövas mot reglerna för stöd: " + c.rules.rules.map { $0.swedishTitle.lowercasedFirst }.joined(separator: "; ") + ".",
          "Each insats is tested against the rules for funding: " + c.rules.rules.map { $0.title.lowercasedFirst }.joined(separator: "; ") + ".")))
    var t = ReportTable(columns: [L.pick("Insats", "Insats"), L.pick("Beslutsstatus", "Decision status"), L.pick("Bedömning", "Verdict"), L.pick("Ej uppfyllda regler", "Rules not met")])
    for (insats, v) in zip(c.insatser, r.verdicts) {
      t.append([
        insats.title, L.statusName(insats.status), v.isEligible ? L.pick("stödberättigad", "eligible") : L.pick("inte stödberättigad", "not eligible"),
        v.failures.map { $0.title(in: L) }.joined(separator: "; "),
      ])
    }
    blocks.append(
      table(
        "tabeller/stodberattigande.csv", t, caption: L.pick("Bedömning per insats", "Verdict per insats"),
        data: EligibilityVerdict.table(r.verdicts, insatser: c.insatser)))
    for (i, (insats, v)) in zip(c.insatser, r.verdicts).enumerated() {
      blocks.append(.heading(insats.title))
      blocks.append(.bullets(v.results.map { "\(outcomeWord($0.outcome)) — \($0.title(in: L)): \($0.reason(in: L))" }))
      let diagram = EffektlogikDiagram(chain: insats.effektlogik, title: insats.title, language: L).svg()
      figures.append(
        PipelineArtifacts.Figure(
          fileName: "figurer/effektlogik-\(i + 1).svg", svg: diagram, caption: L.pick("Effektlogik", "Effect logic")))
      blocks.append(
        .figure(
          svg: diagram, caption: L.pick("Effektlogik för \(insats.title).", "Effect logic of \(insats.title)."),
          source: c.insatserLabel ?? "", fileName: "figurer/effektlogik-\(i + 1).svg"))
    }
    return ReportSection(id: "insatser", title: L.pick("Insatser och stödberättigande", "Insatser and eligibility"), blocks: blocks)
  }

  func outcomeWord(_ o: RuleOutcome) -> String {
    switch o {
    case .pass: L.pick("Uppfyllt", "Met")
    case .warning: L.pick("Varning", "Warning")
    case .fail: L.pick("Ej uppfyllt", "Not met")
    }
  }

  mutating func allocation(_ f: Fördelning) throws -> ReportSection {
    var blocks: [ReportBlock] = []
    blocks.append(
      .paragraph(
        L.pick(
          "Budgeten \(L.money(f.budget)) fördelas med \(L.modelName(f.model)) över de stödberättigade insatserna. Behovet för en insats är indexvärdet för dess områden (skalat 0–100, viktat med antalet personer i målgruppen). Beloppen är hela kronor och summerar exakt till budgeten.",
          "The budget of \(L.money(f.budget)) is divided by \(L.modelName(f.model)) over the eligible insatser. The need of an insats is the index score of its areas (rescaled 0–100, weighted by the people in its target group). Amounts are whole kronor and add up exactly to the budget.")))
    var t = ReportTable(columns: [L.pick("Förvaltning", "Administration"), L.pick("Belopp", "Amount")], alignments: [.left, .right])
    for (id, amount) in f.totalsByFörvaltning {
      t.append([c.catalogue.aktör(id: id)?.name ?? id, L.money(amount)])
    }
    t.append([L.pick("Summa", "Total"), L.money(f.distributed)])
    blocks.append(
      table(
        "tabeller/fordelning-forvaltning.csv", t, caption: L.pick("Fördelning per förvaltning", "Allocation per administration"),
        data: f.totalsTable(catalogue: c.catalogue)))
    let (names, catalogue) = (names, c.catalogue)
    let narrative = AllocationNarrative(
      fördelning: f, insatser: Dictionary(c.insatser.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
      need: IndexNeedSource(result: r.index, table: c.statistics, populationColumn: c.populationColumn),
      areaName: { names[$0] ?? $0 }, aktörName: { catalogue.aktör(id: $0)?.name ?? $0 }, L: L)
    // `kraftctl allocate --explain --format csv` (with the report's budget and model).
    blocks.append(
      table(
        "tabeller/fordelning.csv", narrative.table(),
        caption: L.pick("Varje belopp och hur det uppstod", "Every amount and how it arose"), data: f.itemTable(explained: true)))
    let notes = unfundedNotes(f)
    if !notes.isEmpty {
      blocks.append(.heading(L.pick("Inte finansierat", "Not funded")))
      blocks.append(.bullets(notes))
    }
    return ReportSection(id: "fordelning", title: L.pick("Fördelning av medel", "Allocation of money"), blocks: blocks)
  }

  /// Why each insats left out of the allocation is not funded, in words.
  func unfundedNotes(_ f: Fördelning) -> [String] {
    var notes: [String] = []
    for exclusion in r.allocationExclusions {
      guard let i = c.insatser.firstIndex(where: { $0.id == exclusion.insatsID }) else { continue }
      let insats = c.insatser[i]
      let verdict = i < r.verdicts.count ? r.verdicts[i] : nil
      if let verdict, !verdict.isEligible, AllocationInput.defaultStatuses.contains(insats.status) {
        let rules = verdict.failures.map { "”\($0.title(in: L))”" }.joined(separator: L.pick(" och ", " and "))
        notes.append(
          L.pick(
            "\(insats.title): inte stödberättigad – uppfyller inte \(rules).",
            "\(insats.title): not eligible – does not meet \(rules)."))
      } else {
        notes.append(
          L.pick(
            "\(insats.title): beslutsstatus \(L.statusName(insats.status)); bara inlämnade, tillstyrkta, beviljade och pågående insatser får medel.",
            "\(insats.title): decision status \(L.statusName(insats.status)); only submitted, recommended, granted and ongoing insatser receive money."))
      }
    }
    for u in f.unfunded {
      let title = c.insatser.first { $0.id == u.insatsID }?.title ?? u.insatsID
      let name = c.catalogue.aktör(id: u.förvaltningID)?.name ?? u.förvaltningID
      notes.append(
        L.pick(
          "\(title), \(name): inga medel med \(L.modelName(f.model)) (sökt \(L.money(u.requested))).",
          "\(title), \(name): no money (requested \(L.money(u.requested))): \(u.reason)."))
    }
    return notes
  }

  mutating func followUp(_ u: Uppföljning) -> ReportSection {
    var blocks: [ReportBlock] = [.paragraph(u.status(language: L))]
    blocks.append(
      figure(
        "figurer/uppfoljning.svg", u.chart(language: L).svg(),
        caption: u.chartCaption(language: L)))
    for s in u.sections(language: L) {
      blocks.append(.heading(s.title))
      blocks += s.blocks.map { b -> ReportBlock in
        if case .heading(let h) = b { return .paragraph(h) }
        return b
      }
    }
    return ReportSection(id: "uppfoljning", title: L.pick("Uppföljning (UVAS)", "Follow-up (UVAS)"), blocks: blocks)
  }

  func consultation() -> ReportSection {
    var blocks: [ReportBlock] = []
    for s in r.sammanställningar {
      blocks.append(.heading("\(s.remiss.diarienummer) \(s.remiss.title)"))
      blocks.append(.paragraph(s.headline(language: L)))
      for section in s.sections(language: L) {
        blocks.append(.paragraph(section.title))
        blocks += section.blocks.map { b -> ReportBlock in
          if case .heading(let h) = b { return .paragraph(h) }
          return b
        }
      }
    }
    return ReportSection(id: "remissvar", title: L.pick("Remissvar", "Consultation"), blocks: blocks)
  }

  func method() -> ReportSection {
    let d = r.index.definition
    var defs: [ReportDefinition] = [
      ReportDefinition(L.pick("Index", "Index"), "\(d.title), version \(d.version)" + (d.modifications.isEmpty ? "" : L.pick(" (ändrad av användaren)", " (modified by the user)"))),
      ReportDefinition(L.pick("Indikatorer och vikter", "Indicators and weights"), d.indicators.map { "\($0.indicator.name) (\(L.number($0.weight, places: 2)))" }.joined(separator: "; ")),
      ReportDefinition(L.pick("Normalisering", "Normalisation"), L.normalizationName(of: d)),
      ReportDefinition(L.pick("Sammanvägning", "Aggregation"), L.aggregationName(d.aggregation.specification.method)),
      ReportDefinition(L.pick("Saknade värden", "Missing data"), L.missingDataName(d.missingData.method)),
      ReportDefinition(L.pick("Små tal", "Small numbers"), L.pick("andel saknas om nämnaren < \(L.number(d.smallNumbers.minDenominator, places: 0))", "a share is missing when its denominator < \(L.number(d.smallNumbers.minDenominator, places: 0))")),
      ReportDefinition(L.pick("Urval", "Selection"), L.pick("rang ≤ \(c.selectionSize)", "rank ≤ \(c.selectionSize)")),
      ReportDefinition(L.pick("Grannar", "Neighbours"), L.contiguityName(c.contiguityRule.name)),
      ReportDefinition(L.pick("Permutationer och slumpfrö", "Permutations and random seed"), "\(L.integer(c.permutations)), \(c.seed)"),
      ReportDefinition(L.pick("Signifikansnivå", "Significance level"), L.number(c.alpha, places: 2) + (c.falseDiscoveryRate ? L.pick(" (justerad för många test, FDR)", " (adjusted for multiple tests, FDR)") : "")),
      ReportDefinition(L.pick("Regler för stödberättigande", "Eligibility rules"), c.rules.rules.map { L == .sv ? $0.swedishTitle : $0.title }.joined(separator: "; ")),
      ReportDefinition(L.pick("Fördelningsmodell", "Allocation model"), L.modelName(c.model.name) + (c.budget.map { ", " + L.pick("budget ", "budget ") + L.money($0) } ?? "")),
      ReportDefinition(L.pick("Röjandekontroll", "Disclosure control"), L.pick("antal under \(L.integer(c.disclosure.minimumCount)) och andelar med nämnare under \(L.integer(c.disclosure.minimumDenominator)) visas som \(c.disclosure.marker)", "counts below \(L.integer(c.disclosure.minimumCount)) and shares with denominators below \(L.integer(c.disclosure.minimumDenominator)) are shown as \(c.disclosure.marker)")),
      ReportDefinition(L.pick("Data", "Data"), sourceLine),
      ReportDefinition(L.pick("Programvara", "Software"), "KraftsamlingKit"),
    ]
    if c.robustnessReplications > 0 {
      defs.insert(ReportDefinition(L.pick("Robusthet", "Robustness"), "\(L.integer(c.robustnessReplications)) " + L.pick("slumpvisa omräkningar (Monte Carlo)", "Monte Carlo replications")), at: 7)
    }
    return ReportSection(
      id: "metod", title: L.pick("Metod", "Method"),
      blocks: [
        .paragraph(
          L.pick(
            "Alla val som styr resultatet. Med samma data och samma val ger KraftsamlingKit exakt samma rapport.",
            "Every choice that shapes the result. With the same data and the same choices KraftsamlingKit gives exactly the same report.")),
        .definitions(defs),
      ])
  }
}
