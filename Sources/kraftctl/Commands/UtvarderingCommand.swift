import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl utvardering plan|estimate`: the frozen evaluation plan and,
/// when the data arrive, the estimate it prescribes.
enum UtvarderingCommand: Command {
  static let name = "utvardering"
  static let abstract = "Freeze an evaluation plan now (plan) and estimate by it when the data arrive (estimate)."
  static let discussion = """
    plan: selects the top N areas by the index (--definition, --data, --geometry;
    default the bundled Malmö data), then fixes how the programme will be judged:
    matched comparison areas (Mahalanobis on pre-period UVAS level and trend,
    areas bordering a selected one excluded as a spillover buffer), a pooled
    synthetic control with its donor weights, the minimum detectable effect (MDE)
    for each follow-up year (--years, default 2030,2035; α = 0.05, power 0.8,
    analytic and simulated with --seed), placebo selections (regression to the
    mean) and near misses. The panel (--panel, a long CSV with kod, ar, unga_16_29,
    uvas_16_29; default the bundled ILLUSTRATIVE UVAS series) ends at the
    baseline year. Writes --out FILE.json and, beside it, FILE.md: the plan in
    Swedish for the ärende. Every input is recorded with its SHA-256, the
    panel also by a digest of its pre-period rows.

    estimate: reads the plan and a later panel (--panel, required) and checks
    that the plan is unedited, the pre-period rows of its areas are unchanged
    and the recorded index inputs still have their hashes; if not it refuses
    (exit 65, naming what changed) unless --force, and then every output says
    forced: true. Prints the difference-in-differences per follow-up year with
    its cluster-robust 95 % interval, the synthetic-control gap per year with
    the placebo-in-space p-value, and the event study.
    """
  static let examples: [(command: String, comment: String)] = [
    ("utvardering plan --out plan.json", "Freeze a plan on the bundled data (writes plan.json and plan.md)"),
    (
      "utvardering plan --panel uvas.csv --top 12 --years 2030,2035 --seed 7 --out plan.json",
      "Your own UVAS panel"
    ),
    ("utvardering estimate --plan plan.json --panel uvas_2031.csv", "Estimate when the data have arrived"),
  ]
  static let action = Positional("plan|estimate")
  static let positional: Positional? = action
  static let panel = Option<String>(
    "--panel", "FILE", "UVAS panel CSV (plan: default the bundled illustrative series; estimate: required).")
  static let years = Option<[Int]>("--years", "Y1,Y2", "plan: the follow-up years (default 2030,2035).") {
    text throws(UsageError) in
    let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && (1900...2200).contains($0!) }) else {
      throw UsageError("--years must be years separated by commas, got '\(text)'", hint: "e.g. --years 2030,2035")
    }
    return parts.map { $0! }
  }
  static let seed = CommonOptions.seed.help("plan: seed of the power simulation (default 2030).")
  static let out = Option<String>("--out", "FILE", "plan: the plan to write (FILE.json; FILE.md beside it).")
  static let plan = Option<String>("--plan", "FILE", "estimate: the plan written by 'utvardering plan'.")
  static let force = Flag(
    "--force", "estimate: estimate although an input differs from the plan (every output says so).")
  static let format = CommonOptions.format([.table, .json, .csv, .markdown])
  static let planOptions: [any OptionDeclaration] = [
    CommonOptions.data, CommonOptions.geometry, CommonOptions.definition, CommonOptions.top, years, seed, out,
  ]
  static let estimateOptions: [any OptionDeclaration] = [plan, force, format]
  static let options: [any OptionDeclaration] =
    [panel] + planOptions + estimateOptions + [CommonOptions.csvDialect, CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    switch args[action] {
    case "plan":
      try refuse(estimateOptions, in: args, for: "plan")
      try runPlan(args, &io)
    case "estimate":
      try refuse(planOptions, in: args, for: "estimate")
      try runEstimate(args, &io)
    case let other:
      throw UsageError(
        other.map { "unknown action '\($0)'" } ?? "give an action: plan or estimate",
        hint: "kraftctl utvardering plan --out plan.json, or kraftctl utvardering estimate --plan plan.json --panel FILE")
    }
  }

  /// Refuses options that belong to the other action.
  static func refuse(_ options: [any OptionDeclaration], in args: ParsedArguments, for action: String) throws {
    if let given = options.first(where: { args.isGiven($0) }) {
      throw UsageError("\(given.name) does not apply to 'utvardering \(action)'")
    }
  }

  /// The UVAS panel of `--panel`, or the bundled one, with its input record.
  static func loadPanel(_ args: ParsedArguments, _ io: inout Output) throws -> (IndicatorPanel, Utvärderingsplan.Input) {
    guard let path = args[panel] else {
      let file = MalmöData.uvasSeriesCSV
      let panel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel
      return (panel, .init(role: "panel", source: MalmöData.sourceName(file), sha256: SHA256.hex(Array(file.text.utf8))))
    }
    let bytes = try FileInput.readBytes(path: path)
    let (panel, diagnostics) = try IndicatorPanel.read(path: path, dialect: Inputs.dialect(args), options: .uvas)
    io.report(diagnostics)
    return (panel, .init(role: "panel", source: path, sha256: SHA256.hex(bytes)))
  }
}
