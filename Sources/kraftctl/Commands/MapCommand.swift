import KraftsamlingKit

/// `kraftctl map`: an SVG choropleth of a variable, with clusters outlined.
enum MapCommand: Command {
  static let name = "map"
  static let abstract = "Draw an SVG map of a variable (choropleth), optionally with clusters outlined."
  static let usage = """
    [--out FILE.svg] [--value NAME] [--classes quantile|equal|jenks] [--k N] [--clusters (--select NAMES | --top K)] \
    [--title TEXT] [--geometry FILE] [--id-property NAME] [--data FILE]
    """
  static let discussion = """
    Draws every area filled by the class of --value: an indicator id of the 2025
    index (as a percentage, e.g. ekonomiskt_bistand_20_64) or a numeric column of
    --data. Classes: quantile (default), equal intervals or jenks (exact
    Fisher–Jenks natural breaks); --k sets their number (default 5). Areas
    without a value are hatched grey. With --clusters, the selection given by
    --select (or the --top K areas of --value) is labelled and its rook (or
    --rule queen) clusters outlined and numbered. The map credits "Geometri:
    Malmö stad" and, for the bundled statistics, "Illustrativa data".
    Writes SVG to --out (or standard output); open it in any browser.
    (--value score and --hotspots arrive with the index and hot-spot commands.)
    """
  static let examples: [(command: String, comment: String)] = [
    ("map --out bistand.svg --value ekonomiskt_bistand_20_64 --classes jenks", "Social assistance share, natural breaks"),
    (
      "map --out kluster.svg --value trangbodda_0_18 --clusters --select \"Holma,Katrinelund,Augustenborg\"",
      "Overcrowding with three areas labelled and outlined"
    ),
  ]
  static let options: [OptionSpec] = [
    .option("--out", "FILE", "Write the SVG here (default: standard output)."),
    .option("--value", "NAME", "What to map: an indicator id or a numeric column (default: the first index indicator)."),
    .option("--classes", "METHOD", "quantile (default), equal or jenks."),
    .option("--k", "N", "Number of classes (default 5)."),
    .flag("--clusters", "Label the selection and outline its clusters."),
    GeographySupport.select, GeographySupport.top, GeographySupport.rule,
    .option("--title", "TEXT", "The map's title."),
    CommonOptions.geometry, CommonOptions.idProperty,
  ] + CommonOptions.dataInput + [CommonOptions.quiet]

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let (layer, bundledGeometry) = try Inputs.layer(args)
    let valueName = args.value("--value") ?? IndicatorCatalogue.stadskontoret2025.indexIndicators[0].id
    if valueName == "score" {
      throw UsageError("--value score needs a composite index, which this version of kraftctl cannot compute yet", hint: "map an indicator, e.g. --value ekonomiskt_bistand_20_64")
    }
    let (values, label, illustrative) = try GeographySupport.values(args, variable: valueName)
    let method = args.value("--classes") ?? "quantile"
    guard let classification = classification(named: method) else {
      throw UsageError("--classes must be quantile, equal or jenks, got '\(method)'")
    }
    let k = try args.int("--k", in: 1...12) ?? 5
    let credits = AreaMap.credits(geometry: bundledGeometry ? "Malmö stad" : (layer.source ?? "egen fil"), illustrative: illustrative)
    var map = try AreaMap.choropleth(
      layer: layer, values: values, classifiedBy: classification, classes: k, title: args.value("--title") ?? label,
      legendTitle: "\(label) – \(classification.name), \(k) klasser", credits: credits)
    if args.flag("--clusters") {
      let selection: AreaSelection
      if let list = args.value("--select") {
        if args.value("--top") != nil { throw UsageError("use only one of --select, --top") }
        selection = try AreaSelection.list(list.split(separator: ",").map(String.init), resolver: layer.nameResolver(), source: "--select")
      } else if let top = try args.int("--top", in: 1...1_000_000) {
        selection = try AreaSelection.top(top, of: values)
      } else {
        throw UsageError("--clusters needs the areas: --select NAMES or --top K (the K highest --value)")
      }
      let clusters = try SelectionClusters(
        selection, contiguity: layer.contiguity(rule: GeographySupport.rule(args)), names: layer.displayNames)
      map.labels = selection.codes
      map.outlines = clusters.clusters.map(\.codes)
      map.subtitle = "\(selection.members.count) valda områden i \(clusters.clusters.count) kluster (\(clusters.rule)-kontiguitet)"
      io.note("outlined \(clusters.clusters.count) \(clusters.rule) cluster(s) of \(selection.members.count) areas")
    }
    let svg = map.svg()
    if let out = args.value("--out") {
      try FileOutput.write(svg, to: out)
      io.note("wrote \(out) (\(svg.utf8.count) bytes)")
    } else {
      io.print(svg, terminator: "")
    }
  }
}
