import KraftsamlingKit

/// `kraftctl map`: an SVG choropleth of the index or a variable, or a LISA
/// cluster map, with clusters outlined.
enum MapCommand: Command {
  static let name = "map"
  static let abstract =
    "Draw an SVG map of the index or a variable (choropleth or LISA cluster map), optionally with clusters outlined."
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
    (
      "map --out index.svg --clusters --top 12",
      "The utsatthetsindex with the clusters of its top 12 (illustrative data)"
    ),
    ("map --out lisa.svg --hotspots --permutations 9999 --fdr", "LISA cluster map of the index, FDR-controlled"),
    (
      "map --out bistand.svg --value ekonomiskt_bistand_20_64 --classes jenks",
      "Social assistance share, natural breaks"
    ),
    (
      "map --out kluster.svg --value trangbodda_0_18 --clusters --select \"Holma,Katrinelund,Augustenborg\"",
      "Overcrowding with three areas labelled and outlined"
    ),
  ]
  static let out = CommonOptions.outFile.help("Write the SVG here (default: standard output).")
  static let value = Option<String>(
    "--value", "NAME", "What to map: score (the index, default), an indicator id or a numeric column.")
  static let classes = Option<any Classification>(
    "--classes", "METHOD", "quantile (default), equal or jenks.", choices: ["quantile", "equal", "jenks"]
  ) { text throws(UsageError) in
    guard let c = classification(named: text) else {
      throw UsageError("--classes must be quantile, equal or jenks, got '\(text)'")
    }
    return c
  }
  static let k = Option.integer("--k", "N", "Number of classes (default 5).", in: 1...12)
  static let hotspots = Flag("--hotspots", "Draw the LISA cluster map of --value instead of classes.")
  static let statistic = GeographySupport.statistic.help(
    "For --hotspots: moran (default), getis-ord or getis-ord-star.")
  static let clusters = Flag("--clusters", "Label the selection and outline its clusters.")
  static let labelPlacement = Option<MapLabelPlacement>.choice(
    "--label-placement", "MODE", "avoid-collisions (default), numbered or label-point.",
    MapLabelPlacement.allCases.map { ($0.rawValue, $0) })
  static let title = Option<String>("--title", "TEXT", "The map's title.")
  static let options: [any OptionDeclaration] =
    [out, value] + CommonOptions.indexOptions + [classes, k, hotspots, statistic] + GeographySupport.inferenceOptions
    + [
      clusters, GeographySupport.select, GeographySupport.top, GeographySupport.minScore, CommonOptions.rule,
      GeographySupport.tolerance, labelPlacement, title, CommonOptions.geometry, CommonOptions.idProperty,
    ] + CommonOptions.dataInputWithoutCubeSelection + [CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let (layer, bundledGeometry) = try Inputs.layer(args)
    let hotspotOptions: [any OptionDeclaration] = [statistic] + GeographySupport.inferenceOptions
    if !args[hotspots], let first = hotspotOptions.first(where: args.isGiven) {
      throw UsageError("\(first.name) applies to the LISA cluster map", hint: "add --hotspots")
    }
    if args[hotspots], let first = [classes, k].first(where: args.isGiven) {
      throw UsageError(
        "\(first.name) applies to choropleths, not to the LISA cluster map of --hotspots", hint: "drop \(first.name)")
    }
    let valueName = args[value] ?? "score"
    let scores = try GeographySupport.scores(
      args, variable: valueName == "score" ? nil : valueName, option: value.name, &io)
    let credits = AreaMap.credits(
      geometry: bundledGeometry ? "Malmö stad" : (layer.source ?? "egen fil"), illustrative: scores.illustrative)
    var map = try draw(scores, layer: layer, credits: credits, args, &io)
    map.labelPlacement = args[labelPlacement] ?? .avoidCollisions
    if args[clusters] {
      try outlineClusters(on: &map, scores: scores, layer: layer, args, &io)
    } else if let first = GeographySupport.selectionOptions.first(where: args.isGiven) {
      throw UsageError("\(first.name) chooses areas to outline", hint: "add --clusters")
    }
    let svg = map.svg()
    if let out = args[out] {
      try OutputFile.write(svg, to: out)
      io.note("wrote \(out) (\(svg.utf8.count) bytes)")
    } else {
      io.print(svg, terminator: "")
    }
  }

  /// The LISA cluster map of `--hotspots`, or a choropleth of the index or the variable.
  static func draw(
    _ scores: AreaScores, layer: AreaLayer, credits: [String], _ args: ParsedArguments, _ io: inout Output
  ) throws
    -> AreaMap
  {
    if args[hotspots] {
      let kind = args[statistic] ?? .moran
      let (inference, alpha) = GeographySupport.inference(args)
      let analysis = try HotSpotAnalysis(
        values: scores.values, contiguity: GeographySupport.contiguity(layer, args), variable: scores.label,
        statistic: kind,
        inference: inference, alpha: alpha, falseDiscoveryRate: args[GeographySupport.fdr])
      HotspotsCommand.report(analysis, scores: scores, &io)
      let heading =
        args[title]
        ?? scores.index.map { (kind == .moran ? "LISA-kluster: " : "Heta och kalla punkter: ") + $0.definition.title }
      return try AreaMap.hotSpots(analysis, layer: layer, title: heading, credits: credits)
    }
    let method = args[classes] ?? classification(named: "quantile")!
    let count = args[k] ?? 5
    if let index = scores.index {
      return try AreaMap.choropleth(
        of: index, layer: layer, classifiedBy: method, classes: count, title: args[title], credits: credits)
    }
    // Rates over too few people are left out of the class breaks and drawn cross-hatched.
    var map = try AreaMap.choropleth(
      layer: layer, values: scores.values.filter { !scores.suppressed.contains($0.key) }, classifiedBy: method,
      classes: count, title: args[title] ?? scores.label,
      legendTitle: "\(scores.label) – \(method.name), \(count) klasser",
      credits: credits)
    map.suppressed = scores.suppressed
    if let note = scores.disclosureNote { io.note(note) }
    return map
  }

  /// Labels the selection of `--select`, `--top` or `--min-score` and outlines its clusters.
  static func outlineClusters(
    on map: inout AreaMap, scores: AreaScores, layer: AreaLayer, _ args: ParsedArguments, _ io: inout Output
  )
    throws
  {
    guard let selection = try GeographySupport.selection(args, layer: layer, scores: { scores }) else {
      throw UsageError("--clusters needs the areas: --select NAMES, --top K or --min-score S (ranked by --value)")
    }
    if let warning = GeographySupport.tieWarning(selection, k: args[GeographySupport.top]) { io.warn(warning) }
    let clusters = try SelectionClusters(
      selection, contiguity: GeographySupport.contiguity(layer, args), names: layer.displayNames)
    map.labels = selection.codes
    map.outlines = clusters.clusters.map(\.codes)
    let line =
      "\(selection.members.count) valda områden i \(clusters.clusters.count) kluster (grannar med gemensam gräns"
      + (clusters.rule == "queen" ? " eller hörn)" : ")")
    map.subtitle = map.subtitle.map { $0 + " · " + line } ?? line
    io.note(
      "outlined \(clusters.clusters.count) \(clusters.rule) cluster(s) of \(selection.members.count) areas (\(selection.summary))"
    )
  }
}
