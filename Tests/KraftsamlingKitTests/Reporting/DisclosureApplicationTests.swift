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

/// Disclosure control applied to the index and the follow-up, at the
/// boundaries of the default rules: counts 4 (hidden) and 5 (shown),
/// denominators 9 (rate hidden) and 10 (rate shown).
@Suite("Disclosure control of index and follow-up")
struct DisclosureApplicationTests {
  /// Four areas; the rate `andel` = `antal` / `bas` rests on 9, 10, 40 and 50 people.
  static func table() -> AreaTable {
    var t = AreaTable(codes: ["a9", "a10", "a40", "a50"], names: ["Nio", "Tio", "Fyrtio", "Femtio"])
    try! t.addColumn("antal", [3, 4, 8, 20])
    try! t.addColumn("bas", [9, 10, 40, 50])
    return t
  }

  /// A definition that uses every rate (small-number limit 0), so only
  /// disclosure control decides what is hidden.
  static let definition = IndexDefinition(
    id: "d", version: "1", indicators: [.init(id: "andel", numerator: "antal", denominator: "bas")],
    normalization: .minMax, aggregation: .arithmetic, smallNumbers: SmallNumberPolicy(minDenominator: 0))

  @Test("the index flags a rate over 9 people as suppressed and one over 10 as shown; scores stay")
  func indexBoundary() throws {
    let raw = try Self.definition.run(on: Self.table())
    let shown = raw.disclosed(by: DisclosureControl())
    #expect(shown.scores == raw.scores)
    #expect(shown.ranks == raw.ranks)
    let a9 = shown.area(code: "a9")!
    let a10 = shown.area(code: "a10")!
    #expect(a9.indicators[0].flags.contains(.suppressed))
    #expect(a9.flags == ["suppressed:andel"])
    #expect(a9.isDisclosureControlled)
    #expect(DisclosureControl().suppresses(a9.indicators[0]))
    #expect(!a10.indicators[0].flags.contains(.suppressed))
    #expect(a10.flags.isEmpty)
    #expect(!a10.isDisclosureControlled)
    // The rate itself stays available to computations: 3/9.
    #expect(a9.indicators[0].rate == 3.0 / 9.0)
    // Raising the minimum to 11 hides the area of 10 too; 0 hides nothing.
    #expect(raw.disclosed(by: DisclosureControl(minimumDenominator: 11)).area(code: "a10")!.isDisclosureControlled)
    #expect(!raw.disclosed(by: .off).rows.contains { $0.isDisclosureControlled })
    // Applying a looser control again clears the earlier flags.
    #expect(shown.disclosed(by: .off).area(code: "a9")!.flags.isEmpty)
  }

  @Test("a value indicator (no denominator) is never suppressed")
  func valueIndicator() throws {
    var t = AreaTable(codes: ["x", "y"])
    try t.addColumn("v", [1, 2])
    let d = IndexDefinition(id: "v", version: "1", indicators: [.init(id: "v", valueColumn: "v")], normalization: .minMax)
    let r = try d.run(on: t).disclosed(by: DisclosureControl(minimumDenominator: 1_000))
    #expect(!r.rows.contains { $0.isDisclosureControlled })
  }

  @Test("series points: share hidden below 10 people, counts hidden below 5", arguments: [
    // numerator, denominator, shown value, shown numerator, shown denominator
    (4.0, 9.0, nil, nil, 9.0),
    (4.0, 10.0, 0.4, nil, 10.0),
    (5.0, 10.0, 0.5, 5.0, 10.0),
    (0.0, 4.0, nil, nil, nil),
    (0.0, 20.0, 0.0, 0.0, 20.0),
  ] as [(Double, Double, Double?, Double?, Double?)])
  func point(numerator: Double, denominator: Double, value: Double?, shownNumerator: Double?, shownDenominator: Double?) {
    let p = DisclosureControl().disclose(IndicatorSeries.Point(year: 2023, numerator: numerator, denominator: denominator))
    #expect(p.value == value)
    #expect(p.numerator == shownNumerator)
    #expect(p.denominator == shownDenominator)
    #expect(p.year == 2023)
  }

