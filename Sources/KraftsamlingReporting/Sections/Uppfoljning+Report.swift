import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension Uppföljning {
  /// The caveats that go with every comparison of selected areas with the
  /// rest of the city, in report language.
  ///
  /// - Parameter language: Swedish (default) or English.
  public static func comparisonCaveats(_ language: ReportLanguage = .sv) -> [String] {
    switch language {
    case .sv:
      return [
        "Små tal: ett delområde har ofta bara några hundra unga 16–29 år, så några personer mer eller mindre flyttar andelen hela procentenheter. Se intervallet.",
        "Sammansättning: befolkningen 16–29 år byts ut genom flyttningar och åldrande; en ändrad andel behöver inte betyda att det gått bättre eller sämre för samma personer.",
        "Regression mot medelvärdet: områden som valts ut för att deras värden var höga tenderar att närma sig stadens genomsnitt även utan insatser.",
        "Inget orsakssamband: jämförelsen beskriver skillnader i förändring. Områdena är inte slumpmässigt utvalda och mycket annat förändras samtidigt, så skillnaden kan inte tillskrivas insatserna.",
      ]
    case .en:
      return [
        "Small numbers: a delområde often has only a few hundred people aged 16–29, so a few people more or less move the share by whole percentage points. See the interval.",
        "Composition: the 16–29 population is replaced through moves and ageing; a changed share need not mean that the same people fare better or worse.",
        "Regression to the mean: areas selected because their values were high tend to move towards the city average even without any intervention.",
        "No causal claim: the comparison describes differences in change. The areas were not selected at random and much else changes at the same time, so the difference cannot be attributed to the insatser.",
      ]
    }
  }

  /// One paragraph for a dashboard or a demo: baseline, targets (or that
  /// none is set), the selection's change against the rest of the city, the
  /// next publication, and the data label.
  ///
  /// ```swift
  /// f.status()
  /// // "UVAS 16–29: utgångsläge 2023 Malmö 9,5 %, Sverige 6,8 % (publicerat). Inga mål är satta …"
  /// ```
  ///
  /// - Parameter language: Swedish (default) or English.
  /// - Complexity: O(t + g), t targets, g comparisons.
  public func status(language: ReportLanguage = .sv) -> String {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    var parts: [String] = []
    var base = "\(indicatorShortName): " + (sv ? "utgångsläge \(baseline.year)" : "baseline \(baseline.year)")
    var values: [String] = []
    if let c = baseline.publishedCity { values.append("\(cityName) \(f.percent(c.value))") }
    if let n = baseline.publishedNation { values.append("\(nationDisplayName(language)) \(f.percent(n.value))") }
    base += values.isEmpty ? (sv ? " saknar publicerade värden" : " has no published values") : " " + values.joined(separator: ", ")
    base += sv ? " (publicerat)." : " (published)."
    parts.append(base)
    if targets.isEmpty {
      parts.append(
        sv ? "Inga mål är satta (förslaget anger uppföljning 2030 och 2035 men inga målvärden)."
          : "No targets are set (the proposal names follow-up years 2030 and 2035 but no target values).")
    } else {
      parts.append(
        (sv ? "Mål: " : "Targets: ")
          + targets.map { t in
            var s = "\(t.target.year) \(f.percent(t.target.value))"
            if t.reached {
              s += sv ? " – uppnått (senaste \(t.latestYear): \(f.percent(t.latestValue)))" : " – reached (latest \(t.latestYear): \(f.percent(t.latestValue)))"
            } else if let r = t.requiredYearlyChange {
              s += sv ? " – kvar \(f.pp(t.remainingGap)) procentenheter, krävs \(f.pp(r, places: 2)) procentenheter per år" : " – \(f.pp(t.remainingGap)) percentage points to go, \(f.pp(r, places: 2)) a year needed"
            }
            return s
          }.joined(separator: "; ") + ".")
    }
    if let c = comparisons.first(where: { $0.group.kind == .selection && $0.kön == nil }) ?? comparisons.first(where: { $0.kön == nil }),
      let gc = c.groupChange, let rc = c.restChange, let d = c.differenceInChange
    {
      var s = sv
        ? "\(c.group.name(in: language)): \(c.fromYear)–\(c.toYear) \(f.pp(gc)) procentenheter mot \(f.pp(rc)) i övriga staden (skillnad \(f.pp(d))"
        : "\(c.group.name(in: language)): \(c.fromYear)–\(c.toYear) \(f.pp(gc)) percentage points against \(f.pp(rc)) in the rest of the city (difference \(f.pp(d))"
      if let i = c.interval95 { s += sv ? ", 95 % intervall \(f.pp(i.lowerBound)) till \(f.pp(i.upperBound))" : ", 95 % interval \(f.pp(i.lowerBound)) to \(f.pp(i.upperBound))" }
      s += sv ? "; beskrivande, inget orsakssamband)." : "; descriptive, no causal claim)."
      parts.append(s)
    }
    let large = largeShifts.count
    if large > 0 { parts.append(sv ? "\(large) stora förändringar mellan år att granska." : "\(large) large shifts between years to look at.") }
    if !seriesBreaks.isEmpty {
      parts.append((sv ? "Seriebrott: " : "Series break: ") + seriesBreaks.map(String.init).joined(separator: ", ") + ".")
    }
    if let next = nextPublication {
      parts.append(
        sv ? "Värdet för \(next.year) väntas \(next.window.lowerBound) – \(next.window.upperBound)."
          : "The value for \(next.year) is expected \(next.window.lowerBound) – \(next.window.upperBound).")
    }
    let expected = gaps.filter { $0.kind == .expectedButMissing }
    if !expected.isEmpty {
      parts.append(
        (sv ? "Borde redan vara publicerat men saknas: " : "Should already be published but missing: ")
          + expected.map { String($0.year) }.joined(separator: ", ") + ".")
    }
    if let label = dataLabel { parts.append(label + ".") }
    return parts.joined(separator: " ")
  }

  /// The report as sections: baseline, targets, the clusters followed
  /// with their delområden (for a published selection: *Publicerade
  /// kluster (STK-2024-1374)*), series, comparison with the rest of the
  /// city (with caveats), kön, large shifts, missing years and series
  /// breaks.
  ///
  /// - Parameter language: Swedish (default) or English.
  /// - Returns: The sections in report order.
  /// - Complexity: O(size of the report).
  package func sections(language: ReportLanguage = .sv) -> [ReportSection] {
    [baselineSection(language), targetsSection(language)] + [publishedClustersSection(language)].compactMap { $0 } + seriesSections(language)
      + [comparisonSection(language), könSection(language)].compactMap { $0 }
      + [shiftsSection(language), gapsSection(language)]
  }

  /// The baseline: the definition, the published values and the sum of
  /// the series, with a note when they differ.
  private func baselineSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    var p: [String] = []
    let v = indicator.version(forYear: baseline.year)
    p.append(
      sv ? "\(indicator.indicator.name)." + (v.map { " Definition version \($0.version): \($0.definition)." } ?? "")
        : "\(indicator.indicator.englishName ?? indicator.indicator.name)."
          + (v.map { " Definition version \($0.version), as worded in Swedish by the source: “\($0.definition)”." } ?? ""))
    var facts: [String] = []
    if let c = baseline.publishedCity { facts.append("\(cityName) \(f.percent(c.value)) (\(c.source))") }
    if let n = baseline.publishedNation { facts.append("\(nationDisplayName(language)) \(f.percent(n.value)) (\(n.source))") }
    p.append((sv ? "Utgångsläge \(baseline.year), publicerat: " : "Baseline \(baseline.year), published: ") + (facts.isEmpty ? "–" : facts.joined(separator: "; ")) + ".")
    var notes: [String] = []
    if let s = baseline.seriesCity {
      p.append(sv ? "Summan av områdena i serien ger \(cityName) \(f.percent(s)) \(baseline.year)." : "The sum of the areas in the series gives \(cityName) \(f.percent(s)) in \(baseline.year).")
      if let d = baseline.discrepancy, abs(d) > 0.005 {
        notes.append(
          sv ? "Obs: serien avviker från det publicerade värdet med \(f.pp(d)) procentenheter; serien är illustrativ eller annorlunda avgränsad. Målen bedöms mot \(targets.first.map { displayName($0.seriesName, language) } ?? "det publicerade värdet")."
            : "Note: the series differs from the published value by \(f.pp(d)) percentage points; it is illustrative or defined differently. Targets are judged on \(targets.first.map { displayName($0.seriesName, language) } ?? "the published value").")
      }
    }
    if let label = dataLabel { notes.append(label + ".") }
    return ReportSection(id: "utgangslage", title: sv ? "Utgångsläge" : "Baseline", paragraphs: p, notes: notes)
  }

  /// The targets: a table of progress and the change needed, or a note
  /// that none are set.
  private func targetsSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    guard let t = targetsTable(language: language) else {
      return ReportSection(
        id: "mal", title: sv ? "Mål" : "Targets",
        paragraphs: [
          sv ? "Inga mål är satta. Förslaget (STK-2024-1374) anger att utvecklingen ska följas upp 2030 och 2035 men anger inga målvärden. När mål är beslutade visar avsnittet hur långt det är kvar till varje mål och vilken förändring per år som krävs."
            : "No targets are set. The proposal (STK-2024-1374) says that the development is to be followed up in 2030 and 2035 but gives no target values. Once targets are decided, this section shows how far each target is and the change needed each year."
        ])
    }
    var n = [
      sv ? "Bedöms mot: \(displayName(targets[0].seriesName, language)). pe = procentenheter. Krävd förändring per år är linjär i procentenheter: (målvärde − senaste värde) / (målår − senaste år); relativt: (målvärde / senaste)^(1/år) − 1. Andel av vägen: (senaste − utgångsläge) / (målvärde − utgångsläge)."
        : "Judged on: \(displayName(targets[0].seriesName, language)). pp = percentage points. The needed yearly change is linear in percentage points: (target − latest) / (target year − latest year); relative: (target / latest)^(1/years) − 1. Share of the way: (latest − baseline) / (target − baseline).",
    ]
    for s in targets {
      if s.reached { n.append(sv ? "\(s.target.year): målvärdet är redan nått i senaste värdet." : "\(s.target.year): the latest value already meets the target.") }
      if let on = s.onTrack {
        n.append(sv ? "\(s.target.year): \(on ? "i takt" : "inte i takt") med krävd förändring." : "\(s.target.year): \(on ? "on track" : "not on track") for the needed change.")
      }
      if !s.seriesBreaks.isEmpty {
        n.append(sv ? "\(s.target.year): seriebrott \(s.seriesBreaks.map(String.init).joined(separator: ", ")) mellan utgångsläge och målår." : "\(s.target.year): series break \(s.seriesBreaks.map(String.init).joined(separator: ", ")) between baseline and target year.")
      }
    }
    return ReportSection(id: "mal", title: sv ? "Mål" : "Targets", paragraphs: [], table: t, bullets: n)
  }

  /// The clusters followed, with their members, where they are first named
  /// (the time series heads its columns with their short names); `nil`
  /// without clusters. Clusters of a published selection (named by
  /// ``PublishedSelection/Cluster/label``) are said to be the source's, so
  /// they are not taken for the numbered clusters of the report's index.
  private func publishedClustersSection(_ language: ReportLanguage) -> ReportSection? {
    let sv = language == .sv
    let clusters = comparisons.filter { $0.group.kind == .cluster && $0.kön == nil }.map(\.group)
    guard !clusters.isEmpty else { return nil }
    let published = clusters.allSatisfy { $0.name.hasPrefix(AreaGroup.publishedClusterPrefix) }
    let source = comparisons.first { $0.group.kind == .selection }?.group.id
    let names = Dictionary(groupSeries.filter { $0.level == .delområde }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    var t = ReportTable(columns: sv ? ["Kluster", "Delområden"] : ["Cluster", "Delområden (sub-areas)"])
    for g in clusters {
      let members = g.codes.compactMap { names[$0] }
      let listed = g.name.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.trimmingWhitespace() }
      t.append([
        shortName(g.name, language),
        members.count == g.codes.count ? members.joined(separator: ", ") : listed ?? g.codes.joined(separator: ", "),
      ])
    }
    guard published, let source else {
      return ReportSection(id: "foljda-kluster", title: sv ? "Kluster som följs upp" : "Clusters followed", paragraphs: [], table: t)
    }
    return ReportSection(
      id: "publicerade-kluster", title: sv ? "Publicerade kluster (\(source))" : "Published clusters (\(source))",
      paragraphs: [
        sv ? "Uppföljningen gäller de kluster av delområden som publicerades i \(source). De betecknas här med bokstäver, inte med siffror, så att de inte förväxlas med kluster som numreras efter ett index, till exempel i rapportens avsnitt om kluster och heta punkter."
          : "This follow-up tracks the clusters of delområden (sub-areas) published in \(source). They are lettered here, not numbered, so that they are not taken for clusters numbered by an index, such as those in the report's section on clusters and hot spots."
      ], table: t)
  }

  /// The time series of the city, the published values, the nation and
  /// the larger groups; and, when there are any, of the delområden.
  private func seriesSections(_ language: ReportLanguage) -> [ReportSection] {
    let sv = language == .sv
    var out: [ReportSection] = []
    let st = seriesTable(language: language)
    out.append(
      ReportSection(
        id: "tidsserie", title: sv ? "Tidsserie" : "Time series", paragraphs: [], table: st,
        notes: [
          (sv ? "\"..\" = saknas i data; tomt = utanför seriens år; * = seriebrott detta år; † = något område saknar data detta år, summan gäller övriga områden." : "\"..\" = missing in the data; blank = outside the series' years; * = series break this year; † = some area lacks data this year, the sum covers the others.")
            + disclosureNote(sv)
        ]))
    if let at = areaSeriesTable(language: language) {
      out.append(
        ReportSection(
          id: "delomraden", title: sv ? "Delområden" : "Delområden (sub-areas)", paragraphs: [], table: at, notes: disclosure == nil ? [] : [disclosureNote(sv).trimmingWhitespace()]))
    }
    return out
  }

  /// Each group compared with the rest of the city, with its caveats;
  /// `nil` without comparisons.
  private func comparisonSection(_ language: ReportLanguage) -> ReportSection? {
    let sv = language == .sv
    guard let ct = comparisonTable(language: language) else { return nil }
    let c0 = comparisons[0]
    var cp = [
      sv ? "Skillnad i förändring = gruppens förändring − övriga stadens förändring \(c0.fromYear)–\(c0.toYear), i procentenheter. Övriga staden = alla andra delområden summerade. Intervallet: ±1,96 standardfel, där standardfelet är √Σ p(1 − p)/n över de fyra andelarna."
        : "Difference in change = the group's change − the rest of the city's change \(c0.fromYear)–\(c0.toYear), in percentage points. Rest of the city = every other delområde summed. Interval: ±1.96 standard errors, the standard error being √Σ p(1 − p)/n over the four shares."
    ]
    if cityByKön.isEmpty {
      cp.append(sv ? "Serien saknar uppdelning per kön; jämförelser per kön kan inte göras." : "The series has no breakdown by sex; no comparison by sex can be made.")
    }
    return ReportSection(
      id: "jamforelse", title: sv ? "Jämförelse med övriga staden" : "Comparison with the rest of the city",
      blocks: cp.map { .paragraph($0) } + [
        .table(ct, caption: nil), .paragraph(sv ? "Att tänka på (gäller varje rad):" : "Caveats (for every row):"),
        .bullets(Self.comparisonCaveats(language)),
      ])
  }

  /// The city by kön; `nil` without kön data.
  private func könSection(_ language: ReportLanguage) -> ReportSection? {
    let sv = language == .sv
    guard let kt = könTable(language: language) else { return nil }
    return ReportSection(id: "kon", title: sv ? "\(cityName) per kön" : "\(cityName) by sex", paragraphs: [], table: kt)
  }

  /// The large shifts between consecutive years, and the rule.
  private func shiftsSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    let lt = shiftsTable(language: language)
    return ReportSection(
      id: "stora-forandringar", title: sv ? "Stora förändringar mellan år" : "Large shifts between years",
      paragraphs: [
        sv ? "En förändring räknas som stor när \(shiftRuleSummary(language)). \(shifts.count) förändringar mellan på varandra följande år bedömdes; \(largeShifts.count) är stora."
          : "A change counts as large when \(shiftRuleSummary(language)). \(shifts.count) changes between consecutive years were judged; \(largeShifts.count) are large."
      ], table: lt)
  }

  /// Missing years, changes not judged, series breaks and the next
  /// publication.
  private func gapsSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var gp: [String] = []
    for b in seriesBreaks {
      let note = indicator.versions.first { $0.firstYear == b && $0.breaksSeries }?.note
      // The version's note is in Swedish (the source's words): shown in Swedish reports only.
      gp.append(
        (sv ? (note.map { $0.hasPrefix("Seriebrott") ? $0 : "Seriebrott \(b): " + $0 } ?? "Seriebrott \(b).") : "Series break \(b).")
          + (sv ? " Förändringar över brottet bedöms inte." : " Changes across the break are not judged."))
    }
    let missing = gaps.filter { $0.kind == .missingInData }
    if missing.isEmpty {
      gp.append(sv ? "Inga saknade år i serien." : "No missing years in the series.")
    }
    let gt = gapsTable(language: language)
    if let next = nextPublication {
      gp.append(sv ? "Värdet för \(next.year) väntas \(next.window.lowerBound) – \(next.window.upperBound) (publiceras \(indicator.publicationLag.minimumMonths)–\(indicator.publicationLag.maximumMonths) månader efter årets slut)."
        : "The value for \(next.year) is expected \(next.window.lowerBound) – \(next.window.upperBound) (published \(indicator.publicationLag.minimumMonths)–\(indicator.publicationLag.maximumMonths) months after the end of the year).")
    }
    return ReportSection(id: "saknade-ar", title: sv ? "Saknade år och seriebrott" : "Missing years and series breaks", paragraphs: gp, table: gt)
  }

  /// The sentence on disclosure control for table notes (empty when none was applied).
  func disclosureNote(_ sv: Bool) -> String {
    guard let dc = disclosure else { return "" }
    let f = FollowUpFormatter(sv ? .sv : .en)
    let people = f.count(Double(dc.minimumDenominator))
    let count = f.count(Double(dc.minimumCount))
    return sv
      ? " Röjandekontroll: andelar för färre än \(people) personer och antal under \(count) visas som \"\(dc.marker)\"."
      : " Disclosure control: shares of fewer than \(people) people and counts below \(count) are shown as \"\(dc.marker)\"."
  }

  /// The report as Markdown.
  ///
  /// - Parameter language: Swedish (default) or English.
  public func markdown(language: ReportLanguage = .sv) -> String {
    var doc = ReportDocument(
      title: (language == .sv ? "Uppföljning: " : "Follow-up: ") + indicatorShortName,
      subtitle: language == .sv ? indicator.indicator.name : indicator.indicator.englishName ?? indicator.indicator.name, language: language,
      notice: dataLabel)
    doc.sections = sections(language: language)
    return doc.markdown()
  }

  /// The report as plain text.
  ///
  /// - Parameter language: Swedish (default) or English.
  package func text(language: ReportLanguage = .sv) -> String { sections(language: language).plainText() }

  /// `UVAS 16–29` for UVAS, else the indicator's id.
  var indicatorShortName: String { indicator.id == "uvas_16_29" ? "UVAS 16–29" : indicator.indicator.name }
}
