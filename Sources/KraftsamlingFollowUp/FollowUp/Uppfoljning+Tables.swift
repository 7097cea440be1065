import KraftsamlingCore

// The follow-up's result tables, in the report's language: one definition
// each, used by `kraftctl uppfoljning` (text and Markdown) and by the
// report's follow-up section, which arranges them into sections.

extension Uppföljning {
  /// The targets: progress and the change needed; `nil` when none are set.
  package func targetsTable(language: ReportLanguage) -> ReportTable? {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    guard !targets.isEmpty else { return nil }
    var t = ReportTable(
      columns: sv
        ? ["Målår", "Målvärde", "Utgångsläge", "Senaste", "Kvar (pe)", "Krävs per år (pe)", "Krävs per år (relativt)", "Hittills per år (pe)", "Andel av vägen", "Värdet väntas"]
        : ["Target year", "Target", "Baseline", "Latest", "To go (pp)", "Needed a year (pp)", "Needed a year (relative)", "So far a year (pp)", "Share of the way", "Value expected"],
      alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right, .left])
    for s in targets {
      t.append([
        String(s.target.year), f.percent(s.target.value), "\(f.percent(s.baselineValue)) (\(s.baselineYear))",
        "\(f.percent(s.latestValue)) (\(s.latestYear))", f.pp(s.remainingGap),
        s.requiredYearlyChange.map { f.pp($0, places: 2) } ?? "–",
        s.requiredRelativeYearlyChange.map { f.signedPercent($0) } ?? "–",
        s.observedYearlyChange.map { f.pp($0, places: 2) } ?? "–",
        s.progress.map { f.percent($0, places: 0) } ?? "–",
        "\(s.expectedAvailability.lowerBound) – \(s.expectedAvailability.upperBound)",
      ])
    }
    return t
  }

  /// The city (sum and published), the nation and the larger groups by
  /// year, with `*` on a year with a series break and `†` on a sum that
  /// lacks an area.
  package func seriesTable(language: ReportLanguage) -> ReportTable {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    // City, published, nation and the larger groups by year.
    let wide = groupSeries.filter { $0.level != .delområde }
    let years = seriesYears
    var st = ReportTable(
      columns: [sv ? "År" : "Year", sv ? "\(cityName) (summa)" : "\(cityName) (sum)", sv ? "\(cityName) (publicerat)" : "\(cityName) (published)", nationDisplayName(language)]
        + wide.map { shortName($0.name, language) },
      alignments: [.left] + Array(repeating: .right, count: 3 + wide.count))
    for y in years {
      st.append(
        [String(y) + breakMark(y)] + [city, publishedCity, nation].map { f.cell($0.point(year: y), inRange: $0.point(year: y) != nil) }
          + wide.map { f.cell($0.point(year: y), inRange: $0.point(year: y) != nil) })
    }
    return st
  }

  /// Each delområde by year, with its population in the last year; `nil`
  /// when the follow-up has no delområden.
  package func areaSeriesTable(language: ReportLanguage) -> ReportTable? {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    let areaSeries = groupSeries.filter { $0.level == .delområde }
    guard !areaSeries.isEmpty else { return nil }
    let ay = city.points.map(\.year)
    var at = ReportTable(
      columns: [sv ? "Delområde" : "Delområde (sub-area)", sv ? "Unga \(ay.last.map(String.init) ?? "")" : "Young people \(ay.last.map(String.init) ?? "")"] + ay.map { String($0) + breakMark($0) },
      alignments: [.left, .right] + ay.map { _ in .right })
    for s in areaSeries {
      at.append([s.name, s.point(year: ay.last ?? 0)?.denominator.map { f.count($0) } ?? ".."] + ay.map { f.cell(s.value(year: $0), inRange: true) })
    }
    return at
  }

  /// Each group compared with the rest of the city; `nil` without comparisons.
  package func comparisonTable(language: ReportLanguage) -> ReportTable? {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    guard !comparisons.isEmpty else { return nil }
    let c0 = comparisons[0]
    var ct = ReportTable(
      columns: sv
        ? ["Grupp", "Kön", "\(c0.fromYear)", "\(c0.toYear)", "Förändring (pe)", "Övriga staden (pe)", "Skillnad (pe)", "95 % intervall", "Anm."]
        : ["Group", "Sex", "\(c0.fromYear)", "\(c0.toYear)", "Change (pp)", "Rest of city (pp)", "Difference (pp)", "95 % interval", "Note"],
      alignments: [.left, .left, .right, .right, .right, .right, .right, .left, .left])
    for c in comparisons {
      var remarks: [String] = []
      if c.smallNumbers { remarks.append(sv ? "små tal" : "small numbers") }
      if !c.seriesBreaks.isEmpty { remarks.append((sv ? "seriebrott " : "series break ") + c.seriesBreaks.map(String.init).joined(separator: ", ")) }
      if c.missingMembers > 0 { remarks.append(sv ? "\(c.missingMembers) område(n) saknar data" : "\(c.missingMembers) area(s) lack data") }
      if c.distinguishableFromZero { remarks.append(sv ? "intervallet utesluter 0" : "interval excludes 0") }
      ct.append([
        c.group.name(in: language), c.kön.map { Self.könLabel($0, language) } ?? (sv ? "alla" : "all"), f.cell(c.groupFrom, inRange: true),
        f.cell(c.groupTo, inRange: true),
        c.groupChange.map { f.pp($0) } ?? "..", c.restChange.map { f.pp($0) } ?? "..",
        c.differenceInChange.map { f.pp($0) } ?? "..",
        c.interval95.map { "\(f.pp($0.lowerBound)) – \(f.pp($0.upperBound))" } ?? "..", remarks.joined(separator: "; "),
      ])
    }
    return ct
  }

  /// The city by kön; `nil` without kön data.
  package func könTable(language: ReportLanguage) -> ReportTable? {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    guard !cityByKön.isEmpty else { return nil }
    var kt = ReportTable(
      columns: [sv ? "År" : "Year"] + cityByKön.map { $0.kön.map { Self.könLabel($0, language) } ?? "" },
      alignments: [.left] + cityByKön.map { _ in .right })
    for y in city.points.map(\.year) { kt.append([String(y)] + cityByKön.map { f.cell($0.value(year: y), inRange: true) }) }
    return kt
  }

  /// The large shifts between consecutive years.
  package func shiftsTable(language: ReportLanguage) -> ReportTable {
    let sv = language == .sv
    let f = FollowUpFormatter(language)
    var lt = ReportTable(
      columns: sv ? ["Serie", "Från", "Till", "Förändring (pe)", "z", "Anm."] : ["Series", "From", "To", "Change (pp)", "z", "Note"],
      alignments: [.left, .left, .left, .right, .right, .left])
    for s in largeShifts {
      lt.append([
        displayName(s.seriesName, language), String(s.fromYear), String(s.toYear), f.pp(s.assessment.change),
        s.assessment.statistic.map { f.number($0, places: 1) } ?? "", s.assessment.smallNumbers ? (sv ? "små tal" : "small numbers") : "",
      ])
    }
    return lt
  }

  /// The missing years and the changes not judged.
  package func gapsTable(language: ReportLanguage) -> ReportTable {
    let sv = language == .sv
    var gt = ReportTable(columns: sv ? ["Serie", "År", "Vad"] : ["Series", "Year", "What"])
    for g in gaps {
      gt.append([
        displayName(g.seriesName, language), String(g.year),
        g.kind == .missingInData ? (sv ? "saknas i data" : "missing in the data") : (sv ? "borde vara publicerat men saknas" : "should be published but is missing"),
      ])
    }
    for s in skippedChanges {
      let why: String =
        switch s.reason {
        case .seriesBreak: sv ? "förändring ej bedömd: seriebrott" : "change not judged: series break"
        case .missingYear: sv ? "förändring ej bedömd: saknat år" : "change not judged: missing year"
        case .incompleteSum: sv ? "förändring ej bedömd: område saknar data" : "change not judged: an area lacks data"
        }
      gt.append([displayName(s.seriesName, language), "\(s.fromYear)–\(s.toYear)", why])
    }
    return gt
  }

  /// All years shown: the data, the published values and the target years.
  var seriesYears: [Int] {
    let all = city.points.map(\.year) + publishedCity.points.map(\.year) + nation.points.map(\.year)
    guard let lo = all.min(), let hi = all.max() else { return [] }
    return Array(lo...hi)
  }

  private func breakMark(_ year: Int) -> String { seriesBreaks.contains(year) ? "*" : "" }

  /// A series' or group's name in a report's language: the nation
  /// (`Sverige` is `Sweden` in English), the target series' suffixes, and
  /// the names KraftsamlingKit gives its own groups
  /// (``AreaGroup/displayName(_:_:)``); other names as they are.
  package func displayName(_ name: String, _ language: ReportLanguage) -> String {
    guard language == .en else { return name }
    if name == nationName { return nationDisplayName(language) }
    for (sv, en) in [(" (publicerat)", " (published)"), (" (summa av områdena)", " (sum of the areas)")] where name.hasSuffix(sv) {
      return String(name.dropLast(sv.count)) + en
    }
    return AreaGroup.displayName(name, language)
  }

  /// A group's name without its members (the part before `:`), in a report's language.
  package func shortName(_ name: String, _ language: ReportLanguage) -> String {
    let shown = displayName(name, language)
    return shown.split(separator: ":").first.map(String.init) ?? shown
  }

  /// The nation's name in a report's language (`Sweden` for `Sverige` in English).
  package func nationDisplayName(_ language: ReportLanguage) -> String {
    language == .en && nationName == "Sverige" ? "Sweden" : nationName
  }

  /// The shift rule in a report's language (English for a rule without Swedish words).
  package func shiftRuleSummary(_ language: ReportLanguage) -> String {
    language == .sv ? (shiftRuleSummarySwedish ?? shiftRuleSummary) : shiftRuleSummary
  }

  /// `kvinnor` / `män`, `women` / `men`.
  static func könLabel(_ k: Kön, _ language: ReportLanguage) -> String {
    switch (k, language) {
    case (.kvinna, .sv): "kvinnor"
    case (.kvinna, .en): "women"
    case (.man, .sv): "män"
    case (.man, .en): "men"
    }
  }
}

