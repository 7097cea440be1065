import KraftsamlingKit

/// `kraftctl apportion`: divide a whole number of units in proportion to weights.
enum ApportionCommand: Command {
  static let name = "apportion"
  static let abstract = "Divide a whole number of units (kr, tkr, seats) in proportion to weights, exactly."
  static let usage =
    "--method hamilton|dhondt|sainte-lague|modified-sainte-lague|huntington-hill|adams [--first-divisor X] --total N [--weights FILE|-] [--ties error|order|seed:S] [--format csv|json|table]"
  static let discussion = """
    Reads a CSV with the columns name,weight (a header row; weights are whole
    numbers or decimals, a decimal comma is fine with ; as delimiter) from
    --weights FILE or standard input, and writes name,weight,amount in input
    order. The amounts are whole numbers that add up exactly to --total.
    Every decision is exact (no floating point). A tie for the last units is
    an error unless --ties order (the first in the file wins, like the Python
    apportionment package) or --ties seed:S (a seeded lottery) is given.
    modified-sainte-lague uses --first-divisor (default 1.2, Sweden's; Norway
    uses 1.4). Standard error notes quota violations and whether one more
    unit would trigger the Alabama paradox. See Documentation/Apportionment.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("apportion --method dhondt --total 18 --weights partier.csv", "Seats by D'Hondt"),
    ("apportion --method hamilton --total 10000000 --weights vikter.csv --ties order", "10 MSEK to the krona"),
    ("apportion --method modified-sainte-lague --first-divisor 1.4 --total 7 --format json < vikter.csv", "Norway's variant, JSON"),
  ]
  static let options: [OptionSpec] = [
    .option("--method", "NAME", "hamilton, dhondt, sainte-lague, modified-sainte-lague, huntington-hill or adams."),
    .option("--first-divisor", "X", "First divisor of modified-sainte-lague (default 1.2)."),
    .option("--total", "N", "The whole number of units to divide (≥ 0)."),
    .option("--weights", "FILE", "CSV with name,weight (default: standard input, also '-')."),
    .option("--ties", "POLICY", "error (default), order, or seed:S."),
    CommonOptions.delimiter, CommonOptions.encoding,
    .option("--format", "FORMAT", "Output format: csv (default), json or table."), CommonOptions.quiet,
  ]

  /// The method, with an unknown name as a usage error (exit 64).
  static func resolveMethod(_ name: String, firstDivisor: ApportionmentWeight?) throws -> any ApportionmentMethod {
    let result: Result<any ApportionmentMethod, AllocationError>
    do {
      result = .success(try ApportionmentMethods.named(name, firstDivisor: firstDivisor))
    } catch {
      result = .failure(error)
    }
    switch result {
    case .success(let m): return m
    case .failure(let e) where e.code == .unknownModel: throw UsageError("unknown --method '\(name)'", hint: e.hint)
    case .failure(let e): throw e
    }
  }

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args, allowed: [.csv, .json, .table])
    guard let methodName = args.value("--method") else {
      throw UsageError("--method is required", hint: "use one of \(ApportionmentMethods.names.joined(separator: ", "))")
    }
    var firstDivisor: ApportionmentWeight?
    if let text = args.value("--first-divisor") {
      guard methodName.lowercased().hasPrefix("modified") else {
        throw UsageError("--first-divisor only applies to --method modified-sainte-lague")
      }
      guard let f = try? ApportionmentWeight(parsing: text) else {
        throw UsageError("--first-divisor must be a number such as 1.2, got '\(text)'")
      }
      firstDivisor = f
    }
    let method = try resolveMethod(methodName, firstDivisor: firstDivisor)
    guard let totalText = args.value("--total") else { throw UsageError("--total is required", hint: "e.g. --total 18") }
    guard let total = Int64(totalText) else { throw UsageError("--total must be a whole number, got '\(totalText)'") }
    let ties: TiePolicy
    if let t = try? TiePolicy(parsing: args.value("--ties") ?? "error") {
      ties = t
    } else {
      throw UsageError("--ties must be error, order or seed:S, got '\(args.value("--ties") ?? "")'")
    }

    // Read name,weight.
    let path = args.value("--weights") ?? "-"
    let doc = try CSVReader.read(path: path, dialect: try Inputs.dialect(args))
    io.report(doc.notes)
    let lower = doc.header.map { String($0.lowercased().filter { $0 != " " }) }
    guard let nameColumn = lower.firstIndex(where: { ["name", "namn"].contains($0) }) ?? (lower.count >= 2 ? 0 : nil),
      let weightColumn = lower.firstIndex(where: { ["weight", "vikt"].contains($0) }) ?? (lower.count >= 2 ? 1 : nil)
    else {
      throw DataError(
        code: "apportion.columns", "the weights file needs two columns, name and weight",
        at: SourceLocation(file: FileInput.displayName(path), line: 1), hint: "start the file with the header name,weight")
    }
    var names: [String] = []
    var weights: [ApportionmentWeight] = []
    var problems: [Diagnostic] = []
    for r in doc.records {
      let name = r.fields[nameColumn]
      let text = r.fields[weightColumn]
      let at = doc.location(line: r.line, column: weightColumn)
      if let w = try? ApportionmentWeight(parsing: text) {
        if w.mantissa < 0 {
          problems.append(Diagnostic(.error, code: "apportion.negative-weight", "weight \(text) of '\(name)' is negative", at: at, hint: "weights must be zero or positive"))
        }
        names.append(name)
        weights.append(w)
      } else {
        problems.append(Diagnostic(.error, code: "apportion.weight", "weight '\(text)' of '\(name)' is not a number", at: at, hint: "write e.g. 12 or 12.5"))
      }
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }

    let result: Apportionment
    if ties == .error, let r = try? method.apportion(weights, total: total, ties: .inputOrder), let t = r.tie {
      // Name the tied recipients instead of their positions.
      let missing = t.favoured.count
      throw DataError(
        code: "allocation.tie",
        "tie: \(t.tied.map { names[$0] }.joined(separator: ", ")) have an equal claim on the last \(missing) unit(s)",
        at: SourceLocation(file: FileInput.displayName(path)),
        hint: "choose --ties order (the first in the file wins) or --ties seed:S (a seeded lottery)")
    } else {
      result = try method.apportion(weights, total: total, ties: ties)
    }
    if let tie = result.tie {
      io.note(
        "tie among \(tie.tied.map { names[$0] }.joined(separator: ", ")) broken by --ties \(ties) in favour of \(tie.favoured.map { names[$0] }.joined(separator: ", "))")
    }
    let check = try ApportionmentCheck(result, method: method)
    for i in check.lowerQuotaViolations { io.note("\(names[i]) is below its lower quota (\(result.quotas[i].decimalText(decimals: 3)))") }
    for i in check.upperQuotaViolations { io.note("\(names[i]) is above its upper quota (\(result.quotas[i].decimalText(decimals: 3)))") }
    if !check.alabamaLosersAtNextTotal.isEmpty {
      io.note("Alabama paradox: with \(total + 1) units \(check.alabamaLosersAtNextTotal.map { names[$0] }.joined(separator: ", ")) would get fewer")
    }

    let quotas = result.quotas
    switch format {
    case .json:
      let rows: [JSONOutput.Value] = names.indices.map { i in
        .object(
          JSONOutput.Object([
            ("name", .string(names[i])), ("weight", .string(weights[i].description)),
            ("amount", .integer(result.amounts[i])), ("quota", .string(quotas[i].description)),
          ]))
      }
      var tie = JSONOutput.Value.null
      if let t = result.tie {
        tie = .object(
          JSONOutput.Object([
            ("tied", .array(t.tied.map { .string(names[$0]) })),
            ("favoured", .array(t.favoured.map { .string(names[$0]) })),
          ]))
      }
      let losers: [JSONOutput.Value] = check.alabamaLosersAtNextTotal.map { .string(names[$0]) }
      let object = JSONOutput.Object([
        ("method", .string(result.method)), ("total", .integer(total)), ("ties", .string(ties.description)),
        ("rows", .array(rows)), ("tie", tie), ("withinQuota", .bool(check.isWithinQuota)),
        ("alabamaLosersAtNextTotal", .array(losers)),
      ])
      io.print(JSONOutput.string(.object(object)), terminator: "")
    case .table:
      var t = ReportTable(columns: ["name", "weight", "quota", "amount"], alignments: [.left, .right, .right, .right])
      for i in names.indices {
        t.append([names[i], weights[i].description, quotas[i].decimalText(decimals: 3), String(result.amounts[i])])
      }
      io.print(t.text(), terminator: "")
    default:
      var t = ReportTable(columns: ["name", "weight", "amount"])
      for i in names.indices { t.append([names[i], weights[i].description, String(result.amounts[i])]) }
      io.print(t.csv(), terminator: "")
    }
  }
}
