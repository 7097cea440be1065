import KraftsamlingKit

/// `kraftctl apportion`: divide a whole number of units in proportion to weights.
enum ApportionCommand: Command {
  static let name = "apportion"
  static let abstract = "Divide a whole number of units (kr, tkr, seats) in proportion to weights, exactly."
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
    (
      "apportion --method modified-sainte-lague --first-divisor 1.4 --total 7 --format json < vikter.csv",
      "Norway's variant, JSON"
    ),
  ]
  static let method = Option<String>(
    "--method", "NAME", "hamilton, dhondt, sainte-lague, modified-sainte-lague, huntington-hill or adams.",
    choices: ApportionmentRegistry.standard.names
  ) { name throws(UsageError) in
    do throws(AllocationError) {
      _ = try ApportionmentRegistry.standard.make(name)
    } catch {
      throw UsageError("unknown --method '\(name)'", hint: error.hint)
    }
    return name
  }.required(hint: "use one of \(ApportionmentRegistry.standard.names.joined(separator: ", "))")
  static let firstDivisor = Option<ApportionmentWeight>(
    "--first-divisor", "X", "First divisor of modified-sainte-lague (default 1.2)."
  ) {
    text throws(UsageError) in
    guard let f = try? ApportionmentWeight(parsing: text) else {
      throw UsageError("--first-divisor must be a number such as 1.2, got '\(text)'")
    }
    return f
  }
  static let total = Option<Int64>("--total", "N", "The whole number of units to divide (≥ 0).") {
    text throws(UsageError) in
    guard let total = Int64(text), total >= 0 else {
      throw UsageError("--total must be a whole number ≥ 0, got '\(text)'")
    }
    return total
  }.required(hint: "e.g. --total 18")
  static let weights = Option<String>("--weights", "FILE", "CSV with name,weight (default: standard input, also '-').")
  static let ties = CommonOptions.ties
  static let format = CommonOptions.format([.csv, .json, .table])
  static let options: [any OptionDeclaration] = [
    method, firstDivisor, total, weights, ties, CommonOptions.delimiter, CommonOptions.encoding, format,
    CommonOptions.csvDialect, CommonOptions.quiet,
  ]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let name = try args.require(Self.method)
    if args.isGiven(firstDivisor), !name.lowercased().hasPrefix("modified") {
      throw UsageError("--first-divisor only applies to --method modified-sainte-lague")
    }
    let options = args[firstDivisor].map { ["first-divisor": $0.description] } ?? [:]
    let method = try ApportionmentRegistry.standard.make(StrategySpecification(name, options: options))
    let total = try args.require(Self.total)
    let ties = args[Self.ties] ?? .error
    let input = try ApportionmentInput.read(path: args[weights] ?? "-", dialect: Inputs.dialect(args))
    io.report(input.notes)
    let result = try input.apportion(total, by: method, ties: ties)
    if let tie = result.tie {
      io.note(
        "tie among \(input.names(tie.tied).joined(separator: ", ")) broken by --ties \(ties) in favour of \(input.names(tie.favoured).joined(separator: ", "))"
      )
    }
    let check = try ApportionmentCheck(result, method: method)
    for i in check.lowerQuotaViolations {
      io.note("\(input.names[i]) is below its lower quota (\(result.quotas[i].decimalText(decimals: 3)))")
    }
    for i in check.upperQuotaViolations {
      io.note("\(input.names[i]) is above its upper quota (\(result.quotas[i].decimalText(decimals: 3)))")
    }
    if !check.alabamaLosersAtNextTotal.isEmpty {
      io.note(
        "Alabama paradox: with \(total + 1) units \(input.names(check.alabamaLosersAtNextTotal).joined(separator: ", ")) would get fewer"
      )
    }
    print(result, of: input, total: total, ties: ties, check: check, format: args[format] ?? .csv, &io)
  }

  /// The amounts as CSV (name,weight,amount), a table with the quotas, or JSON.
  static func print(
    _ result: Apportionment, of input: ApportionmentInput, total: Int64, ties: TiePolicy, check: ApportionmentCheck,
    format: OutputFormat, _ io: inout Output
  ) {
    switch format {
    case .json:
      let quotas = result.quotas
      let rows = input.names.indices.map { i -> JSON in
        [
          "name": .string(input.names[i]), "weight": .string(input.weights[i].description),
          "amount": JSON(result.amounts[i]),
          "quota": .string(quotas[i].description),
        ]
      }
      let tie = result.tie.map { t -> JSON in
        ["tied": JSON(input.names(t.tied)), "favoured": JSON(input.names(t.favoured))]
      }
      io.print(
        json: [
          "method": .string(result.method), "total": JSON(total), "ties": .string(ties.description),
          "rows": .array(rows), "tie": tie ?? .null, "withinQuota": JSON(check.isWithinQuota),
          "alabamaLosersAtNextTotal": JSON(input.names(check.alabamaLosersAtNextTotal)),
        ])
    case .table:
      io.print(result.table(of: input, quotas: true).text(), terminator: "")
    default:
      io.print(result.table(of: input, quotas: false), as: .csv)
    }
  }
}
