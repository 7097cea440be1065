import KraftsamlingKit
import KraftsamlingKitData

/// The insatser of `kraftctl report`: the sample with the bundled data, the
/// file of `--insatser` with any data, none otherwise.
extension ReportCommand {
  /// The insatser, their rules, the budget and the model: the sample only
  /// with the bundled data, no budget without insatser.
  static func addInsatser(
    to config: inout PipelineConfiguration, statistics: Inputs.Statistics, _ args: ParsedArguments, _ io: inout Output
  ) throws {
    let path = args[CommonOptions.insatser]
    config.rules = try InsatsInputs.ruleSet(args[CommonOptions.rules], &io)
    if let m = args[CommonOptions.model] { config.model = m }
    if let p = args[population] {
      guard statistics.table.hasColumn(p) else {
        let s = NameResolver(entries: statistics.table.columnNames.map { ($0, $0) }, noun: "column").suggestions(for: p)
        throw UsageError("--population: the data has no column '\(p)'", hint: s.first.map { "did you mean \($0)?" })
      }
      config.populationColumn = p
    }
    guard path != nil || statistics.isBundled else {
      if args.isGiven(CommonOptions.budget) {
        throw UsageError(
          "--budget: there are no insatser to divide it over (the sample insatser go with the bundled data only)",
          hint: "give your insatser with --insatser FILE")
      }
      return
    }
    // Area names are resolved with Malmö's delområden for Malmö's codes;
    // otherwise the codes are taken as written and checked against the data.
    let loaded = try InsatsInputs.load(path, areas: config.hierarchy, &io)
    try checkAreas(of: loaded.insatser, file: path, in: statistics)
    config.insatser = loaded.insatser
    if loaded.isExample {
      config.insatserLabel = config.language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish
    }
    // The sample's 6 MSEK go with the sample only.
    config.budget = args[CommonOptions.budget] ?? (path == nil ? DemoSteps.demoBudget : nil)
    if !args.isGiven(population) && config.budget != nil && !statistics.table.hasColumn(config.populationColumn)
      && ["need-weighted", "base-plus-need"].contains(config.model.name)
    {
      throw UsageError(
        "the \(config.model.name) model needs each insats's target population, but the data has no column \(config.populationColumn)",
        hint: "name the population column with --population COLUMN, or use --model pro-rata")
    }
  }

  /// Every area an insats names must be in the statistics (its need and
  /// target population are read there): one error per insats that names
  /// others, with the codes unknown to the data. Exit 65.
  static func checkAreas(of insatser: [Insats], file: String?, in statistics: Inputs.Statistics) throws {
    let known = Set(statistics.table.codes)
    let data = statistics.isBundled ? "the bundled statistics" : (statistics.table.source ?? "the statistics")
    var problems: [Diagnostic] = []
    for insats in insatser {
      let unknown = insats.areas.filter { !known.contains($0) }
      guard let first = unknown.first else { continue }
      let nearest = NameResolver(entries: known.sorted().map { ($0, $0) }, noun: "area code").suggestions(for: first)
      problems.append(
        Diagnostic(
          .error, code: "report.unknown-area",
          "insats \(insats.id) names \(unknown.count == 1 ? "an area" : "areas") not in \(data): \(unknown.joined(separator: ", "))",
          at: SourceLocation(file: file.map { $0 == "-" ? "<stdin>" : $0 }, field: "areas"),
          hint: "an insats's areas must be area codes of the statistics (\(known.count) areas)"
            + (nearest.first.map { "; did you mean \($0)?" } ?? "")))
    }
    if !problems.isEmpty { throw DataError(.invalid, diagnostics: problems) }
  }
}
