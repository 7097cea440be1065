import KraftsamlingKit
import KraftsamlingKitData

/// Shared by `allocate` and `compare-models`: reading the insatser into an
/// `AllocationInput`.
enum AllocationSupport {
  static let options: [OptionSpec] = [
    .option("--insatser", "FILE", "Insats file (default: the bundled sample of invented insatser)."),
    .option("--budget", "KRONOR", "The budget, e.g. 4000000, '4 MSEK' or '4000 tkr'."),
    .option("--unit", "UNIT", "Allocate in whole kr (default) or tkr."),
    .option("--status", "S", "Include insatser with this status (repeatable; default inlämnad, tillstyrkt, beviljad, pågående).", repeatable: true),
    .option("--minimum", "KRONOR", "Drop insatser funded below this (default 1000000; 0 = off)."),
    .option("--ties", "POLICY", "Ties in rounding: order (default; by insats, förvaltning, year), error or seed:S."),
    .option("--rules", "FILE|NAME", "Only eligible insatser are allocated: a rule set (default stk-2024-1374) or 'none'."),
    .option("--need", "SOURCE", "Need of an insats's areas: index (default: the utsatthetsindex score, rescaled 0–100) or low-income (share of 0–18 in low-income households)."),
    .option("--definition", "NAME|FILE", "Index definition for --need index (default stadskontoret-2025)."),
    CommonOptions.data, CommonOptions.idColumn, CommonOptions.delimiter, CommonOptions.encoding,
  ]

  struct Loaded {
    var input: AllocationInput
    var isExample: Bool
  }

  static func load(_ args: Arguments, _ io: inout Output) throws -> Loaded {
    let unit: MoneyUnit = try args.choice("--unit", [("kr", .kr), ("tkr", .tkr)]) ?? .kr
    guard let budget = try budget(args, unit: unit) else {
      throw UsageError("--budget is required", hint: "e.g. --budget 4000000 or --budget '4 MSEK'")
    }
    var statuses = AllocationInput.defaultStatuses
    if !args.all("--status").isEmpty {
      statuses = []
      for raw in args.all("--status") {
        guard let s = Beslutsstatus(rawValue: raw.lowercased()) else {
          let hint = NameResolver(entries: Beslutsstatus.allCases.map { ($0.rawValue, $0.rawValue) }, noun: "status")
            .suggestions(for: raw).first.map { "did you mean \($0)?" }
          throw UsageError("unknown --status '\(raw)'", hint: hint)
        }
        statuses.insert(s)
      }
    }
    var ties = TiePolicy.inputOrder
    if let t = args.value("--ties") {
      guard let parsed = try? TiePolicy(parsing: t) else { throw UsageError("--ties must be error, order or seed:S, got '\(t)'") }
      ties = parsed
    }
    var constraints = AllocationConstraints()
    if let m = try args.parse("--minimum", Belopp.init(parsing:)) { constraints.minimumPerInsats = m }

    let loaded = try InsatsInputs.load(args.value("--insatser"), &io)
    let table = try Inputs.statistics(args).table
    let needSource: any NeedSource
    switch try args.choice("--need", [("index", "index"), ("low-income", "low-income")]) ?? "index" {
    case "low-income":
      needSource = AreaNeedSource(table: table)
    default:
      let result = try IndexOptions.definition(args).run(on: table, hierarchy: args.value("--data") == nil ? MalmöData.hierarchy : nil)
      needSource = IndexNeedSource(result: result, table: table)
    }
    var verdicts: [EligibilityVerdict]? = nil
    if args.value("--rules") != "none" {
      let rules = try InsatsInputs.ruleSet(args.value("--rules"), &io)
      let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: loaded.insatser)
      verdicts = rules.evaluate(loaded.insatser, in: context)
    }
    let (input, excluded) = try AllocationInput.from(
      insatser: loaded.insatser, verdicts: verdicts, statuses: statuses, need: needSource, budget: budget,
      constraints: constraints, unit: unit, ties: ties)
    for e in excluded where e.reason.hasPrefix("not eligible") {
      io.note("kraftctl: note: \(e.insatsID) is \(e.reason): not allocated")
    }
    if input.requests.isEmpty {
      io.warn("no eligible insats with status \(statuses.map(\.rawValue).sorted().joined(separator: ", ")) requests money")
    }
    return Loaded(input: input, isExample: loaded.isExample)
  }

  /// `--budget`, checked as an option: an amount of zero or more, whole in
  /// `unit`. Any problem is a usage error (exit 64).
  static func budget(_ args: Arguments, unit: MoneyUnit = .kr) throws(UsageError) -> Belopp? {
    guard let budget = try args.parse("--budget", Belopp.init(parsing:)) else { return nil }
    guard budget.kronor >= 0 else {
      throw UsageError("--budget: the budget is negative (\(budget))", hint: "give a budget of zero or more")
    }
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
    do { result = .success(try FördelningsmodellRegistry.standard.model(named: name)) } catch { result = .failure(error) }
    switch result {
    case .success(let m): return m
    case .failure(let e) where e.code == .unknownModel: throw UsageError("unknown --model '\(name)'", hint: e.hint)
    case .failure(let e): throw e
    }
  }

  /// The rows of a Fördelning added up per (insats, förvaltning), in order.
  static func byItem(_ f: Fördelning) -> [(insats: String, förvaltning: String, requested: Int64, amount: Int64, explanation: String)] {
    var out: [(insats: String, förvaltning: String, requested: Int64, amount: Int64, explanation: String)] = []
    for r in f.rows {
      if let last = out.last, last.insats == r.insatsID, last.förvaltning == r.förvaltningID {
        out[out.count - 1].requested += r.requested.kronor
        out[out.count - 1].amount += r.amount.kronor
      } else {
        out.append((r.insatsID, r.förvaltningID, r.requested.kronor, r.amount.kronor, r.explanation.description))
      }
    }
    return out
  }
}
