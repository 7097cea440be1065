import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl report`: the whole pipeline as one report directory.
enum ReportCommand: Command {
  static let name = "report"
  static let abstract = "Run the whole pipeline and write an HTML and Markdown report with CSV/JSON of every table."
  static let discussion = """
    Runs data check → index → clusters and hot spots → eligibility → allocation →
    follow-up → consultation summary, and writes into DIR:
      index.html          a self-contained report (inline SVG maps and charts)
      rapport.md          the same as Markdown (report.md with --lang en)
      figurer/*.svg       every figure
      tabeller/*.csv      every table as kraftctl writes CSV (UTF-8, comma, '.'
                          decimals, '..' when hidden): index.csv is
                          kraftctl index --format csv, and robusthet, kluster,
                          lisa and fordelning.csv are the CSV of robustness,
                          clusters, hotspots and allocate --explain, given
                          the same options
      json/*.json         the index result, the verdicts, the allocation
    The report is Swedish by default (it is for Swedish civil servants); --lang en
    gives English. Without --data/--geometry/--insatser it uses the bundled Malmö
    data and the sample insatser, and labels every figure as illustrative. Every
    choice is printed in the report's Method section.

    kraftctl never deletes or overwrites a file it did not write. DIR gets a
    manifest (.kraftsamling-manifest.json) of the files written; a later run
    replaces only those. An existing non-empty DIR without one, the current
    directory, your home directory and any folder holding .git are refused
    (exit 73) unless --force, which adds the files but still removes nothing
    outside the manifest. The report appears whole or not at all.
    """
  static let examples: [(command: String, comment: String)] = [
    ("report --out rapport", "The bundled data, in Swedish"),
    ("report --out report --lang en --budget '10 MSEK' --model pro-rata", "English, another budget and model"),
    ("report --out r --data deso.csv --geometry deso.geojson --id-property deso", "Your own data"),
  ]
  static let out = CommonOptions.outDirectory.required(hint: "e.g. kraftctl report --out rapport")
  static let top = Option.integer(
    "--top", "K", "How many of the highest-ranked areas form the selection (default 12).", in: 1...100_000)
  static let population = Option<String>(
    "--population", "COLUMN", "Target population of an insats's areas for need-based models (default barn_0_18).")
  static let options: [any OptionDeclaration] =
    [
      out, CommonOptions.force, CommonOptions.language, CommonOptions.definition, top,
      CommonOptions.rule.help("Contiguity for clusters and hot spots: rook (default) or queen."),
      CommonOptions.permutations.help("Permutations of the hot-spot test (default 999)."),
      CommonOptions.seed.help("Seed of every random step (default 2025)."), CommonOptions.insatser,
      CommonOptions.rules.help("Eligibility rules (default stk-2024-1374)."),
      CommonOptions.budget.help(
        "Budget to divide (default 6 MSEK on the sample; none with your own insatser unless given)."),
      CommonOptions.model.help("Fördelningsmodell (default need-weighted)."), population,
      CommonOptions.target.help("A UVAS target, e.g. 2030:8,5 (repeatable; none by default)."), CommonOptions.geometry,
      CommonOptions.idProperty,
    ] + CommonOptions.dataInput + CommonOptions.disclosure + [CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let out = try args.require(Self.out)
    let files = try build(args, &io)
    try Inputs.outputDirectory(out, args).write(files.files)
    io.note("kraftctl: wrote \(files.files.count) files to \(out)/ (open \(out)/index.html)")
  }

  /// Builds the report's files from the command line (shared with `demo`).
  static func build(_ args: ParsedArguments, _ io: inout Output) throws -> PipelineArtifacts {
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    var config = try configuration(statistics, args, &io)
    try addInsatser(to: &config, statistics: statistics, args, &io)
    // Follow-up and consultation (bundled series with the bundled data).
    if statistics.isBundled {
      let file = MalmöData.uvasSeriesCSV
      config.followUpPanel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file)))
        .panel
      config.followUpGroups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
      config.consultations = [MalmöData.remissvar2023, MalmöData.remiss2025]
    }
    var options = Uppföljning.Options.malmö
    options.dataLabel = statistics.isBundled ? config.illustrativeLabel : nil
    options.targets += args.all(CommonOptions.target)
    config.followUpOptions = options
    let bar = ProgressBar(label: "report", quiet: io.quiet)
    let result = try KraftsamlingPipeline.run(config, progress: bar.reporter)
    bar.finish()
    return try result.artifacts()
  }

  /// The statistics, the index, the geometry and the selection of the report.
  static func configuration(_ statistics: Inputs.Statistics, _ args: ParsedArguments, _ io: inout Output) throws
    -> PipelineConfiguration
  {
    let language = args[CommonOptions.language] ?? .sv
    var config = PipelineConfiguration(
      statistics: statistics.table, definition: try IndexOptions.definition(args), municipality: "Malmö", catalogue: .malmö,
      rules: .stk2024_1374())
    config.statisticsDiagnostics = statistics.diagnostics
    config.language = language
    config.disclosure = Inputs.disclosure(args)
    config.isIllustrative = statistics.isBundled
    config.illustrativeLabel = language == .sv ? MalmöData.illustrativeLabel : MalmöData.illustrativeLabelEnglish
    config.statisticsSource =
      statistics.isBundled ? "statistik_exempel.csv (KraftsamlingKit)" : (statistics.table.source ?? "data")
    // The same geometry as `kraftctl validate` checks the codes against.
    let (layer, origin) = try Inputs.layer(for: statistics.table, isBundled: statistics.isBundled, args)
    let isMalmö = statistics.isBundled || Set(statistics.table.codes).isSubset(of: Set(MalmöData.layer.ids))
    if isMalmö { config.hierarchy = MalmöData.hierarchy }
    config.layer = layer
    switch origin {
    case .file:
      config.geometryCredit = layer?.source
    case .bundled, .malmöCodes:
      config.geometryCredit = language == .sv ? MalmöData.geometryCredit : MalmöData.geometryCreditEnglish
      if origin == .malmöCodes { io.note(Inputs.malmöCodesNote) }
    case .none:
      io.note("kraftctl: note: no --geometry for these area codes: maps, clusters and hot spots are left out")
    }
    if let k = args[top] { config.selectionSize = k }
    if let rule = args[CommonOptions.rule] { config.contiguityRule = rule }
    if let p = args[CommonOptions.permutations] { config.permutations = p }
    if let seed = args[CommonOptions.seed] { config.seed = seed }
    return config
  }

  /// The insatser, their rules, the budget and the model.
  static func addInsatser(
    to config: inout PipelineConfiguration, statistics: Inputs.Statistics, _ args: ParsedArguments, _ io: inout Output
  ) throws {
    let loaded = try InsatsInputs.load(args[CommonOptions.insatser], &io)
    config.insatser = loaded.insatser
    if loaded.isExample {
      config.insatserLabel = config.language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish
    }
    config.rules = try InsatsInputs.ruleSet(args[CommonOptions.rules], &io)
    config.budget = args[CommonOptions.budget] ?? (loaded.isExample ? DemoSteps.demoBudget : nil)
    if let m = args[CommonOptions.model] { config.model = m }
    if let p = args[population] {
      guard statistics.table.hasColumn(p) else {
        let s = NameResolver(entries: statistics.table.columnNames.map { ($0, $0) }, noun: "column").suggestions(for: p)
        throw UsageError("--population: the data has no column '\(p)'", hint: s.first.map { "did you mean \($0)?" })
      }
      config.populationColumn = p
    } else if config.budget != nil && !statistics.table.hasColumn(config.populationColumn)
      && ["need-weighted", "base-plus-need"].contains(config.model.name)
    {
      throw UsageError(
        "the \(config.model.name) model needs each insats's target population, but the data has no column \(config.populationColumn)",
        hint: "name the population column with --population COLUMN, or use --model pro-rata")
    }
  }
}
