import KraftsamlingKit
import KraftsamlingKitData

/// Options and helpers shared by `contiguity`, `clusters` and `map`.
enum GeographySupport {
  static let rule = OptionSpec.option("--rule", "RULE", "Contiguity rule: rook (default, shared border) or queen (shared point).")
  static let tolerance = OptionSpec.option(
    "--tolerance", "T", "Match borders within T layer units instead of exact vertices (e.g. 1e-6 for degrees).")
  static let select = OptionSpec.option("--select", "NAMES", "Select areas by name or code, comma-separated (numbered by first appearance).")
  static let top = OptionSpec.option(
    "--top", "K", "Select the areas ranked K or better by the index (ties at the cut-off included), or by --variable.")
  static let minScore = OptionSpec.option("--min-score", "S", "Select every area whose index score (or --variable value) is at least S.")
  static let variable = OptionSpec.option(
    "--variable", "NAME", "Rank by this instead of the index: an indicator id (a rate in %, e.g. ekonomiskt_bistand_20_64) or a numeric column of --data.")

  /// The options of `kraftctl index` that choose and modify the index.
  static let indexOptions: [OptionSpec] = [
    IndexOptions.definition, IndexOptions.normalization, IndexOptions.aggregation, IndexOptions.weights,
    IndexOptions.minDenominator, IndexOptions.missing,
  ]

  /// The hot-spot options shared by `hotspots` and `map --hotspots`.
  static let permutations = OptionSpec.option("--permutations", "P", "Conditional permutations for the pseudo p-values (default 999; 0 = none).")
  static let seed = OptionSpec.option("--seed", "S", "Seed of the permutations (default 12345).")
  static let alpha = OptionSpec.option("--alpha", "A", "Significance level (default 0.05).")
  static let fdr = OptionSpec.flag("--fdr", "Control the false discovery rate (Benjamini–Hochberg) instead of using --alpha per area.")

  /// The permutation options and significance level from `--permutations`, `--seed`, `--alpha`.
  static func inference(_ args: Arguments) throws(UsageError) -> (inference: PermutationInference, alpha: Double) {
    let permutations = try args.int("--permutations", in: 0...1_000_000) ?? 999
    let seed = UInt64(try args.int("--seed", in: 0...Int.max) ?? Int(PermutationInference.defaultSeed))
    let alpha = try args.double("--alpha") ?? 0.05
    guard alpha > 0, alpha < 1 else { throw UsageError("--alpha must be between 0 and 1, got \(alpha)") }
    return (PermutationInference(permutations: permutations, seed: seed), alpha)
  }

  /// Scores to select, test or map: a composite index's, or a plain variable's.
  struct Scores {
    /// The value of each area with one.
    var values: [String: Double]
    /// What they are, for titles and messages.
    var label: String
    /// Whether they come from the bundled illustrative statistics.
    var illustrative: Bool
    /// The index result, when the scores are an index's.
    var index: IndexResult?
    /// Areas whose value must not be shown: a rate over fewer people than
    /// the disclosure control's minimum denominator (`--min-denominator`,
    /// default 10). They are still tested; only their value is hidden.
    var suppressed: Set<String> = []
    /// The disclosure control applied to a variable's rates, if any.
    var disclosure: DisclosureControl? = nil

    /// The value as it may be shown: the control's marker (`..`) for a suppressed area.
    func shown(_ code: String, _ text: String) -> String {
      suppressed.contains(code) ? (disclosure?.marker ?? "..") : text
    }

    /// A note naming the control, when it hid something.
    var disclosureNote: String? {
      guard let d = disclosure, !suppressed.isEmpty else { return nil }
      return "disclosure control: the rate of \(suppressed.count) area(s) rests on fewer than \(d.minimumDenominator) people and is not shown "
        + "('\(d.marker)' in tables, cross-hatched on maps; computations still use it; --min-denominator N sets the limit, 0 turns it off): "
        + suppressed.sorted().joined(separator: ", ")
    }
  }

  /// Runs `--definition` (default stadskontoret-2025) with the index
  /// options on `--data` or the bundled statistics; reports its warnings.
  static func index(_ args: Arguments, _ io: inout Output) throws -> (result: IndexResult, illustrative: Bool) {
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let result = try definition.run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    io.report(result.warnings)
    return (result, statistics.isBundled)
  }

  /// The scores of `variable` when given, else of the index; refuses index
  /// options beside a variable.
  static func scores(_ args: Arguments, variable: String?, option: String = "--variable", _ io: inout Output) throws -> Scores {
    if let variable {
      // With a variable, --min-denominator is the disclosure threshold of its rates.
      let given = indexOptions.map(\.name).filter { $0 != IndexOptions.minDenominator.name && args.value($0) != nil }
      if !given.isEmpty {
        throw UsageError(
          "\(given.joined(separator: ", ")) choose\(given.count == 1 ? "s" : "") an index, but the scores come from '\(variable)'",
          hint: "drop \(given.count == 1 ? given[0] : "them") to use the variable, or drop the variable to use the index")
      }
      let v = try values(args, variable: variable, option: option)
      return Scores(
        values: v.values, label: v.label, illustrative: v.illustrative, index: nil, suppressed: v.suppressed,
        disclosure: v.disclosure)
    }
    let (result, illustrative) = try index(args, &io)
    return Scores(values: result.scoresByCode, label: "\(result.definition.id) score", illustrative: illustrative, index: result)
  }