/// Number formatting for follow-up reports: decimal comma and a space
/// between thousands in Swedish (`1 398`, `9,5 %`), decimal point and a
/// comma between thousands in English; a minus sign (`−1,8`) for negative
/// numbers in both, as the report's amounts and map legends write them.
package struct FollowUpFormatter {
  /// The decimal separator.
  package let separator: Character
  /// The thousands separator.
  package let grouping: Character
  package init(_ language: ReportLanguage) {
    separator = language == .sv ? "," : "."
    grouping = language == .sv ? " " : ","
  }

  /// `9,5 %`.
  package func percent(_ p: Double, places: Int = 1) -> String { styled(DecimalFormatting.percent(p, places: places, separator: separator)) + " %" }
  /// A proportion change in percentage points with sign: `−0,14`, `+1,2`.
  package func pp(_ d: Double, places: Int = 1) -> String {
    let s = DecimalFormatting.fixed(d * 100, places: places, separator: separator)
    return d > 0 && s.contains(where: { $0 != "0" && $0 != separator }) ? "+" + styled(s) : styled(s)
  }
  /// A relative change in percent with sign: `−2,5 %`.
  package func signedPercent(_ r: Double) -> String { pp(r) + " %" }
  /// A plain number: `−4,2`.
  package func number(_ d: Double, places: Int) -> String { styled(DecimalFormatting.fixed(d, places: places, separator: separator)) }
  /// A count: `1 398`; a count with a fraction (a weighted sum) keeps one decimal.
  package func count(_ d: Double) -> String { number(d, places: d == d.rounded() ? 0 : 1) }
  /// A table cell: the percentage, `..` for a missing year inside the series, blank outside it.
  package func cell(_ v: Double?, inRange: Bool) -> String {
    guard inRange else { return "" }
    return v.map { styled(DecimalFormatting.percent($0, places: 1, separator: separator)) } ?? ".."
  }
  /// A table cell for a point: as above, with `†` when an aggregate lacks some member's data.
  package func cell(_ p: IndicatorSeries.Point?, inRange: Bool) -> String {
    cell(p?.value, inRange: inRange) + ((p?.missingMembers ?? 0) > 0 && p?.value != nil ? "†" : "")
  }

  /// `-1234,5` → `−1 234,5`: thousands grouped, a minus sign (U+2212) for `-`.
  package func styled(_ plain: String) -> String {
    var rest = Substring(plain)
    let negative = rest.first == "-"
    if negative { rest = rest.dropFirst() }
    let cut = rest.firstIndex(of: separator) ?? rest.endIndex
    let whole = rest[..<cut]
    var out = negative ? "−" : ""
    for (i, ch) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 && ch.isNumber { out.append(grouping) }
      out.append(ch)
    }
    return out + rest[cut...]
  }
}
