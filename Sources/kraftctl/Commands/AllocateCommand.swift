import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl allocate`: divide a budget over the insatser with one model.
enum AllocateCommand: Command {
  static let name = "allocate"
  static let abstract = "Divide a budget over the insatser's requests with a fördelningsmodell, exactly and explained."
  static let discussion = """
    Reads the insatser (default: the bundled sample of invented insatser), keeps
    those with status inlämnad, tillstyrkt, beviljad or pågående (change with
    --status), and takes each requested budget line (source sökta) as a request.
    Need-based models use the share of 0–18-year-olds in households with low
    income standard in the insats's delområden and their number of children
    (from --data or the bundled illustrative statistics). Models: pro-rata
    (default), need-weighted, equal-per-forvaltning, priority, base-plus-need,
    equal-shares. An insats funded below 1 000 000 kr is dropped and its money
    redistributed (--minimum). Amounts are whole kr (or tkr with --unit tkr)
    and add up exactly. CSV: insats,forvaltning,requested,amount (+ explanation
    with --explain), one row per insats and förvaltning, years added up; JSON is
    the full Fördelning with every year and explanation. Unfunded requests and
    the constraint steps are listed on standard error.
    --robustness R re-divides the budget under R replications of the index's
    uncertain choices (drawn as by 'kraftctl robustness': --vary, default
    weights,normalization,drop; --seed; --threads), each an exact allocation
    checked to add up to the budget, and prints per förvaltning and insats the
    nominal amount, min, p05, median, p95, max (type-7 quantiles, rounded to
    whole kr), p_funded (share of replications above 0 kr) and the first-order
    Sobol index of each choice on the amount (N = the first 1000 replications),
    main_choice the largest. The same seed gives the same output with any
    --threads. See Documentation/Allocation.md and Documentation/Robustness.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("allocate --budget '4 MSEK'", "Pro rata over the sample insatser"),
    ("allocate --budget 4000000 --model need-weighted --explain", "Need-weighted, with the reason for every amount"),
    (
      "allocate --insatser insatser.json --budget '12 MSEK' --model equal-shares --unit tkr --format json",
      "Your file, equal shares, in tkr"
    ),
    (
      "allocate --budget '4 MSEK' --model need-weighted --robustness 1000 --seed 7",
      "How the money moves under 1000 replications of the index"
    ),
  ]
  static let model = CommonOptions.model
  static let explain = Flag("--explain", "Add the explanation of every amount.")
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    AllocationSupport.options + [model, explain, format, out, CommonOptions.csvDialect, CommonOptions.quiet]
    + robustnessOptions

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    try checkRobustness(args)
    let model = try args[Self.model] ?? AllocationSupport.model("pro-rata")
    if args[robustness] != nil { return try runRobustness(args, model: model, &io) }
    let workbook = try WorkbookOutput.path(format: args[Self.format] ?? .table, out: args[out])
    let loaded = try AllocationSupport.load(args, &io)
    let f = try model.allocate(loaded.input)
    if loaded.isExample { io.note(SampleInsatser.exampleLabelEnglish) }
    io.note("\(f.model): \(f.distributed) of \(f.budget) distributed, \(f.undistributed) undistributed")
    for u in f.unfunded {
      io.note("unfunded: \(u.insatsID)/\(u.förvaltningID)\(u.year.map { "/\($0)" } ?? ""): \(u.reason)")
    }
    for line in f.log { io.note(line) }
    let format = args[Self.format] ?? .table
    if format == .json {
      try io.print(encoded: f)
      return
    }
    let t = f.itemTable(explained: args[explain])
    if let workbook {
      try WorkbookOutput.write([("allocation", t)], to: workbook, &io)
    } else {
      io.print(t, as: format)
    }
  }
}
