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

/// Follow-up arithmetic against hand-computed values.
@Suite("Uppföljning")
struct UppfoljningTests {
  /// Group A (300 people) and the rest B + C (10,000) in 2019 and 2023;
  /// 2020–2022 are not in the data.
  static let panel = IndicatorPanel(observations: [
    .init(code: "A", year: 2019, numerator: 30, denominator: 300),
    .init(code: "A", year: 2023, numerator: 24, denominator: 300),
    .init(code: "B", year: 2019, numerator: 420, denominator: 6000),
    .init(code: "B", year: 2023, numerator: 390, denominator: 6000),
    .init(code: "C", year: 2019, numerator: 280, denominator: 4000),
    .init(code: "C", year: 2023, numerator: 260, denominator: 4000),
  ])
  static let groupA = AreaGroup(id: "A", name: "Område A", kind: .delområde, codes: ["A"])

  static func options(targets: [Målvärde] = []) -> Uppföljning.Options {
    var o = Uppföljning.Options.malmö
    o.publishedCity = [.malmö2023, ReferenceValue(year: 2025, value: 0.091, source: "test")]
    o.targets = targets
    return o
  }

  @Test("gap, required yearly change (linear pp), progress and on-track, against hand-computed values")
  func targets() throws {
    let f = try Uppföljning(
      panel: Self.panel, options: Self.options(targets: [Målvärde(year: 2030, value: 0.08), Målvärde(year: 2035, value: 0.075)]))
    let t30 = f.targets[0]
    // Baseline 2023: 9.5 %; latest published 2025: 9.1 %.
    #expect(t30.baselineYear == 2023 && t30.baselineValue == 0.095 && t30.latestYear == 2025 && t30.latestValue == 0.091)
    // Gap = 0.080 − 0.091 = −0.011; required = −0.011 / (2030 − 2025) = −0.0022 (−0.22 pp a year).
    #expect(abs(t30.remainingGap - -0.011) < 1e-12)
    #expect(abs(t30.requiredYearlyChange! - -0.0022) < 1e-12)
    // Relative: (0.080/0.091)^(1/5) − 1 = −0.025437.
    #expect(abs(t30.requiredRelativeYearlyChange! - -0.025437449061137873) < 1e-12)
    // Observed: (0.091 − 0.095)/2 = −0.002 a year, slower than −0.0022 → not on track.
    #expect(abs(t30.observedYearlyChange! - -0.002) < 1e-12)
    #expect(t30.onTrack == false)
    // Progress: (0.091 − 0.095)/(0.080 − 0.095) = 0.26667.
    #expect(abs(t30.progress! - 0.004 / 0.015) < 1e-12)
    #expect(!t30.reached)
    #expect(t30.expectedAvailability == CalendarDate(2031, 12, 31)!...CalendarDate(2032, 6, 30)!)
    let t35 = f.targets[1]
    // 2035: gap 0.075 − 0.091 = −0.016; required −0.016/10 = −0.0016; observed −0.002 is steeper → on track.
    #expect(abs(t35.requiredYearlyChange! - -0.0016) < 1e-12)
    #expect(t35.onTrack == true)
    #expect(abs(t35.progress! - 0.2) < 1e-12)  // −0.004 / −0.020
  }

  @Test("no target is invented: without targets there is no target status")
  func noTargets() throws {
    let f = try Uppföljning(panel: Self.panel, options: Uppföljning.Options.malmö)
    #expect(f.targets.isEmpty)
    #expect(f.baseline.publishedCity?.value == 0.095 && f.baseline.publishedNation?.value == 0.068)
    #expect(f.status().contains("Inga mål är satta"))
    #expect(f.markdown().contains("Inga mål är satta."))
  }

