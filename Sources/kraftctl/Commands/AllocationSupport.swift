import KraftsamlingKit
import KraftsamlingKitData

/// Shared by `allocate` and `compare-models`: reading the insatser into an
/// `AllocationInput`.
enum AllocationSupport {
  /// Where the need of an insats's areas comes from (`--need`).
  enum Need: Sendable { case index, lowIncome }

  static let unit = Option<MoneyUnit>.choice(
    "--unit", "UNIT", "Allocate in whole kr (default) or tkr.", [("kr", .kr), ("tkr", .tkr)])
  static let status = CommonOptions.status.help(
    "Include insatser with this status (repeatable; default inlämnad, tillstyrkt, beviljad, pågående).")
  static let minimum = Option<Belopp>(
    "--minimum", "KRONOR", "Drop insatser funded below this (default 1000000; 0 = off)."
  ) {
    try Belopp(parsing: $0)
  }
  static let ties = CommonOptions.ties.help(
    "Ties in rounding: order (default; by insats, förvaltning, year), error or seed:S.")
  static let need = Option<Need>.choice(
    "--need", "SOURCE",
    "Need of an insats's areas: index (default: the utsatthetsindex score, rescaled 0–100) or low-income (share of 0–18 in low-income households).",
    [("index", .index), ("low-income", .lowIncome)])
  static let options: [any OptionDeclaration] = [
    CommonOptions.insatser, CommonOptions.budget.required(hint: "e.g. --budget 4000000 or --budget '4 MSEK'"), unit,
    status,
    minimum, ties, CommonOptions.rules, need,
    CommonOptions.definition.help("Index definition for --need index (default stadskontoret-2025)."),
    CommonOptions.data, CommonOptions.idColumn, CommonOptions.delimiter, CommonOptions.encoding,
  ]

  struct Loaded {
    var input: AllocationInput
    var isExample: Bool
    /// The insatser read (their areas drive `allocate --robustness`).
    var insatser: [Insats] = []
    /// The statistics and hierarchy the need was computed from.
    var table: AreaTable? = nil
    var hierarchy: AreaHierarchy? = nil
  }

  static func load(_ args: ParsedArguments, _ io: inout Output) throws -> Loaded {
    let unit = args[Self.unit] ?? .kr
    let budget = try whole(args.require(CommonOptions.budget), in: unit)
    let statuses = args.all(status).isEmpty ? AllocationInput.defaultStatuses : Set(args.all(status))
    var constraints = AllocationConstraints()
    if let m = args[minimum] { constraints.minimumPerInsats = m }
    let loaded = try InsatsInputs.load(args[CommonOptions.insatser], &io)
    let table = try Inputs.statistics(args).table
    let needSource: any NeedSource
    let hierarchy = args[CommonOptions.data] == nil ? MalmöData.hierarchy : nil
    switch args[need] ?? .index {
    case .lowIncome:
      needSource = AreaNeedSource(table: table)
    case .index:
      needSource = IndexNeedSource(
        result: try IndexOptions.definition(args).run(on: table, hierarchy: hierarchy), table: table)
    }
    var verdicts: [EligibilityVerdict]? = nil
    if args[CommonOptions.rules] != "none" {
      let rules = try InsatsInputs.ruleSet(args[CommonOptions.rules], &io)
      let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: loaded.insatser)
      verdicts = rules.evaluate(loaded.insatser, in: context)
    }
    let (input, excluded) = try AllocationInput.from(
      insatser: loaded.insatser, verdicts: verdicts, statuses: statuses, need: needSource, budget: budget,
      constraints: constraints, unit: unit, ties: args[ties] ?? .inputOrder)
    for e in excluded where e.reason.hasPrefix("not eligible") {
      io.note("kraftctl: note: \(e.insatsID) is \(e.reason): not allocated")
    }
    if input.requests.isEmpty {
      io.warn(
        "no eligible insats with status \(statuses.map(\.rawValue).sorted().joined(separator: ", ")) requests money")
    }
    return Loaded(
      input: input, isExample: loaded.isExample, insatser: loaded.insatser, table: table, hierarchy: hierarchy)
  }

  /// `--budget` read as an option: an amount of zero or more. Any problem
  /// is a usage error (exit 64).
  static func budget(_ text: String) throws -> Belopp {
    let budget = try Belopp(parsing: text)
    guard budget.kronor >= 0 else {
      throw UsageError("--budget: the budget is negative (\(budget))", hint: "give a budget of zero or more")
    }
    return budget
  }

  /// The budget, checked to be whole in `unit` (exit 64 otherwise).
  static func whole(_ budget: Belopp, in unit: MoneyUnit) throws(UsageError) -> Belopp {
    guard budget.isWhole(in: unit) else {
      let down = Belopp(kronor: budget.kronor / unit.kronor * unit.kronor)
      throw UsageError(
        "--budget: \(budget) is not a whole number of \(unit.symbol)",
        hint: "round it to whole \(unit.symbol), e.g. \(down.formatted(unit)), or allocate in kr")
    }
    return budget
  }

  /// A model by name, with an unknown name as a usage error (exit 64).
  static func model(_ name: String) throws -> any Fördelningsmodell {
    let result: Result<any Fördelningsmodell, AllocationError>
    do { result = .success(try FördelningsmodellRegistry.standard.make(name)) } catch {
      result = .failure(error)
    }
    switch result {
    case .success(let m): return m
    case .failure(let e) where e.code == .unknownModel: throw UsageError("unknown --model '\(name)'", hint: e.hint)
    case .failure(let e): throw e
    }
  }
}
