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
      tabeller/*.csv      every table as data (exact numbers, whole kronor, '..'
                          when hidden), in Swedish Excel's dialect (';', decimal
                          comma, UTF-8 with BOM, CRLF; with --lang en RFC 4180:
                          comma, '.' decimals): index.csv is kraftctl index
                          --format csv --csv-dialect excel-sv, and robusthet,
                          kluster, lisa and fordelning.csv are the CSV of
                          robustness, clusters, hotspots and allocate --explain,
                          given the same options
      tabeller.xlsx       the same tables in one Excel workbook, a sheet each
                          (numbers as numbers, header row frozen)
      json/*.json         the index result, the verdicts, the allocation
    The report is Swedish by default (it is for Swedish civil servants); --lang en
    gives English. Without --data/--geometry/--insatser it uses the bundled Malmö
    data and the sample insatser, and labels every figure as illustrative. Every
    choice is printed in the report's Method section. --panel FILE (with
    --year-column, --reference, --code-map as for kraftctl index) adds the
    section on the index over time: a line chart of the selected areas' scores
    on the reference year's scale (figurer/index-over-tid.svg) and
    tabeller/index-over-tid.csv and index-rorlighet.csv.

    The sample insatser (with their 6 MSEK), the consultation rounds and the UVAS
    follow-up of STK-2024-1374's selection belong to the bundled data: with your
    own --data they are left out, each with one line in the summary saying what
    would fill it (--insatser FILE, --budget, --remiss FILE). An insats whose areas
    are not in the data is an error (exit 65). --kommun names the municipality
    (default: Malmö for Malmö's area codes, else 'kommunen'), --title the report.

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
    (
      "report --out r --data lund.csv --definition lund-index.json --kommun Lund --title 'Kraftsamling i Lund'",
      "Another municipality, with its own title"
    ),
    (
      "report --out r --data lund.csv --insatser insatser.json --budget '4 MSEK' --remiss remiss.json",
      "With your insatser, a budget and a consultation round"
    ),
  ]
  static let out = CommonOptions.outDirectory.required(hint: "e.g. kraftctl report --out rapport")
  static let top = Option.integer(
    "--top", "K", "How many of the highest-ranked areas form the selection (default 12).", in: 1...100_000)
  static let population = Option<String>(
    "--population", "COLUMN", "Target population of an insats's areas for need-based models (default barn_0_18).")
  static let options: [any OptionDeclaration] =
    [
      out, CommonOptions.force, CommonOptions.language, CommonOptions.title, CommonOptions.kommun,
      CommonOptions.definition, top,
      CommonOptions.rule.help("Contiguity for clusters and hot spots: rook (default) or queen."),
      CommonOptions.permutations.help("Permutations of the hot-spot test (default 999)."),
      CommonOptions.seed.help("Seed of every random step (default 2025)."),
      CommonOptions.insatser.help("Insats file (default: the sample of invented insatser, with the bundled data only)."),
      CommonOptions.rules.help("Eligibility rules (default stk-2024-1374)."),
      CommonOptions.budget.help(
        "Budget to divide over the insatser (default 6 MSEK on the sample; none with your own insatser unless given)."),
      CommonOptions.model.help("Fördelningsmodell (default need-weighted)."), population,
      CommonOptions.target.help("A UVAS target, e.g. 2030:8,5 (repeatable; none by default; bundled data only)."),
      CommonOptions.remiss, CommonOptions.geometry,
      CommonOptions.idProperty,
      IndexCommand.panel.help("Several years in a long CSV: adds the section on the index over time."),
      IndexCommand.yearColumn, IndexCommand.reference, IndexCommand.codeMap,
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
    try addFollowUp(to: &config, statistics: statistics, args)
    try addConsultations(to: &config, statistics: statistics, args, &io)
    config.omissionNotes = omissionNotes(config)
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
    let isMalmö = statistics.isBundled || Set(statistics.table.codes).isSubset(of: Set(MalmöData.layer.ids))
    var config = PipelineConfiguration(
      statistics: statistics.table, definition: try IndexOptions.definition(args),
      municipality: municipality(args, isMalmö: isMalmö, language: language), catalogue: .malmö, rules: .stk2024_1374())
    config.title = args[CommonOptions.title]
    config.statisticsDiagnostics = statistics.diagnostics
    config.language = language
    config.disclosure = Inputs.disclosure(args)
    config.isIllustrative = statistics.isBundled
    config.illustrativeLabel = language == .sv ? MalmöData.illustrativeLabel : MalmöData.illustrativeLabelEnglish
    // A reader cites a source by name, not by path: the bundled data by what
    // it is, a user's file by its name.
    config.statisticsSource =
      statistics.isBundled
      ? language.pick("KraftsamlingKits exempeldata för Malmö", "KraftsamlingKit's example data for Malmö")
      : (statistics.table.source.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "data")
    // The same geometry as `kraftctl validate` checks the codes against.
    let (layer, origin) = try Inputs.layer(for: statistics.table, isBundled: statistics.isBundled, args)
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
    if let path = args[IndexCommand.panel] {
      config.indexPanel = try IndexCommand.panelInput(path, args, &io)
    } else {
      try IndexCommand.refusePanelOptions(args)
    }
    return config
  }
}
