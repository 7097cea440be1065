import KraftsamlingKit
import KraftsamlingKitData

/// Options and helpers shared by `contiguity`, `clusters`, `hotspots` and `map`.
enum GeographySupport {
  static let tolerance = Option.number(
    "--tolerance", "T", "Match borders within T layer units instead of exact vertices (e.g. 1e-6 for degrees).",
    "must be a non-negative number", where: { $0.isFinite && $0 >= 0 })
  static let select = Option<[String]>(
    "--select", "NAMES", "Select areas by name or code, comma-separated (numbered by first appearance)."
  ) { $0.split(separator: ",").map(String.init) }
  static let top = Option.integer(
    "--top", "K", "Select the areas ranked K or better by the index (ties at the cut-off included), or by --variable.",
    in: 1...1_000_000)
  static let minScore = Option.number(
    "--min-score", "S", "Select every area whose index score (or --variable value) is at least S.", "must be finite",
    where: { $0.isFinite })
  static let variable = Option<String>(
    "--variable", "NAME",
    "Rank by this instead of the index: an indicator id (a rate in %, e.g. ekonomiskt_bistand_20_64) or a numeric column of --data."
  )
  /// The selection options, of which at most one may be given.
  static let selectionOptions: [any OptionDeclaration] = [select, top, minScore]

  /// The hot-spot options shared by `hotspots` and `map --hotspots`.
  static let statistic = Option<LocalSpatialStatistics.Kind>.choice(
    "--statistic", "NAME", "moran (Local Moran's I, default), getis-ord (Gi) or getis-ord-star (Gi*).",
    LocalSpatialStatistics.Kind.allCases.map { ($0.rawValue, $0) })
  static let seed = CommonOptions.seed.help("Seed of the permutations (default 12345).")
  static let alpha = Option.number(
    "--alpha", "A", "Significance level (default 0.05).", "must be between 0 and 1", where: { $0 > 0 && $0 < 1 })
  static let fdr = Flag(
    "--fdr", "Control the false discovery rate (Benjamini–Hochberg) instead of using --alpha per area.")
  static let inferenceOptions: [any OptionDeclaration] = [CommonOptions.permutations, seed, alpha, fdr]

  /// The permutation test and significance level of `--permutations`, `--seed`, `--alpha`.
  static func inference(_ args: ParsedArguments) -> (inference: PermutationInference, alpha: Double) {
    let inference = PermutationInference(
      permutations: args[CommonOptions.permutations] ?? 999, seed: args[seed] ?? PermutationInference.defaultSeed)
    return (inference, args[alpha] ?? 0.05)
  }

  /// The contiguity of `--rule` (default rook) and `--tolerance` (default exact).
  static func contiguity(_ layer: AreaLayer, _ args: ParsedArguments) throws -> Contiguity {
    try layer.contiguity(
      rule: args[CommonOptions.rule] ?? Rook(), matching: args[tolerance].map { .tolerance($0) } ?? .exact)
  }

  /// Runs `--definition` (default stadskontoret-2025) with the index
  /// options on `--data` or the bundled statistics; reports its warnings.
  static func index(_ args: ParsedArguments, _ io: inout Output) throws -> (result: IndexResult, illustrative: Bool) {
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let result = try definition.run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    io.report(result.warnings)
    return (result, statistics.isBundled)
  }

  /// The scores of `variable` when given, else of the index; refuses index
  /// options beside a variable.
  static func scores(_ args: ParsedArguments, variable: String?, option: String = "--variable", _ io: inout Output)
    throws
    -> AreaScores
  {
    guard let variable else {
      let (result, illustrative) = try index(args, &io)
      return AreaScores(
        values: result.scoresByCode, label: "\(result.definition.id) score", illustrative: illustrative, index: result)
    }
    // With a variable, --min-denominator is the disclosure threshold of its rates.
    let given = CommonOptions.indexOptions.filter { $0.name != CommonOptions.minDenominator.name && args.isGiven($0) }
      .map(\.name)
    if !given.isEmpty {
      throw UsageError(
        "\(given.joined(separator: ", ")) choose\(given.count == 1 ? "s" : "") an index, but the scores come from '\(variable)'",
        hint: "drop \(given.count == 1 ? given[0] : "them") to use the variable, or drop the variable to use the index")
    }
    return try AreaScores(
      variable: variable, option: option, statistics: Inputs.statistics(args), disclosure: Inputs.disclosure(args))
  }

  /// The selection from `--select`, `--top` or `--min-score` (at most
  /// one), or `nil` when none is given. `--top` and `--min-score` rank by
  /// `scores` — the index's ranks when they are an index's (areas ranked K
  /// or better, ties included), else by value with the same tie rule.
  static func selection(_ args: ParsedArguments, layer: AreaLayer, scores: () throws -> AreaScores) throws
    -> AreaSelection?
  {
    let given = selectionOptions.filter(args.isGiven).map(\.name)
    guard given.count <= 1 else { throw UsageError("use only one of \(given.joined(separator: ", "))") }
    if let names = args[select] {
      return try AreaSelection.list(names, resolver: layer.nameResolver(), source: select.name)
    }
    if let k = args[top] {
      let s = try scores()
      return try s.index.map { try AreaSelection.top(k, of: $0) } ?? AreaSelection.top(k, of: s.values)
    }
    if let minimum = args[minScore] {
      let s = try scores()
      return try s.index.map { try AreaSelection.threshold(minimum, of: $0) }
        ?? AreaSelection.threshold(minimum, of: s.values)
    }
    return nil
  }

  /// A warning naming the areas tied across the cut-off of `--top K`.
  static func tieWarning(_ selection: AreaSelection, k: Int?) -> String? {
    guard let k, !selection.tiedAtCutoff.isEmpty else { return nil }
    let rank = selection.members.last?.rank ?? k
    return
      "\(selection.members.count) areas selected for --top \(k): \(selection.tiedAtCutoff.joined(separator: ", ")) "
      + "tie\(selection.tiedAtCutoff.count == 1 ? "s" : "") at rank \(rank) and \(selection.tiedAtCutoff.count == 1 ? "is" : "are") included"
  }
}
