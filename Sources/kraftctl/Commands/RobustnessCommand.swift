import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl robustness`: how much the index-based selection depends on
/// the index's arbitrary choices (Monte Carlo uncertainty analysis, and
/// optionally Sobol sensitivity indices).
enum RobustnessCommand: Command {
  static let name = "robustness"
  static let abstract =
    "How stable is the selection? Rank intervals under uncertain weights, normalisations, indicators."
  static let discussion = """
    Re-runs the index --replications times (default 1000), each time drawing
    the choices named by --vary (default weights,normalization,drop):
      weights        Dirichlet around the definition's weights (--concentration,
                     default 20; larger = tighter), or each ± --weight-share
      normalization  one of --normalizations (default zscore,minmax,rank)
      aggregation    one of --aggregations (default arithmetic,minimum)
      drop           one indicator left out, or none, with equal probability
      noise          numerators redrawn as Binomial(denominator, observed rate)
    For each area it reports the nominal rank (the definition's own choices),
    the median, 5th and 95th percentile rank over the replications (R's type-7
    quantiles) and p_selected, the share of replications in which the area is
    in the top --top K (default 12, ties included). Replication r draws from
    stream r of --seed (default 2025): the same seed gives the same output on
    any machine and any --threads. --sensitivity adds first-order and
    total-effect Sobol indices of the mean absolute rank shift (Saltelli design
    with N = R, N·(d+2) runs; Jansen's total-effect estimator; 95 % bootstrap
    intervals). --out writes a rank-interval chart (SVG).
    CSV columns: code,name,rank,median_rank,p05_rank,p95_rank,p_selected.
    Progress and the time left are shown on standard error when it is a
    terminal; --quiet silences them. See Documentation/Robustness.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("robustness", "1000 replications of the default index, top 12"),
    ("robustness --replications 10000 --seed 7 --format csv", "More replications, another seed, CSV"),
    ("robustness --vary weights --concentration 100", "Only the weights, drawn tightly around the nominal ones"),
    ("robustness --sensitivity --out rangintervall.svg", "Sobol indices and the chart"),
  ]

  static let defaultReplications = 1_000
  static let defaultTop = 12
  /// The choices `--vary` may name.
  static let choices = ["weights", "normalization", "aggregation", "drop", "noise"]

  static let replications = Option.integer(
    "--replications", "R", "Monte Carlo replications (default 1000).", in: 1...10_000_000)
  static let seed = CommonOptions.seed
  static let top = Option.integer("--top", "K", "The selection: the top K areas (default 12).", in: 1...1_000_000)
  static let threads = Option.integer(
    "--threads", "T", "Threads to use (default: all processors); the output does not depend on it.", in: 1...1_024)
  static let sensitivity = Flag("--sensitivity", "Also estimate Sobol first-order and total-effect indices (N = R).")
  static let vary = Option.list(
    "--vary", "LIST",
    "Choices to vary: weights, normalization, aggregation, drop, noise (default weights,normalization,drop)."
  ) { v throws(UsageError) in
    guard choices.contains(v) else {
      let s = NameResolver(entries: choices.map { ($0, $0) }, noun: "choice").suggestions(for: v)
      throw UsageError(
        "--vary: unknown choice '\(v)'; choose from \(choices.joined(separator: ", "))",
        hint: s.first.map { "did you mean \($0)?" })
    }
    return v
  }
  static let normalizations = Option.list(
    "--normalizations", "LIST", "Normalisations to draw from (default zscore,minmax,rank)."
  ) {
    try IndexStrategyCatalog.builtIn.normalization(StrategySpecification($0))
  }
  static let aggregations = Option.list(
    "--aggregations", "LIST", "Aggregations to draw from when aggregation varies (default arithmetic,minimum)."
  ) { try IndexStrategyCatalog.builtIn.aggregation(StrategySpecification($0)) }
  static let concentration = Option.number(
    "--concentration", "C", "Dirichlet concentration of the weights (default 20).", "must be positive",
    where: { $0 > 0 })
  static let weightShare = Option.number(
    "--weight-share", "S", "Vary each weight uniformly by ± S (e.g. 0.25) instead of Dirichlet.",
    "must be at least 0 and below 1",
    where: { $0 >= 0 && $0 < 1 })
  static let format = CommonOptions.format([.table, .csv, .json, .xlsx])
  static let out = CommonOptions.outFile.help(
    "Also write the rank-interval chart (SVG) here; with --format xlsx, the workbook (FILE.xlsx) instead.")
  static let options: [any OptionDeclaration] =
    CommonOptions.dataInput + [
      CommonOptions.definition, replications, seed, top, threads, sensitivity, vary, normalizations, aggregations,
      concentration, weightShare, format, CommonOptions.csvDialect, out, CommonOptions.quiet,
    ]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let workbook = try WorkbookOutput.path(format: args[format] ?? .table, out: args[out], outIsWorkbookOnly: false)
    let definition = try IndexOptions.definition(args)
    let replications = args[Self.replications] ?? defaultReplications
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let analysis = RobustnessAnalysis(
      space: try space(args), replications: replications, seed: args[seed] ?? RobustnessAnalysis.defaultSeed,
      selection: .top(args[top] ?? defaultTop), threads: args[threads] ?? PermutationInference.availableProcessors)
    let bar = ProgressBar(label: "robustness", quiet: io.quiet)
    let result = try analysis.run(
      definition, on: statistics.table, hierarchy: MalmöData.hierarchy, progress: bar.reporter)
    bar.finish()
    var sobol: SobolIndices? = nil
    if args[sensitivity] {
      let sensitivityBar = ProgressBar(label: "sensitivity", quiet: io.quiet)
      sobol = try analysis.sensitivity(
        definition, on: statistics.table, hierarchy: MalmöData.hierarchy, samples: replications,
        output: .meanAbsoluteRankShift, bootstrapSamples: 1_000, confidence: 0.95, progress: sensitivityBar.reporter)
      sensitivityBar.finish()
    }
    let rendering = Rendering(result: result, sobol: sobol, bundled: statistics.isBundled)
    if let workbook { return try WorkbookOutput.write(rendering.sheets, to: workbook, &io) }
    if let out = args[out] {
      let svg = RankIntervalChart(result, illustrative: statistics.isBundled).svg()
      try OutputFile.write(svg, to: out)
      io.note("wrote \(out) (\(svg.utf8.count) bytes)")
    }
    rendering.print(format: args[format] ?? .table, &io)
  }

  /// The uncertainty space of `--vary` and its companions.
  static func space(_ args: ParsedArguments) throws -> UncertaintySpace {
    let vary = args[Self.vary] ?? ["weights", "normalization", "drop"]
    var space = UncertaintySpace()
    if vary.contains("weights") {
      if let share = args[weightShare] {
        space.weights = .uniform(share: share)
      } else {
        space.weights = .dirichlet(concentration: args[concentration] ?? 20)
      }
    }
    if vary.contains("normalization") {
      space.normalizations += try args[normalizations] ?? normalizations.value("zscore,minmax,rank")
    }
    if vary.contains("aggregation") {
      space.aggregations += try args[aggregations] ?? aggregations.value("arithmetic,minimum")
    }
    space.dropsIndicator = vary.contains("drop")
    space.binomialNoise = vary.contains("noise")
    return space
  }
}
