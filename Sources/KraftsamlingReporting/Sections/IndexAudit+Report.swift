import KraftsamlingCore
import KraftsamlingIndex

// The report's section "Indexets statistiska granskning": the index audit
// in plain sentences for a tjänsteperson, the heat map, the intended and the
// actual weights, and the audit's tables as `tabeller/granskning-*.csv`
// (the same files as `kraftctl audit --format csv --part …`).

extension ReportBuilder {
  /// The audit section, or `nil` when the index cannot be audited.
  mutating func auditSection() -> ReportSection? {
    guard let audit = try? IndexAudit(c.definition, on: c.statistics, hierarchy: c.hierarchy) else { return nil }
    var blocks: [ReportBlock] = [
      .paragraph(
        L.pick(
          "Granskningen visar hur indikatorerna hänger ihop i de \(L.integer(audit.areaCount)) rangordnade områdena och om varje indikator väger så mycket som det är tänkt.",
          "The audit shows how the indicators move together across the \(L.integer(audit.areaCount)) ranked areas, and whether each indicator weighs as much as intended.")),
      .bullets(auditFindings(audit)),
    ]
    let parts = audit.dimensionIDs.isEmpty ? (sv: "", en: "") : (sv: ", delindexen", en: ", the dimensions")
    var map = CorrelationHeatMap(audit, language: L)
    map.footnotes = c.isIllustrative ? [c.illustrativeLabel] : []
    blocks.append(
      figure(
        "figurer/granskning-korrelation.svg", map.svg(),
        caption: L.pick(
          "Figur. Hur starkt indikatorerna\(parts.sv) och indexet samvarierar (1 = helt lika, 0 = inget samband, negativt = motsatt).",
          "Figure. How strongly the indicators\(parts.en) and the index move together (1 = identical, 0 = no relation, negative = opposite).")))
    blocks.append(
      table(
        "tabeller/granskning-vikter.csv", weightTable(audit),
        caption: L.pick("Avsedd och faktisk vikt per indikator", "Intended and actual weight of each indicator"),
        data: audit.importanceTable(numbers: .exact)))
    tables.append(PipelineArtifacts.Table(fileName: "tabeller/granskning-korrelation.csv", table: audit.correlationTable(numbers: .exact)))
    tables.append(PipelineArtifacts.Table(fileName: "tabeller/granskning-alfa.csv", table: audit.reliabilityTable(numbers: .exact)))
    tables.append(PipelineArtifacts.Table(fileName: "tabeller/granskning-pca.csv", table: audit.componentTable(numbers: .exact)))
    return ReportSection(
      id: "granskning", title: L.pick("Indexets statistiska granskning", "Statistical audit of the index"), blocks: blocks)
  }

  /// The findings in sentences: strongly correlated pairs, pairs pulling
  /// apart, how consistent the indicators are, and the weights.
  func auditFindings(_ audit: IndexAudit) -> [String] {
    let name = Dictionary(uniqueKeysWithValues: zip(audit.indicatorIDs, audit.indicatorNames))
    func pair(_ f: IndexAudit.Flag) -> String {
      "\(name[f.first] ?? f.first)" + L.pick(" och ", " and ") + "\(name[f.second ?? ""] ?? "") (\(L.number(f.value, places: 2)))"
    }
    var items: [String] = []
    let strong = audit.flags.filter { $0.kind == "collinear" }
    let limit = L.number(audit.threshold, places: 1)
    items.append(
      strong.isEmpty
        ? L.pick(
          "Inga indikatorer samvarierar så starkt (\(limit) eller mer) att de riskerar att mäta samma sak två gånger.",
          "No indicators move together so strongly (\(limit) or more) that they risk measuring the same thing twice.")
        : L.pick(
          "Mycket starkt samvarierande (\(limit) eller mer): \(strong.map(pair).joined(separator: "; ")). De mäter delvis samma sak, så det de har gemensamt väger extra tungt i indexet.",
          "Very strongly related (\(limit) or more): \(strong.map(pair).joined(separator: "; ")). They partly measure the same thing, so what they share weighs extra in the index."))
    let opposite = audit.flags.filter { $0.kind == "negative-within-dimension" }
    if !opposite.isEmpty {
      items.append(
        L.pick(
          "Drar åt olika håll fast de ingår i samma del av indexet: \(opposite.map(pair).joined(separator: "; ")). Kontrollera att båda är vända så att ett högre värde betyder större utsatthet.",
          "Pull in opposite directions within the same part of the index: \(opposite.map(pair).joined(separator: "; ")). Check that both are turned so that a higher value means more vulnerability."))
    }
    if let alpha = audit.alphas.last ?? nil {
      items.append(
        alpha >= 0.7
          ? L.pick(
            "Indikatorerna pekar åt samma håll (Cronbachs alfa \(L.number(alpha, places: 2)); 0,7 eller mer brukar räknas som god samstämmighet).",
            "The indicators point the same way (Cronbach's alpha \(L.number(alpha, places: 2)); 0.7 or more is usually taken as good consistency).")
          : L.pick(
            "Indikatorerna hänger svagt ihop (Cronbachs alfa \(L.number(alpha, places: 2)), under 0,7): indexet väger samman olika slags utsatthet.",
            "The indicators are only weakly related (Cronbach's alpha \(L.number(alpha, places: 2)), below 0.7): the index combines different kinds of vulnerability."))
    }
    if let first = audit.explainedVariance.first {
      items.append(
        L.pick(
          "En gemensam huvudkomponent fångar \(L.percent(first, places: 0)) av skillnaderna mellan områdena.",
          "One common principal component captures \(L.percent(first, places: 0)) of the differences between areas."))
    }
    items.append(weightSentence(audit, name: name))
    return items
  }

  /// Whether each indicator weighs as intended, naming those that do not.
  func weightSentence(_ audit: IndexAudit, name: [String: String]) -> String {
    let off = audit.indicatorIDs.indices.filter { j in audit.flags.contains { $0.kind == "importance-mismatch" && $0.first == audit.indicatorIDs[j] } }
    guard !off.isEmpty else {
      return L.pick(
        "Varje indikator väger ungefär så mycket som det är tänkt: den faktiska vikten, mätt som hur starkt indikatorn följer indexet, ligger mellan hälften och det dubbla av den avsedda.",
        "Each indicator weighs roughly as intended: its actual weight, measured by how closely it follows the index, is between half and twice the intended one.")
    }
    let list = off.map { j in
      "\(audit.indicatorNames[j]) " + L.pick("väger i praktiken ", "weighs in practice ")
        + L.percent(audit.effectiveShares[j] ?? 0, places: 0) + L.pick(" mot avsedda ", " against an intended ")
        + L.percent(audit.nominalShares[j], places: 0)
    }
    return L.pick("Väger inte som det är tänkt: ", "Not weighing as intended: ") + list.joined(separator: "; ") + "."
  }

  /// The intended and actual weight of each indicator, in percent.
  func weightTable(_ audit: IndexAudit) -> ReportTable {
    var t = ReportTable(
      columns: [L.pick("Indikator", "Indicator"), L.pick("Avsedd vikt", "Intended weight"), L.pick("Faktisk vikt", "Actual weight")],
      alignments: [.left, .right, .right])
    for j in audit.indicatorIDs.indices {
      t.append([
        audit.indicatorNames[j], L.percent(audit.nominalShares[j], places: 0),
        audit.effectiveShares[j].map { L.percent($0, places: 0) } ?? "..",
      ])
    }
    return t
  }
}
