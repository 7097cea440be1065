import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl report`: the whole pipeline as one report directory.
enum ReportCommand: Command {
  static let name = "report"
  static let abstract = "Run the whole pipeline and write an HTML and Markdown report with CSV/JSON of every table."
  static let usage =
    "--out DIR [--force] [--data FILE] [--geometry FILE] [--definition NAME|FILE] [--insatser FILE] [--budget KRONOR] [--model NAME] [--lang sv|en]"
  static let discussion = """
    Runs data check → index → clusters and hot spots → eligibility → allocation →
    follow-up → consultation summary, and writes into DIR:
      index.html          a self-contained report (inline SVG maps and charts)
      rapport.md          the same as Markdown (report.md with --lang en)
      figurer/*.svg       every figure
      tabeller/*.csv      every table (UTF-8, comma, '.' decimals)
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
  static let options: [OptionSpec] = [
    .option("--out", "DIR", "The report directory: created, or replaced if kraftctl wrote it."),
    CommonOptions.force,
    .option("--lang", "LANG", "sv (default) or en."),
    IndexOptions.definition,
    .option("--top", "K", "How many of the highest-ranked areas form the selection (default 12)."),
    .option("--rule", "RULE", "Contiguity for clusters and hot spots: rook (default) or queen."),
    .option("--permutations", "P", "Permutations of the hot-spot test (default 999)."),
    .option("--seed", "S", "Seed of every random step (default 2025)."),
    .option("--insatser", "FILE", "Insats file (default: the bundled sample of invented insatser)."),
    .option("--rules", "FILE|NAME", "Eligibility rules (default stk-2024-1374)."),
    .option("--budget", "KRONOR", "Budget to divide (default 6 MSEK on the sample; none with your own insatser unless given)."),
    .option("--model", "NAME", "Fördelningsmodell (default need-weighted)."),
    .option("--population", "COLUMN", "Target population of an insats's areas for need-based models (default barn_0_18)."),
    .option("--target", "YEAR:PERCENT", "A UVAS target, e.g. 2030:8,5 (repeatable; none by default).", repeatable: true),
    CommonOptions.geometry, CommonOptions.idProperty,
  ] + CommonOptions.dataInput + CommonOptions.disclosure + [CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    guard let out = args.value("--out") else { throw UsageError("--out DIR is required", hint: "e.g. kraftctl report --out rapport") }
    let files = try build(args, &io)
    try Inputs.outputDirectory(out, args).write(files.files)
    io.note("kraftctl: wrote \(files.files.count) files to \(out)/ (open \(out)/index.html)")
  }

  /// Builds the report's files from the command line (shared with `demo`).
  static func build(_ args: Arguments, _ io: inout Output) throws -> PipelineArtifacts {
    let language: ReportLanguage = try args.choice("--lang", [("sv", .sv), ("en", .en)]) ?? .sv
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    var config = PipelineConfiguration(
      statistics: statistics.table, definition: try IndexOptions.definition(args), municipality: "Malmö", catalogue: .malmö,
      rules: .stk2024_1374())
    config.statisticsDiagnostics = statistics.diagnostics
    config.language = language
    config.disclosure = try Inputs.disclosure(args)
    config.isIllustrative = statistics.isBundled
    config.illustrativeLabel = language == .sv ? MalmöData.illustrativeLabel : MalmöData.illustrativeLabelEnglish
    config.statisticsSource = statistics.isBundled ? "statistik_exempel.csv (KraftsamlingKit)" : (statistics.table.source ?? "data")
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
    if let k = try args.int("--top", in: 1...100_000) { config.selectionSize = k }
    if let rule: String = try args.choice("--rule", [("rook", "rook"), ("queen", "queen")]) {
      config.contiguityRule = rule == "queen" ? .queen : .rook
    }
    if let p = try args.int("--permutations", in: 0...1_000_000) { config.permutations = p }
    if let s = args.value("--seed") {
      guard let seed = UInt64(s) else { throw UsageError("--seed must be a whole number ≥ 0, got '\(s)'") }
      config.seed = seed
    }
    // Insatser, rules, money.
    let loaded = try InsatsInputs.load(args.value("--insatser"), &io)
    config.insatser = loaded.insatser
    if loaded.isExample { config.insatserLabel = language == .sv ? SampleInsatser.exampleLabel : SampleInsatser.exampleLabelEnglish }
    config.rules = try InsatsInputs.ruleSet(args.value("--rules"), &io)
    if let b = try AllocationSupport.budget(args) {
      config.budget = b
    } else if loaded.isExample {
      config.budget = DemoSteps.demoBudget
    }
    if let m = args.value("--model") { config.model = try AllocationSupport.model(m) }
    if let p = args.value("--population") {
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
    // Follow-up and consultation (bundled series with the bundled data).
    if statistics.isBundled {
      let file = MalmöData.uvasSeriesCSV
      config.followUpPanel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel
      config.followUpGroups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
      config.consultations = [MalmöData.remissvar2023, MalmöData.remiss2025]
    }
    var options = Uppföljning.Options.malmö
    options.dataLabel = statistics.isBundled ? config.illustrativeLabel : nil
    options.targets += try args.parseAll("--target", Målvärde.init(parsing:))
    config.followUpOptions = options
    let bar = ProgressBar(label: "report", quiet: io.quiet)
    let result = try KraftsamlingPipeline.run(config, progress: bar.reporter)
    bar.finish()
    return try result.artifacts()
  }
}
