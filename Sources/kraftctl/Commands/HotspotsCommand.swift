import KraftsamlingKit

/// `kraftctl hotspots`: Local Moran (LISA) or Getis–Ord hot spots of a variable.
enum HotspotsCommand: Command {
  static let name = "hotspots"
  static let abstract =
    "Find statistically significant hot spots and outliers (Local Moran or Getis–Ord) of the index or a variable."
  static let discussion = """
    Tests whether high (or low) values cluster in space, area by area, with the
    semantics of PySAL esda: Local Moran's I (LISA, default) with quadrants HH,
    LH, LL, HL, or Getis–Ord Gi / Gi* with hot and cold spots. The values are
    the composite index's scores (--definition, default stadskontoret-2025, with
    the override options of kraftctl index; areas the index does not rank are
    left out) or, with --variable, an indicator id of the 2025 index (its rate
    in %) or a numeric column of --data; areas without a value are left out.
    Disclosure control: an indicator's rate that rests on fewer than
    --min-denominator people (default 10; 0 = off) is tested but not shown:
    its value and its own statistic are '..' (null in JSON, with
    "suppressed": true).
    Weights are --rule contiguity (rook by default), or --neighbours knn,
    distance or kernel with the options of kraftctl neighbours (--k,
    --threshold, --exponent, --kernel, --bandwidth, --adaptive, --order,
    --distance, --points, --link-islands), row-standardised. Pseudo
    p-values come from --permutations conditional permutations (default 999)
    drawn from --seed (default 12345): the same seed gives the same result on
    any machine and any number of cores. An area is significant when p < --alpha
    (default 0.05); --fdr lowers the threshold to control the false discovery
    rate (Benjamini–Hochberg, as esda's fdr). Global Moran's I and its pseudo
    p-value are printed on standard error and included in JSON.
    CSV columns: code,name,value,statistic,quadrant,p,label (label HH/LH/LL/HL,
    hot/cold for Getis–Ord, or ns). See Documentation/SpatialStatistics.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("hotspots", "LISA clusters of the utsatthetsindex (illustrative data)"),
    ("hotspots --definition scb-regso --fdr --format csv", "Another index, FDR-controlled"),
    ("hotspots --variable ekonomiskt_bistand_20_64", "LISA clusters of the social assistance share"),
    (
      "hotspots --variable trangbodda_0_18 --statistic getis-ord-star --fdr --format csv",
      "Gi* hot spots, FDR-controlled"
    ),
    ("hotspots --permutations 9999 --seed 7 --format json", "More permutations, another seed, JSON"),
  ]
  static let variable = GeographySupport.variable.help(
    "Test this instead of the index: an indicator id (a rate in %) or a numeric column of --data.")
  static let neighbours = NeighbourOptions.kind("--neighbours")
  static let format = CommonOptions.formatWithWorkbook
  static let out = CommonOptions.outWorkbook
  static let options: [any OptionDeclaration] =
    CommonOptions.indexOptions + [variable, GeographySupport.statistic] + GeographySupport.inferenceOptions + [
      CommonOptions.rule, neighbours,
    ] + NeighbourOptions.shared + [
      GeographySupport.tolerance, CommonOptions.geometry, CommonOptions.idProperty,
    ] + CommonOptions.dataInput + [format, out, CommonOptions.csvDialect, CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let workbook = try WorkbookOutput.path(format: args[format] ?? .table, out: args[out])
    var (inference, alpha) = GeographySupport.inference(args)
    let bar = ProgressBar(label: "permutations", quiet: io.quiet)
    inference.progress = bar.reporter
    defer { bar.finish() }
    let (layer, _) = try Inputs.layer(args)
    let scores = try GeographySupport.scores(args, variable: args[variable], &io)
    if scores.illustrative { io.note("values: \(Inputs.illustrative)") }
    let (weights, rule) = try Self.weights(layer, args, &io)
    let analysis = try HotSpotAnalysis(
      values: scores.values, weights: weights, rule: rule, variable: scores.label,
      statistic: args[GeographySupport.statistic] ?? .moran,
      inference: inference, alpha: alpha, falseDiscoveryRate: args[GeographySupport.fdr])
    report(analysis, scores: scores, &io)
    if let note = scores.disclosureNote { io.note(note) }
    let rendering = Rendering(
      analysis: analysis, scores: scores, names: layer.displayNames, variable: args[variable] ?? scores.label,
      rule: rule)
    if let workbook {
      try WorkbookOutput.write([("hotspots", rendering.table(numbers: .exact))], to: workbook, &io)
    } else {
      rendering.print(format: args[format] ?? .table, &io)
    }
  }

  /// The notes and warnings of an analysis: untested areas, islands,
  /// global Moran's I, the label counts.
  static func report(_ analysis: HotSpotAnalysis, scores: AreaScores, _ io: inout Output) {
    let local = analysis.local
    if !analysis.untested.isEmpty {
      let why = scores.index == nil ? "have no value for \(scores.label)" : "are not ranked by the index"
      io.warn(
        "\(analysis.untested.count) area(s) \(why) and are left out: \(analysis.untested.joined(separator: ", "))")
    }
    for id in analysis.islands {
      io.warn("area \(id) has no \(analysis.rule) neighbours with a value (island): not tested")
    }
    let global = analysis.global
    let globalP = global.pValue.map { DecimalFormatting.shortest($0) } ?? "–"
    io.note(
      "global Moran's I = \(DecimalFormatting.fixed(global.statistic, places: 4)) (E[I] = \(DecimalFormatting.fixed(global.expected, places: 4))), "
        + "pseudo p = \(globalP) (\(local.permutations) permutations, seed \(local.seed.map(String.init) ?? "–")); "
        + "\(scores.label), \(describe(analysis.rule)), \(local.areas.count) areas")
    let summary = analysis.labelCounts.map { "\($0.label.rawValue) \($0.count)" }.joined(separator: ", ")
    io.note(
      "\(local.kind.rawValue): \(local.significantAreas.count) significant area(s) at p < \(DecimalFormatting.shortest(local.threshold))"
        + (local.falseDiscoveryRate ? " (FDR at α = \(DecimalFormatting.shortest(local.alpha)))" : "") + ": \(summary)")
  }

  /// `rook contiguity` for a contiguity rule, else the weights' own description.
  static func describe(_ rule: String) -> String { contiguityRule(named: rule) == nil ? rule : "\(rule) contiguity" }

  /// The weights of `--neighbours` (with the shared options) or of `--rule`
  /// contiguity, and their description (`rook contiguity`, `knn (k = 6, …)`).
  static func weights(_ layer: AreaLayer, _ args: ParsedArguments, _ io: inout Output) throws
    -> (SpatialWeights, String)
  {
    guard let kind = args[neighbours] else {
      if let extra = NeighbourOptions.shared.first(where: args.isGiven) {
        throw UsageError("\(extra.name) needs --neighbours TYPE", hint: "e.g. --neighbours knn --k 6")
      }
      let contiguity = try GeographySupport.contiguity(layer, args)
      return (contiguity.graph.weights(.binary), contiguity.rule)
    }
    guard !args.isGiven(CommonOptions.rule) else {
      throw UsageError("use --rule or --neighbours, not both", hint: "--neighbours rook is the same as --rule rook")
    }
    let built = try NeighbourOptions.build(kind, layer: layer, args)
    for note in built.notes { io.note(note) }
    for l in built.links { io.note("linked island \(l.island) to its nearest area \(l.neighbour)") }
    return (built.weights, built.label)
  }
}