  @Test("difference in change against the rest of the city, with its standard error")
  func differenceInChange() throws {
    let f = try Uppföljning(panel: Self.panel, groups: [Self.groupA], options: Self.options())
    let c = try #require(f.comparison(for: "A"))
    #expect(c.fromYear == 2019 && c.toYear == 2023)
    // Group: 30/300 = 10 % → 24/300 = 8 %: −2 pp. Rest: 700/10000 = 7 % → 650/10000 = 6.5 %: −0.5 pp.
    #expect(abs(c.groupChange! - -0.02) < 1e-12)
    #expect(abs(c.restChange! - -0.005) < 1e-12)
    // Difference: −0.02 − (−0.005) = −0.015.
    #expect(abs(c.differenceInChange! - -0.015) < 1e-12)
    // SE = √(0.1·0.9/300 + 0.08·0.92/300 + 0.07·0.93/10000 + 0.065·0.935/10000) = 0.0236203.
    #expect(abs(c.standardError! - 0.02362034786647592) < 1e-12)
    // 95 % interval −0.015 ± 1.96·SE = [−0.0613, 0.0313]: includes 0.
    #expect(abs(c.interval95!.lowerBound - -0.0612958818182928) < 1e-12)
    #expect(!c.distinguishableFromZero)
    #expect(!c.smallNumbers && c.seriesBreaks.isEmpty && c.missingMembers == 0)
    // The caveats are always stated.
    let md = f.markdown()
    for caveat in Uppföljning.comparisonCaveats() { #expect(md.contains(caveat)) }
  }

  @Test("a small group is marked small numbers")
  func small() throws {
    var o = Self.options()
    o.smallGroupLimit = 500
    let c = try #require(try Uppföljning(panel: Self.panel, groups: [Self.groupA], options: o).comparison(for: "A"))
    #expect(c.smallNumbers)
  }

  @Test("missing years are listed and changes across them are not judged")
  func missingYears() throws {
    let f = try Uppföljning(panel: Self.panel, groups: [Self.groupA], options: Self.options())
    #expect(f.gaps.filter { $0.seriesID == "city" }.map(\.year) == [2020, 2021, 2022])
    #expect(f.skippedChanges.map(\.reason) == [.missingYear, .missingYear])  // city and group A, 2019→2023
    #expect(f.shifts.isEmpty)
    let text = f.text()
    #expect(text.contains("saknas i data"))
    #expect(text.contains("förändring ej bedömd: saknat år"))
    // The time-series table shows the gap as "..".
    #expect(text.contains("2021") && text.contains(".."))
  }

  @Test("a sum missing some area's data is marked † and counted")
  func incompleteSum() throws {
    let panel = IndicatorPanel(observations: [
      .init(code: "A", year: 2022, numerator: 10, denominator: 100),
      .init(code: "B", year: 2022, numerator: 30, denominator: 100),
      .init(code: "A", year: 2023, numerator: 12, denominator: 100),
      .init(code: "B", year: 2023, numerator: nil, denominator: nil),
    ])
    var o = Uppföljning.Options.malmö
    o.publishedCity = []
    let f = try Uppföljning(panel: panel, options: o)
    // 2023: only A (12/100); B counts as a member without data.
    #expect(f.city.point(year: 2023)?.value == 0.12 && f.city.point(year: 2023)?.missingMembers == 1)
    #expect(f.text().contains("12,0†"))
    #expect(f.chart().series[0].values == [0.2, nil])  // the incomplete sum is not drawn
    #expect(f.shifts.isEmpty && f.skippedChanges.map(\.reason) == [.incompleteSum])
  }

  @Test("a series break is flagged and changes across it are not judged")
  func seriesBreak() throws {
    // 2013, 2014, 2016, 2017: 2015 (the UVAS break year) is missing too.
    var obs: [IndicatorPanel.Observation] = []
    for (y, x) in [(2013, 50.0), (2014, 80.0), (2016, 60.0), (2017, 61.0)] {
      obs.append(.init(code: "A", year: y, numerator: x, denominator: 1000))
    }
    var o = Uppföljning.Options.malmö
    o.shiftRule = .binomial(k: 2)
    o.baselineYear = 2017
    o.publishedCity = []
    o.publishedNation = []
    let f = try Uppföljning(panel: IndicatorPanel(observations: obs), groups: [Self.groupA], options: o)
    #expect(f.seriesBreaks == [2015])
    // City: 2013→2014 judged (z = 2.72 > 2: large); 2014→2016 skipped for the break; 2016→2017 judged.
    let city = f.shifts.filter { $0.seriesID == "city" }
    #expect(city.map(\.fromYear) == [2013, 2016])
    #expect(city[0].assessment.isLarge && !city[1].assessment.isLarge)
    #expect(f.skippedChanges.contains { $0.seriesID == "city" && $0.fromYear == 2014 && $0.toYear == 2016 && $0.reason == .seriesBreak })
    #expect(f.gaps.contains { $0.seriesID == "city" && $0.year == 2015 && $0.kind == .missingInData })
    // The comparison 2013–2017 spans the break and says so.
    #expect(f.comparison(for: "A")?.seriesBreaks == [2015])
    let text = f.text()
    #expect(text.contains("Seriebrott 2015"))
    #expect(text.contains("2015*"))
    #expect(text.contains("seriebrott 2015"))
  }

  @Test("values that should be published by the follow-up date but are missing are listed")
  func expectedButMissing() throws {
    var o = Self.options()
    o.publishedCity = [.malmö2023]
    o.asOf = CalendarDate(2026, 7, 1)
    let f = try Uppföljning(panel: Self.panel, options: o)
    // By 2026-07-01 the 2024 value (window 2025-12-31 – 2026-06-30) should be out; the data ends in 2023.
    #expect(f.gaps.filter { $0.kind == .expectedButMissing }.map(\.year) == [2024])
    #expect(f.nextPublication?.year == 2024)
    #expect(f.status().contains("Borde redan vara publicerat men saknas: 2024."))
  }

  @Test("by kön where the data has it")
  func byKön() throws {
    let panel = IndicatorPanel(observations: [
      .init(code: "A", year: 2022, kön: .kvinna, numerator: 10, denominator: 100),
      .init(code: "A", year: 2022, kön: .man, numerator: 20, denominator: 100),
      .init(code: "A", year: 2023, kön: .kvinna, numerator: 8, denominator: 100),
      .init(code: "A", year: 2023, kön: .man, numerator: 20, denominator: 100),
      .init(code: "B", year: 2022, kön: .kvinna, numerator: 5, denominator: 100),
      .init(code: "B", year: 2022, kön: .man, numerator: 5, denominator: 100),
      .init(code: "B", year: 2023, kön: .kvinna, numerator: 5, denominator: 100),
      .init(code: "B", year: 2023, kön: .man, numerator: 5, denominator: 100),
    ])
    let f = try Uppföljning(panel: panel, groups: [Self.groupA], options: Uppföljning.Options.malmö)
    #expect(f.cityByKön.map(\.kön) == [.kvinna, .man])
    // Women: A 10 % → 8 % (−2 pp), B 5 % → 5 %: difference −0.02.
    #expect(abs(f.comparison(for: "A", kön: .kvinna)!.differenceInChange! - -0.02) < 1e-12)
    #expect(f.comparison(for: "A", kön: .man)?.differenceInChange == 0)
    // Everyone: A 30/200 → 28/200 (−1 pp), B 10/200 → 10/200: −0.01.
    #expect(abs(f.comparison(for: "A")!.differenceInChange! - -0.01) < 1e-12)
  }

  @Test("impossible inputs throw a FollowUpError with a hint", arguments: [
    ("2023:8", "followup.bad-target-year"),
    ("2020:8", "followup.bad-target-year"),
  ])
  func badTargets(target: String, code: String) throws {
    var o = Uppföljning.Options.malmö
    o.targets = [try Målvärde(parsing: target)]
    #expect {
      try Uppföljning(panel: Self.panel, options: o)
    } throws: { error in
      (error as! FollowUpError).code.rawValue == code && (error as! FollowUpError).hint != nil
    }
  }

  @Test("targets parse as YEAR:PERCENT", arguments: [
    ("2030:8,5", 2030, 0.085), ("2035:7.5%", 2035, 0.075), (" 2030 : 9 ", 2030, 0.09),
  ])
  func parse(text: String, year: Int, value: Double) throws {
    let t = try Målvärde(parsing: text)
    #expect(t.year == year && abs(t.value - value) < 1e-12)
  }

  @Test("malformed targets are refused", arguments: ["2030", "2030:abc", "2030:150", "år:8"])
  func malformed(text: String) {
    #expect(throws: FollowUpError.self) { try Målvärde(parsing: text) }
  }

  @Test("a group with no area in the data is an error")
  func noData() {
    #expect(throws: FollowUpError.self) {
      try Uppföljning(panel: Self.panel, groups: [AreaGroup(id: "X", name: "X", kind: .custom, codes: ["nope"])], options: .malmö)
    }
  }
}
