import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl robustness`: how much the index-based selection depends on
/// the index's arbitrary choices (Monte Carlo uncertainty analysis, and
/// optionally Sobol sensitivity indices).
enum RobustnessCommand: Command {
  static let name = "robustness"
  static let abstract = "How stable is the selection? Rank intervals under uncertain weights, normalisations, indicators."
  static let usage = """
    [--data FILE] [--definition NAME|FILE] [--replications R] [--seed S] [--top K] [--threads T] [--sensitivity] \
    [--vary LIST] [--normalizations LIST] [--aggregations LIST] [--concentration C | --weight-share S] \
    [--format table|csv|json] [--out FILE.svg] [--quiet]
    """
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
  static let options: [OptionSpec] =
    CommonOptions.dataInput + [
      IndexOptions.definition,
      .option("--replications", "R", "Monte Carlo replications (default 1000)."),
      .option("--seed", "S", "Seed (default 2025)."),
      .option("--top", "K", "The selection: the top K areas (default 12)."),
      .option("--threads", "T", "Threads to use (default: all processors); the output does not depend on it."),
      .flag("--sensitivity", "Also estimate Sobol first-order and total-effect indices (N = R)."),
      .option("--vary", "LIST", "Choices to vary: weights, normalization, aggregation, drop, noise (default weights,normalization,drop)."),
      .option("--normalizations", "LIST", "Normalisations to draw from (default zscore,minmax,rank)."),
      .option("--aggregations", "LIST", "Aggregations to draw from when aggregation varies (default arithmetic,minimum)."),
      .option("--concentration", "C", "Dirichlet concentration of the weights (default 20)."),
      .option("--weight-share", "S", "Vary each weight uniformly by ± S (e.g. 0.25) instead of Dirichlet."),
      .option("--format", "FORMAT", "Output format: table (default), csv or json."),
      .option("--out", "FILE", "Also write the rank-interval chart (SVG) here."),
      CommonOptions.quiet,
    ]

  static let defaultReplications = 1_000
  static let defaultTop = 12

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args, allowed: [.table, .csv, .json])
    let definition = try IndexOptions.definition(args)
    let replications = try args.int("--replications", in: 1...10_000_000) ?? defaultReplications
    let seed = UInt64(try args.int("--seed", in: 0...Int.max) ?? Int(RobustnessAnalysis.defaultSeed))
    let top = try args.int("--top", in: 1...1_000_000) ?? defaultTop
    let threads = try args.int("--threads", in: 1...1_024) ?? PermutationInference.availableProcessors
    let space = try space(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })

    let analysis = RobustnessAnalysis(
      space: space, replications: replications, seed: seed, selection: .top(top), threads: threads)
    let quiet = args.flag("--quiet")
    let bar = ProgressBar(label: "robustness", quiet: quiet)
    let result = try analysis.run(
      definition, on: statistics.table, hierarchy: MalmöData.hierarchy, progress: bar.reporter)
    bar.finish()
    var sobol: SobolIndices? = nil
    if args.flag("--sensitivity") {
      let sensitivityBar = ProgressBar(label: "sensitivity", quiet: quiet)
      sobol = try analysis.sensitivity(
        definition, on: statistics.table, hierarchy: MalmöData.hierarchy, samples: replications,
        progress: sensitivityBar.reporter)
      sensitivityBar.finish()
    }
    if let out = args.value("--out") {
      let svg = RankIntervalChart(result, illustrative: statistics.isBundled).svg()
      try OutputFile.write(svg, to: out)
      io.note("wrote \(out) (\(svg.utf8.count) bytes)")
    }

    switch format {
    case .csv:
      io.print(table(result, exact: true).csv(), terminator: "")
    case .json:
      io.print(JSONOutput.string(json(result, sobol: sobol, bundled: statistics.isBundled)), terminator: "")
    default:
      io.print(table(result, exact: false).text(), terminator: "")
      io.print(summary(result).joined(separator: "\n"))
      io.print()
      io.print(effectsTable(result).text(), terminator: "")
      if let sobol {
        io.print()
        io.print(sobolTable(sobol).text(), terminator: "")
      }
      if statistics.isBundled { io.print(Inputs.illustrative) }
    }
  }

  /// The uncertainty space of `--vary` and its companions.
  static func space(_ args: Arguments) throws -> UncertaintySpace {
    let known = ["weights", "normalization", "aggregation", "drop", "noise"]
    let vary = (args.value("--vary") ?? "weights,normalization,drop").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    for v in vary where !known.contains(v) {
      let s = NameResolver(entries: known.map { ($0, $0) }, noun: "choice").suggestions(for: v)
      throw UsageError(
        "--vary: unknown choice '\(v)'; choose from \(known.joined(separator: ", "))",
        hint: s.first.map { "did you mean \($0)?" })
    }
    var space = UncertaintySpace()
    if vary.contains("weights") {
      if let share = try args.double("--weight-share") {
        guard share >= 0, share < 1 else { throw UsageError("--weight-share must be at least 0 and below 1, got \(share)") }
        space.weights = UniformWeightNoise(share: share)
      } else {
        let c = try args.double("--concentration") ?? 20
        guard c > 0 else { throw UsageError("--concentration must be positive, got \(c)") }
        space.weights = DirichletWeights(concentration: c)
      }
    }
    let catalog = IndexStrategyCatalog.builtIn
    func list(_ option: String, _ fallback: String) -> [String] {
      (args.value(option) ?? fallback).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
    // Both lists are checked even when not varied: a bad value is always a usage error.
    var normalizations: [any Normalization] = []
    for name in list("--normalizations", "zscore,minmax,rank") {
      normalizations.append(try Arguments.parse(name, option: "--normalizations") { try catalog.normalization(StrategySpecification($0)) })
    }
    var aggregations: [any Aggregation] = []
    for name in list("--aggregations", "arithmetic,minimum") {
      aggregations.append(try Arguments.parse(name, option: "--aggregations") { try catalog.aggregation(StrategySpecification($0)) })
    }
    if vary.contains("normalization") { space.normalizations += normalizations }
    if vary.contains("aggregation") { space.aggregations += aggregations }
    space.dropsIndicator = vary.contains("drop")
    space.binomialNoise = vary.contains("noise")
    return space
  }

  /// The areas with the documented columns.
  static func table(_ result: RobustnessResult, exact: Bool) -> ReportTable {
    var t = ReportTable(
      columns: ["code", "name", "rank", "median_rank", "p05_rank", "p95_rank", "p_selected"],
      alignments: [.left, .left, .right, .right, .right, .right, .right])
    func number(_ x: Double, _ places: Int) -> String {
      x.isNaN ? "" : exact ? DecimalFormatting.shortest(x) : DecimalFormatting.fixed(x, places: places)
    }
    for a in result.areas {
      t.append([
        a.code, a.displayName, String(a.nominalRank), number(a.medianRank, 1), number(a.p05Rank, 1), number(a.p95Rank, 1),
        number(a.selectionProbability, 3),
      ])
    }
    return t
  }

  /// A few lines on the stability of the selection (English, as the rest of the table).
  static func summary(_ result: RobustnessResult, indent: String = "") -> [String] {
    result.summaryLines(language: .en).map { indent + $0 }
  }

  /// Each choice's effect on the ranks.
  static func effectsTable(_ result: RobustnessResult) -> ReportTable {
    var t = ReportTable(
      columns: ["choice", "option", "alone_shift", "replications", "mean_shift"],
      alignments: [.left, .left, .right, .right, .right])
    func number(_ x: Double?) -> String { x.map { DecimalFormatting.fixed($0, places: 2) } ?? "–" }
    for e in result.factorEffects {
      t.append([e.factor.rawValue, "(all)", number(e.aloneShift), "", ""])
      for o in e.options {
        t.append(["", o.label, number(o.aloneShift), String(o.replications), number(o.meanShift)])
      }
    }
    return t
  }

  /// The Sobol indices.
  static func sobolTable(_ s: SobolIndices) -> ReportTable {
    var t = ReportTable(
      columns: ["choice", "first_order", "interval", "total_effect", "interval"],
      alignments: [.left, .right, .left, .right, .left])
    func n(_ x: Double?) -> String { x.map { DecimalFormatting.fixed($0, places: 3) } ?? "–" }
    func interval(_ a: Double?, _ b: Double?) -> String { a == nil ? "" : "[\(n(a)), \(n(b))]" }
    for f in s.factors {
      t.append([
        f.name, n(f.firstOrder), interval(f.firstOrderLower, f.firstOrderUpper), n(f.totalEffect),
        interval(f.totalEffectLower, f.totalEffectUpper),
      ])
    }
    return t
  }

  static func json(_ result: RobustnessResult, sobol: SobolIndices?, bundled: Bool) -> JSONOutput.Value {
    func num(_ x: Double?) -> JSONOutput.Value { x.flatMap { $0.isNaN ? nil : JSONOutput.Value.number($0) } ?? .null }
    func int(_ x: Int) -> JSONOutput.Value { .integer(Int64(x)) }
    var k: JSONOutput.Value = .null
    if case .top(let top) = result.selection { k = int(top) }
    let areas: [JSONOutput.Value] = result.areas.map { a in
      .object(
        JSONOutput.Object([
          ("code", .string(a.code)), ("name", .string(a.displayName)), ("rank", int(a.nominalRank)),
          ("score", num(a.nominalScore)), ("median_rank", num(a.medianRank)), ("p05_rank", num(a.p05Rank)),
          ("p95_rank", num(a.p95Rank)), ("mean_rank", num(a.meanRank)), ("best_rank", int(a.bestRank)),
          ("worst_rank", int(a.worstRank)), ("p_selected", .number(a.selectionProbability)),
          ("nominally_selected", .bool(a.isNominallySelected)), ("scored_replications", int(a.scoredReplications)),
        ]))
    }
    let effects: [JSONOutput.Value] = result.factorEffects.map { e in
      .object(
        JSONOutput.Object([
          ("choice", .string(e.factor.rawValue)), ("alone_shift", num(e.aloneShift)), ("alone_draws", int(e.aloneDraws)),
          (
            "options",
            .array(
              e.options.map { o in
                .object(
                  JSONOutput.Object([
                    ("option", .string(o.label)), ("alone_shift", num(o.aloneShift)),
                    ("replications", int(o.replications)), ("mean_shift", num(o.meanShift)),
                  ]))
              })
          ),
        ]))
    }
    var sensitivity: JSONOutput.Value = .null
    if let s = sobol {
      sensitivity = .object(
        JSONOutput.Object([
          ("output", .string(s.output)), ("samples", int(s.samples)), ("runs", int(s.runs)),
          ("variance", num(s.variance)), ("bootstrap", int(s.bootstrapSamples)), ("confidence", .number(s.confidence)),
          (
            "factors",
            .array(
              s.factors.map { f in
                .object(
                  JSONOutput.Object([
                    ("choice", .string(f.name)), ("first_order", num(f.firstOrder)),
                    ("first_order_lower", num(f.firstOrderLower)), ("first_order_upper", num(f.firstOrderUpper)),
                    ("total_effect", num(f.totalEffect)), ("total_effect_lower", num(f.totalEffectLower)),
                    ("total_effect_upper", num(f.totalEffectUpper)),
                  ]))
              })
          ),
        ]))
    }
    return .object(
      JSONOutput.Object([
        ("definition", .string(result.definition)), ("replications", int(result.replications)),
        ("seed", .integer(Int64(clamping: result.seed))), ("top", k),
        ("varied", .array(result.factors.map { .string($0.rawValue) })), ("space", .string(result.space)),
        ("mean_absolute_rank_shift", num(result.meanAbsoluteRankShift)),
        ("stable_at_90", int(result.stable(probability: 0.9).count)),
        ("data", .string(bundled ? Inputs.illustrative : "user data")), ("areas", .array(areas)),
        ("not_ranked", .array(result.notRanked.map { .string($0) })), ("effects", .array(effects)),
        ("sensitivity", sensitivity),
      ]))
  }

  // MARK: - The demo's hooks

  /// The analysis the demo and the report show: the default index on the
  /// bundled data, the standard space, R = 1,000, seed 2025, the top 12.
  static func demoResult() throws -> RobustnessResult {
    try RobustnessAnalysis(replications: defaultReplications, selection: .top(defaultTop)).run(
      .stadskontoret2025, on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
  }

  /// A few indented lines for `kraftctl demo`: how many of the top 12 are
  /// stable, the less certain ones, R and the seed.
  static func demoSummary() -> String {
    do {
      let result = try demoResult()
      return summary(result, indent: "   ").joined(separator: "\n") + "\n   \(Inputs.illustrative)\n"
    } catch {
      return "   robustness analysis failed: \(error)\n"
    }
  }

  /// The rank-interval chart of the demo's analysis (SVG, Swedish, marked
  /// "Illustrativa data"), for the report.
  static func demoChartSVG() throws -> String {
    RankIntervalChart(try demoResult(), illustrative: true).svg()
  }
}
