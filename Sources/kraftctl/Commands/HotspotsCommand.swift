import KraftsamlingKit

/// `kraftctl hotspots`: Local Moran (LISA) or Getis–Ord hot spots of a variable.
enum HotspotsCommand: Command {
  static let name = "hotspots"
  static let abstract = "Find statistically significant hot spots and outliers (Local Moran or Getis–Ord) of a variable."
  static let usage = """
    [--variable NAME] [--statistic moran|getis-ord|getis-ord-star] [--permutations P] [--seed S] [--alpha A] [--fdr] \
    [--rule rook|queen] [--tolerance T] [--geometry FILE] [--id-property NAME] [--data FILE] [--id-column NAME] \
    [--format table|csv|json|markdown]
    """
  static let discussion = """
    Tests whether high (or low) values of --variable cluster in space, area by
    area, with the semantics of PySAL esda: Local Moran's I (LISA, default) with
    quadrants HH, LH, LL, HL, or Getis–Ord Gi / Gi* with hot and cold spots.
    Weights are --rule contiguity (rook by default), row-standardised. Pseudo
    p-values come from --permutations conditional permutations (default 999)
    drawn from --seed (default 12345): the same seed gives the same result on
    any machine and any number of cores. An area is significant when p < --alpha
    (default 0.05); --fdr lowers the threshold to control the false discovery
    rate (Benjamini–Hochberg, as esda's fdr). --variable is an indicator id of
    the 2025 index (its rate in %) or a numeric column of --data; areas without
    a value are left out. Global Moran's I and its pseudo p-value are printed on
    standard error and included in JSON.
    CSV columns: code,name,value,statistic,quadrant,p,label (label HH/LH/LL/HL,
    hot/cold for Getis–Ord, or ns). See Documentation/SpatialStatistics.md.
    (--definition, testing a composite index, arrives with the index commands.)
    """
  static let examples: [(command: String, comment: String)] = [
    ("hotspots --variable ekonomiskt_bistand_20_64", "LISA clusters of the social assistance share (illustrative data)"),
    ("hotspots --variable trangbodda_0_18 --statistic getis-ord-star --fdr --format csv", "Gi* hot spots, FDR-controlled"),
    ("hotspots --variable uvas_16_29 --permutations 9999 --seed 7 --format json", "More permutations, another seed, JSON"),
  ]
  static let options: [OptionSpec] = [
    .option("--variable", "NAME", "What to test: an indicator id (a rate in %) or a numeric column (default: the first index indicator)."),
    .option("--statistic", "NAME", "moran (Local Moran's I, default), getis-ord (Gi) or getis-ord-star (Gi*)."),
    .option("--permutations", "P", "Conditional permutations for the pseudo p-values (default 999; 0 = none)."),
    .option("--seed", "S", "Seed of the permutations (default 12345)."),
    .option("--alpha", "A", "Significance level (default 0.05)."),
    .flag("--fdr", "Control the false discovery rate (Benjamini–Hochberg) instead of using --alpha per area."),
    GeographySupport.rule, GeographySupport.tolerance, CommonOptions.geometry, CommonOptions.idProperty,
  ] + CommonOptions.dataInput + [CommonOptions.format, CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let kind: LocalSpatialStatistics.Kind =
      try args.choice("--statistic", LocalSpatialStatistics.Kind.allCases.map { ($0.rawValue, $0) }) ?? .moran
    let permutations = try args.int("--permutations", in: 0...1_000_000) ?? 999
    let seed = UInt64(try args.int("--seed", in: 0...Int.max) ?? Int(PermutationInference.defaultSeed))
    let alpha = try args.double("--alpha") ?? 0.05
    guard alpha > 0, alpha < 1 else { throw UsageError("--alpha must be between 0 and 1, got \(alpha)") }

    let (layer, _) = try Inputs.layer(args)
    let variable = args.value("--variable") ?? IndicatorCatalogue.stadskontoret2025.indexIndicators[0].id
    let (byCode, label, illustrative) = try GeographySupport.values(args, variable: variable)
    if illustrative { io.note("values: \(Inputs.illustrative)") }
    let contiguity = try layer.contiguity(rule: GeographySupport.rule(args), matching: GeographySupport.matching(args))
    let all = contiguity.graph.weights(.binary)
    let (rows, values) = all.aligned(byCode)
    if rows.count < all.count {
      let missing = all.ids.filter { byCode[$0] == nil }
      io.warn("\(missing.count) area(s) have no value for \(variable) and are left out: \(missing.joined(separator: ", "))")
    }
    let weights = all.restricted(to: rows)
    for i in weights.islands { io.warn("area \(weights.ids[i]) has no \(contiguity.rule) neighbours with a value (island): not tested") }

    let inference = PermutationInference(permutations: permutations, seed: seed)
    let local = try LocalSpatialStatistics.compute(
      kind, values: values, weights: weights, inference: inference, alpha: alpha, falseDiscoveryRate: args.flag("--fdr"))
    let global = try GlobalMoran(values: values, weights: weights, inference: inference)
    let names = layer.displayNames

    let globalP = global.pValue.map { DecimalFormatting.shortest($0) } ?? "–"
    io.note(
      "global Moran's I = \(DecimalFormatting.fixed(global.statistic, places: 4)) (E[I] = \(DecimalFormatting.fixed(global.expected, places: 4))), "
        + "pseudo p = \(globalP) (\(permutations) permutations, seed \(seed)); \(label), \(contiguity.rule) contiguity, \(values.count) areas")
    let counts = Dictionary(grouping: local.labels, by: { $0 }).mapValues(\.count)
    let summary = SpatialClusterLabel.allCases.compactMap { l in counts[l].map { "\(l.rawValue) \($0)" } }.joined(separator: ", ")
    io.note(
      "\(kind.rawValue): \(local.significantAreas.count) significant area(s) at p < \(DecimalFormatting.shortest(local.threshold))"
        + (local.falseDiscoveryRate ? " (FDR at α = \(DecimalFormatting.shortest(alpha)))" : "") + ": \(summary)")

    let order = local.areas.indices.sorted { local.areas[$0].id < local.areas[$1].id }
    if format == .json {
      io.print(JSONOutput.string(.object(json(local, global, names: names, order: order, variable: variable, rule: contiguity.rule))), terminator: "")
      return
    }
    var table = ReportTable(
      columns: ["code", "name", "value", "statistic", "quadrant", "p", "label"],
      alignments: [.left, .left, .right, .right, .left, .right, .left])
    func number(_ d: Double) -> String { format == .csv ? DecimalFormatting.shortest(d) : DecimalFormatting.fixed(d, places: 4) }
    for k in order {
      let a = local.areas[k]
      table.append([
        a.id, names[a.id] ?? a.id, number(a.value), number(a.statistic), a.quadrant?.code ?? "",
        a.pValue.map { DecimalFormatting.shortest($0) } ?? "", a.label.rawValue,
      ])
    }
    io.print(format.render(table), terminator: "")
  }

  /// The JSON document: settings, global Moran's I and one object per area.
  static func json(
    _ local: LocalSpatialStatistics, _ global: GlobalMoran, names: [String: String], order: [Int], variable: String, rule: String
  ) -> JSONOutput.Object {
    func number(_ d: Double?) -> JSONOutput.Value { d.map { .number($0) } ?? .null }
    return JSONOutput.Object([
      ("statistic", .string(local.kind.rawValue)), ("variable", .string(variable)), ("rule", .string(rule)),
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
            return .object(
              JSONOutput.Object([
                ("code", .string(a.id)), ("name", .string(names[a.id] ?? a.id)), ("value", .number(a.value)),
                ("statistic", .number(a.statistic)), ("quadrant", a.quadrant.map { .string($0.code) } ?? .null),
                ("p", number(a.pValue)), ("label", .string(a.label.rawValue)), ("neighbors", .integer(Int64(a.neighbourCount))),
                ("expected", .number(a.expected)), ("variance", .number(a.variance)), ("z", number(a.zScore)),
                ("z_sim", number(a.simulatedZScore)),
              ]))
          })
      ),
    ])
  }
}