  /// Area "liten" has 9 young people in 2022 and 10 in 2023; "stor" has 1,000.
  static func followUp() throws -> Uppföljning {
    let obs: [IndicatorPanel.Observation] = [
      .init(code: "liten", year: 2021, numerator: 2, denominator: 10),
      .init(code: "liten", year: 2022, numerator: 4, denominator: 9),
      .init(code: "liten", year: 2023, numerator: 1, denominator: 10),
      .init(code: "stor", year: 2021, numerator: 100, denominator: 1_000),
      .init(code: "stor", year: 2022, numerator: 100, denominator: 1_000),
      .init(code: "stor", year: 2023, numerator: 90, denominator: 1_000),
    ]
    var options = Uppföljning.Options.malmö
    options.comparisonYears = (2022, 2023)
    options.shiftRule = .binomial(k: 0.1)  // flags every change, so the filtering shows
    return try Uppföljning(
      panel: IndicatorPanel(observations: obs),
      groups: [AreaGroup(id: "liten", name: "Liten", kind: .delområde, codes: ["liten"])], options: options)
  }

  @Test("the follow-up hides the share over 9 people, shows the one over 10, and drops what would reveal it")
  func followUpBoundary() throws {
    let raw = try Self.followUp()
    let shown = raw.disclosed(by: DisclosureControl())
    #expect(shown.disclosure == DisclosureControl())
    let liten = shown.groupSeries.first { $0.id == "liten" }!
    #expect(liten.value(year: 2021) == 0.2)
    #expect(liten.value(year: 2022) == nil)  // 4 of 9: hidden
    #expect(liten.value(year: 2023) == 0.1)  // 1 of 10: the share is shown…
    #expect(liten.point(year: 2023)?.numerator == nil)  // …but not the count 1
    #expect(liten.point(year: 2023)?.denominator == 10)
    // The city sums were computed from every area before suppression.
    #expect(shown.city == raw.city)
    // Every shift touching 2022 of "liten" is gone; those of the city remain.
    #expect(raw.shifts.contains { $0.seriesID == "liten" && $0.toYear == 2022 })
    #expect(!shown.shifts.contains { $0.seriesID == "liten" && ($0.fromYear == 2022 || $0.toYear == 2022) })
    #expect(shown.shifts.filter { $0.seriesID != "liten" } == raw.shifts.filter { $0.seriesID != "liten" })
    // The comparison 2022–2023 of "liten" starts from a hidden share.
    let c = shown.comparison(for: "liten")!
    #expect(raw.comparison(for: "liten")!.groupFrom != nil)
    #expect(c.groupFrom == nil)
    #expect(c.groupTo == 0.1)
    #expect(c.differenceInChange == nil)
    #expect(c.restFrom == nil && c.restTo == nil)  // the city minus the rest would give 4 of 9 away
    #expect(c.groupPopulationFrom == 9)
    // The report names the rule and shows ".." for the hidden year.
    let text = shown.text(language: .en)
    #expect(text.contains("Disclosure control: shares of fewer than 10 people and counts below 5 are shown as \"..\""))
    #expect(!raw.text(language: .en).contains("Disclosure control"))
    // The chart leaves the hidden year out.
    let series = shown.chart(language: .en).series.first { $0.name == "Liten" }
    #expect(series?.values == [0.2, nil, 0.1])
  }

  @Test("the pipeline report shows the follow-up with disclosure control applied")
  func pipelineReport() throws {
    var c = PipelineConfiguration(
      statistics: Self.table(), definition: Self.definition, municipality: "Malmö", catalogue: .malmö, rules: .stk2024_1374())
    c.selectionSize = 2
    c.followUpPanel = IndicatorPanel(observations: [
      .init(code: "liten", year: 2022, numerator: 4, denominator: 9),
      .init(code: "liten", year: 2023, numerator: 1, denominator: 10),
      .init(code: "stor", year: 2022, numerator: 100, denominator: 1_000),
      .init(code: "stor", year: 2023, numerator: 90, denominator: 1_000),
    ])
    c.followUpGroups = [AreaGroup(id: "liten", name: "Liten", kind: .delområde, codes: ["liten"])]
    c.language = .en
    let report = try KraftsamlingPipeline.run(c).artifacts().document.markdown()
    // 4 of 9 (44.4 %) is hidden, 1 of 10 (10.0 %) shown; the rule is named.
    #expect(!report.contains("44.4"), "the hidden share is in the report")
    #expect(report.contains("10.0"))
    #expect(report.contains("Disclosure control: shares of fewer than 10 people"))
  }
}
