import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl regions`: contiguous regions that reach a floor (max-p) or a
/// fixed number of them (SKATER).
enum RegionsCommand: Command {
  static let name = "regions"
  static let abstract = "Group areas into contiguous, homogeneous regions that reach a floor (max-p or SKATER)."
  static let discussion = """
    Regionalises the areas of --geometry (default Malmö's delområden) on the
    --attributes (indicator ids of the 2025 index, as rates, or numeric columns
    of --data; standardised to z-scores; default the index's indicators).
    --method maxp (default) makes as many contiguous regions as possible whose
    total of --floor-column reaches --floor (e.g. unga_16_29 ≥ 500), then
    lowers their heterogeneity by simulated annealing (spopt's MaxPHeuristic;
    --seed, default 1, and --constructions, default 99; the same result for
    any --threads). --method skater cuts the minimum spanning tree of the
    contiguity into --k regions (required), each cut lowering the
    within-region sum of squared deviations most; its floor is --floor-column
    ≥ --floor, or --floor areas without a column. Areas without a value are
    left out with a warning. Islands and other separate parts are linked to
    the nearest area of the largest part by centroid distance (--islands
    attach, default) or left alone (--islands leave: max-p leaves out parts
    below the floor, SKATER counts parts towards --k). --from-selection
    regionalises only the selected areas (--top K of the index, default 12,
    --min-score or --select) and their neighbours, into intervention zones.
    Output: one row per area, code,name,region (R1, R2, …); the regions
    (members, floor total, heterogeneity) as notes, in JSON and in the
    workbook's second sheet; --map writes an SVG. See
    Documentation/Regionalization.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("regions --floor-column unga_16_29 --floor 1000", "Max-p regions of at least 1,000 people aged 16–29 (illustrative data)"),
    ("regions --method skater --k 8 --format csv", "Eight SKATER regions on the index's indicators"),
    (
      "regions --from-selection --top 12 --floor-column unga_16_29 --floor 500 --map zoner.svg",
      "Intervention zones around the 12 most vulnerable delområden, with a map"
    ),
  ]
  static let method = Option<Regionalization.Method>.choice(
    "--method", "NAME", "maxp (default) or skater.", [("maxp", .maxP), ("skater", .skater)])
  static let attributes = Option<[String]>(
    "--attributes", "A,B,…", "Attributes regions should be homogeneous in (default: the index's indicators)."
  ) { $0.split(separator: ",").map { String($0).filter { $0 != " " } } }
  static let floorColumn = Option<String>("--floor-column", "NAME", "The count column each region's total must reach.")
  static let floor = Option.number(
    "--floor", "X", "The smallest total of --floor-column per region (for skater without a column: areas).",
    "must be a finite number", where: { $0.isFinite })
  static let k = Option.integer("--k", "K", "skater: the number of regions.", in: 1...1_000_000)
  static let seed = CommonOptions.seed.help("maxp: seed of the random constructions and annealing (default 1).")
  static let threads = Option.integer("--threads", "T", "maxp: threads (default 1; the result is the same).", in: 1...256)
  static let constructions = Option.integer(
    "--constructions", "N", "maxp: random constructions (default 99, as spopt).", in: 1...1_000_000)
  static let islands = Option<Bool>.choice(
    "--islands", "POLICY", "attach (default: link to the nearest area) or leave.", [("attach", true), ("leave", false)])
  static let fromSelection = Flag(
    "--from-selection", "Regionalise only the selected areas and their neighbours (--top, --min-score or --select).")
  static let map = Option<String>("--map", "FILE", "Also write a map of the regions as SVG.")
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    [method, attributes, floorColumn, floor, k, seed, threads, constructions, islands, fromSelection]
    + GeographySupport.selectionOptions + CommonOptions.indexOptions + [
      CommonOptions.rule, GeographySupport.tolerance, CommonOptions.geometry, CommonOptions.idProperty,
    ] + CommonOptions.dataInputWithoutCubeSelection + [map, format, out, CommonOptions.csvDialect, CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let workbook = try WorkbookOutput.path(format: args[format] ?? .table, out: args[out])
    let chosen = args[method] ?? .maxP
    try checkOptions(args, method: chosen)
    let (layer, _) = try Inputs.layer(args)
    let statistics = try Inputs.statistics(args)
    if statistics.isBundled { io.note("data: \(Inputs.illustrative)") }
    let areas = try RegionsInput.areas(args, layer: layer, statistics: statistics, &io)
    let input = try RegionsInput(args, layer: layer, areas: areas, statistics: statistics, &io)
    let result: Regionalization
    switch chosen {
    case .skater: result = try Regionalization.skater(input.problem, regions: args[k]!)
    case .maxP:
      let options = MaxPOptions(
        seed: args[seed] ?? 1, threads: args[threads] ?? 1, constructions: args[constructions] ?? 99)
      result = try Regionalization.maxP(input.problem, options: options)
    }
    for w in result.warnings { io.warn(w) }
    let rendering = RegionsRendering(result: result, names: layer.displayNames, floorColumn: args[floorColumn])
    rendering.notes(&io)
    if let path = args[map] { try rendering.writeMap(layer: layer, to: path, &io) }
    if let workbook {
      try WorkbookOutput.write(
        [("areas", rendering.areaTable()), ("regions", rendering.regionTable(numbers: .exact))], to: workbook, &io)
    } else {
      rendering.print(format: args[format] ?? .table, &io)
    }
  }

  /// Usage errors: what each method needs and refuses.
  static func checkOptions(_ args: ParsedArguments, method: Regionalization.Method) throws {
    if args.isGiven(floorColumn) != args.isGiven(floor), args[floorColumn] != nil {
      throw UsageError("--floor-column needs --floor, the total each region must reach")
    }
    switch method {
    case .skater:
      guard args.isGiven(k) else { throw UsageError("--method skater needs --k, the number of regions") }
      for o in [seed, threads, constructions] as [any OptionDeclaration] where args.isGiven(o) {
        throw UsageError("\(o.name) is for --method maxp; skater is deterministic")
      }
    case .maxP:
      guard args.isGiven(floor), args.isGiven(floorColumn) else {
        throw UsageError(
          "--method maxp needs --floor-column and --floor (e.g. --floor-column unga_16_29 --floor 500)",
          hint: "or use --method skater --k K")
      }
      if args.isGiven(k) { throw UsageError("--k is for --method skater; max-p finds the number of regions") }
    }
    if !args[fromSelection], let first = GeographySupport.selectionOptions.first(where: args.isGiven) {
      throw UsageError("\(first.name) chooses areas to regionalise", hint: "add --from-selection")
    }
  }
}
