import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Regression: the follow-up section of the pipeline report on the bundled
/// data, as `kraftctl demo` and `kraftctl report` build it.
///
/// The section was once rendered from the unsuppressed follow-up
/// (disclosure control reached the index but not the UVAS tables and
/// chart). Fixed in `Reporting/Pipeline/PipelineResult+Report.swift`, which
/// now passes `Uppföljning.disclosed(by:)` to the section. These tests pin
/// the section's figures to values computed by hand from
/// `uvas_tidsserie_exempel.csv`, and check that a stricter control hides
/// exactly the small delområden.
@Suite("Regression: the pipeline report's follow-up on the bundled data")
struct PipelineFollowUpReportTests {
  /// The configuration `kraftctl report` builds for the bundled data,
  /// without geometry, insatser and robustness (not needed here).
  static func configuration(language: ReportLanguage = .sv, disclosure: DisclosureControl = DisclosureControl()) throws
    -> PipelineConfiguration
  {
    var c = PipelineConfiguration(
      statistics: MalmöData.statistik, definition: .stadskontoret2025, municipality: "Malmö", catalogue: .malmö,
      rules: .stk2024_1374())
    c.hierarchy = MalmöData.hierarchy
    c.language = language
    c.disclosure = disclosure
    c.isIllustrative = true
    c.illustrativeLabel = language == .sv ? MalmöData.illustrativeLabel : MalmöData.illustrativeLabelEnglish
    c.robustnessReplications = 0
    c.permutations = 0
    let file = MalmöData.uvasSeriesCSV
    c.followUpPanel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel
    c.followUpGroups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
    var options = Uppföljning.Options.malmö
    options.dataLabel = c.illustrativeLabel
    c.followUpOptions = options
    return c
  }

  /// The Markdown of the report's follow-up section alone.
  static func followUpMarkdown(_ artifacts: PipelineArtifacts) throws -> String {
    var document = artifacts.document
    let section = try #require(document.sections.first { $0.id == "uppfoljning" })
    document.sections = [section]
    return document.markdown()
  }

  @Test("the section, its chart and the shares of 2023 match the hand-computed values")
  func defaultControl() throws {
    let artifacts = try KraftsamlingPipeline.run(Self.configuration()).artifacts()
    let section = try #require(artifacts.document.sections.first { $0.id == "uppfoljning" })
    #expect(section.title == "Uppföljning (UVAS)")
    // Without insatser, geometry and consultation rounds: the follow-up and the evaluation design
    // ("Går det att se om det fungerade?", #20) come just before the method.
    #expect(
      artifacts.document.sections.map(\.id)
        == ["sammanfattning", "data", "index", "granskning", "vikter", "uppfoljning", "utvardering", "metod"])

    let chart = try #require(artifacts.figures.first { $0.fileName == "figurer/uppfoljning.svg" })
    #expect(chart.svg.hasPrefix("<svg"))
    #expect(chart.svg.contains(MalmöData.illustrativeLabel))

    let md = try Self.followUpMarkdown(artifacts)
    // 2023, by hand from the series: Malmö 7,184/94,243 = 7.62 %; cluster 1
    // (118+147+215)/(776+1,398+952) = 480/3,126 = 15.36 %; cluster 2
    // 291/2,201 = 13.22 %; cluster 3 995/5,542 = 17.95 %; cluster 4 (Holma)
    // 236/1,184 = 19.93 %; cluster 5 (Katrinelund) 162/1,017 = 15.93 %;
    // the whole selection 2,164/13,070 = 16.56 %. Published: 9.5 % and 6.8 %.
    #expect(md.contains("| 2023 | 7,6 | 9,5 | 6,8 | 15,4 | 13,2 | 18,0 | 19,9 | 15,9 | 16,6 |"), "\(md)")
    // 2019: Malmö 8,142/94,243 = 8.64 %; the selection 2,403/13,070 = 18.39 %.
    #expect(md.contains("| 2019 | 8,6 |"))
    #expect(md.contains("| 18,4 |\n"))
    // Södra Sofielund, 952 young people: 173/952 = 18.17 % in 2019, 215/952 = 22.58 % in 2023.
    #expect(md.contains("| Södra Sofielund | 952 | 18,2 |"))
    #expect(md.contains("| 22,6 |"))
    // Every followed group has more than 10 young people: nothing is hidden, the rule is named.
    #expect(!md.contains("| .. |"))
    #expect(md.contains("Röjandekontroll: andelar för färre än 10 personer och antal under 5 visas som \"..\""))
    #expect(md.contains(MalmöData.illustrativeLabel))
  }

  @Test("a control of 1,000 people hides the delområden with fewer young people, and nothing else")
  func strictControl() throws {
    let strict = DisclosureControl(minimumDenominator: 1_000)
    let artifacts = try KraftsamlingPipeline.run(Self.configuration(language: .en, disclosure: strict)).artifacts()
    let section = try #require(artifacts.document.sections.first { $0.id == "uppfoljning" })
    #expect(section.title == "Follow-up (UVAS)")
    let md = try Self.followUpMarkdown(artifacts)
    // Below 1,000: Augustenborg 776, Södra Sofielund 952, Hermodsdal 996, Persborg 767, Örtagården 836.
    for name in ["Augustenborg", "Södra Sofielund", "Hermodsdal", "Persborg", "Örtagården"] {
      let row = md.split(separator: "\n").first { $0.hasPrefix("| \(name) |") }
      #expect(row?.hasSuffix("| .. | .. | .. | .. | .. |") == true, "\(row ?? "no row for \(name)")")
    }
    // 22.6 % (215 of 952 in Södra Sofielund) must not appear anywhere in the section.
    #expect(!md.contains("22.6"))
    // At or above 1,000 the shares stay: Holma 236/1,184 = 19.93 %, Katrinelund 162/1,017 = 15.93 %.
    let holma = md.split(separator: "\n").first { $0.hasPrefix("| Holma |") }
    #expect(holma?.hasSuffix("| 19.9 |") == true, "\(holma ?? "no row for Holma")")
    let katrinelund = md.split(separator: "\n").first { $0.hasPrefix("| Katrinelund |") }
    #expect(katrinelund?.hasSuffix("| 15.9 |") == true, "\(katrinelund ?? "no row for Katrinelund")")
    // The city and the clusters are sums over far more than 1,000 people: unchanged.
    #expect(md.contains("| 2023 | 7.6 | 9.5 | 6.8 | 15.4 | 13.2 | 18.0 | 19.9 | 15.9 | 16.6 |"), "\(md)")
    #expect(md.contains("Disclosure control: shares of fewer than 1,000 people and counts below 5 are shown as \"..\""))
  }
}
