import KraftsamlingKit

/// `kraftctl hotspots`: Local Moran (LISA) or Getis–Ord hot spots of a variable.
enum HotspotsCommand: Command {
  static let name = "hotspots"
  static let abstract = "Find statistically significant hot spots and outliers (Local Moran or Getis–Ord) of the index or a variable."
  static let usage = """
    [--definition NAME|FILE | --variable NAME] [--statistic moran|getis-ord|getis-ord-star] [--permutations P] \
    [--seed S] [--alpha A] [--fdr] [--rule rook|queen] [--tolerance T] [--normalization M] [--aggregation M] \
    [--weights W1,W2,…] [--min-denominator N] [--missing POLICY] [--geometry FILE] [--id-property NAME] \
    [--data FILE] [--id-column NAME] [--format table|csv|json|markdown]
    """
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
    Weights are --rule contiguity (rook by default), row-standardised. Pseudo
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
    ("hotspots --variable trangbodda_0_18 --statistic getis-ord-star --fdr --format csv", "Gi* hot spots, FDR-controlled"),
    ("hotspots --permutations 9999 --seed 7 --format json", "More permutations, another seed, JSON"),
  ]
  static let options: [OptionSpec] =
    GeographySupport.indexOptions + [
      .option("--variable", "NAME", "Test this instead of the index: an indicator id (a rate in %) or a numeric column of --data."),
      .option("--statistic", "NAME", "moran (Local Moran's I, default), getis-ord (Gi) or getis-ord-star (Gi*)."),
      GeographySupport.permutations, GeographySupport.seed, GeographySupport.alpha, GeographySupport.fdr,
      GeographySupport.rule, GeographySupport.tolerance, CommonOptions.geometry, CommonOptions.idProperty,
    ] + CommonOptions.dataInput + [CommonOptions.format, CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let kind: LocalSpatialStatistics.Kind =
      try args.choice("--statistic", LocalSpatialStatistics.Kind.allCases.map { ($0.rawValue, $0) }) ?? .moran
    var (inference, alpha) = try GeographySupport.inference(args)
    let bar = ProgressBar(label: "permutations", quiet: io.quiet)
    inference.progress = bar.reporter
    defer { bar.finish() }
    let (layer, _) = try Inputs.layer(args)
    let variable = args.value("--variable")
    let scores = try GeographySupport.scores(args, variable: variable, &io)
    if scores.illustrative { io.note("values: \(Inputs.illustrative)") }
    let contiguity = try layer.contiguity(rule: GeographySupport.rule(args), matching: GeographySupport.matching(args))
    let analysis = try HotSpotAnalysis(
      values: scores.values, contiguity: contiguity, variable: scores.label, statistic: kind, inference: inference,
      alpha: alpha, falseDiscoveryRate: args.flag("--fdr"))
    report(analysis, scores: scores, &io)
    if let note = scores.disclosureNote { io.note(note) }
    let local = analysis.local
    let names = layer.displayNames
    let order = local.areas.indices.sorted { local.areas[$0].id < local.areas[$1].id }
    if format == .json {
      io.print(
        JSONOutput.string(
          .object(
            json(
              local, analysis.global, names: names, order: order, variable: variable ?? scores.label, rule: contiguity.rule,
              definition: scores.index?.definition.label, suppressed: scores.suppressed))), terminator: "")
      return
    }
    var table = ReportTable(
      columns: ["code", "name", "value", "statistic", "quadrant", "p", "label"],
      alignments: [.left, .left, .right, .right, .left, .right, .left])
    func number(_ d: Double) -> String { format == .csv ? DecimalFormatting.shortest(d) : DecimalFormatting.fixed(d, places: 4) }
    for k in order {
      let a = local.areas[k]
      table.append([
        a.id, names[a.id] ?? a.id, scores.shown(a.id, number(a.value)), scores.shown(a.id, number(a.statistic)), a.quadrant?.code ?? "",
        a.pValue.map { DecimalFormatting.shortest($0) } ?? "", a.label.rawValue,
      ])
    }
    io.print(format.render(table), terminator: "")
  }

  /// The notes and warnings of an analysis: untested areas, islands,
  /// global Moran's I, the label counts.
  static func report(_ analysis: HotSpotAnalysis, scores: GeographySupport.Scores, _ io: inout Output) {
    let local = analysis.local
    if !analysis.untested.isEmpty {
      let why = scores.index == nil ? "have no value for \(scores.label)" : "are not ranked by the index"
      io.warn("\(analysis.untested.count) area(s) \(why) and are left out: \(analysis.untested.joined(separator: ", "))")
    }
    for id in analysis.islands {
      io.warn("area \(id) has no \(analysis.rule) neighbours with a value (island): not tested")
    }
    let global = analysis.global
    let globalP = global.pValue.map { DecimalFormatting.shortest($0) } ?? "–"
    io.note(
      "global Moran's I = \(DecimalFormatting.fixed(global.statistic, places: 4)) (E[I] = \(DecimalFormatting.fixed(global.expected, places: 4))), "
        + "pseudo p = \(globalP) (\(local.permutations) permutations, seed \(local.seed.map(String.init) ?? "–")); "
        + "\(scores.label), \(analysis.rule) contiguity, \(local.areas.count) areas")
    let summary = analysis.labelCounts.map { "\($0.label.rawValue) \($0.count)" }.joined(separator: ", ")
    io.note(
      "\(local.kind.rawValue): \(local.significantAreas.count) significant area(s) at p < \(DecimalFormatting.shortest(local.threshold))"
        + (local.falseDiscoveryRate ? " (FDR at α = \(DecimalFormatting.shortest(local.alpha)))" : "") + ": \(summary)")
  }

  /// The JSON document: settings, global Moran's I and one object per area.
  static func json(
    _ local: LocalSpatialStatistics, _ global: GlobalMoran, names: [String: String], order: [Int], variable: String, rule: String,
    definition: String? = nil, suppressed: Set<String> = []
  ) -> JSONOutput.Object {
    func number(_ d: Double?) -> JSONOutput.Value { d.map { .number($0) } ?? .null }
    return JSONOutput.Object([
      ("statistic", .string(local.kind.rawValue)), ("variable", .string(variable)),
      ("definition", definition.map { .string($0) } ?? .null), ("rule", .string(rule)),
      ("transformation", .string(local.transformation.rawValue)),
      ("permutations", .integer(Int64(local.permutations))), ("seed", local.seed.map { .integer(Int64(clamping: $0)) } ?? .null),
      ("alternative", .string(local.alternative)), ("alpha", .number(local.alpha)),
      ("fdr", .bool(local.falseDiscoveryRate)), ("threshold", .number(local.threshold)),
      (
        "global_moran",
        .object(
          JSONOutput.Object([
            ("I", .number(global.statistic)), ("expected", .number(global.expected)),
            ("z_randomisation", number(global.zRandomisation)), ("p_randomisation", number(global.pRandomisation)),
            ("z_sim", number(global.simulatedZScore)), ("p_sim", number(global.pValue)),
          ]))
      ),
      (
        "areas",
        .array(
          order.map { k in
            let a = local.areas[k]
            // A suppressed value could be recovered from its own statistic and z-scores.
            let hidden = suppressed.contains(a.id)
            return .object(
              JSONOutput.Object([
                ("code", .string(a.id)), ("name", .string(names[a.id] ?? a.id)),
                ("value", hidden ? .null : .number(a.value)), ("suppressed", .bool(hidden)),
                ("statistic", hidden ? .null : .number(a.statistic)), ("quadrant", a.quadrant.map { .string($0.code) } ?? .null),
                ("p", number(a.pValue)), ("label", .string(a.label.rawValue)), ("neighbors", .integer(Int64(a.neighbourCount))),
                ("expected", .number(a.expected)), ("variance", .number(a.variance)), ("z", hidden ? .null : number(a.zScore)),
                ("z_sim", hidden ? .null : number(a.simulatedZScore)),
              ]))
          })
      ),
    ])
  }
}
