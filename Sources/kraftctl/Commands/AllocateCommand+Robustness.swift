import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl allocate --robustness R`: the money under R replications of
/// the index's uncertain choices.
extension AllocateCommand {
  static let robustness = Option.integer(
    "--robustness", "R",
    "Also re-divide the budget under R replications of the index's uncertain choices and show each amount's distribution.",
    in: 1...1_000_000)
  static let seed = CommonOptions.seed.help("With --robustness: the seed (default 2025).")
  static let threads = RobustnessCommand.threads.help(
    "With --robustness: threads to use (default: all processors); the output does not depend on it.")
  /// The options that only `--robustness` reads.
  static let robustnessOptions: [any OptionDeclaration] = [
    robustness, seed, threads, RobustnessCommand.vary, RobustnessCommand.normalizations,
    RobustnessCommand.aggregations, RobustnessCommand.concentration, RobustnessCommand.weightShare,
  ]
  /// The Sobol design's N: the first 1,000 replications (fewer if R is smaller).
  static let sobolSamples = 1_000

  /// Refuses the robustness options without `--robustness`, and the
  /// options `--robustness` cannot honour.
  static func checkRobustness(_ args: ParsedArguments) throws(UsageError) {
    guard args[robustness] != nil else {
      for option in robustnessOptions.dropFirst() where args.isGiven(option) {
        throw UsageError("\(option.name) only applies with --robustness R", hint: "add --robustness 1000, or leave it out")
      }
      return
    }
    if args[AllocationSupport.need] == .lowIncome {
      throw UsageError(
        "--robustness varies the index, but --need low-income does not use it",
        hint: "use --need index (the default) with --robustness")
    }
    if args[explain] {
      throw UsageError("--explain explains one allocation; --robustness shows many", hint: "leave out one of them")
    }
  }

  /// Runs the replications and prints the distributions.
  static func runRobustness(_ args: ParsedArguments, model: any Fördelningsmodell, _ io: inout Output) throws {
    let format = args[Self.format] ?? .table
    let workbook = try WorkbookOutput.path(format: format, out: args[out])
    let loaded = try AllocationSupport.load(args, &io)
    guard let table = loaded.table else { return }
    let analysis = RobustnessAnalysis(
      space: try RobustnessCommand.space(args), replications: args[robustness] ?? 1_000,
      seed: args[seed] ?? RobustnessAnalysis.defaultSeed,
      threads: args[threads] ?? PermutationInference.availableProcessors)
    let areas = Dictionary(loaded.insatser.map { ($0.id, $0.areas) }, uniquingKeysWith: { a, _ in a })
    let bar = ProgressBar(label: "robustness", quiet: io.quiet)
    let result = try AllocationRobustness(analysis: analysis, sensitivitySamples: sobolSamples).run(
      model, input: loaded.input, areas: areas, definition: try IndexOptions.definition(args), table: table,
      hierarchy: loaded.hierarchy, progress: bar.reporter)
    bar.finish()
    if loaded.isExample { io.note(SampleInsatser.exampleLabelEnglish) }
    if let workbook {
      return try WorkbookOutput.write([("robustness", result.table(numbers: .exact))], to: workbook, &io)
    }
    switch format {
    case .json:
      try io.print(encoded: result)
    case .csv:
      io.print(result.table(numbers: .exact), as: .csv)
    case .table:
      io.print(result.table(numbers: .rounded).text(), terminator: "")
      io.print(result.summaryLines.joined(separator: "\n"))
    default:
      io.print(result.table(numbers: .rounded), as: format)
    }
  }
}
