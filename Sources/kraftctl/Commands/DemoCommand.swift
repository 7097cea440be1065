import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl demo`: the main job on the bundled data.
enum DemoCommand: Command {
  static let name = "demo"
  static let abstract = "Run the main job on the bundled Malmö data and summarise it."
  static let usage = "[--quiet]"
  static let discussion = """
    Loads the bundled data — Malmö's 136 delområden (real geometry, Malmö stad)
    and illustrative statistics — checks it, and summarises what the later steps
    of the pipeline work with. The numbers are ILLUSTRATIVE, not official.
    """
  static let examples: [(command: String, comment: String)] = [("demo", "The whole demo")]
  static let options: [OptionSpec] = [CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    io.print("KraftsamlingKit demo — Malmö, kraftsamlande insatser")
    io.print("Data: \(MalmöData.geometryCreditEnglish); statistics: \(Inputs.illustrative)")
    for (number, step) in DemoSteps.all.enumerated() {
      io.print()
      io.print("\(number + 1). \(step.title)")
      try step.run(&io)
    }
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
    Step(title: "Index \(IndexDefinition.stadskontoret2025.label): z-scores, equal weights, arithmetic mean", run: index),
    Step(title: "Eligibility of the sample insatser (STK-2024-1374)", run: eligibility),
    Step(title: "Allocation (fördelning) of a sample budget", run: allocation),
    Step(title: "Follow-up (uppföljning) of UVAS", run: followUp),
    Step(title: "Consultation (remissvar)", run: consultation),
  ]

  /// Checks the sample insatser against the rules of STK-2024-1374.
  static func eligibility(_ io: inout Output) throws {
    io.print(CheckCommand.demoSummary(), terminator: "")
  }

  /// Loads and checks the data.
  static func data(_ io: inout Output) throws {
    let delområden = MalmöData.delområden
    let table = MalmöData.statistik
    let catalogue = IndicatorCatalogue.stadskontoret2025
    let diagnostics = StatisticsValidator(indicators: catalogue.all).validate(table, geometry: MalmöData.layer)
    io.print(
      "   \(delområden.count) delområden in \(Set(delområden.map(\.geso.code)).count) GeSO; "
        + "\(MalmöData.layer.features.count) polygons; statistics for \(table.count) areas")
    let zeroDenominatorAreas = Set(diagnostics.filter { $0.code == "statistics.zero-denominator" }.compactMap(\.location.line))
    io.print(
      "   validation: \(diagnostics.errors.count) errors, \(diagnostics.warnings.count) warnings "
        + "(zero denominators on \(zeroDenominatorAreas.count) rows: harbours, parks, industrial areas)")
    var t = ReportTable(columns: ["indicator", "Malmö", "areas"], alignments: [.left, .right, .right])
    for indicator in catalogue.all {
      guard case .rate(let pair) = indicator.measure,
        let num = table.column(pair.numerator), let den = table.column(pair.denominator)
      else { continue }
      var n = 0.0
      var d = 0.0
      var areas = 0
      for i in 0..<table.count {
        if let a = num[i], let b = den[i], b > 0 {
          n += a
          d += b
          areas += 1
        }
      }
      t.append([indicator.name, d > 0 ? DecimalFormatting.percent(n / d) + " %" : "..", String(areas)])
    }
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
  }
}