  /// The rule from `--rule` (default rook).
  static func rule(_ args: Arguments) throws(UsageError) -> any ContiguityRule {
    guard let name = args.value("--rule") else { return Rook() }
    guard let r = contiguityRule(named: name) else {
      throw UsageError("--rule must be rook or queen, got '\(name)'")
    }
    return r
  }

  /// The matching from `--tolerance` (default exact).
  static func matching(_ args: Arguments) throws(UsageError) -> BoundaryMatching {
    guard let t = try args.double("--tolerance") else { return .exact }
    guard t.isFinite, t >= 0 else { throw UsageError("--tolerance must be a non-negative number, got \(t)") }
    return .tolerance(t)
  }

  /// Values per area code from `--variable`: an indicator of the 2025
  /// catalogue (its rate, with the areas whose rate rests on fewer than
  /// `--min-denominator` people, default 10, to be shown as `..`) or a
  /// plain column (nothing suppressed: its values are not rates of people
  /// that the tool can recognise).
  static func values(_ args: Arguments, variable: String, option: String) throws -> (
    values: [String: Double], label: String, illustrative: Bool, suppressed: Set<String>, disclosure: DisclosureControl?
  ) {
    let stats = try Inputs.statistics(args)
    let table = stats.table
    var out: [String: Double] = [:]
    if let indicator = IndicatorCatalogue.stadskontoret2025.indicator(id: variable), case .rate(let pair) = indicator.measure,
      let num = table.column(pair.numerator), let den = table.column(pair.denominator)
    {
      let control = try Inputs.disclosure(args)
      var suppressed: Set<String> = []
      for (i, code) in table.codes.enumerated() {
        if let n = num[i], let d = den[i], d > 0 {
          out[code] = n / d * 100
          if control.suppresses(rateWithDenominator: d) { suppressed.insert(code) }
        }
      }
      return (out, indicator.name + " (%)", stats.isBundled, suppressed, control)
    }
    guard let column = table.column(variable) else {
      let known = IndicatorCatalogue.stadskontoret2025.all.map(\.id) + table.columnNames
      let resolver = NameResolver(entries: known.map { ($0, $0) }, noun: "variable")
      var error = resolver.unknownNameError(variable, at: SourceLocation(field: option))
      if error.diagnostics[0].hint?.hasPrefix("did you mean") != true {
        error.diagnostics[0].hint = "use an indicator id (\(IndicatorCatalogue.stadskontoret2025.all.map(\.id).joined(separator: ", "))) or a numeric column of --data"
      }
      throw error
    }
    for (i, code) in table.codes.enumerated() { if let v = column[i] { out[code] = v } }
    return (out, variable, stats.isBundled, [], nil)
  }

  /// The selection from `--select`, `--top` or `--min-score` (at most
  /// one), or `nil` when none is given. `--top` and `--min-score` rank by
  /// `scores` — the index's ranks when they are an index's (areas ranked K
  /// or better, ties included), else by value with the same tie rule.
  static func selection(_ args: Arguments, layer: AreaLayer, scores: () throws -> Scores) throws -> AreaSelection? {
    let given = ["--select", "--top", "--min-score"].filter { args.value($0) != nil }
    guard given.count <= 1 else { throw UsageError("use only one of \(given.joined(separator: ", "))") }
    if let list = args.value("--select") {
      let names = list.split(separator: ",").map(String.init)
      return try AreaSelection.list(names, resolver: layer.nameResolver(), source: "--select")
    }
    guard given.count == 1 else { return nil }
    let s = try scores()
    if let k = try args.int("--top", in: 1...1_000_000) {
      if let index = s.index { return try AreaSelection.top(k, of: index) }
      return try AreaSelection.top(k, of: s.values)
    }
    guard let minimum = try args.double("--min-score") else { return nil }
    if let index = s.index { return try AreaSelection.threshold(minimum, of: index) }
    return try AreaSelection.threshold(minimum, of: s.values)
  }

  /// A warning naming the areas tied across the cut-off of `--top K`.
  static func tieWarning(_ selection: AreaSelection, k: Int?) -> String? {
    guard let k, !selection.tiedAtCutoff.isEmpty else { return nil }
    let rank = selection.members.last?.rank ?? k
    return "\(selection.members.count) areas selected for --top \(k): \(selection.tiedAtCutoff.joined(separator: ", ")) "
      + "tie\(selection.tiedAtCutoff.count == 1 ? "s" : "") at rank \(rank) and \(selection.tiedAtCutoff.count == 1 ? "is" : "are") included"
  }
}
