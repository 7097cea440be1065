import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl demo`: the main job on the bundled data.
enum DemoCommand: Command {
  static let name = "demo"
  static let abstract = "Run the main job on the bundled Malmö data and summarise it."
  static let discussion = """
    Runs the whole pipeline on the bundled data — Malmö's 136 delområden (real
    geometry, Malmö stad), illustrative statistics, the 2023 consultation and a
    sample of invented insatser — prints a short summary of every stage, and
    writes the full report (the same as 'kraftctl report') into
    ./kraftsamling-demo/ (or --out DIR). The numbers are ILLUSTRATIVE, not official.
    """
  static let examples: [(command: String, comment: String)] = [
    ("demo", "The whole demo; the report goes to ./kraftsamling-demo/"),
    ("demo --out /tmp/demo --lang en", "The report in English, elsewhere"),
  ]
  static let out = CommonOptions.outDirectory.help(
    "Where to write the report (default ./kraftsamling-demo); see 'kraftctl report --help'.")
  static let language = CommonOptions.language.help("The report's language: sv (default) or en.")
  static let options: [any OptionDeclaration] = [out, CommonOptions.force, language, CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    io.print("KraftsamlingKit demo — Malmö, kraftsamlande insatser")
    io.print("Data: \(MalmöData.geometryCreditEnglish); statistics: \(Inputs.illustrative)")
    for (number, step) in DemoSteps.all.enumerated() {
      io.print()
      io.print("\(number + 1). \(step.title)")
      try step.run(&io)
    }
    // The full report, as `kraftctl report` writes it.
    let out = args[Self.out] ?? "kraftsamling-demo"
    let language = args[Self.language] ?? .sv
    var reportArgs = [ReportCommand.out.name, out, CommonOptions.language.name, language.rawValue]
    if io.quiet { reportArgs.append(CommonOptions.quiet.name) }
    let artifacts = try ReportCommand.build(ReportCommand.parse(reportArgs), &io)
    try Inputs.outputDirectory(out, args).write(artifacts.files)
    io.print()
    io.print("Report: wrote \(artifacts.files.count) files to \(out)/ — open \(out)/index.html in a browser")
    io.print(
      "(HTML and Markdown, \(artifacts.figures.count) SVG figures, \(artifacts.tables.count) CSV tables; "
        + "\(artifacts.document.language == .sv ? "in Swedish, --lang en for English" : "in English"))")
  }
}

/// The steps of the demo, one function per stage of the pipeline, in the
/// order data → index → geography → eligibility → allocation → follow-up.
enum DemoSteps {
  struct Step: Sendable {
    var title: String
    var run: @Sendable (inout Output) throws -> Void
  }

  static let all: [Step] = [
    Step(title: "Data", run: data),
    Step(
      title: "Index \(IndexDefinition.stadskontoret2025.label): z-scores, equal weights, arithmetic mean", run: index),
    Step(title: "Robustness (robusthet) of the top 12: 1,000 Monte Carlo replications", run: robustness),
    Step(title: "Clusters (kluster) of the index's top 12, rook contiguity", run: clusters),
    Step(title: "Eligibility of the sample insatser (STK-2024-1374)", run: eligibility),
    Step(title: "Allocation (fördelning) of a sample budget", run: allocation),
    Step(title: "Follow-up (uppföljning) of UVAS", run: followUp),
    Step(title: "Consultation (remissvar)", run: consultation),
  ]

  /// Loads and checks the data.
  static func data(_ io: inout Output) throws {
    let delområden = MalmöData.delområden
    let table = MalmöData.statistik
    let catalogue = IndicatorCatalogue.stadskontoret2025
    // The same check, and count, as `kraftctl validate` and the report's data section.
    let check = StatisticsCheck(table: table, geometry: MalmöData.layer)
    io.print(
      "   \(delområden.count) delområden in \(Set(delområden.map(\.geso.code)).count) GeSO; "
        + "\(MalmöData.layer.features.count) polygons; statistics for \(table.count) areas")
    let zeroDenominatorAreas = Set(
      check.diagnostics.filter { $0.code == "statistics.zero-denominator" }.compactMap(\.location.line))
    io.print(
      "   validation: \(check.errorCount) errors, \(check.warningCount) warnings "
        + "(zero denominators on \(zeroDenominatorAreas.count) rows: harbours, parks, industrial areas)")
    var t = ReportTable(columns: ["indicator", "Malmö", "areas"], alignments: [.left, .right, .right])
    for total in table.totals(of: catalogue.all) {
      t.append([total.indicator.name, total.rate.map { DecimalFormatting.percent($0) + " %" } ?? "..", String(total.areas)])
    }
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
  }
}
