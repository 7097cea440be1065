import Testing

import KraftsamlingKit
@testable import KraftsamlingReporting

/// The report's section on the weights: sentences without ids, and the
/// chart of rank against each weight, in Swedish and English.
@Suite("Report: how sensitive the selection is to the weights")
struct WeightSensitivityReportTests {
  @Test("one sentence per indicator with names, and a well-formed chart with seven areas", arguments: [ReportLanguage.sv, .en])
  func section(_ language: ReportLanguage) throws {
    let artifacts = try KraftsamlingPipeline.run(PipelineFollowUpReportTests.configuration(language: language)).artifacts()
    let section = try #require(artifacts.document.sections.first { $0.id == "vikter" })
    #expect(section.title == language.pick("Hur känsligt är urvalet för vikterna?", "How sensitive is the selection to the weights?"))
    let markdown = artifacts.document.markdown()
    #expect(!markdown.contains("ekonomiskt_bistand_20_64"))
    #expect(
      markdown.contains(
        language.pick(
          "Andel 0–18 år i hushåll med låg inkomststandard: urvalet är detsamma när vikten ligger mellan 0,0 % och 33,4 % (i dag 25,0 %); över 33,4 % kommer Heleneholm in i stället för Apelgården.",
          "Andel 0–18 år i hushåll med låg inkomststandard: the selection is the same while the weight is between 0.0 % and 33.4 % (today 25.0 %); above 33.4 %, Heleneholm replaces Apelgården.")))
    let figure = try #require(artifacts.figures.first { $0.fileName == "figurer/vikter-rang.svg" })
    #expect(figure.svg.hasPrefix("<svg") && figure.svg.hasSuffix("</svg>\n"))
    #expect(figure.svg.components(separatedBy: "<path ").count - 1 == 4 * 7)  // 4 panels × areas ranked 9…15
    #expect(figure.svg.contains("Heleneholm") && figure.svg.contains("Apelgården"))
  }
}
