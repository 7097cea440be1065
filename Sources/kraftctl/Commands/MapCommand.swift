import KraftsamlingKit

/// `kraftctl map`: an SVG choropleth of the index or a variable, or a LISA
/// cluster map, with clusters outlined.
enum MapCommand: Command {
  static let name = "map"
  static let abstract = "Draw an SVG map of the index or a variable (choropleth or LISA cluster map), optionally with clusters outlined."
  static let usage = """
    [--out FILE.svg] [--value score|NAME] [--definition NAME|FILE] [--classes quantile|equal|jenks] [--k N] \
    [--hotspots [--statistic moran|getis-ord|getis-ord-star] [--permutations P] [--seed S] [--alpha A] [--fdr]] \
    [--clusters (--select NAMES | --top K | --min-score S)] [--rule rook|queen] [--label-placement MODE] \
    [--title TEXT] [--geometry FILE] [--id-property NAME] [--data FILE]
    """
  static let discussion = """
    Draws every area filled by the class of --value: score (default) is the
    composite index (--definition, default stadskontoret-2025, with the override
    options of kraftctl index; areas it does not rank are hatched), otherwise an
    indicator id of the 2025 index (as a percentage, e.g.
    ekonomiskt_bistand_20_64) or a numeric column of --data. Classes: quantile
    (default), equal intervals or jenks (exact Fisher–Jenks natural breaks);
    --k sets their number (default 5). Areas without a value are hatched grey.
    Disclosure control: an indicator's rate that rests on fewer than
    --min-denominator people (default 10; 0 = off) is not drawn: the area is
    cross-hatched ("För få personer, visas ej") and left out of the classes.
    With --hotspots the map is a LISA cluster map of --value instead: HH, LH,
    LL, HL and not significant, by Local Moran's I under --rule contiguity with
    the options of kraftctl hotspots (--permutations, --seed, --alpha, --fdr;
    --statistic getis-ord(-star) maps hot and cold spots). With --clusters,
    the selection given by --select, --top K (ranked K or better by --value,
    ties included) or --min-score S is labelled and its rook (or --rule queen)
    clusters outlined and numbered. Labels avoid each other (leader lines, or
    numbers listed in the legend when there is no room); --label-placement
    numbered numbers them all, label-point draws them where they fall. The map
    credits "Geometri: Malmö stad" and, for the bundled statistics,
    "Illustrativa data". Writes SVG to --out (or standard output); open it in
    any browser.
    """
  static let examples: [(command: String, comment: String)] = [
    ("map --out index.svg --clusters --top 12", "The utsatthetsindex with the clusters of its top 12 (illustrative data)"),
    ("map --out lisa.svg --hotspots --permutations 9999 --fdr", "LISA cluster map of the index, FDR-controlled"),
    ("map --out bistand.svg --value ekonomiskt_bistand_20_64 --classes jenks", "Social assistance share, natural breaks"),
    (
      "map --out kluster.svg --value trangbodda_0_18 --clusters --select \"Holma,Katrinelund,Augustenborg\"",
      "Overcrowding with three areas labelled and outlined"
    ),
  ]
  static let options: [OptionSpec] =
    [
      .option("--out", "FILE", "Write the SVG here (default: standard output)."),
      .option("--value", "NAME", "What to map: score (the index, default), an indicator id or a numeric column."),
    ] + GeographySupport.indexOptions + [
      .option("--classes", "METHOD", "quantile (default), equal or jenks."),
      .option("--k", "N", "Number of classes (default 5)."),
      .flag("--hotspots", "Draw the LISA cluster map of --value instead of classes."),
      .option("--statistic", "NAME", "For --hotspots: moran (default), getis-ord or getis-ord-star."),
      GeographySupport.permutations, GeographySupport.seed, GeographySupport.alpha, GeographySupport.fdr,
      .flag("--clusters", "Label the selection and outline its clusters."),
      GeographySupport.select, GeographySupport.top, GeographySupport.minScore, GeographySupport.rule,
      GeographySupport.tolerance,
      .option("--label-placement", "MODE", "avoid-collisions (default), numbered or label-point."),
      .option("--title", "TEXT", "The map's title."),
      CommonOptions.geometry, CommonOptions.idProperty,
    ] + CommonOptions.dataInput + [CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let (layer, bundledGeometry) = try Inputs.layer(args)
    let valueName = args.value("--value") ?? "score"
    let method = args.value("--classes") ?? "quantile"
    guard let classification = classification(named: method) else {
      throw UsageError("--classes must be quantile, equal or jenks, got '\(method)'")
    }
    let k = try args.int("--k", in: 1...12) ?? 5
    let placement: MapLabelPlacement =
      try args.choice("--label-placement", MapLabelPlacement.allCases.map { ($0.rawValue, $0) }) ?? .avoidCollisions
    let hotspots = args.flag("--hotspots")
    let hotspotOptions = ["--statistic", "--permutations", "--seed", "--alpha", "--fdr"].filter { args.value($0) != nil || args.flag($0) }
    if !hotspots, let first = hotspotOptions.first {
      throw UsageError("\(first) applies to the LISA cluster map", hint: "add --hotspots")
    }
    if hotspots, let first = ["--classes", "--k"].first(where: { args.value($0) != nil }) {
      throw UsageError("\(first) applies to choropleths, not to the LISA cluster map of --hotspots", hint: "drop \(first)")
    }
    let scores = try GeographySupport.scores(args, variable: valueName == "score" ? nil : valueName, option: "--value", &io)
    let credits = AreaMap.credits(geometry: bundledGeometry ? "Malmö stad" : (layer.source ?? "egen fil"), illustrative: scores.illustrative)
    let rule = try GeographySupport.rule(args)
    let matching = try GeographySupport.matching(args)
    var map: AreaMap
    if hotspots {
      let kind: LocalSpatialStatistics.Kind =
        try args.choice("--statistic", LocalSpatialStatistics.Kind.allCases.map { ($0.rawValue, $0) }) ?? .moran
      let (inference, alpha) = try GeographySupport.inference(args)
      let analysis = try HotSpotAnalysis(
        values: scores.values, contiguity: layer.contiguity(rule: rule, matching: matching), variable: scores.label,
        statistic: kind, inference: inference, alpha: alpha, falseDiscoveryRate: args.flag("--fdr"))
      HotspotsCommand.report(analysis, scores: scores, &io)
      let title = args.value("--title") ?? scores.index.map { (kind == .moran ? "LISA-kluster: " : "Heta och kalla punkter: ") + $0.definition.title }
      map = try AreaMap.hotSpots(analysis, layer: layer, title: title, credits: credits)
    } else if let index = scores.index {
      map = try AreaMap.choropleth(
        of: index, layer: layer, classifiedBy: classification, classes: k, title: args.value("--title"), credits: credits)
    } else {
      // Rates over too few people are left out of the class breaks and drawn cross-hatched.
      map = try AreaMap.choropleth(
        layer: layer, values: scores.values.filter { !scores.suppressed.contains($0.key) }, classifiedBy: classification,
        classes: k, title: args.value("--title") ?? scores.label,
        legendTitle: "\(scores.label) – \(classification.name), \(k) klasser", credits: credits)
      map.suppressed = scores.suppressed
      if let note = scores.disclosureNote { io.note(note) }
    }
    map.labelPlacement = placement
    if args.flag("--clusters") {
      guard let selection = try GeographySupport.selection(args, layer: layer, scores: { scores }) else {
        throw UsageError("--clusters needs the areas: --select NAMES, --top K or --min-score S (ranked by --value)")
      }
      if let warning = GeographySupport.tieWarning(selection, k: try args.int("--top", in: 1...1_000_000)) { io.warn(warning) }
      let clusters = try SelectionClusters(
        selection, contiguity: layer.contiguity(rule: rule, matching: matching), names: layer.displayNames)
      map.labels = selection.codes
      map.outlines = clusters.clusters.map(\.codes)
      let line = "\(selection.members.count) valda områden i \(clusters.clusters.count) kluster (\(clusters.rule)-kontiguitet)"
      map.subtitle = map.subtitle.map { $0 + " · " + line } ?? line
      io.note("outlined \(clusters.clusters.count) \(clusters.rule) cluster(s) of \(selection.members.count) areas (\(selection.summary))")
    } else if let first = ["--select", "--top", "--min-score"].first(where: { args.value($0) != nil }) {
      throw UsageError("\(first) chooses areas to outline", hint: "add --clusters")
    }
    let svg = map.svg()
    if let out = args.value("--out") {
      try OutputFile.write(svg, to: out)
      io.note("wrote \(out) (\(svg.utf8.count) bytes)")
    } else {
      io.print(svg, terminator: "")
    }
  }
}
